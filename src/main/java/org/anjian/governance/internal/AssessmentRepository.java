package org.anjian.governance.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.anjian.accident.AccidentGrade;
import org.anjian.governance.domain.AssessmentIndicator;
import org.anjian.governance.domain.AssessmentScheme;
import org.anjian.governance.domain.FiveColourScale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the assessment: the scheme, targets, colour scale, the facts from events and the stored scores. */
@Repository
public class AssessmentRepository {

    private final JdbcClient jdbc;

    AssessmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static OffsetDateTime utc(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    // ------------------------------------------------------------ scheme, indicators, targets, colours

    public AssessmentScheme scheme() {
        List<AssessmentIndicator> indicators = jdbc.sql("select * from gov_assessment_indicator order by sort_order")
                .query((rs, n) -> new AssessmentIndicator(rs.getString("code"), rs.getString("name"), rs.getBigDecimal("weight"),
                        rs.getBigDecimal("per_death"), rs.getBigDecimal("per_accident"), rs.getBigDecimal("over_target"),
                        rs.getBigDecimal("default_target"), rs.getString("criteria"))).list();
        return jdbc.sql("select * from gov_assessment_scheme limit 1").query((rs, n) -> {
            String grade = rs.getString("veto_grade");
            Integer deaths = (Integer) rs.getObject("veto_deaths");
            return new AssessmentScheme(rs.getString("name"), grade == null ? null : AccidentGrade.valueOf(grade), deaths, indicators);
        }).single();
    }

    public void updateVeto(AccidentGrade grade, Integer deaths, Instant now) {
        jdbc.sql("update gov_assessment_scheme set veto_grade = :g, veto_deaths = :d, updated_at = :now, version = version + 1")
                .param("g", grade == null ? null : grade.name()).param("d", deaths).param("now", utc(now)).update();
    }

    public boolean updateIndicator(AssessmentIndicator i, Instant now) {
        return jdbc.sql("""
                        update gov_assessment_indicator set weight = :w, per_death = :pd, per_accident = :pa, over_target = :ot,
                        default_target = :dt, criteria = :c, updated_at = :now where code = :code""")
                .param("w", i.weight()).param("pd", i.perDeath()).param("pa", i.perAccident()).param("ot", i.overTarget())
                .param("dt", i.defaultTarget()).param("c", i.criteria()).param("now", utc(now)).param("code", i.code()).update() == 1;
    }

    public FiveColourScale colours() {
        return new FiveColourScale(jdbc.sql("select * from gov_five_colour_band order by sort_order")
                .query((rs, n) -> new FiveColourScale.Band(rs.getString("code"), rs.getString("name"), rs.getString("colour"),
                        rs.getBigDecimal("min_score"), rs.getString("criteria"), rs.getInt("sort_order"))).list());
    }

    public void updateBand(FiveColourScale.Band b, Instant now) {
        jdbc.sql("update gov_five_colour_band set name = :n, colour = :c, min_score = :m, criteria = :cr, updated_at = :now where code = :code")
                .param("n", b.name()).param("c", b.colour()).param("m", b.minScore()).param("cr", b.criteria() == null ? "" : b.criteria())
                .param("now", utc(now)).param("code", b.code()).update();
    }

    public record Target(int year, String unitKind, UUID unitId, String indicatorCode, BigDecimal value) {
    }

    public List<Target> targets(int year) {
        return jdbc.sql("select * from gov_assessment_target where year = :y order by unit_kind, unit_id, indicator_code").param("y", year)
                .query((rs, n) -> new Target(rs.getInt("year"), rs.getString("unit_kind"), rs.getObject("unit_id", UUID.class),
                        rs.getString("indicator_code"), rs.getBigDecimal("value"))).list();
    }

    public Optional<Target> target(int year, String unitKind, UUID unitId, String code) {
        return jdbc.sql("select * from gov_assessment_target where year = :y and unit_kind = :k and unit_id = :u and indicator_code = :c")
                .param("y", year).param("k", unitKind).param("u", unitId).param("c", code)
                .query((rs, n) -> new Target(rs.getInt("year"), rs.getString("unit_kind"), rs.getObject("unit_id", UUID.class),
                        rs.getString("indicator_code"), rs.getBigDecimal("value"))).optional();
    }

    public void saveTarget(Target t, Instant now) {
        jdbc.sql("""
                        insert into gov_assessment_target (year, unit_kind, unit_id, indicator_code, value, updated_at) values (:y, :k, :u, :c, :v, :now)
                        on conflict (year, unit_kind, unit_id, indicator_code) do update set value = :v, updated_at = :now""")
                .param("y", t.year()).param("k", t.unitKind()).param("u", t.unitId()).param("c", t.indicatorCode()).param("v", t.value())
                .param("now", utc(now)).update();
    }

    /** Targets for a unit the demo or an import sets only where none is set yet. */
    public int saveTargetIfAbsent(Target t, Instant now) {
        return jdbc.sql("""
                        insert into gov_assessment_target (year, unit_kind, unit_id, indicator_code, value, updated_at) values (:y, :k, :u, :c, :v, :now)
                        on conflict do nothing""")
                .param("y", t.year()).param("k", t.unitKind()).param("u", t.unitId()).param("c", t.indicatorCode()).param("v", t.value())
                .param("now", utc(now)).update();
    }

    // ------------------------------------------------------------ facts (idempotent on the source id)

    public void accident(String sourceId, UUID enterpriseId, String enterpriseName, UUID townId, String sector, Instant occurredAt, String grade,
                         int deaths, int missing, Instant now) {
        jdbc.sql("""
                        insert into gov_assessment_fact (source_id, kind, enterprise_id, enterprise_name, town_id, sector, occurred_at, grade, deaths, missing,
                        received_at) values (:s, 'ACCIDENT', :e, :en, :t, :sec, :at, :g, :d, :m, :now)
                        on conflict (source_id) do update set enterprise_id = :e, enterprise_name = :en, town_id = :t, sector = :sec, occurred_at = :at,
                        grade = :g, deaths = :d, missing = :m, received_at = :now""")
                .param("s", sourceId).param("e", enterpriseId).param("en", enterpriseName).param("t", townId).param("sec", sector)
                .param("at", utc(occurredAt)).param("g", grade).param("d", deaths).param("m", missing).param("now", utc(now)).update();
    }

    /** A hazard entered the register; a close that arrived first keeps its closing time. */
    public void hazardRegistered(String sourceId, UUID enterpriseId, String enterpriseName, UUID townId, String sector, String grade, Instant now) {
        jdbc.sql("""
                        insert into gov_assessment_fact (source_id, kind, enterprise_id, enterprise_name, town_id, sector, occurred_at, grade, received_at)
                        values (:s, 'HAZARD', :e, :en, :t, :sec, :now, :g, :now)
                        on conflict (source_id) do update set occurred_at = coalesce(gov_assessment_fact.occurred_at, :now), grade = :g""")
                .param("s", sourceId).param("e", enterpriseId).param("en", enterpriseName).param("t", townId).param("sec", sector)
                .param("g", grade).param("now", utc(now)).update();
    }

    public void hazardClosed(String sourceId, UUID enterpriseId, String enterpriseName, UUID townId, String sector, String grade, Instant closedAt,
                             boolean onTime, Instant now) {
        jdbc.sql("""
                        insert into gov_assessment_fact (source_id, kind, enterprise_id, enterprise_name, town_id, sector, grade, closed_at, on_time, received_at)
                        values (:s, 'HAZARD', :e, :en, :t, :sec, :g, :c, :o, :now)
                        on conflict (source_id) do update set closed_at = :c, on_time = :o, received_at = :now""")
                .param("s", sourceId).param("e", enterpriseId).param("en", enterpriseName).param("t", townId).param("sec", sector)
                .param("g", grade).param("c", utc(closedAt)).param("o", onTime).param("now", utc(now)).update();
    }

    public void penalty(String sourceId, UUID enterpriseId, String enterpriseName, UUID townId, String sector, Instant decidedAt, String number,
                        Instant now) {
        jdbc.sql("""
                        insert into gov_assessment_fact (source_id, kind, enterprise_id, enterprise_name, town_id, sector, occurred_at, reference, received_at)
                        values (:s, 'PENALTY', :e, :en, :t, :sec, :at, :r, :now) on conflict (source_id) do nothing""")
                .param("s", sourceId).param("e", enterpriseId).param("en", enterpriseName).param("t", townId).param("sec", sector)
                .param("at", utc(decidedAt)).param("r", number).param("now", utc(now)).update();
    }

    public void standardization(String sourceId, UUID enterpriseId, UUID townId, String sector, String grade, Instant now) {
        jdbc.sql("""
                        insert into gov_assessment_fact (source_id, kind, enterprise_id, town_id, sector, grade, received_at)
                        values (:s, 'STANDARDIZATION', :e, :t, :sec, :g, :now)
                        on conflict (source_id) do update set grade = :g, town_id = :t, sector = :sec, received_at = :now""")
                .param("s", sourceId).param("e", enterpriseId).param("t", townId).param("sec", sector).param("g", grade)
                .param("now", utc(now)).update();
    }

    public Optional<Instant> lastFactReceived() {
        return jdbc.sql("select received_at from gov_assessment_fact order by received_at desc limit 1").query(OffsetDateTime.class).optional()
                .map(OffsetDateTime::toInstant);
    }

    /** A fact as the recomputation reads it. */
    public record Fact(String sourceId, String kind, UUID enterpriseId, String enterpriseName, UUID townId, String sector, Instant occurredAt,
                       String grade, int deaths, int missing, Instant closedAt) {
    }

    /** The accidents, hazards and penalties of [from, to), and every enterprise's standardization grade. */
    public List<Fact> facts(Instant from, Instant to) {
        return jdbc.sql("""
                        select * from gov_assessment_fact where (kind = 'STANDARDIZATION' and grade is not null)
                        or (kind <> 'STANDARDIZATION' and occurred_at >= :from and occurred_at < :to)""")
                .param("from", utc(from)).param("to", utc(to))
                .query((rs, n) -> new Fact(rs.getString("source_id"), rs.getString("kind"), rs.getObject("enterprise_id", UUID.class),
                        rs.getString("enterprise_name"), rs.getObject("town_id", UUID.class), rs.getString("sector"), instant(rs, "occurred_at"),
                        rs.getString("grade"), rs.getInt("deaths"), rs.getInt("missing"), instant(rs, "closed_at"))).list();
    }

    // ------------------------------------------------------------ stored scores

    public record ScoreRow(UUID id, String period, String unitKind, UUID unitId, String unitName, BigDecimal total, boolean vetoed,
                           String colourCode, int rank, Instant computedAt) {
    }

    public record LineRow(int position, String indicatorCode, String kind, BigDecimal points, String explanation, String sourceId) {
    }

    public record NewScore(String unitKind, UUID unitId, String unitName, BigDecimal total, boolean vetoed, String colourCode, int rank,
                           List<AssessmentScheme.Line> lines) {
    }

    /** Replaces the period's scores with these in one statement each, for the whole district at once. */
    public void replaceScores(String period, List<NewScore> scores, Instant now) {
        jdbc.sql("delete from gov_score where period = :p").param("p", period).update();
        List<Object[]> lineRows = new ArrayList<>();
        StringBuilder values = new StringBuilder();
        Map<String, Object> params = new HashMap<>();
        params.put("p", period);
        params.put("now", utc(now));
        int n = 0;
        for (NewScore s : scores) {
            UUID id = UUID.randomUUID();
            values.append(n == 0 ? "" : ",").append("(:id%1$d, :p, :k%1$d, :u%1$d, :name%1$d, :t%1$d, :v%1$d, :c%1$d, :r%1$d, :now)".formatted(n));
            params.put("id" + n, id);
            params.put("k" + n, s.unitKind());
            params.put("u" + n, s.unitId());
            params.put("name" + n, s.unitName());
            params.put("t" + n, s.total());
            params.put("v" + n, s.vetoed());
            params.put("c" + n, s.colourCode());
            params.put("r" + n, s.rank());
            int pos = 0;
            for (AssessmentScheme.Line l : s.lines()) {
                lineRows.add(new Object[] {id, pos++, l.indicatorCode(), l.kind(), l.points(), l.explanation(), l.sourceId()});
            }
            n++;
        }
        if (n > 0) {
            jdbc.sql("insert into gov_score (id, period, unit_kind, unit_id, unit_name, total, vetoed, colour_code, rank, computed_at) values " + values)
                    .params(params).update();
        }
        for (int from = 0; from < lineRows.size(); from += 500) {
            List<Object[]> chunk = lineRows.subList(from, Math.min(lineRows.size(), from + 500));
            StringBuilder sql = new StringBuilder("insert into gov_score_line (score_id, position, indicator_code, kind, points, explanation, source_id) values ");
            Map<String, Object> p = new HashMap<>();
            for (int i = 0; i < chunk.size(); i++) {
                Object[] r = chunk.get(i);
                sql.append(i == 0 ? "" : ",").append("(:s%1$d, :o%1$d, :i%1$d, :k%1$d, :pt%1$d, :e%1$d, :src%1$d)".formatted(i));
                p.put("s" + i, r[0]);
                p.put("o" + i, r[1]);
                p.put("i" + i, r[2]);
                p.put("k" + i, r[3]);
                p.put("pt" + i, r[4]);
                p.put("e" + i, r[5]);
                p.put("src" + i, r[6]);
            }
            jdbc.sql(sql.toString()).params(p).update();
        }
    }

    public void recordRun(Instant at, long durationMs, int units) {
        jdbc.sql("""
                        insert into gov_score_run (id, computed_at, duration_ms, units) values (1, :at, :d, :u)
                        on conflict (id) do update set computed_at = :at, duration_ms = :d, units = :u""")
                .param("at", utc(at)).param("d", durationMs).param("u", units).update();
    }

    public record Run(Instant computedAt, long durationMs, int units) {
    }

    public Optional<Run> lastRun() {
        return jdbc.sql("select * from gov_score_run where id = 1")
                .query((rs, n) -> new Run(instant(rs, "computed_at"), rs.getLong("duration_ms"), rs.getInt("units"))).optional();
    }

    static ScoreRow score(ResultSet rs, int n) throws SQLException {
        return new ScoreRow(rs.getObject("id", UUID.class), rs.getString("period"), rs.getString("unit_kind"), rs.getObject("unit_id", UUID.class),
                rs.getString("unit_name"), rs.getBigDecimal("total"), rs.getBoolean("vetoed"), rs.getString("colour_code"), rs.getInt("rank"),
                instant(rs, "computed_at"));
    }

    /** The period's scores of one kind of unit in rank order; {@code units} limits them (null: all). */
    public List<ScoreRow> scores(String period, String unitKind, Set<UUID> units) {
        if (units != null && units.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from gov_score where period = :p and unit_kind = :k" + (units == null ? "" : " and unit_id in (:units)")
                        + " order by rank")
                .param("p", period).param("k", unitKind).params(units == null ? Map.of() : Map.of("units", units)).query(AssessmentRepository::score)
                .list();
    }

    public Optional<ScoreRow> score(String period, String unitKind, UUID unitId) {
        return jdbc.sql("select * from gov_score where period = :p and unit_kind = :k and unit_id = :u").param("p", period).param("k", unitKind)
                .param("u", unitId).query(AssessmentRepository::score).optional();
    }

    public List<LineRow> lines(UUID scoreId) {
        return jdbc.sql("select * from gov_score_line where score_id = :s order by position").param("s", scoreId)
                .query((rs, n) -> new LineRow(rs.getInt("position"), rs.getString("indicator_code"), rs.getString("kind"), rs.getBigDecimal("points"),
                        rs.getString("explanation"), rs.getString("source_id"))).list();
    }

    /** The months with stored scores, the latest first. */
    public List<String> periods() {
        return jdbc.sql("select distinct period from gov_score order by period desc").query(String.class).list();
    }
}
