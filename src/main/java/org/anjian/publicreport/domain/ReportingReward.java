package org.anjian.publicreport.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.Map;

/**
 * The reward for a substantiated report under 《安全生产领域举报奖励办法》 (安监总财〔2018〕19号):
 * <ul>
 * <li>for a 重大事故隐患 or 违法生产经营建设, the given percentage (15 %) of the administrative
 * fine, at least the minimum (3,000 yuan) and at most the maximum (300,000 yuan);</li>
 * <li>for a concealed or misreported accident (瞒报、谎报), per death confirmed, by the
 * accident's level — 一般 30,000, 较大 40,000, 重大 50,000, 特别重大 60,000 yuan — at most 300,000 yuan.</li>
 * </ul>
 * Local schemes differ (e.g. 20 %, minimum 5,000), so the amounts are a {@link Schedule} from configuration.
 */
public final class ReportingReward {

    /** The accident's level (事故等级) for a concealed-accident reward. */
    public enum AccidentLevel { ORDINARY, LARGER, MAJOR, EXTRAORDINARY }

    /** The amounts of one jurisdiction's scheme, in yuan; percent of the fine as a whole number. */
    public record Schedule(int finePercent, long minimumYuan, long maximumYuan, Map<AccidentLevel, Long> perDeathYuan,
                           long concealedMaximumYuan) {

        public Schedule {
            if (finePercent <= 0 || minimumYuan < 0 || maximumYuan < minimumYuan || concealedMaximumYuan <= 0) {
                throw new IllegalArgumentException("inconsistent reward schedule");
            }
            EnumMap<AccidentLevel, Long> copy = new EnumMap<>(AccidentLevel.class);
            copy.putAll(NATIONAL_PER_DEATH);
            if (perDeathYuan != null) {
                copy.putAll(perDeathYuan);
            }
            perDeathYuan = Map.copyOf(copy);
        }
    }

    private static final Map<AccidentLevel, Long> NATIONAL_PER_DEATH = Map.of(
            AccidentLevel.ORDINARY, 30_000L, AccidentLevel.LARGER, 40_000L,
            AccidentLevel.MAJOR, 50_000L, AccidentLevel.EXTRAORDINARY, 60_000L);

    /** The national amounts of 2018. */
    public static final Schedule NATIONAL_2018 = new Schedule(15, 3_000, 300_000, NATIONAL_PER_DEATH, 300_000);

    private final Schedule schedule;

    public ReportingReward(Schedule schedule) {
        this.schedule = schedule;
    }

    public Schedule schedule() {
        return schedule;
    }

    /** Reward for a hazard or illegal operation: the percentage of the fine (rounded half up to the yuan) within minimum and maximum. */
    public long forFine(long fineYuan) {
        if (fineYuan < 0) {
            throw ReportRuleViolation.invalid("fineYuan", "publicreport.reward.fine", "罚款金额不能为负");
        }
        long share = BigDecimal.valueOf(fineYuan).multiply(BigDecimal.valueOf(schedule.finePercent()))
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP).longValueExact();
        return Math.min(schedule.maximumYuan(), Math.max(schedule.minimumYuan(), share));
    }

    /** Reward for a concealed or misreported accident: per death confirmed by the accident's level, at most the maximum. */
    public long forConcealedAccident(AccidentLevel level, int deathsConfirmed) {
        if (level == null) {
            throw ReportRuleViolation.invalid("accidentLevel", "publicreport.reward.level", "请选择事故等级");
        }
        if (deathsConfirmed < 1) {
            throw ReportRuleViolation.invalid("deaths", "publicreport.reward.deaths", "核实瞒报、谎报的死亡人数至少 1 人");
        }
        long amount = schedule.perDeathYuan().get(level) * deathsConfirmed;
        return Math.min(schedule.concealedMaximumYuan(), amount);
    }
}
