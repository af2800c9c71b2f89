package org.anjian.enterprise.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * 三个责任人 duties (ENT-5), measured per person: at least one check in the current calendar month,
 * every assigned enterprise checked within the current half-year (1 Jan–30 Jun, 1 Jul–31 Dec), and
 * at least one check inside each special period (复工复产, 险情, 事故) the district declared that has
 * begun by today. Dates are local dates in the district's zone; the caller converts.
 */
public final class ResponsiblePersonCompliance {

    public static final int REQUIRED_CHECKS_PER_MONTH = 1;

    public record Check(UUID enterpriseId, LocalDate checkedOn) {
    }

    public record SpecialPeriod(String name, LocalDate startsOn, LocalDate endsOn) {
    }

    /**
     * @param coveragePercent checked ÷ assigned in the half-year, 100 when nothing is assigned
     * @param missedPeriods   names of special periods begun by today with no check inside them
     */
    public record Result(int checksThisMonth, int enterprisesAssigned, int enterprisesCheckedThisHalfYear, int coveragePercent,
                         List<String> missedPeriods) {

        public boolean monthlyOk() {
            return checksThisMonth >= REQUIRED_CHECKS_PER_MONTH;
        }

        public boolean coverageOk() {
            return enterprisesCheckedThisHalfYear >= enterprisesAssigned;
        }

        public boolean compliant() {
            return monthlyOk() && coverageOk() && missedPeriods.isEmpty();
        }
    }

    private ResponsiblePersonCompliance() {
    }

    public static LocalDate halfYearStart(LocalDate today) {
        return LocalDate.of(today.getYear(), today.getMonthValue() <= 6 ? 1 : 7, 1);
    }

    public static Result measure(Set<UUID> assigned, List<Check> checks, List<SpecialPeriod> periods, LocalDate today) {
        YearMonth month = YearMonth.from(today);
        LocalDate halfStart = halfYearStart(today);
        int thisMonth = (int) checks.stream()
                .filter(c -> YearMonth.from(c.checkedOn()).equals(month) && !c.checkedOn().isAfter(today)).count();
        Set<UUID> covered = checks.stream()
                .filter(c -> !c.checkedOn().isBefore(halfStart) && !c.checkedOn().isAfter(today))
                .map(Check::enterpriseId).filter(assigned::contains).collect(Collectors.toSet());
        int percent = assigned.isEmpty() ? 100 : (int) Math.floor(covered.size() * 100.0 / assigned.size());
        List<String> missed = new ArrayList<>();
        for (SpecialPeriod p : periods) {
            if (p.startsOn().isAfter(today)) {
                continue;
            }
            LocalDate end = p.endsOn() == null || p.endsOn().isAfter(today) ? today : p.endsOn();
            boolean present = checks.stream().anyMatch(c -> !c.checkedOn().isBefore(p.startsOn()) && !c.checkedOn().isAfter(end));
            // A period still running today is only "missed" once it has ended without a check.
            boolean over = p.endsOn() != null && p.endsOn().isBefore(today);
            if (!present && over) {
                missed.add(p.name());
            }
        }
        return new Result(thisMonth, assigned.size(), covered.size(), percent, missed);
    }

    /** A town's (or department's) roll-up: how many of its persons meet every duty. */
    public record Rollup(int persons, int compliant, int behindMonthly, int behindCoverage, int missedPeriods) {

        public int compliancePercent() {
            return persons == 0 ? 100 : (int) Math.floor(compliant * 100.0 / persons);
        }
    }

    public static Rollup rollup(List<Result> results) {
        return new Rollup(results.size(),
                (int) results.stream().filter(Result::compliant).count(),
                (int) results.stream().filter(r -> !r.monthlyOk()).count(),
                (int) results.stream().filter(r -> !r.coverageOk()).count(),
                (int) results.stream().filter(r -> !r.missedPeriods().isEmpty()).count());
    }
}
