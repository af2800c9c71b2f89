package org.anjian.chemical.domain;

import java.math.BigDecimal;

/**
 * A row of GB 18218-2018 table 2 (hazard classes of substances not named in table 1) with its
 * critical quantity Q in tonnes, and the correction factor β of table 4 for the class.
 */
public record HazardCategory(String code, String description, BigDecimal q, BigDecimal beta) {

    public HazardCategory {
        Checks.positive(q, "Q of " + code);
        Checks.positive(beta, "β of " + code);
    }
}
