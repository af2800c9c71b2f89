package org.anjian.permit.domain;

/**
 * GB 30871-2022 5.1: the grade of 动火作业.
 * <ul>
 *   <li>5.1.2 特级: on operating equipment, pipes, tanks or vessels in a fire or explosion hazard area
 *       (including hot tapping without purging), or inside the dike of a major-hazard tank farm;</li>
 *   <li>5.1.3 一级: any other hot work in a fire or explosion hazard area (work on pipe racks included);</li>
 *   <li>5.1.4 二级: hot work outside those areas; also work in a unit that is wholly shut down, cleaned,
 *       purged, analysed and isolated, when the production or safety manager approves managing it as 二级;</li>
 *   <li>5.1.1 on 节假日, 公休日, at night or in other special circumstances the work is managed one grade higher;
 *       5.2.15 outdoor hot work in wind of force 5 or more is to be upgraded too.</li>
 * </ul>
 * The standard does not say what raising 特级 means: it stays 特级, the top grade.
 */
public final class HotWorkGrade {

    /** Where the work is (5.1.2–5.1.4). */
    public enum Site {
        /** 5.1.2: operating equipment in a fire or explosion hazard area, or inside a major-hazard tank farm's dike. */
        OPERATING_EQUIPMENT_IN_HAZARD_AREA,
        /** 5.1.3: elsewhere in a fire or explosion hazard area. */
        HAZARD_AREA,
        /** Outside the fire and explosion hazard areas (and outside a 固定动火区). */
        OUTSIDE_HAZARD_AREA
    }

    /** When and how: what 5.1.1, 5.1.4 and 5.2.15 look at. */
    public record Circumstances(boolean holidayOrRestDay, boolean night, int windForce, boolean outdoor, boolean unitShutDownAndPurged) {

        public static final Circumstances ORDINARY = new Circumstances(false, false, 0, false, false);

        /** 5.1.1 and 5.2.15: the circumstances that raise the grade by one. */
        public boolean raiseTheGrade() {
            return holidayOrRestDay || night || (outdoor && windForce >= 5);
        }
    }

    private HotWorkGrade() {
    }

    /** The grade of the site alone (5.1.2–5.1.4, before any raising). */
    public static WorkGrade ofSite(Site site, boolean unitShutDownAndPurged) {
        if (unitShutDownAndPurged) {
            return WorkGrade.SECOND;
        }
        return switch (site) {
            case OPERATING_EQUIPMENT_IN_HAZARD_AREA -> WorkGrade.SPECIAL;
            case HAZARD_AREA -> WorkGrade.FIRST;
            case OUTSIDE_HAZARD_AREA -> WorkGrade.SECOND;
        };
    }

    /** The grade the work is managed at: the site's grade, one higher in the circumstances of 5.1.1 and 5.2.15. */
    public static WorkGrade of(Site site, Circumstances c) {
        WorkGrade grade = ofSite(site, c.unitShutDownAndPurged());
        return c.raiseTheGrade() ? raised(grade) : grade;
    }

    /** One grade higher; 特级 stays 特级. */
    public static WorkGrade raised(WorkGrade grade) {
        return switch (grade) {
            case SECOND -> WorkGrade.FIRST;
            case FIRST, SPECIAL -> WorkGrade.SPECIAL;
            default -> throw new IllegalArgumentException("not a grade of 动火: " + grade);
        };
    }

    /** 5.2.15: outdoor hot work in wind of force 5 or more is prohibited unless it is truly needed (and then raised). */
    public static boolean windForbidsUnlessNeeded(Circumstances c) {
        return c.outdoor() && c.windForce() >= 5;
    }
}
