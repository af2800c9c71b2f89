package org.anjian.risk.domain;

import java.math.BigDecimal;
import java.util.List;
import org.anjian.risk.RiskLevel;

/**
 * The LEC method (作业条件危险性评价法): D = L × E × C, each factor taken from its standard table.
 * Graded D &gt; 320 重大 (red), 160 &lt; D ≤ 320 较大 (orange), 70 &lt; D ≤ 160 一般 (yellow),
 * D ≤ 70 低 (blue). Decimal arithmetic, so that 0.1 × 0.5 × 1 is 0.05 and not a binary fraction.
 */
public final class LecAssessment {

    /** L, likelihood of the accident: 完全可以预料 10 … 实际不可能 0.1. */
    public static final List<BigDecimal> L_VALUES = decimals("10", "6", "3", "1", "0.5", "0.2", "0.1");
    /** E, exposure to the hazardous situation: 连续暴露 10 … 非常罕见 0.5. */
    public static final List<BigDecimal> E_VALUES = decimals("10", "6", "3", "2", "1", "0.5");
    /** C, consequence: 大灾难，许多人死亡 100 … 引人注目，需要救护 1. */
    public static final List<BigDecimal> C_VALUES = decimals("100", "40", "15", "7", "3", "1");

    static final BigDecimal MAJOR_ABOVE = new BigDecimal("320");
    static final BigDecimal HIGH_ABOVE = new BigDecimal("160");
    static final BigDecimal GENERAL_ABOVE = new BigDecimal("70");

    private LecAssessment() {
    }

    public record Result(BigDecimal d, RiskLevel level) {
    }

    /** Which factor is not a value of its table, if any: {@code "l"}, {@code "e"} or {@code "c"}. */
    public static List<String> invalidFactors(BigDecimal l, BigDecimal e, BigDecimal c) {
        List<String> invalid = new java.util.ArrayList<>();
        if (!inTable(L_VALUES, l)) {
            invalid.add("l");
        }
        if (!inTable(E_VALUES, e)) {
            invalid.add("e");
        }
        if (!inTable(C_VALUES, c)) {
            invalid.add("c");
        }
        return invalid;
    }

    public static Result assess(BigDecimal l, BigDecimal e, BigDecimal c) {
        List<String> invalid = invalidFactors(l, e, c);
        if (!invalid.isEmpty()) {
            throw new IllegalArgumentException("not a table value: " + invalid);
        }
        BigDecimal d = l.multiply(e).multiply(c).stripTrailingZeros();
        if (d.scale() < 0) {
            d = d.setScale(0);
        }
        return new Result(d, grade(d));
    }

    public static RiskLevel grade(BigDecimal d) {
        if (d.compareTo(MAJOR_ABOVE) > 0) {
            return RiskLevel.MAJOR;
        }
        if (d.compareTo(HIGH_ABOVE) > 0) {
            return RiskLevel.HIGH;
        }
        if (d.compareTo(GENERAL_ABOVE) > 0) {
            return RiskLevel.GENERAL;
        }
        return RiskLevel.LOW;
    }

    private static boolean inTable(List<BigDecimal> table, BigDecimal value) {
        return value != null && table.stream().anyMatch(v -> v.compareTo(value) == 0);
    }

    private static List<BigDecimal> decimals(String... values) {
        return java.util.Arrays.stream(values).map(BigDecimal::new).toList();
    }
}
