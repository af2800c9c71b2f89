package org.anjian.hazard.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * 五落实 for a major hazard: responsibility, measures, funds, deadline and contingency plan. All
 * five must be recorded before rectification starts.
 */
public record FiveAssurances(String responsiblePerson, String measures, BigDecimal funds, LocalDate deadline, String contingencyPlan) {

    public static final FiveAssurances NONE = new FiveAssurances(null, null, null, null, null);

    public boolean complete() {
        return has(responsiblePerson) && has(measures) && funds != null && funds.signum() >= 0 && deadline != null && has(contingencyPlan);
    }

    private static boolean has(String s) {
        return s != null && !s.isBlank();
    }
}
