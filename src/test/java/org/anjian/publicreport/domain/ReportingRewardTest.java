package org.anjian.publicreport.domain;

import java.util.Map;
import org.anjian.publicreport.domain.ReportingReward.AccidentLevel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * 《安全生产领域举报奖励办法》 (安监总财〔2018〕19号): for a 重大事故隐患 or 违法生产经营建设, 15 % of the fine, at
 * least 3,000 and at most 300,000 yuan; for a 瞒报/谎报 accident, per death confirmed 30,000 / 40,000 /
 * 50,000 / 60,000 yuan by the accident's level, at most 300,000 yuan.
 */
class ReportingRewardTest {

    final ReportingReward national = new ReportingReward(ReportingReward.NATIONAL_2018);

    @Test
    void aSmallFineEarnsTheMinimumOfThreeThousandYuan() {
        assertThat(national.forFine(0)).isEqualTo(3_000);
        assertThat(national.forFine(10_000)).isEqualTo(3_000);      // 15 % = 1,500
        assertThat(national.forFine(19_999)).isEqualTo(3_000);      // 15 % = 2,999.85 → 3,000
    }

    @Test
    void atTwentyThousandYuanTheFifteenPercentMeetsTheMinimum() {
        assertThat(national.forFine(20_000)).isEqualTo(3_000);
        assertThat(national.forFine(20_010)).isEqualTo(3_002);      // 3,001.5 rounds half up
    }

    @Test
    void betweenTheBoundsTheRewardIsFifteenPercentOfTheFine() {
        assertThat(national.forFine(100_000)).isEqualTo(15_000);
        assertThat(national.forFine(1_000_000)).isEqualTo(150_000);
    }

    @Test
    void theRewardNeverExceedsThreeHundredThousandYuan() {
        assertThat(national.forFine(2_000_000)).isEqualTo(300_000); // 15 % exactly the maximum
        assertThat(national.forFine(2_000_010)).isEqualTo(300_000);
        assertThat(national.forFine(50_000_000)).isEqualTo(300_000);
    }

    @Test
    void aConcealedAccidentEarnsPerDeathByItsLevel() {
        assertThat(national.forConcealedAccident(AccidentLevel.ORDINARY, 1)).isEqualTo(30_000);
        assertThat(national.forConcealedAccident(AccidentLevel.LARGER, 2)).isEqualTo(80_000);
        assertThat(national.forConcealedAccident(AccidentLevel.MAJOR, 3)).isEqualTo(150_000);
        assertThat(national.forConcealedAccident(AccidentLevel.EXTRAORDINARY, 5)).isEqualTo(300_000);
    }

    @Test
    void aConcealedAccidentRewardIsCappedAtThreeHundredThousandYuan() {
        assertThat(national.forConcealedAccident(AccidentLevel.ORDINARY, 10)).isEqualTo(300_000);
        assertThat(national.forConcealedAccident(AccidentLevel.ORDINARY, 11)).isEqualTo(300_000);
        assertThat(national.forConcealedAccident(AccidentLevel.EXTRAORDINARY, 6)).isEqualTo(300_000);
    }

    // 安监总财〔2018〕19号: the boundaries either side of where the 15 % band meets the minimum and the maximum
    @Test
    void theFifteenPercentBandStartsJustAboveTwentyThousandYuan() {
        assertThat(national.forFine(20_003)).isEqualTo(3_000);      // 3,000.45 rounds down to the minimum
        assertThat(national.forFine(20_004)).isEqualTo(3_001);      // 3,000.6: the first yuan above the minimum
    }

    @Test
    void theFifteenPercentBandEndsAtTwoMillionYuan() {
        assertThat(national.forFine(1_999_990)).isEqualTo(299_999); // 299,998.5 rounds half up, still under the maximum
        assertThat(national.forFine(1_999_999)).isEqualTo(300_000); // 299,999.85 → 300,000
        assertThat(national.forFine(2_000_001)).isEqualTo(300_000); // 300,000.15 capped
    }

    @Test
    void aConcealedAccidentRewardReachesTheCapAtTheDeathThatCrossesIt() {
        assertThat(national.forConcealedAccident(AccidentLevel.LARGER, 7)).isEqualTo(280_000);
        assertThat(national.forConcealedAccident(AccidentLevel.LARGER, 8)).isEqualTo(300_000);  // 320,000 capped
        assertThat(national.forConcealedAccident(AccidentLevel.MAJOR, 6)).isEqualTo(300_000);   // exactly the maximum
        assertThat(national.forConcealedAccident(AccidentLevel.MAJOR, 7)).isEqualTo(300_000);   // 350,000 capped
    }

    @Test
    void aNegativeFineIsRefused() {
        assertThatThrownBy(() -> national.forFine(-1)).isInstanceOf(ReportRuleViolation.class)
                .hasFieldOrPropertyWithValue("reason", "publicreport.reward.fine");
    }

    @Test
    void aConcealedAccidentRewardNeedsAtLeastOneDeathConfirmed() {
        assertThatThrownBy(() -> national.forConcealedAccident(AccidentLevel.MAJOR, 0))
                .isInstanceOf(ReportRuleViolation.class).hasFieldOrPropertyWithValue("reason", "publicreport.reward.deaths");
    }

    @Test
    void aLocalSchemeMayPayMore() {
        // e.g. Taizhou (Jiangsu): 20 %, at least 5,000 yuan; concealed accidents capped at 500,000
        ReportingReward local = new ReportingReward(new ReportingReward.Schedule(20, 5_000, 300_000,
                Map.of(AccidentLevel.ORDINARY, 50_000L), 500_000));
        assertThat(local.forFine(20_000)).isEqualTo(5_000);
        assertThat(local.forFine(100_000)).isEqualTo(20_000);
        assertThat(local.forConcealedAccident(AccidentLevel.ORDINARY, 10)).isEqualTo(500_000);
        assertThat(local.forConcealedAccident(AccidentLevel.LARGER, 1)).isEqualTo(40_000);
    }
}
