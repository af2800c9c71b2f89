package org.anjian.accident.domain;

import java.time.Duration;
import java.time.Instant;
import org.anjian.accident.AccidentGrade;
import org.anjian.accident.AccidentSector;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Decree 493's deadlines, the 补报 windows, the investigation and the consequence rules, at their boundaries. */
class AccidentRulesTest {

    static final Instant AT = Instant.parse("2026-03-10T02:00:00Z");

    @Test
    void theEnterpriseReportsWithinOneHourAndEachLevelWithinTwo() {
        Instant due = ReportingDeadlines.enterpriseDue(AT);
        assertThat(due).isEqualTo(AT.plus(Duration.ofHours(1)));
        assertThat(ReportingDeadlines.due("ENTERPRISE", due, due, due).late()).isFalse();
        assertThat(ReportingDeadlines.due("ENTERPRISE", due, due.plusSeconds(1), due).late()).isTrue();
        assertThat(ReportingDeadlines.districtDue(AT, AT.plus(Duration.ofMinutes(20)))).isEqualTo(AT.plus(Duration.ofMinutes(140)));
        assertThat(ReportingDeadlines.districtDue(AT, null)).isEqualTo(AT.plus(Duration.ofHours(3)));
        assertThat(ReportingDeadlines.followUpDue(AT)).isEqualTo(AT.plus(Duration.ofHours(24)));
        assertThat(ReportingDeadlines.due("DISTRICT", due, null, due.plusSeconds(1)).late()).isTrue();
    }

    @Test
    void casualtiesAreSupplementedWithin30DaysOr7ForRoadTrafficAndFire() {
        assertThat(SupplementWindow.open(AccidentSector.INDUSTRY_TRADE, AT, AT.plus(Duration.ofDays(30)))).isTrue();
        assertThat(SupplementWindow.open(AccidentSector.INDUSTRY_TRADE, AT, AT.plus(Duration.ofDays(30)).plusSeconds(1))).isFalse();
        assertThat(SupplementWindow.open(AccidentSector.ROAD_TRAFFIC, AT, AT.plus(Duration.ofDays(7)))).isTrue();
        assertThat(SupplementWindow.open(AccidentSector.FIRE, AT, AT.plus(Duration.ofDays(7)).plusSeconds(1))).isFalse();
        assertThat(SupplementWindow.open(AccidentSector.NON_COAL_MINE, AT, AT.plus(Duration.ofDays(8)))).isTrue();
    }

    static Investigation started() {
        Investigation i = new Investigation(AT, Investigation.Level.DISTRICT, null, null, null, null, null, null, null, null, null, null, null, null);
        i.start(Investigation.Level.DISTRICT, "王组长", null, AT.plus(Duration.ofDays(1)));
        return i;
    }

    @Test
    void theReportIsDueSixtyDaysAfterAndExtendsOnceByAtMostSixty() {
        Investigation i = started();
        assertThat(i.reportDue()).isEqualTo(AT.plus(Duration.ofDays(60)));
        assertThatThrownBy(() -> i.extend(61)).isInstanceOf(AccidentRuleViolation.class);
        assertThatThrownBy(() -> i.extend(0)).isInstanceOf(AccidentRuleViolation.class);
        i.extend(60);
        assertThat(i.reportDue()).isEqualTo(AT.plus(Duration.ofDays(120)));
        assertThatThrownBy(() -> i.extend(1)).hasMessageContaining("only once");
        i.submitReport("报告", AT.plus(Duration.ofDays(120)));
        assertThat(i.reportLate()).isFalse();
        Investigation late = started();
        late.submitReport("报告", AT.plus(Duration.ofDays(60)).plusSeconds(1));
        assertThat(late.reportLate()).isTrue();
    }

    @Test
    void theCaseClosesOnlyWithAllFourNoLetsGo() {
        Investigation i = started();
        i.submitReport("报告", AT.plus(Duration.ofDays(30)));
        i.approve("区安委办", AT.plus(Duration.ofDays(35)));
        i.record(new Investigation.NoLetsGo("原因", "处理", "措施", null), "企业责任", "监管责任");
        assertThatThrownBy(() -> i.close(AT.plus(Duration.ofDays(40))))
                .isInstanceOfSatisfying(AccidentRuleViolation.class, v -> assertThat(v.reason()).isEqualTo("accident.close.noLetsGo"));
        i.record(new Investigation.NoLetsGo(null, null, null, "教育"), null, null);
        i.close(AT.plus(Duration.ofDays(40)));
        assertThat(i.closedAt()).isNotNull();
    }

    @Test
    void mineDeathsAreEscalatedToTheCity() {
        assertThat(Investigation.levelFor(true, 1)).isEqualTo(Investigation.Level.CITY);
        assertThat(Investigation.levelFor(true, 0)).isEqualTo(Investigation.Level.DISTRICT);
        assertThat(Investigation.levelFor(false, 5)).isEqualTo(Investigation.Level.DISTRICT);
    }

    @Test
    void oneDeathAtAMineSuspendsItForThreeMonthsTwoForSix() {
        ConsequenceRule one = new ConsequenceRule("MINE_ONE_DEATH_SUSPENSION", "SUSPENSION", "ENTERPRISE", AccidentSector.NON_COAL_MINE, 1, 1,
                null, AccidentGrade.ORDINARY, true, false, 3, null, "");
        ConsequenceRule two = new ConsequenceRule("MINE_TWO_DEATHS_SUSPENSION", "SUSPENSION", "ENTERPRISE", AccidentSector.NON_COAL_MINE, 2, null,
                null, null, true, false, 6, null, "");
        ConsequenceRule closure = new ConsequenceRule("LARGER_UNSAFE_CLOSURE", "CLOSURE_PROPOSAL", "DISTRICT_GOVERNMENT", null, null, null,
                AccidentGrade.LARGER, null, true, true, null, null, "");
        var oneDeath = new ConsequenceRule.Facts(AccidentSector.NON_COAL_MINE, 1, AccidentGrade.ORDINARY, true, false);
        var twoDeaths = new ConsequenceRule.Facts(AccidentSector.NON_COAL_MINE, 2, AccidentGrade.ORDINARY, true, false);
        assertThat(one.matches(oneDeath)).isTrue();
        assertThat(two.matches(oneDeath)).isFalse();
        assertThat(one.matches(twoDeaths)).isFalse();
        assertThat(two.matches(twoDeaths)).isTrue();
        assertThat(one.matches(new ConsequenceRule.Facts(AccidentSector.INDUSTRY_TRADE, 1, AccidentGrade.ORDINARY, true, false))).isFalse();
        assertThat(closure.matches(new ConsequenceRule.Facts(AccidentSector.INDUSTRY_TRADE, 3, AccidentGrade.LARGER, true, true))).isTrue();
        assertThat(closure.matches(new ConsequenceRule.Facts(AccidentSector.INDUSTRY_TRADE, 3, AccidentGrade.LARGER, true, false))).isFalse();
        assertThat(closure.matches(new ConsequenceRule.Facts(AccidentSector.INDUSTRY_TRADE, 2, AccidentGrade.ORDINARY, true, true))).isFalse();
    }
}
