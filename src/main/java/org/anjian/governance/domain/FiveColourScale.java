package org.anjian.governance.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The 五色图 scale (GOV-3): bands from the worst (first) to the best, each with the least score it takes. A unit
 * gets the best band whose minimum its score reaches; a 一票否决 puts it in the worst whatever its score. The
 * Chongqing colours and criteria are unconfirmed (REFERENCE-RULES §6), so the district keeps them as data.
 */
public record FiveColourScale(List<Band> bands) {

    public record Band(String code, String name, String colour, BigDecimal minScore, String criteria, int sortOrder) {
    }

    public FiveColourScale {
        bands = bands.stream().sorted(Comparator.comparingInt(Band::sortOrder)).toList();
    }

    public Band colourOf(BigDecimal total, boolean vetoed) {
        if (vetoed) {
            return bands.get(0);
        }
        Band found = bands.get(0);
        for (Band b : bands) {
            if (total.compareTo(b.minScore()) >= 0) {
                found = b;
            }
        }
        return found;
    }

    /**
     * What is wrong with a proposed scale, as message keys per band code: minimums between 0 and 100 rising strictly
     * from the worst band, the worst starting at 0 so every score has a colour, colours as #rrggbb and names given.
     */
    public List<String[]> problems() {
        List<String[]> problems = new ArrayList<>();
        BigDecimal previous = null;
        for (int i = 0; i < bands.size(); i++) {
            Band b = bands.get(i);
            if (b.name() == null || b.name().isBlank()) {
                problems.add(new String[] {b.code(), "governance.fiveColour.nameRequired"});
            }
            if (b.colour() == null || !b.colour().matches("#[0-9a-fA-F]{6}")) {
                problems.add(new String[] {b.code(), "governance.fiveColour.colourInvalid"});
            }
            if (b.minScore() == null || b.minScore().signum() < 0 || b.minScore().compareTo(BigDecimal.valueOf(100)) > 0) {
                problems.add(new String[] {b.code(), "governance.fiveColour.minOutOfRange"});
            } else if (i == 0 && b.minScore().signum() != 0) {
                problems.add(new String[] {b.code(), "governance.fiveColour.lowestFromZero"});
            } else if (previous != null && b.minScore().compareTo(previous) <= 0) {
                problems.add(new String[] {b.code(), "governance.fiveColour.notRising"});
            }
            if (b.minScore() != null) {
                previous = b.minScore();
            }
        }
        return problems;
    }
}
