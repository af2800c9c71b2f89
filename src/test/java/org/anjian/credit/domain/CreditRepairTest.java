package org.anjian.credit.domain;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * CRD-1 credit repair: an entry of the 安全生产严重失信主体名单 may be applied for early removal once it has
 * been listed 12 months (应急管理部令第11号); the day 12 months on is the first day, the day before is refused.
 */
class CreditRepairTest {

    static final LocalDate DECIDED = LocalDate.of(2025, 3, 15);
    static final CreditRepair.Entry IN_FORCE = new CreditRepair.Entry(UUID.randomUUID(), "IN_FORCE", DECIDED);

    @Test
    void theDayBeforeTwelveMonthsIsRefusedInChineseNamingTheFirstDay() {
        assertThatThrownBy(() -> CreditRepair.apply(UUID.randomUUID(), IN_FORCE, 12, "已整改", LocalDate.of(2026, 3, 14), "ent"))
                .isInstanceOf(CreditRuleViolation.class)
                .hasMessageContaining("2026-03-15").hasMessageContaining("12 个月")
                .satisfies(e -> assertThat(((CreditRuleViolation) e).isInvalidInput()).isFalse());
    }

    @Test
    void onTheDayTwelveMonthsOnTheApplicationIsAccepted() {
        CreditRepair r = CreditRepair.apply(UUID.randomUUID(), IN_FORCE, 12, " 已完成整改 ", LocalDate.of(2026, 3, 15), "ent");
        assertThat(r.state()).isEqualTo(CreditRepair.State.PENDING);
        assertThat(r.snapshot().rectification()).isEqualTo("已完成整改");
        assertThat(CreditRepair.earliestApplication(DECIDED, 12)).isEqualTo(LocalDate.of(2026, 3, 15));
    }

    @Test
    void aConfiguredShorterPeriodCountsTheSameWay() {
        assertThat(CreditRepair.earliestApplication(DECIDED, 3)).isEqualTo(LocalDate.of(2025, 6, 15));
        assertThatThrownBy(() -> CreditRepair.apply(UUID.randomUUID(), IN_FORCE, 3, "已整改", LocalDate.of(2025, 6, 14), "ent"))
                .isInstanceOf(CreditRuleViolation.class);
        assertThat(CreditRepair.apply(UUID.randomUUID(), IN_FORCE, 3, "已整改", LocalDate.of(2025, 6, 15), "ent").state())
                .isEqualTo(CreditRepair.State.PENDING);
    }

    @Test
    void onlyAnEntryInForceMayBeRepairedAndTheRectificationIsNeeded() {
        var removed = new CreditRepair.Entry(UUID.randomUUID(), "REMOVED", DECIDED);
        assertThatThrownBy(() -> CreditRepair.apply(UUID.randomUUID(), removed, 12, "已整改", LocalDate.of(2027, 1, 1), "ent"))
                .isInstanceOf(CreditRuleViolation.class).hasMessageContaining("有效");
        assertThatThrownBy(() -> CreditRepair.apply(UUID.randomUUID(), IN_FORCE, 12, " ", LocalDate.of(2027, 1, 1), "ent"))
                .isInstanceOf(CreditRuleViolation.class).satisfies(e -> assertThat(((CreditRuleViolation) e).field()).isEqualTo("rectification"));
    }

    @Test
    void aDecisionIsTakenOnceWithAReason() {
        CreditRepair r = CreditRepair.apply(UUID.randomUUID(), IN_FORCE, 12, "已整改", LocalDate.of(2026, 4, 1), "ent");
        assertThatThrownBy(() -> r.approve(" ", LocalDate.of(2026, 4, 2), "district")).isInstanceOf(CreditRuleViolation.class);
        r.approve("整改到位，同意提前移出", LocalDate.of(2026, 4, 2), "district");
        assertThat(r.state()).isEqualTo(CreditRepair.State.APPROVED);
        assertThat(r.snapshot().decidedOn()).isEqualTo(LocalDate.of(2026, 4, 2));
        assertThatThrownBy(() -> r.reject("再驳回", LocalDate.of(2026, 4, 3), "district")).isInstanceOf(CreditRuleViolation.class)
                .hasMessageContaining("已同意").hasMessageContaining("驳回");
    }
}
