package org.anjian.enterprise.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Non-coal mine duties (ENT-6) and the gaps where one is not met:
 * <ul>
 *   <li>a slope or dump of 200 m or more has online monitoring;</li>
 *   <li>one of 100 m or more has a stability analysis within the last year;</li>
 *   <li>the actual controller is on site at least 10 days a month, the chief engineer at least 15;</li>
 *   <li>the principal leads and signs a hazard check every month;</li>
 *   <li>两低: a new limestone permit below 1 Mt/yr, or an expansion below 0.5 Mt/yr or for less than
 *       3 years, gets no licence;</li>
 *   <li>crusher feeding is mechanized (100% required since the end of 2023).</li>
 * </ul>
 */
public final class MineGaps {

    public static final int MONITORING_HEIGHT_M = 200;
    public static final int STABILITY_HEIGHT_M = 100;
    public static final int CONTROLLER_DAYS = 10;
    public static final int CHIEF_ENGINEER_DAYS = 15;
    public static final BigDecimal NEW_LIMESTONE_MIN_MT = new BigDecimal("1.0");
    public static final BigDecimal EXPANSION_MIN_MT = new BigDecimal("0.5");
    public static final int EXPANSION_MIN_YEARS = 3;

    public enum Gap {
        MONITORING_MISSING, STABILITY_ANALYSIS_MISSING, CONTROLLER_DAYS_SHORT, CHIEF_ENGINEER_DAYS_SHORT,
        PRINCIPAL_CHECK_MISSING, BELOW_TWO_LOW_LIMITS, CRUSHER_NOT_MECHANIZED
    }

    public enum PermitKind { NEW, EXPANSION, RENEWAL }

    public record Slope(String name, String kind, BigDecimal heightM, boolean onlineMonitoring, LocalDate lastStabilityAnalysis) {
    }

    /** Presence and the signed check for one month; null counts mean "not reported", which is a shortfall. */
    public record MonthReport(Integer controllerDays, Integer chiefEngineerDays, boolean principalCheckSigned) {
    }

    public record Permit(PermitKind kind, String mineral, BigDecimal outputMtPerYear, Integer termYears) {
    }

    public record Finding(Gap gap, String subject) {
    }

    private MineGaps() {
    }

    public static List<Finding> slopeGaps(List<Slope> slopes, LocalDate today) {
        List<Finding> gaps = new ArrayList<>();
        for (Slope s : slopes) {
            if (s.heightM() == null) {
                continue;
            }
            if (s.heightM().compareTo(BigDecimal.valueOf(MONITORING_HEIGHT_M)) >= 0 && !s.onlineMonitoring()) {
                gaps.add(new Finding(Gap.MONITORING_MISSING, s.name()));
            }
            if (s.heightM().compareTo(BigDecimal.valueOf(STABILITY_HEIGHT_M)) >= 0
                    && (s.lastStabilityAnalysis() == null || s.lastStabilityAnalysis().isBefore(today.minusYears(1)))) {
                gaps.add(new Finding(Gap.STABILITY_ANALYSIS_MISSING, s.name()));
            }
        }
        return gaps;
    }

    public static List<Finding> monthGaps(MonthReport m) {
        List<Finding> gaps = new ArrayList<>();
        if (m == null) {
            m = new MonthReport(null, null, false);
        }
        if (m.controllerDays() == null || m.controllerDays() < CONTROLLER_DAYS) {
            gaps.add(new Finding(Gap.CONTROLLER_DAYS_SHORT, String.valueOf(m.controllerDays() == null ? 0 : m.controllerDays())));
        }
        if (m.chiefEngineerDays() == null || m.chiefEngineerDays() < CHIEF_ENGINEER_DAYS) {
            gaps.add(new Finding(Gap.CHIEF_ENGINEER_DAYS_SHORT, String.valueOf(m.chiefEngineerDays() == null ? 0 : m.chiefEngineerDays())));
        }
        if (!m.principalCheckSigned()) {
            gaps.add(new Finding(Gap.PRINCIPAL_CHECK_MISSING, null));
        }
        return gaps;
    }

    /** True when the permit falls under the 两低 limits and so may not be licensed. */
    public static boolean belowTwoLowLimits(Permit p) {
        if (p == null || p.kind() == null || p.outputMtPerYear() == null) {
            return false;
        }
        return switch (p.kind()) {
            case NEW -> "LIMESTONE".equals(p.mineral()) && p.outputMtPerYear().compareTo(NEW_LIMESTONE_MIN_MT) < 0;
            case EXPANSION -> p.outputMtPerYear().compareTo(EXPANSION_MIN_MT) < 0
                    || (p.termYears() != null && p.termYears() < EXPANSION_MIN_YEARS);
            case RENEWAL -> false;
        };
    }

    public static List<Finding> gaps(List<Slope> slopes, MonthReport lastMonth, Permit permit, Boolean crusherMechanized, LocalDate today) {
        List<Finding> gaps = new ArrayList<>(slopeGaps(slopes, today));
        gaps.addAll(monthGaps(lastMonth));
        if (belowTwoLowLimits(permit)) {
            gaps.add(new Finding(Gap.BELOW_TWO_LOW_LIMITS, null));
        }
        if (!Boolean.TRUE.equals(crusherMechanized)) {
            gaps.add(new Finding(Gap.CRUSHER_NOT_MECHANIZED, null));
        }
        return gaps;
    }
}
