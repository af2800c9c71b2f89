package org.anjian.penalty.domain;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.anjian.inspection.ViolationCategory;
import org.anjian.shared.security.DataScope;
import org.anjian.shared.security.Role;
import org.anjian.shared.security.ScopeKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Who reads and who acts on a penalty case. */
class CaseAccessTest {

    final UUID zhang = UUID.randomUUID();
    final UUID li = UUID.randomUUID();
    final UUID enterprise = UUID.randomUUID();
    final List<UUID> handlers = List.of(zhang, li);

    CaseAccess inspector(UUID id) {
        return new CaseAccess(id, Set.of(Role.INSPECTOR), DataScope.DISTRICT);
    }

    CaseAccess district() {
        return new CaseAccess(UUID.randomUUID(), Set.of(Role.DISTRICT_ADMIN), DataScope.DISTRICT);
    }

    CaseAccess partyOf(UUID enterpriseId) {
        return new CaseAccess(UUID.randomUUID(), Set.of(Role.ENTERPRISE_USER), DataScope.of(ScopeKind.ENTERPRISE, enterpriseId));
    }

    PenaltyCase notifiedWithAHearingRight() {
        PenaltyCase c = PenaltyCase.file(UUID.randomUUID(), new PenaltyCase.Filing(CaseSource.REPORT, null, null, enterprise,
                EnumSet.of(ViolationCategory.OTHER), "x", null, handlers, CaseFacts.NONE), true, u -> true, null, "zhang", Instant.now());
        c.investigate("INQUIRY", "x", Instant.now().minusSeconds(60), Instant.now());
        c.propose(20_000L, Set.of(Measure.SUSPENSION), "x", "x", null, List.of(), zhang, PenaltyProcedure.DEFAULTS);
        c.submitForReview();
        c.decideReview(UUID.randomUUID(), true, "同意");
        c.notifyParty(PenaltyProcedure.DEFAULTS, () -> new PenaltyCase.IssuedDocument(UUID.randomUUID(), "1", Instant.now(),
                java.time.LocalDate.of(2026, 11, 2)));
        return c;
    }

    @Test
    void aCaseIsActedOnByItsHandlersAndByTheDistrict() {
        assertThat(inspector(zhang).mayAct(handlers)).isTrue();
        assertThat(district().mayAct(handlers)).isTrue();
        assertThat(inspector(UUID.randomUUID()).mayAct(handlers)).isFalse();
        assertThat(new CaseAccess(UUID.randomUUID(), Set.of(Role.AUDITOR), DataScope.DISTRICT).mayAct(handlers)).isFalse();
    }

    @Test
    void anotherInspectorReadsTheCaseButDoesNotActOnIt() {
        CaseAccess outsider = inspector(UUID.randomUUID());
        assertThat(outsider.reading(enterprise)).isEqualTo(CaseAccess.Reading.ALLOWED);
        assertThat(outsider.nextActions(notifiedWithAHearingRight())).isEmpty();
    }

    @Test
    void theLegalReviewIsTheDistrictsAlone() {
        assertThat(district().mayDecideReviews()).isTrue();
        assertThat(inspector(zhang).mayDecideReviews()).isFalse();
    }

    @Test
    void anEnterpriseReadsItsOwnCaseAndDoesNotKnowOthersExist() {
        assertThat(partyOf(enterprise).reading(enterprise)).isEqualTo(CaseAccess.Reading.ALLOWED);
        assertThat(partyOf(UUID.randomUUID()).reading(enterprise)).isEqualTo(CaseAccess.Reading.HIDDEN);
        assertThat(new CaseAccess(UUID.randomUUID(), Set.of(Role.TOWN_OFFICIAL), DataScope.DISTRICT).reading(enterprise))
                .isEqualTo(CaseAccess.Reading.FORBIDDEN);
        assertThat(partyOf(enterprise).ownEnterprise()).isEqualTo(enterprise);
        assertThat(district().ownEnterprise()).isNull();
    }

    @Test
    void thePartyDoesNotSeeTheOfficersEvidenceFileOrDeliberation() {
        CaseAccess party = partyOf(enterprise);
        assertThat(party.seesTheCaseFile()).isFalse();
        assertThat(party.seesTheNoteOf("PROPOSE")).isFalse();
        assertThat(party.seesTheNoteOf("RETURN_REVIEW")).isFalse();
        assertThat(party.seesTheNoteOf("NOTIFY")).isTrue();
        assertThat(inspector(UUID.randomUUID()).seesTheNoteOf("PROPOSE")).isTrue();
    }

    @Test
    void thePartyAsksForItsOwnHearingAndMayDoNothingElse() {
        PenaltyCase c = notifiedWithAHearingRight();
        assertThat(partyOf(enterprise).mayRequestHearing(enterprise, handlers)).isTrue();
        assertThat(partyOf(UUID.randomUUID()).mayRequestHearing(enterprise, handlers)).isFalse();
        assertThat(partyOf(enterprise).nextActions(c)).containsExactly(CaseAction.REQUEST_HEARING);
        assertThat(inspector(zhang).nextActions(c)).contains(CaseAction.DECIDE, CaseAction.REQUEST_HEARING);
    }
}
