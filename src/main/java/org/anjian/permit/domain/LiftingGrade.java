package org.anjian.permit.domain;

import java.math.BigDecimal;

/**
 * GB 30871-2022 9.1: 吊装作业 graded by the mass of the load: 一级 m &gt; 100 t, 二级 40 t ≤ m ≤ 100 t,
 * 三级 m &lt; 40 t. Table B.1 note 3 (informative): loads under 10 t may go without a 吊装作业票, but
 * the risk analysis is still done.
 */
public final class LiftingGrade {

    static final BigDecimal FORTY = new BigDecimal("40");
    static final BigDecimal HUNDRED = new BigDecimal("100");
    static final BigDecimal TEN = new BigDecimal("10");

    private LiftingGrade() {
    }

    public static WorkGrade of(BigDecimal massTonnes) {
        if (massTonnes == null || massTonnes.signum() <= 0) {
            throw PermitViolation.invalid("permit.lifting.mass", "吊装质量须大于 0 吨");
        }
        if (massTonnes.compareTo(HUNDRED) > 0) {
            return WorkGrade.FIRST;
        }
        if (massTonnes.compareTo(FORTY) >= 0) {
            return WorkGrade.SECOND;
        }
        return WorkGrade.THIRD;
    }

    /** Whether a 吊装作业票 is needed (Table B.1 note 3): from 10 t. */
    public static boolean permitRequired(BigDecimal massTonnes) {
        return massTonnes != null && massTonnes.compareTo(TEN) >= 0;
    }
}
