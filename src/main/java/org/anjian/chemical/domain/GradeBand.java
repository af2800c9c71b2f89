package org.anjian.chemical.domain;

import java.math.BigDecimal;

/** A row of the grading table (GB 18218-2018 clause 4.3.3, table 6): R at or above {@code minR} is {@code grade}. */
public record GradeBand(int grade, String label, BigDecimal minR) {
}
