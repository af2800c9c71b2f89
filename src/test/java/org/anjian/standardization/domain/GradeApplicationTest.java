package org.anjian.standardization.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** 应急〔2021〕83号 (REFERENCE-RULES §5): 3-year validity, revocation grounds within the validity, a year's wait; 2014 minimum scores. */
class GradeApplicationTest {

    static GradeApplication graded(GradeLevel level, LocalDate decided) {
        GradeApplication a = GradeApplication.submit(UUID.randomUUID(), UUID.randomUUID(), level, ReviewingLevel.DISTRICT,
                BigDecimal.valueOf(level.defaultMinScore()), level.defaultMinScore(), decided.minusDays(30));
        a.recordOnsite(null, BigDecimal.valueOf(level.defaultMinScore()), decided.minusDays(10), null);
        a.decide(true, decided, "江津区应急管理局", null, null, level.defaultMinScore());
        return a;
    }

    @Test
    void aGradeIsValidThreeYearsToTheDayBeforeTheAnniversary83hao() {
        assertThat(GradeApplication.validUntil(LocalDate.of(2026, 3, 1))).isEqualTo(LocalDate.of(2029, 2, 28));
        assertThat(GradeApplication.validUntil(LocalDate.of(2024, 2, 29))).isEqualTo(LocalDate.of(2027, 2, 27));
        GradeApplication a = graded(GradeLevel.LEVEL_3, LocalDate.of(2026, 3, 1));
        assertThat(a.inForce(LocalDate.of(2029, 2, 28))).isTrue();
        assertThat(a.inForce(LocalDate.of(2029, 3, 1))).isFalse();
        assertThat(a.displayState(LocalDate.of(2029, 3, 1))).isEqualTo("EXPIRED");
        // the warning period: 90 days before the last day, not 91
        assertThat(a.expiresWithin(LocalDate.of(2029, 2, 28).minusDays(90), 90)).isTrue();
        assertThat(a.expiresWithin(LocalDate.of(2029, 2, 28).minusDays(91), 90)).isFalse();
    }

    @Test
    void theSelfAssessmentMustReachTheLevelsMinimumScore2014Thresholds() {
        assertThatThrownBy(() -> GradeApplication.submit(UUID.randomUUID(), UUID.randomUUID(), GradeLevel.LEVEL_3, ReviewingLevel.DISTRICT,
                new BigDecimal("59.9"), 60, LocalDate.of(2026, 1, 5)))
                .isInstanceOf(StandardizationViolation.class).hasMessageContaining("minimum");
        assertThat(GradeApplication.submit(UUID.randomUUID(), UUID.randomUUID(), GradeLevel.LEVEL_3, ReviewingLevel.DISTRICT,
                new BigDecimal("60.0"), 60, LocalDate.of(2026, 1, 5)).state()).isEqualTo(ApplicationState.SUBMITTED);
        assertThat(GradeLevel.LEVEL_2.defaultMinScore()).isEqualTo(75);
        assertThat(GradeLevel.LEVEL_1.defaultMinScore()).isEqualTo(90);
    }

    @Test
    void anOnsiteScoreBelowTheMinimumCannotBeGrantedButCanBeRefused() {
        GradeApplication a = GradeApplication.submit(UUID.randomUUID(), UUID.randomUUID(), GradeLevel.LEVEL_2, ReviewingLevel.CITY,
                new BigDecimal("80"), 75, LocalDate.of(2026, 1, 5));
        a.recordOnsite(null, new BigDecimal("74.9"), LocalDate.of(2026, 1, 20), null);
        assertThatThrownBy(() -> a.decide(true, LocalDate.of(2026, 2, 1), "重庆市应急管理局", "渝应急标〔2026〕1号", null, 75))
                .isInstanceOf(StandardizationViolation.class);
        a.decide(false, LocalDate.of(2026, 2, 1), "重庆市应急管理局", "渝应急标〔2026〕1号", null, 75);
        assertThat(a.state()).isEqualTo(ApplicationState.REJECTED);
        // 83号: a year after a refusal
        assertThat(a.nextApplicationFrom()).isEqualTo(LocalDate.of(2027, 2, 1));
    }

    @Test
    void aDeathAccidentWithinTheValidityProposesRevocationOnceAndOneOutsideItDoesNot() {
        GradeApplication a = graded(GradeLevel.LEVEL_3, LocalDate.of(2025, 6, 1));
        assertThat(a.proposeRevocation("事故", "accident:1", LocalDate.of(2025, 5, 31), LocalDate.of(2026, 1, 1))).isFalse();
        assertThat(a.proposeRevocation("事故", "accident:2", LocalDate.of(2025, 6, 1), LocalDate.of(2026, 1, 1))).isTrue();
        assertThat(a.proposeRevocation("事故", "accident:3", LocalDate.of(2025, 7, 1), LocalDate.of(2026, 1, 1))).isFalse();
        assertThat(a.revocationSource()).isEqualTo("accident:2");
        a.revoke(LocalDate.of(2026, 1, 10), null);
        assertThat(a.state()).isEqualTo(ApplicationState.REVOKED);
        assertThat(a.nextApplicationFrom()).isEqualTo(LocalDate.of(2027, 1, 10));
    }

    @Test
    void illegalStepsNameTheStateAndTheStep() {
        GradeApplication a = GradeApplication.submit(UUID.randomUUID(), UUID.randomUUID(), GradeLevel.LEVEL_3, ReviewingLevel.DISTRICT,
                new BigDecimal("70"), 60, LocalDate.of(2026, 1, 5));
        assertThatThrownBy(() -> a.decide(true, LocalDate.of(2026, 2, 1), "x", null, null, 60))
                .isInstanceOfSatisfying(StandardizationViolation.class, v -> assertThat(v.args()).containsExactly(ApplicationState.SUBMITTED, "grant"));
        assertThatThrownBy(() -> a.revoke(LocalDate.of(2026, 2, 1), "x")).isInstanceOf(StandardizationViolation.class);
    }
}
