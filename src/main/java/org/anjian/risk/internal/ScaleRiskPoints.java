package org.anjian.risk.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anjian.enterprise.EnterpriseColumns;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.risk.RiskScaleData;
import org.anjian.risk.domain.RiskMatrix;
import org.anjian.shared.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * District-scale risk points in one statement: place points assessed by the LS method, likelihood and severity
 * drawn low-heavy, the level looked up from the 25 grades of the matrix in force (computed here, in Java, by
 * {@link RiskMatrix}). Name, town, park and sector copied from the enterprise as the module does.
 */
@Component
class ScaleRiskPoints implements RiskScaleData {

    private static final Logger log = LoggerFactory.getLogger(ScaleRiskPoints.class);

    private final JdbcClient jdbc;
    private final RiskService service;
    private final AuditTrail audit;

    ScaleRiskPoints(JdbcClient jdbc, RiskService service, AuditTrail audit) {
        this.jdbc = jdbc;
        this.service = service;
        this.audit = audit;
    }

    @Override
    public long generate(List<EnterpriseSummary> enterprises, long total) {
        long existing = jdbc.sql("select count(*) from risk_point where not retired").query(Long.class).single();
        if (existing >= total || enterprises.isEmpty()) {
            return 0;
        }
        long start = System.nanoTime();
        long toAdd = total - existing;
        EnterpriseColumns c = EnterpriseColumns.of(enterprises);
        RiskMatrix matrix = service.matrix();
        String[] levels = new String[25];
        for (int l = 1; l <= 5; l++) {
            for (int s = 1; s <= 5; s++) {
                levels[(l - 1) * 5 + s - 1] = matrix.assess(l, s).level().name();
            }
        }
        jdbc.sql(SQL).params(c.ids(), c.names(), c.towns(), c.parks(), c.sectors(), levels, toAdd).update();
        jdbc.sql("analyze risk_point").update();
        audit.recordAs("system", null, "SCALE_DATA_GENERATED", "risk", "scale", null, Map.of("riskPoints", toAdd));
        log.info("district scale: {} risk points in {} ms", toAdd, (System.nanoTime() - start) / 1_000_000);
        return toAdd;
    }

    private static final String SQL = """
            with e as (select * from unnest(?::uuid[], ?::text[], ?::uuid[], ?::uuid[], ?::text[]) with ordinality as e(id, name, town, park, sector, n)),
            ec as (select count(*)::int as n from e),
            lv as (select ?::text[] as l),
            g as (select 1 + floor(random() * (select n from ec))::int as en,
                         1 + floor(power(random(), 1.8) * 5)::int as li, 1 + floor(power(random(), 1.4) * 5)::int as se,
                         1 + floor(random() * 6)::int as u
                  from generate_series(1, ?) g(i))
            insert into risk_point (id, enterprise_id, enterprise_name, town_id, park_id, sector, unit_name, name, kind, hazardous_factors,
              possible_accidents, method, ls_likelihood, ls_severity, score, level, responsible_level, responsible_person)
            select gen_random_uuid(), e.id, e.name, e.town, e.park, e.sector,
                   (array['生产车间','仓储区','配电房','锅炉房','危化品库','厂区道路'])[g.u],
                   (array['生产车间','仓储区','配电房','锅炉房','危化品库','厂区道路'])[g.u] || '作业区域', 'PLACE',
                   array[(array['机械伤害','物体打击','触电','火灾','中毒和窒息','车辆伤害'])[g.u]],
                   array[(array['机械伤害','物体打击','触电','火灾','中毒和窒息','车辆伤害'])[g.u]],
                   'LS', g.li, g.se, g.li * g.se, (select l from lv)[(g.li - 1) * 5 + g.se],
                   case when g.li * g.se > 16 then 'COMPANY' when g.li * g.se > 8 then 'WORKSHOP' else 'TEAM' end, '安全管理员'
            from g join e on e.n = g.en
            """;
}
