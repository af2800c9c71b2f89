package org.anjian.penalty.domain;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.anjian.penalty.internal.ProcedureProblems;
import org.anjian.shared.error.DomainException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PenaltyRulesTest {

    final PenaltyRules rules = PenaltyRules.DEFAULTS;

    @Test
    void legalReviewAndHearingFrom50000OrASevereMeasure() {
        assertThat(rules.legalReviewRequired(50_000, Set.of(Measure.FINE))).isTrue();
        assertThat(rules.legalReviewRequired(49_999, Set.of(Measure.FINE))).isFalse();
        assertThat(rules.legalReviewRequired(0, Set.of(Measure.SUSPENSION))).isTrue();
        assertThat(rules.legalReviewRequired(0, Set.of(Measure.CLOSURE))).isTrue();
        assertThat(rules.legalReviewRequired(0, Set.of(Measure.LICENCE_REVOCATION))).isTrue();
        assertThat(rules.legalReviewRequired(0, EnumSet.of(Measure.WARNING, Measure.CONFISCATION))).isFalse();
        assertThat(rules.hearingRight(50_000, Set.of(Measure.FINE))).isTrue();
        assertThat(rules.hearingRight(49_999, Set.of(Measure.FINE))).isFalse();
        assertThat(rules.hearingRight(1_000, EnumSet.of(Measure.FINE, Measure.SUSPENSION))).isTrue();
        assertThat(new PenaltyRules(30_000, 20_000, 5, 3).legalReviewRequired(30_000, Set.of(Measure.FINE))).isTrue();
        assertThat(new PenaltyRules(30_000, 20_000, 5, 3).hearingRight(19_999, Set.of(Measure.FINE))).isFalse();
    }

    @Test
    void theDecisionMayBeIssuedOnTheDayThePeriodEndsNotTheDayBefore() {
        LocalDate notified = LocalDate.of(2026, 11, 2);
        assertThat(rules.periodEnds(notified, true)).isEqualTo(LocalDate.of(2026, 11, 7));
        assertThat(rules.periodEnds(notified, false)).isEqualTo(LocalDate.of(2026, 11, 5));
        assertThatThrownBy(() -> asProblem(() -> rules.requirePeriodOver(notified, true, LocalDate.of(2026, 11, 6))))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.reason()).isEqualTo("penalty.period.running"));
        assertThatCode(() -> asProblem(() -> rules.requirePeriodOver(notified, true, LocalDate.of(2026, 11, 7)))).doesNotThrowAnyException();
        assertThatThrownBy(() -> asProblem(() -> rules.requirePeriodOver(notified, false, LocalDate.of(2026, 11, 4)))).isInstanceOf(DomainException.class);
        assertThatCode(() -> asProblem(() -> rules.requirePeriodOver(notified, false, LocalDate.of(2026, 11, 5)))).doesNotThrowAnyException();
        assertThatCode(() -> asProblem(() -> rules.requireHearingRequestInTime(notified, true, LocalDate.of(2026, 11, 7)))).doesNotThrowAnyException();
        assertThatThrownBy(() -> asProblem(() -> rules.requireHearingRequestInTime(notified, true, LocalDate.of(2026, 11, 8))))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.reason()).isEqualTo("penalty.hearing.late"));
        assertThatThrownBy(() -> asProblem(() -> rules.requireHearingRequestInTime(notified, false, LocalDate.of(2026, 11, 3))))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.reason()).isEqualTo("penalty.hearing.noRight"));
    }

    @Test
    void discretionTakesTheFirstMatchingRuleByPriority() {
        DiscretionRule selfReported = new DiscretionRule("SELF", 10, true, true, true, null, null, null, null, null,
                DiscretionRule.Recommendation.GUIDANCE, 0, 0, "自查自报", null);
        DiscretionRule hidden = new DiscretionRule("HIDDEN", 30, true, null, null, true, null, null, null, null,
                DiscretionRule.Recommendation.HEAVIER, 30_000, 50_000, "隐瞒", null);
        DiscretionRule fallback = new DiscretionRule("DEFAULT", 1000, null, null, null, null, null, null, null, null,
                DiscretionRule.Recommendation.STANDARD, 10_000, 30_000, "一般", null);
        List<DiscretionRule> all = List.of(fallback, hidden, selfReported);
        assertThat(DiscretionRule.first(all, new CaseFacts(true, true, true, false, false, false, false, false))).contains(selfReported);
        assertThat(DiscretionRule.first(all, new CaseFacts(true, true, false, false, false, false, false, false))).contains(fallback);
        assertThat(DiscretionRule.first(all, new CaseFacts(true, false, false, true, false, false, false, false))).contains(hidden);
        assertThat(hidden.inBand(30_000)).isTrue();
        assertThat(hidden.inBand(29_999)).isFalse();
        assertThat(hidden.inBand(50_001)).isFalse();
    }

    @Test
    void namesKeepTheFirstCharacterAndNumbersTheirEnds() {
        assertThat(Masking.name("张三")).isEqualTo("张*");
        assertThat(Masking.name("欧阳娜娜")).isEqualTo("欧***");
        assertThat(Masking.name(null)).isEmpty();
        assertThat(Masking.text("负责人张三（身份证 500116198001011234，电话 13912345678）", List.of("张三")))
                .isEqualTo("负责人张*（身份证 500116********1234，电话 139****5678）");
    }

    /** The refusal as the module maps it for the API and the pages (the domain's own exception knows no HTTP). */
    static void asProblem(Runnable call) {
        try {
            call.run();
        } catch (ProcedureViolation v) {
            throw ProcedureProblems.of(v);
        }
    }
}
