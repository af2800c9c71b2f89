package org.anjian.inspection.domain;

/**
 * The arithmetic of the enforcement indicators (ENF-8). A rate or an intensity with nothing to
 * divide by is "not applicable" (null), never zero and never an error: a month without inspections
 * has no online-enforcement rate, it does not have a rate of 0%.
 */
public final class IndicatorMath {

    private IndicatorMath() {
    }

    /** numerator ÷ denominator, rounded to 4 places; null when the denominator is 0. */
    public static Double rate(long numerator, long denominator) {
        return denominator <= 0 ? null : round(numerator / (double) denominator, 4);
    }

    /** How many per 100 (处罚强度: penalty decisions per 100 inspections); null without any. */
    public static Double per100(long count, long base) {
        return base <= 0 ? null : round(count * 100.0 / base, 2);
    }

    /** An average (检查强度 per inspector, 罚款强度 per decision), 2 places; null without a base. */
    public static Double average(long total, long base) {
        return base <= 0 ? null : round(total / (double) base, 2);
    }

    private static double round(double v, int places) {
        return java.math.BigDecimal.valueOf(v).setScale(places, java.math.RoundingMode.HALF_UP).doubleValue();
    }
}
