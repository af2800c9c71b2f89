package org.anjian.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.anjian.AnjianIntegrationTest;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.hazard.HazardMonthTotals;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The district-scale generator at small scale (200 enterprises): every module's table is topped up to the plan's
 * totals, every row hangs off a real enterprise with the enterprise's own town and sector, every hazard's steps retrace
 * its way round the loop, and a second run adds nothing. The full scale is a benchmark, run by hand (docs/benchmarks.md).
 */
@AnjianIntegrationTest
class DistrictScaleTest {

    @Autowired
    DistrictScale scale;

    @Autowired
    JdbcClient jdbc;

    long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    /** The rows that were there before the generator ran: other tests of the shared context write their own, by the real
     * life cycles and with their own names and figures, so the generator's consistency is checked on its rows only. */
    final java.util.Map<String, java.util.UUID[]> earlier = new java.util.HashMap<>();
    static final java.util.List<String> GENERATED = java.util.List.of("hazard_hazard", "inspection_inspection", "penalty_case", "acc_accident", "risk_point");

    void rememberEarlier() {
        for (String table : GENERATED) {
            earlier.put(table, jdbc.sql("select id from " + table).query(java.util.UUID.class).list().toArray(java.util.UUID[]::new));
        }
    }

    /** {@code sql} over the generated rows: the first generated table it names (with an alias) reads only the rows added
     * since; tables it joins to stay whole, since generated rows may point at rows that were there before. */
    long countNew(String sql) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b(" + String.join("|", GENERATED) + ") (?=[a-z]+\\b)").matcher(sql);
        if (!m.find()) {
            throw new IllegalArgumentException("no generated table with an alias in: " + sql);
        }
        String table = m.group(1);
        String q = sql.substring(0, m.start()) + "(select * from " + table + " where not (id = any(:earlier))) as " + sql.substring(m.end());
        return jdbc.sql(q).param("earlier", earlier.get(table)).query(Long.class).single();
    }

    @Test
    void topsEveryModuleUpToThePlanWithConsistentReferences() {
        long enterprises = count("select count(*) from ent_enterprise") + 200;
        long hazards = count("select count(*) from hazard_hazard") + 5_000;
        long inspections = count("select count(*) from inspection_inspection") + 2_000;
        long cases = count("select count(*) from penalty_case") + 500;
        long accidents = count("select count(*) from acc_accident") + 50;
        long points = count("select count(*) from risk_point where not retired") + 600;
        rememberEarlier();
        ScaleProperties plan = new ScaleProperties(true, (int) enterprises, hazards, inspections, cases, accidents, points);

        List<EnterpriseSummary> registry = scale.generate(plan);

        assertThat(registry).hasSize((int) enterprises);
        assertThat(count("select count(*) from ent_enterprise")).isEqualTo(enterprises);
        assertThat(count("select count(*) from hazard_hazard")).isEqualTo(hazards);
        assertThat(count("select count(*) from inspection_inspection")).isEqualTo(inspections);
        assertThat(count("select count(*) from penalty_case")).isEqualTo(cases);
        assertThat(count("select count(*) from acc_accident")).isEqualTo(accidents);
        // every scale enterprise is classified, spread over towns and sectors
        assertThat(count("select count(*) from ent_enterprise where supervision_class is null")).isZero();
        assertThat(count("select count(distinct town_id) from ent_enterprise")).isGreaterThan(5);
        assertThat(count("select count(distinct sector) from ent_enterprise")).isEqualTo(4);

        // hazards: a real enterprise, its name, town and sector copied; three years; every state of the loop
        // (the generated hazards only: other tests' hazards may name an enterprise renamed since)
        assertThat(countNew("""
                select count(*) from hazard_hazard h left join ent_enterprise e on e.id = h.enterprise_id
                where e.id is null or h.enterprise_name <> e.name or h.town_id is distinct from e.town_id or h.sector <> e.sector""")).isZero();
        assertThat(count("select count(distinct state) from hazard_hazard")).isEqualTo(6);
        assertThat(count("select count(*) from hazard_hazard where grade = 'MAJOR'")).isBetween(150L, 600L);
        assertThat(count("select count(*) from hazard_hazard where found_at < now() - interval '1000 days'")).isPositive();
        assertThat(countNew("select count(*) from hazard_hazard h where (state = 'CLOSED') <> (closed_at is not null)")).isZero();
        assertThat(countNew("select count(*) from hazard_hazard h where state in ('VERIFIED', 'CLOSED') and verified_at is null")).isZero();
        assertThat(countNew("""
                select count(*) from hazard_hazard h where grade = 'MAJOR' and state <> 'REPORTED'
                  and (fa_responsible_person is null or dual_regulator_on is null)""")).isZero();
        // steps: the report plus one per transition, in order, ending in the hazard's state
        assertThat(countNew("select count(*) from hazard_hazard h where not exists (select 1 from hazard_step s where s.hazard_id = h.id)")).isZero();
        assertThat(count("""
                select count(*) from hazard_hazard h
                where h.finder_name in ('企业安全员', '张执法') and h.created_at = h.found_at
                  and ((select count(*) from hazard_step s where s.hazard_id = h.id and s.action <> 'list-supervision')
                         <> array_position(array['REPORTED','PLANNED','RECTIFYING','RECTIFIED','VERIFIED','CLOSED'], h.state::text)
                    or (select s.to_state from hazard_step s where s.hazard_id = h.id and s.action <> 'list-supervision' order by s.id desc limit 1)
                         <> h.state)""")).isZero();
        assertThat(countNew("select count(*) from hazard_hazard h join hazard_step s on s.hazard_id = h.id where s.action = 'close'"))
                .isEqualTo(countNew("select count(*) from hazard_hazard h where h.state = 'CLOSED'"));

        // inspections: a real enterprise's town and sector, a team of two inspectors who exist
        assertThat(countNew("""
                select count(*) from inspection_inspection i left join ent_enterprise e on e.id = i.enterprise_id
                where e.id is null or i.town_id is distinct from e.town_id or i.sector <> e.sector""")).isZero();
        assertThat(countNew("""
                select count(*) from inspection_inspection i where cardinality(i.inspector_ids) < 2
                  or exists (select 1 from unnest(i.inspector_ids) x where x not in (select id from identity_user_account))""")).isZero();
        assertThat(countNew("select count(*) from inspection_inspection i where (state = 'DONE') <> (finished_at is not null)")).isZero();
        assertThat(count("select count(*) from inspection_finding")).isPositive();

        // penalty cases: an inspection's case is against that inspection's enterprise; decided ones carry their decision
        assertThat(countNew("""
                select count(*) from penalty_case c left join ent_enterprise e on e.id = c.enterprise_id
                  left join inspection_inspection i on i.id = c.inspection_id
                where e.id is null or (c.inspection_id is not null and (i.id is null or i.enterprise_id <> c.enterprise_id or i.state <> 'DONE'))""")).isZero();
        assertThat(count("select count(*) from penalty_case where source = 'INSPECTION'")).isPositive();
        assertThat(countNew("select count(*) from penalty_case c where state in ('DECIDED', 'EXECUTING', 'CLOSED') and (decision_number is null or fine_yuan is null)")).isZero();
        assertThat(countNew("select count(*) from penalty_case c where not exists (select 1 from penalty_timeline t where t.case_id = c.id)")).isZero();

        // accidents: a real enterprise, graded by deaths, two reports each
        assertThat(countNew("""
                select count(*) from acc_accident a left join ent_enterprise e on e.id = a.enterprise_id
                where e.id is null or a.town_id is distinct from e.town_id or a.sector <> e.sector""")).isZero();
        assertThat(countNew("select count(*) from acc_accident a where (deaths >= 3) <> (grade = 'LARGER')")).isZero();
        assertThat(countNew("select count(*) from acc_accident a where (select count(*) from acc_report r where r.accident_id = a.id) < 2")).isZero();

        // risk points: a real enterprise, the level the LS matrix gives (default thresholds 3, 8, 16)
        assertThat(count("select count(*) from risk_point where not retired")).isEqualTo(points);
        assertThat(countNew("""
                select count(*) from risk_point p left join ent_enterprise e on e.id = p.enterprise_id
                where e.id is null or p.town_id is distinct from e.town_id or p.level <> case when p.score <= 3 then 'LOW'
                  when p.score <= 8 then 'GENERAL' when p.score <= 16 then 'HIGH' else 'MAJOR' end""")).isZero();
        assertThat(count("select count(distinct level) from risk_point")).isEqualTo(4);

        // the per-group totals the hazard list's total reads (kept by triggers) agree with the hazards after the bulk
        // insert, after updates that move hazards between groups and after a delete
        String drift = """
                select count(*) from (select town_id, park_id, sector, state, grade, count(*) as n from hazard_hazard group by 1, 2, 3, 4, 5) g
                full join (select * from hazard_count where n > 0) k on k.town_id is not distinct from g.town_id
                  and k.park_id is not distinct from g.park_id and k.sector = g.sector and k.state = g.state and k.grade = g.grade
                where coalesce(g.n, 0) <> coalesce(k.n, 0)""";
        assertThat(count(drift)).isZero();
        // the same for the per-month totals the dashboard and the command view's trends read
        assertThat(HazardMonthTotals.drift(jdbc)).isZero();
        int moved = jdbc.sql("""
                update hazard_hazard set state = 'CLOSED', closed_at = found_at + interval '1 day', grade = 'MAJOR'
                where id in (select id from hazard_hazard where state = 'REPORTED' and not (id = any(:earlier)) limit 25)""")
                .param("earlier", earlier.get("hazard_hazard")).update();
        assertThat(moved).isEqualTo(25);
        assertThat(count(drift)).isZero();
        assertThat(HazardMonthTotals.drift(jdbc)).isZero();
        long before = count("select coalesce(sum(n), 0) from hazard_count");
        jdbc.sql("delete from hazard_step where hazard_id in (select id from hazard_hazard where state = 'CLOSED' and enterprise_name like '%（%' limit 3)").update();
        int deleted = jdbc.sql("""
                delete from hazard_hazard h where h.id in (select id from hazard_hazard where state = 'CLOSED' and enterprise_name like '%（%'
                  and not exists (select 1 from hazard_step s where s.hazard_id = hazard_hazard.id)
                  and not exists (select 1 from hazard_photo p where p.hazard_id = hazard_hazard.id) limit 3)""").update();
        assertThat(deleted).isEqualTo(3);
        assertThat(count("select coalesce(sum(n), 0) from hazard_count")).isEqualTo(before - 3);
        assertThat(count(drift)).isZero();
        assertThat(HazardMonthTotals.drift(jdbc)).isZero();

        // a second run tops up only what is missing (the three deleted hazards), and the totals still agree
        scale.generate(plan);
        assertThat(count("select count(*) from hazard_hazard")).isEqualTo(hazards);
        assertThat(count(drift)).isZero();
        assertThat(HazardMonthTotals.drift(jdbc)).isZero();
        assertThat(count("select count(*) from penalty_case")).isEqualTo(cases);
    }
}
