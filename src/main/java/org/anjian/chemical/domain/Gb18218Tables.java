package org.anjian.chemical.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The tables of GB 18218-2018 as data: table 1 (named substances), table 2 with table 4's β
 * (hazard classes), table 5 (α by exposed people) and the grade limits. Loaded from a versioned
 * file so that a revision of the standard is a new file, not new code.
 */
public record Gb18218Tables(String version, List<NamedSubstance> table1, List<HazardCategory> table2,
                            List<AlphaBand> table5, List<GradeBand> grades) {

    public Gb18218Tables {
        table1 = List.copyOf(table1);
        table2 = List.copyOf(table2);
        table5 = table5.stream().sorted(Comparator.comparingInt(AlphaBand::minPeople).reversed()).toList();
        grades = grades.stream().sorted(Comparator.comparing(GradeBand::minR).reversed()).toList();
        if (table5.isEmpty() || table5.get(table5.size() - 1).minPeople() != 0) {
            throw new IllegalArgumentException("table 5 must cover 0 people");
        }
        for (NamedSubstance s : table1) {
            if (s.toxicGasBeta() == null && table2.stream().noneMatch(c -> c.code().equalsIgnoreCase(s.betaClass()))) {
                throw new IllegalArgumentException("no β for " + s.name() + ": unknown class " + s.betaClass());
            }
        }
    }

    public Optional<HazardCategory> category(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.strip().toUpperCase(java.util.Locale.ROOT);
        return table2.stream().filter(c -> c.code().equalsIgnoreCase(wanted)).findFirst();
    }

    /** The table-1 entry by CAS number; where one CAS has two entries (硝酸铵), the one with the lower Q. */
    public Optional<NamedSubstance> byCas(String cas) {
        if (cas == null || cas.isBlank()) {
            return Optional.empty();
        }
        return table1.stream().filter(s -> s.hasCas(cas)).min(Comparator.comparing(NamedSubstance::q));
    }

    public Optional<NamedSubstance> byName(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        return table1.stream().filter(s -> s.isCalled(name)).findFirst();
    }
}
