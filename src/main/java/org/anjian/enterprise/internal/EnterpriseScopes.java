package org.anjian.enterprise.internal;

import java.util.Set;
import java.util.UUID;
import org.anjian.organization.Department;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.organization.ScopeConditions;
import org.anjian.organization.ScopeConditions.Condition;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.DataScope;
import org.anjian.shared.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Turns a data scope into a condition on {@code ent_enterprise e}, and says who may write what.
 * Reading and writing are separate questions: a record outside the read scope is answered with
 * 404 (it does not exist for the caller); a record inside it that the caller may not change is 403.
 */
@Component
public class EnterpriseScopes {

    private final OrganizationDirectory organization;
    private final ScopeConditions conditions;

    EnterpriseScopes(OrganizationDirectory organization, ScopeConditions conditions) {
        this.organization = organization;
        this.conditions = conditions;
    }

    public Condition readCondition(DataScope scope) {
        return conditions.ofEnterprises(scope, "e");
    }

    public boolean canRead(DataScope scope, Enterprise e) {
        return switch (scope.kind()) {
            case DISTRICT -> true;
            case REGION -> {
                Set<UUID> ids = organization.regionAndDescendants(scope.id());
                yield ids.contains(e.townId()) || (e.parkId() != null && ids.contains(e.parkId()));
            }
            case DEPARTMENT -> organization.department(scope.id()).map(d -> d.sectors().contains(e.sector().name())).orElse(false);
            case ENTERPRISE -> scope.id().equals(e.id());
            case AGENCY -> conditions.agencyServes(scope.id(), e.id());
        };
    }

    /**
     * The duty lists (licences due and gaps, the three responsible persons' compliance) are business records: the system
     * and security administrators keep accounts and the platform, not enterprises' licences, so they get 403 like on
     * every other business list; everybody else reads within their scope.
     */
    public static void requireDutyReader(AnjianUser user) {
        if (!user.hasAnyRole(Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.TOWN_OFFICIAL, Role.DEPARTMENT_OFFICIAL, Role.AUDITOR, Role.EXPERT,
                Role.ENTERPRISE_USER, Role.AGENCY_USER)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "shared.problem.forbidden", "forbidden");
        }
    }

    /** The fireworks outlet layout is a district view (its menu is hidden from enterprises): the regulators' only. */
    public static void requireOutletReader(AnjianUser user) {
        if (!user.hasAnyRole(Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.TOWN_OFFICIAL, Role.DEPARTMENT_OFFICIAL, Role.AUDITOR, Role.EXPERT)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "shared.problem.forbidden", "forbidden");
        }
    }

    /** Who may register enterprises at all; a town official only in a town of their scope. */
    public boolean canRegister(AnjianUser user) {
        return user.hasAnyRole(Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.TOWN_OFFICIAL);
    }

    /** Whether a town (or park) lies within what the user may register or move enterprises into. */
    public boolean canPlaceIn(AnjianUser user, UUID townId, UUID parkId) {
        if (user.hasAnyRole(Role.DISTRICT_ADMIN, Role.INSPECTOR) && user.scope().isDistrict()) {
            return true;
        }
        if (user.hasRole(Role.TOWN_OFFICIAL) && user.scope().kind() == org.anjian.shared.security.ScopeKind.REGION) {
            Set<UUID> ids = organization.regionAndDescendants(user.scope().id());
            return (townId != null && ids.contains(townId)) || (parkId != null && ids.contains(parkId));
        }
        return false;
    }

    /**
     * The full profile: regulators, and a town official for their town's enterprises. An enterprise
     * user edits only its own contact details (see {@link #canEditOwnContact}): sector, scale, flags,
     * status and region decide the supervision class, and an enterprise must not set its own class.
     */
    public boolean canEditProfile(AnjianUser user, Enterprise e) {
        if (user.hasAnyRole(Role.DISTRICT_ADMIN, Role.INSPECTOR)) {
            return canRead(user.scope(), e);
        }
        return user.hasRole(Role.TOWN_OFFICIAL) && canRead(user.scope(), e);
    }

    public boolean canEditOwnContact(AnjianUser user, Enterprise e) {
        return user.hasRole(Role.ENTERPRISE_USER) && user.scope().isEnterprise(e.id());
    }

    /** Classification inputs and the rule set belong to the regulator. */
    public boolean canSetClassificationInputs(AnjianUser user, Enterprise e) {
        return user.hasAnyRole(Role.DISTRICT_ADMIN, Role.INSPECTOR) && canRead(user.scope(), e);
    }

    /**
     * Licences, key persons, responsible persons and their checks, mine records: the enterprise keeps
     * its own file up to date, regulators and its town may too.
     */
    public boolean canEditDuties(AnjianUser user, Enterprise e) {
        return canEditProfile(user, e) || canEditOwnContact(user, e);
    }
}
