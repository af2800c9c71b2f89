package org.anjian.permit.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * GB 30871-2022 gas analysis:
 * <ul>
 *   <li>5.3.1 c: no more than 30 min from sampling to the start of 动火; 6.3 a: no more than 30 min before
 *       entering a 受限空间;</li>
 *   <li>5.3.1 d: 动火 interrupted for more than 30 min (特级, 一级) or 60 min (二级) is analysed again, and
 *       before every day's hot work; 6.3 f: 受限空间 work interrupted for more than 60 min is analysed again;</li>
 *   <li>5.3.2 (and 6.4 c, 10.1): combustible gas passes when, for a substance with an LEL of 4 % or more,
 *       its concentration is at most 0.5 % (v/v); with an LEL under 4 %, at most 0.2 % (v/v);</li>
 *   <li>6.4 a: oxygen 19.5 %–21 % (v/v), in an oxygen-enriched environment at most 23.5 %; 5.2.7: hot work
 *       on oxygen equipment, oxygen at most 23.5 % inside;</li>
 *   <li>6.4 b: toxic gas within the occupational exposure limits of GBZ 2.1.</li>
 * </ul>
 * Which work needs an analysis: 动火, 受限空间, and 临时用电 in a fire or explosion hazard area (10.1).
 */
public final class GasAnalysisRules {

    static final Duration THIRTY_MINUTES = Duration.ofMinutes(30);
    static final Duration SIXTY_MINUTES = Duration.ofMinutes(60);
    static final BigDecimal LEL_FOUR = new BigDecimal("4");
    static final BigDecimal HALF_PERCENT = new BigDecimal("0.5");
    static final BigDecimal FIFTH_PERCENT = new BigDecimal("0.2");
    static final BigDecimal OXYGEN_MIN = new BigDecimal("19.5");
    static final BigDecimal OXYGEN_MAX = new BigDecimal("21");
    static final BigDecimal OXYGEN_ENRICHED_MAX = new BigDecimal("23.5");

    private GasAnalysisRules() {
    }

    /** Whether the work needs a gas analysis before it starts. */
    public static boolean required(WorkType type, boolean inFireOrExplosionHazardArea) {
        return type == WorkType.HOT_WORK || type == WorkType.CONFINED_SPACE
                || (type == WorkType.TEMPORARY_POWER && inFireOrExplosionHazardArea);
    }

    /** 5.3.1 c, 6.3 a: the longest time from sampling to the start of the work. */
    public static Duration longestBeforeStart() {
        return THIRTY_MINUTES;
    }

    /** 5.3.1 c, 6.3 a: the sample was taken no more than 30 min before the work starts (and not after). */
    public static boolean freshEnoughToStart(Instant sampledAt, Instant startAt) {
        return sampledAt != null && !sampledAt.isAfter(startAt) && Duration.between(sampledAt, startAt).compareTo(THIRTY_MINUTES) <= 0;
    }

    /** 5.3.1 d, 6.3 f: the longest break after which the work goes on without a new analysis. */
    public static Duration longestBreakWithoutReanalysis(WorkType type, WorkGrade grade) {
        if (type == WorkType.HOT_WORK && (grade == WorkGrade.SPECIAL || grade == WorkGrade.FIRST)) {
            return THIRTY_MINUTES;
        }
        return SIXTY_MINUTES;
    }

    /** 5.3.1 d, 6.3 f: whether work interrupted from {@code stoppedAt} to {@code resumeAt} must be analysed again. */
    public static boolean reanalysisAfterBreak(WorkType type, WorkGrade grade, Instant stoppedAt, Instant resumeAt) {
        return Duration.between(stoppedAt, resumeAt).compareTo(longestBreakWithoutReanalysis(type, grade)) > 0;
    }

