package org.anjian.governance.domain;

import java.math.BigDecimal;

/**
 * One indicator of the scheme, worth {@code weight} points. {@link #ACCIDENTS} deducts {@code perDeath} for each
 * death (the missing count as dead), {@code perAccident} for each accident and {@code overTarget} once when the
 * year's deaths exceed the unit's ceiling (its target), never more than the weight; the others score
 * weight × min(1, actual ÷ target).
 */
public record AssessmentIndicator(String code, String name, BigDecimal weight, BigDecimal perDeath, BigDecimal perAccident,
                                  BigDecimal overTarget, BigDecimal defaultTarget, String criteria) {

    public static final String ACCIDENTS = "ACCIDENTS";
    public static final String HAZARD_RECTIFICATION = "HAZARD_RECTIFICATION";
    public static final String ENFORCEMENT = "ENFORCEMENT";
    public static final String STANDARDIZATION = "STANDARDIZATION";

    public static final java.util.List<String> CODES = java.util.List.of(ACCIDENTS, HAZARD_RECTIFICATION, ENFORCEMENT, STANDARDIZATION);

    /** Rates are targets in per cent; the count and the ceiling are whole numbers. */
    public boolean isRate() {
        return code.equals(HAZARD_RECTIFICATION) || code.equals(STANDARDIZATION);
    }
}
