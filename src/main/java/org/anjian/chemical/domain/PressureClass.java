package org.anjian.chemical.domain;

import java.math.BigDecimal;

/**
 * The pressure classes of gas pipelines, GB 50028-2006 《城镇燃气设计规范》 table 6.1.6 (design
 * pressure P, MPa): 高压 1.6 &lt; P ≤ 4.0 (A: 2.5–4.0, B: 1.6–2.5), 次高压 0.4 &lt; P ≤ 1.6, 中压
 * 0.01 ≤ P ≤ 0.4, 低压 P &lt; 0.01. Long-distance oil and gas pipelines above 4.0 MPa (《石油天然气
 * 管道保护法》) are counted as 高压.
 */
public enum PressureClass {
    HIGH, SUB_HIGH, MEDIUM, LOW;

    private static final BigDecimal P_001 = new BigDecimal("0.01");
    private static final BigDecimal P_04 = new BigDecimal("0.4");
    private static final BigDecimal P_16 = new BigDecimal("1.6");

    /** The class a design pressure falls in; each upper bound belongs to the lower class. */
    public static PressureClass of(BigDecimal mpa) {
        if (mpa.compareTo(P_16) > 0) {
            return HIGH;
        }
        if (mpa.compareTo(P_04) > 0) {
            return SUB_HIGH;
        }
        if (mpa.compareTo(P_001) >= 0) {
            return MEDIUM;
        }
        return LOW;
    }
}
