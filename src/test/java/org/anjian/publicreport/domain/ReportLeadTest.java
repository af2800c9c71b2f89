package org.anjian.publicreport.domain;

import java.util.UUID;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RPT-2: verification may plan one inspection lead; the lead's outcome becomes the result while the report is still being verified. */
class ReportLeadTest {

    PublicReport verifying() {
        PublicReport r = PublicReportTest.received();
        r.accept(PublicReportTest.FRIDAY.plusDays(3), PublicReportTest.LIMITS);
        r.assign(PublicReport.AssigneeKind.TOWN, UUID.randomUUID());
        r.startVerifying(null);
        return r;
    }

    @Test
    void aLeadIsPlannedOnlyWhileVerifyingAndOnlyOnce() {
        PublicReport assigned = PublicReportTest.received();
        assigned.accept(PublicReportTest.FRIDAY.plusDays(3), PublicReportTest.LIMITS);
        assertThatThrownBy(() -> assigned.linkLead(UUID.randomUUID())).isInstanceOf(ReportRuleViolation.class).hasMessageContaining("ACCEPTED");
        PublicReport r = verifying();
        UUID lead = UUID.randomUUID();
        r.linkLead(lead);
        assertThat(r.leadId()).isEqualTo(lead);
        assertThatThrownBy(() -> r.linkLead(UUID.randomUUID())).isInstanceOf(ReportRuleViolation.class)
                .hasFieldOrPropertyWithValue("reason", "publicreport.lead.exists");
    }

    @Test
    void aConfirmedLeadMakesTheReportSubstantiatedAndAnotherLeadChangesNothing() {
        PublicReport r = verifying();
        UUID lead = UUID.randomUUID();
        r.linkLead(lead);
        assertThat(r.resultFromLead(UUID.randomUUID(), true, "别的线索")).isFalse();
        assertThat(r.state()).isEqualTo(ReportState.VERIFYING);
        assertThat(r.resultFromLead(lead, true, "执法检查核查：查实")).isTrue();
        assertThat(r.state()).isEqualTo(ReportState.VERIFIED);
        assertThat(r.substantiated()).isTrue();
        // the handler recorded a result already: the lead's later outcome does not overwrite it
        assertThat(r.resultFromLead(lead, false, "未查实")).isFalse();
        assertThat(r.substantiated()).isTrue();
    }
}
