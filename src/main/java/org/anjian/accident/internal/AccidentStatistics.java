package org.anjian.accident.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.anjian.organization.ScopeConditions;
import org.anjian.shared.config.DistrictProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * ACC-4 targets and the analysis by month, sector, town and type. Deaths count the missing with
 * them, as Decree 493 grades them. Years are calendar years in the district's zone.
 * <ul>
 *   <li>工贸: deaths at least 10% below the previous three years' average;</li>
 *   <li>the district: deaths down year on year;</li>
 *   <li>mines and chemicals (危化、烟花爆竹): zero deaths.</li>
 * </ul>
 */
@Component
@Transactional(readOnly = true)
public class AccidentStatistics {

    public static final BigDecimal INDUSTRY_TRADE_REDUCTION = new BigDecimal("0.90");

    private final JdbcClient jdbc;

    private final ZoneId zone;

    AccidentStatistics(JdbcClient jdbc, DistrictProperties district) {
        this.zone = district.zone();
        this.jdbc = jdbc;
    }

    public record Count(String key, long accidents, long deaths) {
    }

    public record Target(String name, long deaths, BigDecimal limit, boolean met) {
    }

    public record Summary(int year, long accidents, long deaths, long seriousInjuries, BigDecimal directLoss, Map<String, Long> byGrade,
                          long deathsLastYear, List<Long> previousYearsDeaths, List<Target> targets) {
    }

    private static final String YEAR = "extract(year from a.occurred_at at time zone :zone)";

    /** The ACC-4 targets for the year, in the scope. */
    public Summary summary(ScopeConditions.Condition scope, int year) {
        Map<String, Object> p = params(scope, year);
        var totals = jdbc.sql("select count(*) n, coalesce(sum(deaths + missing), 0) d, coalesce(sum(serious_injuries), 0) s, "
                        + "coalesce(sum(direct_loss), 0) l from acc_accident a where " + YEAR + " = :year and (" + scope.sql() + ")")
                .params(p).query((rs, i) -> new Object[]{rs.getLong("n"), rs.getLong("d"), rs.getLong("s"), rs.getBigDecimal("l")}).single();
        Map<String, Long> byGrade = new HashMap<>();
        jdbc.sql("select grade, count(*) n from acc_accident a where " + YEAR + " = :year and (" + scope.sql() + ") group by grade")
                .params(p).query((rs, i) -> byGrade.put(rs.getString("grade"), rs.getLong("n"))).list();
        long itThis = deaths(scope, year, List.of("INDUSTRY_TRADE"));
        List<Long> itPrev = List.of(deaths(scope, year - 3, List.of("INDUSTRY_TRADE")), deaths(scope, year - 2, List.of("INDUSTRY_TRADE")),
                deaths(scope, year - 1, List.of("INDUSTRY_TRADE")));
        // 90% of the three years' average, computed on the sum so that no rounding moves the boundary
        BigDecimal itLimit = BigDecimal.valueOf(itPrev.stream().mapToLong(Long::longValue).sum()).multiply(INDUSTRY_TRADE_REDUCTION)
                .divide(BigDecimal.valueOf(3), 2, RoundingMode.DOWN);
        long all = (long) totals[1];
        List<Long> prev = List.of(deaths(scope, year - 3, null), deaths(scope, year - 2, null), deaths(scope, year - 1, null));
        long lastYear = prev.get(2);
        long mines = deaths(scope, year, List.of("NON_COAL_MINE"));
        long chemicals = deaths(scope, year, List.of("HAZCHEM", "FIREWORKS"));
        List<Target> targets = List.of(
                new Target("INDUSTRY_TRADE", itThis, itLimit, BigDecimal.valueOf(itThis).compareTo(itLimit) <= 0),
                // year on year: fewer than last year (zero stays zero)
                new Target("DISTRICT", all, BigDecimal.valueOf(lastYear), all < lastYear || all == 0),
                new Target("NON_COAL_MINE", mines, BigDecimal.ZERO, mines == 0),
                new Target("CHEMICALS", chemicals, BigDecimal.ZERO, chemicals == 0));
        return new Summary(year, (long) totals[0], all, (long) totals[2], (BigDecimal) totals[3], byGrade, lastYear, prev, targets);
    }

    long deaths(ScopeConditions.Condition scope, int year, List<String> sectors) {
        Map<String, Object> p = params(scope, year);
        String sql = "select coalesce(sum(deaths + missing), 0) from acc_accident a where " + YEAR + " = :year and (" + scope.sql() + ")";
        if (sectors != null) {
            sql += " and a.sector in (:sectors)";
            p.put("sectors", sectors);
        }
        return jdbc.sql(sql).params(p).query(Long.class).single();
    }

    /** Accidents and deaths by month (1–12), sector, town id or type. */
    public List<Count> by(ScopeConditions.Condition scope, int year, String dimension) {
        String key = switch (dimension) {
            case "month" -> "extract(month from a.occurred_at at time zone :zone)::int::text";
            case "sector" -> "a.sector";
            case "town" -> "coalesce(a.town_id::text, '')";
            case "type" -> "a.accident_type";
            case "grade" -> "a.grade";
            default -> throw new IllegalArgumentException(dimension);
        };
        List<Count> counts = jdbc.sql("select " + key + " k, count(*) n, coalesce(sum(deaths + missing), 0) d from acc_accident a where " + YEAR
                        + " = :year and (" + scope.sql() + ") group by 1 order by 3 desc, 2 desc, 1")
                .params(params(scope, year)).query((rs, i) -> new Count(rs.getString("k"), rs.getLong("n"), rs.getLong("d"))).list();
        return dimension.equals("month")
                ? counts.stream().sorted(java.util.Comparator.comparingInt((Count c) -> Integer.parseInt(c.key()))).toList() : counts;
    }

    private Map<String, Object> params(ScopeConditions.Condition scope, int year) {
        Map<String, Object> p = new HashMap<>(scope.params());
        p.put("year", year);
        p.put("zone", zone.getId());
        return p;
    }
}
