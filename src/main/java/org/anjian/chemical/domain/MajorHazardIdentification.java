package org.anjian.chemical.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * GB 18218-2018 《危险化学品重大危险源辨识》 as code.
 * <ul>
 * <li>4.2.2: a unit is a major hazard source when S = Σ qᵢ/Qᵢ ≥ 1, q the maximum quantity of each
 * substance in the unit, Q its critical quantity (table 1 when named there, otherwise table 2 by
 * hazard class; with several hazards the lowest Q).</li>
 * <li>4.3: R = α · Σ βᵢ · qᵢ/Qᵢ, β from table 3 for the toxic gases listed there and from table 4
 * by class for the rest, α from table 5 by the people within 500 m.</li>
 * <li>Table 6: 一级 R ≥ 100, 二级 50 ≤ R &lt; 100, 三级 10 ≤ R &lt; 50, 四级 R &lt; 10.</li>
 * </ul>
 * Quantities are never summed across units: each unit is assessed on its own.
 */
public final class MajorHazardIdentification {

    /** Ratios are exact to this many decimal places before they are compared with the limits. */
    private static final int SCALE = 10;
    private static final MathContext EXACT = MathContext.DECIMAL128;

    private final Gb18218Tables tables;

    public MajorHazardIdentification(Gb18218Tables tables) {
        this.tables = tables;
    }

    public Gb18218Tables tables() {
        return tables;
    }

    /** What a stock is measured against: Q and β, and the table rows they come from. */
    public record Criterion(String substance, BigDecimal criticalQuantity, BigDecimal beta, String qRow, String betaRow) {
    }

    /** A substance held in a unit: its criterion and the maximum quantity q in tonnes. */
    public record Stock(Criterion criterion, BigDecimal tonnes) {

        public Stock {
            if (tonnes == null || tonnes.signum() < 0) {
                throw new IllegalArgumentException("q must be zero or more tonnes");
            }
        }
    }

    /** One term of the sums: q, Q, β and q/Q. */
    public record Term(String substance, BigDecimal q, BigDecimal criticalQuantity, BigDecimal beta, BigDecimal ratio,
                       String qRow, String betaRow) {
    }

    /** The outcome for one unit; {@code grade} is 1 (一级) to 4 (四级) for a major hazard source, null otherwise. */
    public record UnitAssessment(BigDecimal s, BigDecimal r, BigDecimal alpha, Integer grade, String gradeLabel,
                                 boolean major, List<Term> terms) {
    }

    /** Why a substance could not be measured, and which of its fields is to blame. */
    public static final class UnknownSubstance extends RuntimeException {

        private final String field;

        UnknownSubstance(String field, String message) {
            super(message);
            this.field = field;
        }

        /** {@code name}, {@code cas} or {@code hazardClass}. */
        public String field() {
            return field;
        }
    }

    /**
     * The criterion for a substance given by name or CAS number, and optionally its hazard classes
     * (table 2 codes, comma separated). Table 1 comes before table 2 (4.2.1 note); a substance not in
     * table 1 needs its class, and with several classes the one with the lowest Q applies.
     */
    public Criterion criterion(String name, String cas, String hazardClasses) {
        List<HazardCategory> classes = classes(hazardClasses);
        Optional<NamedSubstance> named = cas != null && !cas.isBlank() ? tables.byCas(cas) : tables.byName(name);
        if (named.isEmpty() && cas != null && !cas.isBlank() && name != null && !name.isBlank()) {
            named = tables.byName(name);
        }
        if (named.isPresent()) {
            NamedSubstance s = named.get();
            if (s.toxicGasBeta() != null) {
                return new Criterion(s.name(), s.q(), s.toxicGasBeta(), "表1 " + s.name(), "表3 " + s.name());
            }
            HazardCategory betaClass = classes.isEmpty() ? tables.category(s.betaClass()).orElseThrow()
                    : classes.stream().max(Comparator.comparing(HazardCategory::beta)).orElseThrow();
            return new Criterion(s.name(), s.q(), betaClass.beta(), "表1 " + s.name(), "表4 " + betaClass.code());
        }
        if (classes.isEmpty()) {
            String field = name != null && !name.isBlank() ? "name" : (cas != null && !cas.isBlank() ? "cas" : "name");
            throw new UnknownSubstance(field, "not in table 1 of " + tables.version() + " and no hazard class given");
        }
        HazardCategory lowest = classes.stream()
                .min(Comparator.comparing(HazardCategory::q).thenComparing(HazardCategory::beta, Comparator.reverseOrder()))
                .orElseThrow();
        String label = name != null && !name.isBlank() ? name.strip() : cas.strip();
        return new Criterion(label, lowest.q(), lowest.beta(), "表2 " + lowest.code(), "表4 " + lowest.code());
    }

    private List<HazardCategory> classes(String hazardClasses) {
        if (hazardClasses == null || hazardClasses.isBlank()) {
            return List.of();
        }
        List<HazardCategory> found = new ArrayList<>();
        for (String code : Arrays.stream(hazardClasses.split("[,，、;\\s]+")).filter(c -> !c.isBlank()).toList()) {
            found.add(tables.category(code).orElseThrow(
                    () -> new UnknownSubstance("hazardClass", code + " is not a class of table 2 of " + tables.version())));
        }
        return found;
    }

    /** Table 5: α for the number of people within 500 m of the unit. */
    public BigDecimal alpha(int peopleWithin500m) {
        if (peopleWithin500m < 0) {
            throw new IllegalArgumentException("people cannot be negative");
        }
        return tables.table5().stream().filter(b -> peopleWithin500m >= b.minPeople()).findFirst().orElseThrow().alpha();
    }

    /** Table 6: the grade for R, the lower limit of each band included. */
    public GradeBand grade(BigDecimal r) {
        return tables.grades().stream().filter(g -> r.compareTo(g.minR()) >= 0).findFirst()
                .orElse(tables.grades().get(tables.grades().size() - 1));
    }

    /** One unit: S, R, α, whether it is a major hazard source and, if so, its grade. */
    public UnitAssessment assess(List<Stock> stocks, int peopleWithin500m) {
        BigDecimal alpha = alpha(peopleWithin500m);
        BigDecimal s = BigDecimal.ZERO;
        BigDecimal weighted = BigDecimal.ZERO;
        List<Term> terms = new ArrayList<>();
        for (Stock stock : stocks) {
            Criterion c = stock.criterion();
            BigDecimal ratio = stock.tonnes().divide(c.criticalQuantity(), EXACT);
            s = s.add(ratio);
            weighted = weighted.add(c.beta().multiply(ratio));
            terms.add(new Term(c.substance(), stock.tonnes(), c.criticalQuantity(), c.beta(), rounded(ratio), c.qRow(), c.betaRow()));
        }
        BigDecimal sRounded = rounded(s);
        BigDecimal r = rounded(alpha.multiply(weighted));
        boolean major = sRounded.compareTo(BigDecimal.ONE) >= 0;
        GradeBand grade = major ? grade(r) : null;
        return new UnitAssessment(sRounded, r, alpha, grade == null ? null : grade.grade(), grade == null ? null : grade.label(),
                major, List.copyOf(terms));
    }

    private static BigDecimal rounded(BigDecimal value) {
        BigDecimal v = value.setScale(SCALE, RoundingMode.HALF_UP).stripTrailingZeros();
        return v.scale() < 0 ? v.setScale(0) : v;
    }
}
