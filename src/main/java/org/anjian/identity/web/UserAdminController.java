package org.anjian.identity.web;

import java.time.Clock;
import java.util.UUID;
import org.anjian.identity.UserManagement;
import org.anjian.identity.UserManagement.NewUser;
import org.anjian.identity.UserManagement.UserChange;
import org.anjian.identity.internal.ApiTokenService;
import org.anjian.identity.internal.UserAccount;
import org.anjian.identity.internal.UserAccountRepository;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.organization.RegionKind;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.security.Role;
import org.anjian.shared.security.ScopeKind;
import org.anjian.shared.web.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

@Controller
@RequestMapping("/admin/users")
@PreAuthorize("hasAnyRole('DISTRICT_ADMIN', 'SECURITY_ADMIN')")
class UserAdminController {

    static final String LIST = "identity/users";
    static final String FORM = "identity/user-form";

    private final UserAccountRepository accounts;
    private final UserManagement users;
    private final ApiTokenService tokens;
    private final OrganizationDirectory organization;
    private final Clock clock;

    UserAdminController(UserAccountRepository accounts, UserManagement users, ApiTokenService tokens,
                        OrganizationDirectory organization, Clock clock) {
        this.accounts = accounts;
        this.users = users;
        this.tokens = tokens;
        this.organization = organization;
        this.clock = clock;
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Role role,
                @RequestParam(required = false) Boolean locked, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("result", accounts.search(q, role, locked, clock.instant(), PageRequest.of(page, 20)));
        model.addAttribute("now", clock.instant());
        model.addAttribute("q", q);
        model.addAttribute("role", role);
        model.addAttribute("locked", locked);
        model.addAttribute("allRoles", Role.values());
        model.addAttribute("base", UriComponentsBuilder.fromPath("/admin/users").queryParamIfPresent("q", java.util.Optional.ofNullable(q))
                .queryParamIfPresent("role", java.util.Optional.ofNullable(role)).queryParamIfPresent("locked", java.util.Optional.ofNullable(locked))
                .build().encode().toUriString());
        return LIST;
    }

    @GetMapping("/new")
    String newForm(Model model) {
        return form(model, new UserForm(), null);
    }

    @PostMapping("/new")
    String create(@ModelAttribute("form") UserForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return form(model, form, null);
        }
        try {
            var created = users.create(new NewUser(form.getUsername(), form.getDisplayName(), form.getPassword(), form.getRoles(),
                    form.getScopeKind(), scopeIdFor(form), form.getPhone(), form.getEnforcementCertNo()));
            redirect.addFlashAttribute("saved", created.username());
            return "redirect:/admin/users";
        } catch (DomainException e) {
            e.fieldErrors().forEach(f -> binding.rejectValue(f.field(), f.code(), f.defaultMessage()));
            return form(model, form, null);
        }
    }

    @GetMapping("/{id}")
    String editForm(@PathVariable UUID id, Model model) {
        UserAccount a = accounts.findById(id).orElseThrow(() -> DomainException.notFound("user"));
        UserForm form = new UserForm();
        form.setUsername(a.username());
        form.setDisplayName(a.displayName());
        form.setRoles(a.roles());
        form.setScopeKind(a.scope().kind());
        form.setScopeId(a.scope().id());
        form.setPhone(a.phone());
        form.setEnforcementCertNo(a.enforcementCertNo());
        form.setEnabled(a.enabled());
        model.addAttribute("account", a);
        return form(model, form, id);
    }

    @PostMapping("/{id}")
    String update(@PathVariable UUID id, @ModelAttribute("form") UserForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        UserAccount a = accounts.findById(id).orElseThrow(() -> DomainException.notFound("user"));
        model.addAttribute("account", a);
        if (binding.hasErrors()) {
            return form(model, form, id);
        }
        try {
            users.update(id, new UserChange(form.getDisplayName(), form.getRoles(), form.getScopeKind(), scopeIdFor(form), form.getPhone(),
                    form.getEnforcementCertNo(), form.isEnabled()));
            redirect.addFlashAttribute("saved", a.username());
            return "redirect:/admin/users";
        } catch (DomainException e) {
            e.fieldErrors().forEach(f -> binding.rejectValue(f.field(), f.code(), f.defaultMessage()));
            return form(model, form, id);
        }
    }

    @PostMapping("/{id}/unlock")
    String unlock(@PathVariable UUID id, RedirectAttributes redirect) {
        users.unlock(id);
        redirect.addFlashAttribute("unlocked", true);
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/{id}/password")
    String resetPassword(@PathVariable UUID id, @RequestParam String password, RedirectAttributes redirect) {
        try {
            users.resetPassword(id, password);
            redirect.addFlashAttribute("passwordReset", true);
        } catch (DomainException e) {
            redirect.addFlashAttribute("passwordError", e.fieldErrors().isEmpty() ? e.reason() : e.fieldErrors().get(0).code());
        }
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/{id}/revoke-tokens")
    String revokeTokens(@PathVariable UUID id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("tokensRevoked", tokens.revokeAll(id));
        return "redirect:/admin/users/" + id;
    }

    /** The page offers one picker per scope kind; only the one matching the kind counts. */
    private static UUID scopeIdFor(UserForm form) {
        return form.getScopeKind() == null || form.getScopeKind() == ScopeKind.DISTRICT ? null : form.getScopeId();
    }

    private String form(Model model, UserForm form, UUID id) {
        model.addAttribute("form", form);
        model.addAttribute("id", id);
        model.addAttribute("allRoles", Role.values());
        model.addAttribute("scopeKinds", ScopeKind.values());
        model.addAttribute("regions", organization.regions().stream().filter(r -> r.kind() != RegionKind.DISTRICT).toList());
        model.addAttribute("departments", organization.departments());
        model.addAttribute("now", clock.instant());
        return FORM;
    }
}
