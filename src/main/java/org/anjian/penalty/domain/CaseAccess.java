package org.anjian.penalty.domain;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.anjian.shared.security.DataScope;
import org.anjian.shared.security.Role;
import org.anjian.shared.security.ScopeKind;

/**
 * Who may read and act on a penalty case. The regulators (district, inspectors, auditors) read
 * every case, the party its own; the case's handlers (承办人) and the district act on it; the
 * legal review is the district's; the party asks for its hearing. The party never sees the
 * officers' evidence file or their deliberation.
 *
 * @param userId who asks
 * @param roles  their roles
 * @param scope  their data scope (an enterprise user's is the enterprise)
 */
public record CaseAccess(UUID userId, Set<Role> roles, DataScope scope) {

    /** The steps whose notes are the officers' deliberation (调查, 拟处罚, 法制审核), not shown to the party. */
    private static final Set<CaseAction> DELIBERATION = EnumSet.of(CaseAction.INVESTIGATE, CaseAction.PROPOSE, CaseAction.SUBMIT_REVIEW,
            CaseAction.APPROVE_REVIEW, CaseAction.RETURN_REVIEW);

    /** How a case is shown to someone: read, not known to exist (another enterprise's case), or forbidden. */
    public enum Reading {
        ALLOWED, HIDDEN, FORBIDDEN
    }

    public CaseAccess {
        roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    public boolean isRegulator() {
        return has(Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.AUDITOR);
    }

    /** An enterprise user, not also a regulator: sees its own enterprise's cases only. */
    public boolean isParty() {
        return roles.contains(Role.ENTERPRISE_USER) && !isRegulator();
    }

    /** 立案: the district and its inspectors. */
    public boolean mayFile() {
        return has(Role.DISTRICT_ADMIN, Role.INSPECTOR);
    }

    /** Lists: the regulators every case; an enterprise user with an enterprise scope its own; nobody else. */
    public boolean mayList() {
        return isRegulator() || (isParty() && scope.kind() == ScopeKind.ENTERPRISE);
    }

    /** The enterprise a list is limited to, or null for a regulator. */
    public UUID ownEnterprise() {
        return isParty() ? scope.id() : null;
    }

    public Reading reading(UUID enterpriseId) {
        if (isRegulator()) {
            return Reading.ALLOWED;
        }
        if (roles.contains(Role.ENTERPRISE_USER)) {
            return scope.isEnterprise(enterpriseId) ? Reading.ALLOWED : Reading.HIDDEN;
        }
        return Reading.FORBIDDEN;
    }

    /** 承办人 act on their cases; the district on any. */
    public boolean mayAct(Collection<UUID> handlerIds) {
        return roles.contains(Role.DISTRICT_ADMIN) || (roles.contains(Role.INSPECTOR) && handlerIds.contains(userId));
    }

    /** 法制审核 is the district's legal section's (whether this reviewer may review this case is {@link PenaltyProcedure}'s rule). */
    public boolean mayDecideReviews() {
        return roles.contains(Role.DISTRICT_ADMIN);
    }

    /** The party asks for its own hearing; anybody else only as a case's handler recording that it asked. */
    public boolean mayRequestHearing(UUID enterpriseId, Collection<UUID> handlerIds) {
        return (roles.contains(Role.ENTERPRISE_USER) && scope.isEnterprise(enterpriseId)) || mayAct(handlerIds);
    }

    /** The investigation records, the legal reviews and the deliberation notes: the regulators', not the party's. */
    public boolean seesTheCaseFile() {
        return isRegulator();
    }

    /** Whether a timeline step's note is shown to this reader. */
    public boolean seesTheNoteOf(String action) {
        return seesTheCaseFile() || DELIBERATION.stream().noneMatch(a -> a.name().equals(action));
    }

    /** The actions this reader may take next on the case, of those its state and penalty allow. */
    public Set<CaseAction> nextActions(PenaltyCase c) {
        Set<CaseAction> next = EnumSet.noneOf(CaseAction.class);
        Set<CaseAction> possible = c.nextActions();
        if (mayAct(c.handlerIds())) {
            next.addAll(possible);
            if (!mayDecideReviews()) {
                next.remove(CaseAction.APPROVE_REVIEW);
                next.remove(CaseAction.RETURN_REVIEW);
            }
        } else if (scope.isEnterprise(c.enterpriseId()) && possible.contains(CaseAction.REQUEST_HEARING)) {
            next.add(CaseAction.REQUEST_HEARING);
        }
        return next;
    }

    private boolean has(Role... any) {
        for (Role r : any) {
            if (roles.contains(r)) {
                return true;
            }
        }
        return false;
    }
}
