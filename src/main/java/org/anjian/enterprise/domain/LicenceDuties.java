package org.anjian.enterprise.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.anjian.enterprise.RiskFlag;
import org.anjian.enterprise.Scale;
import org.anjian.enterprise.Sector;
import org.anjian.enterprise.SubSector;

/**
 * The mandatory items of ENT-4 and the gaps where one is missing:
 * <ul>
 *   <li>安全生产许可证 for mines, hazchem production and fireworks (the licensed activities);</li>
 *   <li>安责险 for the high-risk lines of 应保尽保: mines, hazchem, fireworks, metal smelting;</li>
 *   <li>a 总工程师 for 规上 dust / ammonia / molten-metal enterprises, mines and hazchem;</li>
 *   <li>the principal and safety managers of a metal-smelting enterprise assessed within 6 months of appointment.</li>
 * </ul>
 */
public final class LicenceDuties {

    public static final int ASSESSMENT_MONTHS = 6;

    public enum Gap { SAFETY_PERMIT_MISSING, INSURANCE_MISSING, CHIEF_ENGINEER_MISSING, ASSESSMENT_OVERDUE }

    /** A key person as the duties see them. */
    public record KeyPerson(String role, String name, LocalDate appointedOn, LocalDate assessedOn) {
    }

    /**
     * @param hasValidSafetyPermit a permit whose validity covers today
     * @param hasValidInsurance    an insurance period covering today
     */
    public record Facts(Sector sector, SubSector subSector, Scale scale, Set<RiskFlag> flags, boolean hasValidSafetyPermit,
                        boolean hasValidInsurance, List<KeyPerson> keyPersons) {
    }

    public record Finding(Gap gap, String detail) {
    }

    private LicenceDuties() {
    }

    public static boolean safetyPermitRequired(Sector sector, SubSector subSector) {
        return sector == Sector.NON_COAL_MINE || sector == Sector.FIREWORKS || subSector == SubSector.HAZCHEM_PRODUCTION;
    }

    public static boolean insuranceRequired(Sector sector, Set<RiskFlag> flags) {
        return sector == Sector.NON_COAL_MINE || sector == Sector.HAZCHEM || sector == Sector.FIREWORKS
                || flags.contains(RiskFlag.METAL_SMELTING);
    }

    public static boolean chiefEngineerRequired(Sector sector, Scale scale, Set<RiskFlag> flags) {
        boolean aboveSizeSpecialRisk = scale == Scale.ABOVE_SIZE && (flags.contains(RiskFlag.DUST_EXPLOSION)
                || flags.contains(RiskFlag.AMMONIA_REFRIGERATION) || flags.contains(RiskFlag.MOLTEN_METAL));
        return aboveSizeSpecialRisk || sector == Sector.NON_COAL_MINE || sector == Sector.HAZCHEM;
    }

    public static List<Finding> gaps(Facts f, LocalDate today) {
        List<Finding> gaps = new ArrayList<>();
        if (safetyPermitRequired(f.sector(), f.subSector()) && !f.hasValidSafetyPermit()) {
            gaps.add(new Finding(Gap.SAFETY_PERMIT_MISSING, null));
        }
        if (insuranceRequired(f.sector(), f.flags()) && !f.hasValidInsurance()) {
            gaps.add(new Finding(Gap.INSURANCE_MISSING, null));
        }
        if (chiefEngineerRequired(f.sector(), f.scale(), f.flags())
                && f.keyPersons().stream().noneMatch(p -> "CHIEF_ENGINEER".equals(p.role()))) {
            gaps.add(new Finding(Gap.CHIEF_ENGINEER_MISSING, null));
        }
        if (f.flags().contains(RiskFlag.METAL_SMELTING)) {
            for (KeyPerson p : f.keyPersons()) {
                boolean assessable = "PRINCIPAL".equals(p.role()) || "SAFETY_MANAGER".equals(p.role());
                if (assessable && assessmentOverdue(p, today)) {
                    gaps.add(new Finding(Gap.ASSESSMENT_OVERDUE, p.name()));
                }
            }
        }
        return gaps;
    }

    /**
     * Overdue from the day after the 6-month anniversary of appointment while no assessment is
     * recorded; an assessment passed late closes the gap (it is the present state that is supervised).
     */
    public static boolean assessmentOverdue(KeyPerson p, LocalDate today) {
        if (p.appointedOn() == null || p.assessedOn() != null) {
            return false;
        }
        return today.isAfter(p.appointedOn().plusMonths(ASSESSMENT_MONTHS));
    }
}
