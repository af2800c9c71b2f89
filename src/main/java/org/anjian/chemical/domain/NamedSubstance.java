package org.anjian.chemical.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * A row of GB 18218-2018 table 1: a named dangerous chemical with its CAS numbers and critical
 * quantity Q in tonnes. {@code toxicGasBeta} is its β from table 3 when it is one of the toxic gases
 * listed there; otherwise β comes from table 4 for {@code betaClass}, the table-2 class the
 * substance belongs to.
 */
public record NamedSubstance(String name, List<String> aliases, List<String> cas, BigDecimal q, String betaClass,
                             BigDecimal toxicGasBeta) {

    public NamedSubstance {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        cas = cas == null ? List.of() : List.copyOf(cas);
        Checks.positive(q, "Q of " + name);
    }

    boolean isCalled(String candidate) {
        String wanted = Names.normal(candidate);
        return Names.normal(name).equals(wanted) || aliases.stream().map(Names::normal).anyMatch(wanted::equals);
    }

    boolean hasCas(String candidate) {
        return cas.contains(candidate.trim());
    }
}