    /**
     * 5.3.1 d: 每日动火前均应进行气体分析 — hot work goes on on a new calendar day (in the district's time) only after an
     * analysis sampled that day. Other work is not bound to the day.
     */
    public static boolean analysedToday(WorkType type, Instant sampledAt, Instant now, java.time.ZoneId zone) {
        if (type != WorkType.HOT_WORK) {
            return true;
        }
        return sampledAt != null && java.time.LocalDate.ofInstant(sampledAt, zone).equals(java.time.LocalDate.ofInstant(now, zone));
    }

    /** 5.3.1 d: 特级动火 is monitored continuously for the whole job. */
    public static boolean continuousMonitoring(WorkType type, WorkGrade grade) {
        return type == WorkType.HOT_WORK && grade == WorkGrade.SPECIAL || type == WorkType.CONFINED_SPACE;
    }

    /** 5.3.2: the highest combustible concentration in % (v/v) that passes, by the substance's LEL. */
    public static BigDecimal combustibleLimit(BigDecimal lelPercentVol) {
        return lelPercentVol.compareTo(LEL_FOUR) >= 0 ? HALF_PERCENT : FIFTH_PERCENT;
    }

    /** 5.3.2: the combustible reading passes. */
    public static boolean combustibleAcceptable(BigDecimal percentVol, BigDecimal lelPercentVol) {
        return percentVol.compareTo(combustibleLimit(lelPercentVol)) <= 0;
    }

    /**
     * 6.4 a, 5.2.7: the oxygen reading passes: 19.5 %–21 % (v/v); in an oxygen-enriched environment up to 23.5 %.
     */
    public static boolean oxygenAcceptable(BigDecimal percentVol, boolean oxygenEnriched) {
        BigDecimal max = oxygenEnriched ? OXYGEN_ENRICHED_MAX : OXYGEN_MAX;
        return percentVol.compareTo(OXYGEN_MIN) >= 0 && percentVol.compareTo(max) <= 0;
    }

    /** 6.4 b: a toxic reading passes at or under its GBZ 2.1 limit. */
    public static boolean toxicAcceptable(BigDecimal value, BigDecimal limit) {
        return value.compareTo(limit) <= 0;
    }

    /** The readings that fail, each described in Chinese; empty when the analysis passes. */
    public static List<String> failures(WorkType type, List<GasReading> readings, boolean oxygenEnriched) {
        List<String> failed = new ArrayList<>();
        boolean oxygenMeasured = false;
        boolean combustibleMeasured = false;
        for (GasReading r : readings) {
            switch (r.kind()) {
                case COMBUSTIBLE -> {
                    combustibleMeasured = true;
                    if (!combustibleAcceptable(r.value(), r.lel())) {
                        failed.add("%s %s%%（体积分数）超过 %s%%（GB 30871-2022 5.3.2）".formatted(r.substance(), r.value().toPlainString(),
                                combustibleLimit(r.lel()).toPlainString()));
                    }
                }
                case OXYGEN -> {
                    oxygenMeasured = true;
                    if (!oxygenAcceptable(r.value(), oxygenEnriched)) {
                        failed.add("氧气 %s%%（体积分数）不在 19.5%%～%s%% 之间（GB 30871-2022 6.4 a）".formatted(r.value().toPlainString(),
                                (oxygenEnriched ? OXYGEN_ENRICHED_MAX : OXYGEN_MAX).toPlainString()));
                    }
                }
                case TOXIC -> {
                    if (!toxicAcceptable(r.value(), r.limit())) {
                        failed.add("%s %s 超过职业接触限值 %s（GB 30871-2022 6.4 b，GBZ 2.1）".formatted(r.substance(), r.value().toPlainString(),
                                r.limit().toPlainString()));
                    }
                }
            }
        }
        if (!combustibleMeasured) {
            failed.add("未检测可燃气体（GB 30871-2022 5.3.2）");
        }
        if (type == WorkType.CONFINED_SPACE && !oxygenMeasured) {
            failed.add("受限空间未检测氧气含量（GB 30871-2022 6.4 a）");
        }
        return failed;
    }
}
