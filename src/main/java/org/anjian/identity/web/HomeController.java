package org.anjian.identity.web;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.anjian.identity.internal.AuditQuery;
import org.anjian.identity.internal.UserAccountRepository;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.organization.RegionKind;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.CurrentUser;
import org.anjian.shared.security.DataScope;
import org.anjian.shared.security.Role;
import org.anjian.shared.security.ScopeNames;
import org.anjian.shared.web.HomeTiles;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The first page after sign-in: what this role looks after, with the figures it needs first. */
@Controller
class HomeController {

    static final String VIEW = "identity/home";
    private final OrganizationDirectory organization;
    private final UserAccountRepository accounts;
    private final AuditQuery audit;
    private final Clock clock;
    private final List<HomeTiles> contributions;
    private final List<ScopeNames> scopeNames;

    HomeController(OrganizationDirectory organization, UserAccountRepository accounts, AuditQuery audit, Clock clock,
                   List<HomeTiles> contributions, List<ScopeNames> scopeNames) {
        this.contributions = contributions;
        this.scopeNames = scopeNames;
        this.organization = organization;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** A figure on the home page: message key of its label, value, and where it leads. */
    record Tile(String label, long value, String link, String tone) {
        Tile(String label, long value, String link) {
            this(label, value, link, null);
        }
    }

    @GetMapping("/")
    String home(Model model) {
        AnjianUser user = CurrentUser.require();
        List<Tile> tiles = new ArrayList<>();
        if (user.hasAnyRole(Role.DISTRICT_ADMIN, Role.SYSTEM_ADMIN)) {
            tiles.add(new Tile("home.tile.towns", organization.towns().size(), "/organization"));
            tiles.add(new Tile("home.tile.parks", organization.regions().stream().filter(r -> r.kind() == RegionKind.PARK).count(), "/organization"));
            tiles.add(new Tile("home.tile.departments", organization.departments().size(), "/organization#departments"));
            tiles.add(new Tile("home.tile.offices", organization.specialOffices().size(), "/organization#offices"));
        }
        if (user.hasAnyRole(Role.DISTRICT_ADMIN, Role.SECURITY_ADMIN)) {
            tiles.add(new Tile("home.tile.users", accounts.count(), "/admin/users"));
            tiles.add(new Tile("home.tile.locked", accounts.countLocked(clock.instant()), "/admin/users?locked=true"));
        }
        if (user.hasRole(Role.AUDITOR)) {
            tiles.add(new Tile("home.tile.audit24h", audit.countSince(clock.instant().minus(Duration.ofHours(24))), "/audit"));
        }
        for (HomeTiles module : contributions) {
            module.tiles(user).forEach(t -> tiles.add(new Tile(t.label(), t.value(), t.link(), t.tone())));
        }
        model.addAttribute("tiles", tiles);
        model.addAttribute("roles", user.roleNames());
        model.addAttribute("scopeName", scopeName(user.scope()));
        model.addAttribute("scopeKind", user.scope().kind().name());
        return VIEW;
    }

    private String scopeName(DataScope scope) {
        return switch (scope.kind()) {
            case DISTRICT -> organization.district().name();
            case REGION -> organization.region(scope.id()).map(r -> r.name()).orElse("—");
            case DEPARTMENT -> organization.department(scope.id()).map(d -> d.name()).orElse("—");
            default -> scopeNames.stream().map(n -> n.name(scope)).flatMap(java.util.Optional::stream).findFirst().orElse("—");
        };
    }
}
