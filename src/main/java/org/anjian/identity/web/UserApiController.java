package org.anjian.identity.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Set;
import java.util.UUID;
import org.anjian.identity.UserManagement;
import org.anjian.identity.UserManagement.NewUser;
import org.anjian.identity.UserManagement.UserChange;
import org.anjian.identity.UserSummary;
import org.anjian.identity.internal.UserAccount;
import org.anjian.identity.internal.UserAccountRepository;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.security.Role;
import org.anjian.shared.security.ScopeKind;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/users")
@PreAuthorize("hasAnyRole('DISTRICT_ADMIN', 'SECURITY_ADMIN')")
@Tag(name = "users", description = "用户管理 (accounts, roles, data scopes)")
class UserApiController {

    private final UserAccountRepository accounts;
    private final UserManagement users;
    private final Clock clock;

    UserApiController(UserAccountRepository accounts, UserManagement users, Clock clock) {
        this.accounts = accounts;
        this.users = users;
        this.clock = clock;
    }

    record UserView(UUID id, String username, String displayName, List<String> roles, String scopeKind, UUID scopeId, String phone,
                    String enforcementCertNo, boolean enabled, boolean locked, Instant lockedUntil, Instant lastLoginAt) {
        static UserView of(UserAccount a, Instant now) {
            return new UserView(a.id(), a.username(), a.displayName(), a.roles().stream().map(Enum::name).sorted().toList(),
                    a.scope().kind().name(), a.scope().id(), a.phone(), a.enforcementCertNo(), a.enabled(), a.isLockedAt(now),
                    a.isLockedAt(now) ? a.lockedUntil() : null, a.lastLoginAt());
        }
    }

    record CreateUser(String username, String displayName, String password, Set<Role> roles, ScopeKind scopeKind, UUID scopeId,
                      String phone, String enforcementCertNo) {
    }

    record UpdateUser(String displayName, Set<Role> roles, ScopeKind scopeKind, UUID scopeId, String phone, String enforcementCertNo,
                      Boolean enabled) {
    }

    record ResetPassword(String password) {
    }

    @GetMapping
    PageResult<UserView> list(@RequestParam(required = false) String q, @RequestParam(required = false) Role role,
                              @RequestParam(required = false) Boolean locked,
                              @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        Instant now = clock.instant();
        return accounts.search(q, role, locked, now, PageRequest.of(page, size)).map(a -> UserView.of(a, now));
    }

    @GetMapping("/{id}")
    UserView get(@PathVariable UUID id) {
        return accounts.findById(id).map(a -> UserView.of(a, clock.instant())).orElseThrow(() -> DomainException.notFound("user"));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    UserView create(@RequestBody CreateUser body) {
        UserSummary s = users.create(new NewUser(body.username(), body.displayName(), body.password(), body.roles(), body.scopeKind(),
                body.scopeId(), body.phone(), body.enforcementCertNo()));
        return get(s.id());
    }

    @PutMapping("/{id}")
    UserView update(@PathVariable UUID id, @RequestBody UpdateUser body) {
        users.update(id, new UserChange(body.displayName(), body.roles(), body.scopeKind(), body.scopeId(), body.phone(),
                body.enforcementCertNo(), body.enabled() == null || body.enabled()));
        return get(id);
    }

    @PostMapping("/{id}/unlock")
    UserView unlock(@PathVariable UUID id) {
        users.unlock(id);
        return get(id);
    }

    @PostMapping("/{id}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void resetPassword(@PathVariable UUID id, @RequestBody ResetPassword body) {
        users.resetPassword(id, body.password());
    }
}
