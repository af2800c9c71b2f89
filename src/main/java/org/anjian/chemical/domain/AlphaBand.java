package org.anjian.chemical.domain;

import java.math.BigDecimal;

/** A row of GB 18218-2018 table 5: from {@code minPeople} exposed people within 500 m upward, α is {@code alpha}. */
public record AlphaBand(int minPeople, BigDecimal alpha, String label) {
}
