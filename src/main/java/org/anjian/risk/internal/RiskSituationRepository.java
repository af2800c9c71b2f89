package org.anjian.risk.internal;

import java.util.List;
import java.util.UUID;
import org.anjian.organization.ScopeConditions;
import org.anjian.risk.RiskLevel;
import org.anjian.risk.RiskSituation;
import org.anjian.shared.security.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@link RiskSituation} on risk's own table: one grouped scan of the live points (partial index on not retired). */
@Repository
class RiskSituationRepository implements RiskSituation {

    private final JdbcClient jdbc;
    private final ScopeConditions scopes;

    RiskSituationRepository(JdbcClient jdbc, ScopeConditions scopes) {
        this.jdbc = jdbc;
        this.scopes = scopes;
    }

    @Override
    public List<EnterpriseRisk> highestByEnterprise(DataScope scope) {
        ScopeConditions.Condition c = scopes.of(scope, "r");
        return jdbc.sql("""
                        select r.enterprise_id, r.town_id, r.sector,
                               min(case r.level when 'MAJOR' then 0 when 'HIGH' then 1 when 'GENERAL' then 2 else 3 end) as highest, count(*) as n
                        from risk_point r where not r.retired and\s""" + c.sql() + " group by r.enterprise_id, r.town_id, r.sector")
                .params(c.params())
                .query((rs, n) -> new EnterpriseRisk(rs.getObject("enterprise_id", UUID.class), rs.getObject("town_id", UUID.class),
                        rs.getString("sector"), RiskLevel.values()[rs.getInt("highest")], rs.getLong("n")))
                .list();
    }

    @Override
    public List<LevelCount> highestByTownAndSector(DataScope scope) {
        ScopeConditions.Condition c = scopes.of(scope, "r");
        return jdbc.sql("select x.town_id, x.sector, x.highest, count(*) as n from (select r.enterprise_id, r.town_id, r.sector,"
                        + " min(case r.level when 'MAJOR' then 0 when 'HIGH' then 1 when 'GENERAL' then 2 else 3 end) as highest"
                        + " from risk_point r where not r.retired and " + c.sql() + " group by r.enterprise_id, r.town_id, r.sector) x"
                        + " group by x.town_id, x.sector, x.highest")
                .params(c.params())
                .query((rs, n) -> new LevelCount(rs.getObject("town_id", UUID.class), rs.getString("sector"), RiskLevel.values()[rs.getInt("highest")],
                        rs.getLong("n")))
                .list();
    }
}
