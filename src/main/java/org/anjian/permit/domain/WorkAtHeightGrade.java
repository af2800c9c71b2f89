package org.anjian.permit.domain;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * GB 30871-2022 8.1: 高处作业 is work at 2 m or more above the fall reference plane. Its grade
 * comes from the height band (8.1.1: 2 ≤ h ≤ 5, 5 &lt; h ≤ 15, 15 &lt; h ≤ 30, h &gt; 30 m) and the method
 * (8.1.2: B when any of the objective hazards listed there applies, otherwise A), by Table 2:
 * method A gives Ⅰ/Ⅱ/Ⅲ/Ⅳ, method B Ⅱ/Ⅲ/Ⅳ/Ⅳ.
 */
public final class WorkAtHeightGrade {

    static final BigDecimal TWO = new BigDecimal("2");
    static final BigDecimal FIVE = new BigDecimal("5");
    static final BigDecimal FIFTEEN = new BigDecimal("15");
    static final BigDecimal THIRTY = new BigDecimal("30");

    private WorkAtHeightGrade() {
    }

    /** Whether work at this height is 高处作业 at all (8.1: 2 m or more). */
    public static boolean isWorkAtHeight(BigDecimal heightMetres) {
        return heightMetres != null && heightMetres.compareTo(TWO) >= 0;
    }

    /** The height band of 8.1.1, 1 to 4; empty below 2 m. */
    public static Optional<Integer> band(BigDecimal h) {
        if (!isWorkAtHeight(h)) {
            return Optional.empty();
        }
        if (h.compareTo(FIVE) <= 0) {
            return Optional.of(1);
        }
        if (h.compareTo(FIFTEEN) <= 0) {
            return Optional.of(2);
        }
        if (h.compareTo(THIRTY) <= 0) {
            return Optional.of(3);
        }
        return Optional.of(4);
    }

    /**
     * The grade by Table 2; empty below 2 m (no 高处作业票 needed).
     *
     * @param objectiveHazard whether any of the hazards of 8.1.2 applies (method B)
     */
    public static Optional<WorkGrade> of(BigDecimal heightMetres, boolean objectiveHazard) {
        return band(heightMetres).map(b -> {
            int level = Math.min(4, b + (objectiveHazard ? 1 : 0));
            return switch (level) {
                case 1 -> WorkGrade.FIRST;
                case 2 -> WorkGrade.SECOND;
                case 3 -> WorkGrade.THIRD;
                default -> WorkGrade.FOURTH;
            };
        });
    }
}
