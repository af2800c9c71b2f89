package org.anjian.accident.domain;

import java.math.BigDecimal;
import org.anjian.accident.AccidentGrade;

/**
 * 《生产安全事故报告和调查处理条例》(State Council Decree 493) Article 3. An accident is graded by
 * deaths, serious injuries (including acute industrial poisoning) and direct economic loss; the
 * highest grade any of the three reaches wins. "以上" includes the number, "以下" excludes it:
 * <pre>
 *                 deaths   serious injuries   direct loss (yuan)
 * 特别重大         ≥ 30     ≥ 100              ≥ 100,000,000
 * 重大            10–29    50–99              50,000,000 – 99,999,999.99
 * 较大             3–9     10–49              10,000,000 – 49,999,999.99
 * 一般            &lt; 3      &lt; 10               &lt; 10,000,000
 * </pre>
 * Missing persons count with the deaths, as the statistics rules require.
 */
public final class AccidentGrading {

    static final int EXTRAORDINARY_DEATHS = 30;
    static final int MAJOR_DEATHS = 10;
    static final int LARGER_DEATHS = 3;
    static final int EXTRAORDINARY_SERIOUS = 100;
    static final int MAJOR_SERIOUS = 50;
    static final int LARGER_SERIOUS = 10;
    static final BigDecimal EXTRAORDINARY_LOSS = new BigDecimal("100000000");
    static final BigDecimal MAJOR_LOSS = new BigDecimal("50000000");
    static final BigDecimal LARGER_LOSS = new BigDecimal("10000000");

    private AccidentGrading() {
    }

    public static AccidentGrade grade(int deaths, int missing, int seriousInjuries, BigDecimal directLossYuan) {
        if (deaths < 0 || missing < 0 || seriousInjuries < 0 || directLossYuan == null || directLossYuan.signum() < 0) {
            throw new IllegalArgumentException("counts and loss cannot be negative");
        }
        int dead = Math.addExact(deaths, missing);
        AccidentGrade byDeaths = dead >= EXTRAORDINARY_DEATHS ? AccidentGrade.EXTRAORDINARY
                : dead >= MAJOR_DEATHS ? AccidentGrade.MAJOR : dead >= LARGER_DEATHS ? AccidentGrade.LARGER : AccidentGrade.ORDINARY;
        AccidentGrade byInjuries = seriousInjuries >= EXTRAORDINARY_SERIOUS ? AccidentGrade.EXTRAORDINARY
                : seriousInjuries >= MAJOR_SERIOUS ? AccidentGrade.MAJOR
                : seriousInjuries >= LARGER_SERIOUS ? AccidentGrade.LARGER : AccidentGrade.ORDINARY;
        AccidentGrade byLoss = directLossYuan.compareTo(EXTRAORDINARY_LOSS) >= 0 ? AccidentGrade.EXTRAORDINARY
                : directLossYuan.compareTo(MAJOR_LOSS) >= 0 ? AccidentGrade.MAJOR
                : directLossYuan.compareTo(LARGER_LOSS) >= 0 ? AccidentGrade.LARGER : AccidentGrade.ORDINARY;
        return max(byDeaths, max(byInjuries, byLoss));
    }

    private static AccidentGrade max(AccidentGrade a, AccidentGrade b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
