package org.anjian.inspection.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.anjian.inspection.InspectionFindingRecorded;
import org.anjian.inspection.ViolationCategory;
import org.anjian.inspection.domain.EnforcementTeam.Member;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InspectionTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    // 2026-03-10 10:00 in the district
    static final Instant NOW = LocalDate.of(2026, 3, 10).atTime(10, 0).atZone(ZONE).toInstant();
    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    final UUID enterprise = UUID.randomUUID();
    final Member wang = new Member(UUID.randomUUID(), true);
    final Member li = new Member(UUID.randomUUID(), true);
    final Member clerk = new Member(UUID.randomUUID(), false);

    Inspection planned() {
        return Inspection.plan(UUID.randomUUID(), new Inspection.Site(enterprise, null, null, "NON_COAL_MINE"), List.of(wang, li), TODAY, null);
    }

    Inspection.NewFinding finding(LocalDate deadline) {
        return new Inspection.NewFinding("配电室", "未设置绝缘垫", false, null, null, deadline, null, null, ViolationCategory.SAFETY_FACILITIES);
    }

    @Test
    void anInspectionIsMadeByAtLeastTwoCertifiedInspectors() {
        assertThat(planned().state()).isEqualTo(InspectionState.PLANNED);
        assertThat(planned().inspectorIds()).containsExactly(wang.id(), li.id());
        for (List<Member> team : List.of(List.of(wang), List.of(wang, wang), List.of(wang, clerk))) {
            assertThatThrownBy(() -> Inspection.plan(UUID.randomUUID(), new Inspection.Site(enterprise, null, null, "HAZCHEM"), team, TODAY, null))
                    .isInstanceOfSatisfying(InspectionRuleViolation.class, v -> assertThat(v.fields()).extracting(InspectionRuleViolation.Field::field)
                            .containsExactly("inspectorIds"));
        }
    }

    @Test
    void anInspectionOfNoEnterpriseOnNoDayNamesEveryWrongFieldAtOnce() {
        assertThatThrownBy(() -> Inspection.plan(UUID.randomUUID(), null, List.of(wang), null, null))
                .isInstanceOfSatisfying(InspectionRuleViolation.class, v -> {
                    assertThat(v.isInvalidInput()).isTrue();
                    assertThat(v.fields()).extracting(InspectionRuleViolation.Field::field).containsExactly("enterpriseId", "inspectorIds", "plannedOn");
                });
    }

    @Test
    void theFirstFindingTakesTheInspectionOnSiteAndBecomesAHazardDueAtTheEndOfItsDeadline() {
        Inspection i = planned();
        UUID id = UUID.randomUUID();
        i.recordFinding(id, finding(TODAY.plusDays(30)), "王强", NOW, ZONE);
        assertThat(i.state()).isEqualTo(InspectionState.ON_SITE);
        assertThat(i.startedAt()).isEqualTo(NOW);
        assertThat(i.newFindings()).hasSize(1);
        assertThat(i.pullEvents()).singleElement().isInstanceOfSatisfying(InspectionFindingRecorded.class, e -> {
            assertThat(e.findingId()).isEqualTo(id);
            assertThat(e.enterpriseId()).isEqualTo(enterprise);
            assertThat(e.deadline()).isEqualTo(TODAY.plusDays(31).atStartOfDay(ZONE).toInstant());
        });
        assertThat(i.pullEvents()).isEmpty();
        // the second finding does not restart the visit
        i.recordFinding(UUID.randomUUID(), finding(TODAY), "李明", NOW.plusSeconds(600), ZONE);
        assertThat(i.startedAt()).isEqualTo(NOW);
    }

    @Test
    void aRectificationDeadlineIsFromTodayToAYearAhead() {
        Inspection i = planned();
        i.recordFinding(UUID.randomUUID(), finding(TODAY), "王强", NOW, ZONE);
        i.recordFinding(UUID.randomUUID(), finding(TODAY.plusDays(366)), "王强", NOW, ZONE);
        for (LocalDate wrong : List.of(TODAY.minusDays(1), TODAY.plusDays(367))) {
            assertThatThrownBy(() -> i.recordFinding(UUID.randomUUID(), finding(wrong), "王强", NOW, ZONE))
                    .isInstanceOfSatisfying(InspectionRuleViolation.class, v -> assertThat(v.fields()).extracting(InspectionRuleViolation.Field::code)
                            .containsExactly("inspection.finding.deadline"));
        }
    }

    @Test
    void aFindingThatMatchesAMajorHazardCriterionIsMajor() {
        Inspection i = planned();
        Inspection.Finding f = i.recordFinding(UUID.randomUUID(), new Inspection.NewFinding("罐区", "未设置可燃气体报警", false, "HC-1.2", null,
                TODAY.plusDays(10), null, null, ViolationCategory.MAJOR_HAZARD_SOURCE), "王强", NOW, ZONE);
        assertThat(f.major()).isTrue();
    }

    @Test
    void aDoneInspectionTakesNoFindings() {
        Inspection i = planned();
        i.finish(NOW, false, false);
        assertThat(i.state()).isEqualTo(InspectionState.DONE);
        assertThatThrownBy(() -> i.recordFinding(UUID.randomUUID(), finding(TODAY), "王强", NOW, ZONE))
                .isInstanceOfSatisfying(InspectionRuleViolation.class, v -> {
                    assertThat(v.reason()).isEqualTo("inspection.done");
                    assertThat(v.isInvalidInput()).isFalse();
                });
        assertThat(i.newFindings()).isEmpty();
    }

    @Test
    void aDoneInspectionTakesNoCheckResultsAndIsFinishedOnce() {
        Inspection i = planned();
        assertThat(i.checkItem("安全生产责任制", "PASS", "王强", NOW).outcome()).isEqualTo("PASS");
        i.finish(NOW, false, false);
        assertThatThrownBy(() -> i.checkItem("安全生产责任制", "FAIL", "王强", NOW)).hasFieldOrPropertyWithValue("reason", "inspection.done");
        assertThatThrownBy(() -> i.finish(NOW, false, false)).hasFieldOrPropertyWithValue("reason", "inspection.done");
    }

    @Test
    void aCheckedItemIsPassedOrFailed() {
        assertThatThrownBy(() -> planned().checkItem("安全生产责任制", "MAYBE", "王强", NOW)).hasFieldOrPropertyWithValue("reason", "inspection.check.outcome");
    }

    @Test
    void aMineIsFinishedOnlyAfterAnExamOfItsKeyPeople() {
        Inspection i = planned();
        assertThatThrownBy(() -> i.finish(NOW, true, false)).hasFieldOrPropertyWithValue("reason", "inspection.exam.required");
        assertThat(i.state()).isEqualTo(InspectionState.PLANNED);
        i.finish(NOW, true, true);
        assertThat(i.state()).isEqualTo(InspectionState.DONE);
        // finished without a finding: the visit started when it ended
        assertThat(i.startedAt()).isEqualTo(NOW);
        assertThat(i.finishedAt()).isEqualTo(NOW);
    }

    @Test
    void companionsAreAtMostFiveHundredCharacters() {
        Inspection i = planned();
        i.noteCompanions("王工（安全专家）".repeat(62) + "王工王工");
        assertThat(i.companions()).hasSize(500);
        assertThatThrownBy(() -> i.noteCompanions("x".repeat(501))).hasFieldOrPropertyWithValue("reason", "inspection.companions");
        i.noteCompanions("  ");
        assertThat(i.companions()).isNull();
    }

    @Test
    void onlyTheTeamIsOnTheTeam() {
        assertThat(planned().isOnTeam(wang.id())).isTrue();
        assertThat(planned().isOnTeam(clerk.id())).isFalse();
    }
}
