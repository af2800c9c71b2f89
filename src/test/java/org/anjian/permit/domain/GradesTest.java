package org.anjian.permit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.anjian.permit.domain.HotWorkGrade.Circumstances;
import org.anjian.permit.domain.HotWorkGrade.Site;
import org.junit.jupiter.api.Test;

/** GB 30871-2022 5.1 (动火), 8.1 with Table 2 (高处), 9.1 (吊装), Table B.1 (approver). */
class GradesTest {

    private static BigDecimal m(String v) {
        return new BigDecimal(v);
    }

    @Test
    void workAtHeightStartsAtTwoMetres_8_1() {
        assertThat(WorkAtHeightGrade.of(m("1.99"), false)).isEmpty();
        assertThat(WorkAtHeightGrade.of(m("2"), false)).contains(WorkGrade.FIRST);
    }

    @Test
    void heightBandsOfClause8_1_1WithMethodA_Table2() {
        assertThat(WorkAtHeightGrade.of(m("5"), false)).contains(WorkGrade.FIRST);
        assertThat(WorkAtHeightGrade.of(m("5.01"), false)).contains(WorkGrade.SECOND);
        assertThat(WorkAtHeightGrade.of(m("15"), false)).contains(WorkGrade.SECOND);
        assertThat(WorkAtHeightGrade.of(m("15.01"), false)).contains(WorkGrade.THIRD);
        assertThat(WorkAtHeightGrade.of(m("30"), false)).contains(WorkGrade.THIRD);
        assertThat(WorkAtHeightGrade.of(m("30.01"), false)).contains(WorkGrade.FOURTH);
    }

    @Test
    void anObjectiveHazardOfClause8_1_2RaisesTheHeightGradeByOneUpToFour_Table2MethodB() {
        assertThat(WorkAtHeightGrade.of(m("2"), true)).contains(WorkGrade.SECOND);
        assertThat(WorkAtHeightGrade.of(m("5.01"), true)).contains(WorkGrade.THIRD);
        assertThat(WorkAtHeightGrade.of(m("15.01"), true)).contains(WorkGrade.FOURTH);
        assertThat(WorkAtHeightGrade.of(m("30.01"), true)).contains(WorkGrade.FOURTH);
    }

    @Test
    void liftingGradesByMass_9_1() {
        assertThat(LiftingGrade.of(m("100.01"))).isEqualTo(WorkGrade.FIRST);
        assertThat(LiftingGrade.of(m("100"))).isEqualTo(WorkGrade.SECOND);
        assertThat(LiftingGrade.of(m("40"))).isEqualTo(WorkGrade.SECOND);
        assertThat(LiftingGrade.of(m("39.99"))).isEqualTo(WorkGrade.THIRD);
        assertThatThrownBy(() -> LiftingGrade.of(m("0"))).isInstanceOf(PermitViolation.class);
    }

    @Test
    void loadsUnderTenTonnesMayGoWithoutALiftingPermit_TableB1Note3() {
        assertThat(LiftingGrade.permitRequired(m("9.99"))).isFalse();
        assertThat(LiftingGrade.permitRequired(m("10"))).isTrue();
    }

    @Test
    void hotWorkGradeBySite_5_1_2to5_1_4() {
        assertThat(HotWorkGrade.of(Site.OPERATING_EQUIPMENT_IN_HAZARD_AREA, Circumstances.ORDINARY)).isEqualTo(WorkGrade.SPECIAL);
        assertThat(HotWorkGrade.of(Site.HAZARD_AREA, Circumstances.ORDINARY)).isEqualTo(WorkGrade.FIRST);
        assertThat(HotWorkGrade.of(Site.OUTSIDE_HAZARD_AREA, Circumstances.ORDINARY)).isEqualTo(WorkGrade.SECOND);
    }

    @Test
    void aWholeUnitShutDownAndPurgedMayBeManagedAsGradeTwo_5_1_4() {
        assertThat(HotWorkGrade.of(Site.OPERATING_EQUIPMENT_IN_HAZARD_AREA, new Circumstances(false, false, 0, false, true)))
                .isEqualTo(WorkGrade.SECOND);
    }

    @Test
    void hotWorkOnHolidaysOrAtNightIsManagedOneGradeHigher_5_1_1() {
        Circumstances holiday = new Circumstances(true, false, 0, false, false);
        Circumstances night = new Circumstances(false, true, 0, false, false);
        assertThat(HotWorkGrade.of(Site.OUTSIDE_HAZARD_AREA, holiday)).isEqualTo(WorkGrade.FIRST);
        assertThat(HotWorkGrade.of(Site.HAZARD_AREA, night)).isEqualTo(WorkGrade.SPECIAL);
        // the standard does not define raising 特级: it stays the top grade
        assertThat(HotWorkGrade.of(Site.OPERATING_EQUIPMENT_IN_HAZARD_AREA, night)).isEqualTo(WorkGrade.SPECIAL);
    }

    @Test
    void outdoorHotWorkInWindOfForceFiveIsRaised_5_2_15() {
        assertThat(HotWorkGrade.of(Site.OUTSIDE_HAZARD_AREA, new Circumstances(false, false, 4, true, false))).isEqualTo(WorkGrade.SECOND);
        assertThat(HotWorkGrade.of(Site.OUTSIDE_HAZARD_AREA, new Circumstances(false, false, 5, true, false))).isEqualTo(WorkGrade.FIRST);
        assertThat(HotWorkGrade.of(Site.OUTSIDE_HAZARD_AREA, new Circumstances(false, false, 5, false, false))).isEqualTo(WorkGrade.SECOND);
    }

    @Test
    void approverByTypeAndGrade_TableB1() {
        assertThat(ApprovalLevel.requiredFor(WorkType.HOT_WORK, WorkGrade.SPECIAL)).isEqualTo(ApprovalLevel.MANAGING_LEADER);
        assertThat(ApprovalLevel.requiredFor(WorkType.HOT_WORK, WorkGrade.FIRST)).isEqualTo(ApprovalLevel.SAFETY_DEPARTMENT);
        assertThat(ApprovalLevel.requiredFor(WorkType.HOT_WORK, WorkGrade.SECOND)).isEqualTo(ApprovalLevel.BASE_UNIT);
        assertThat(ApprovalLevel.requiredFor(WorkType.WORK_AT_HEIGHT, WorkGrade.FIRST)).isEqualTo(ApprovalLevel.BASE_UNIT);
        assertThat(ApprovalLevel.requiredFor(WorkType.WORK_AT_HEIGHT, WorkGrade.THIRD)).isEqualTo(ApprovalLevel.PROFESSIONAL_DEPARTMENT);
        assertThat(ApprovalLevel.requiredFor(WorkType.WORK_AT_HEIGHT, WorkGrade.FOURTH)).isEqualTo(ApprovalLevel.PLANT_DIRECTOR);
        assertThat(ApprovalLevel.requiredFor(WorkType.LIFTING, WorkGrade.FIRST)).isEqualTo(ApprovalLevel.PLANT_DIRECTOR);
        assertThat(ApprovalLevel.requiredFor(WorkType.LIFTING, WorkGrade.THIRD)).isEqualTo(ApprovalLevel.PROFESSIONAL_DEPARTMENT);
        assertThat(ApprovalLevel.requiredFor(WorkType.CONFINED_SPACE, WorkGrade.NONE)).isEqualTo(ApprovalLevel.BASE_UNIT);
        assertThat(ApprovalLevel.requiredFor(WorkType.TEMPORARY_POWER, WorkGrade.NONE)).isEqualTo(ApprovalLevel.POWER_SUPPLIER);
        assertThat(ApprovalLevel.requiredFor(WorkType.EXCAVATION, WorkGrade.NONE)).isEqualTo(ApprovalLevel.PROFESSIONAL_DEPARTMENT);
        assertThat(ApprovalLevel.BASE_UNIT.suffices(ApprovalLevel.SAFETY_DEPARTMENT)).isFalse();
        assertThat(ApprovalLevel.MANAGING_LEADER.suffices(ApprovalLevel.SAFETY_DEPARTMENT)).isTrue();
        assertThat(ApprovalLevel.MANAGING_LEADER.suffices(ApprovalLevel.POWER_SUPPLIER)).isFalse();
    }

    @Test
    void eachTypeKnowsOnlyItsGrades() {
        assertThat(WorkType.HOT_WORK.allows(WorkGrade.THIRD)).isFalse();
        assertThat(WorkType.LIFTING.allows(WorkGrade.SPECIAL)).isFalse();
        assertThat(WorkType.CONFINED_SPACE.allows(WorkGrade.NONE)).isTrue();
        assertThat(WorkType.CONFINED_SPACE.allows(WorkGrade.FIRST)).isFalse();
    }
}
