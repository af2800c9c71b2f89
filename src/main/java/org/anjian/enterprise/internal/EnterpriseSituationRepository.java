package org.anjian.enterprise.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.anjian.enterprise.EnterpriseSituation;
import org.anjian.enterprise.Sector;
import org.anjian.enterprise.SupervisionClass;
import org.anjian.organization.ScopeConditions;
import org.anjian.shared.security.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@link EnterpriseSituation} on the registry's own table: one indexed scan, no per-enterprise lookups. */
@Repository
class EnterpriseSituationRepository implements EnterpriseSituation {

    private final JdbcClient jdbc;
    private final ScopeConditions scopes;

    EnterpriseSituationRepository(JdbcClient jdbc, ScopeConditions scopes) {
        this.jdbc = jdbc;
        this.scopes = scopes;
    }

    @Override
    public List<Placed> placed(DataScope scope) {
        ScopeConditions.Condition c = scopes.ofEnterprises(scope, "e");
        return jdbc.sql("select e.id, e.name, e.town_id, e.sector, e.supervision_class, e.latitude, e.longitude from ent_enterprise e where "
                        + c.sql() + " and e.status <> 'CLOSED' order by e.id")
                .params(c.params())
                .query((rs, n) -> new Placed(rs.getObject("id", UUID.class), rs.getString("name"), rs.getObject("town_id", UUID.class),
                        Sector.valueOf(rs.getString("sector")),
                        rs.getString("supervision_class") == null ? null : SupervisionClass.valueOf(rs.getString("supervision_class").trim()),
                        (Double) rs.getObject("latitude"), (Double) rs.getObject("longitude")))
                .list();
    }

    @Override
    public List<Placed> placed(DataScope scope, java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        ScopeConditions.Condition c = scopes.ofEnterprises(scope, "e");
        return jdbc.sql("select e.id, e.name, e.town_id, e.sector, e.supervision_class, e.latitude, e.longitude from ent_enterprise e where e.id = any(:ids) and "
                        + c.sql() + " and e.status <> 'CLOSED' order by e.id")
                // one array parameter, not one bind parameter per id (the driver allows 32,767)
                .params(c.params()).param("ids", new java.util.HashSet<>(ids).toArray(UUID[]::new))
                .query((rs, n) -> new Placed(rs.getObject("id", UUID.class), rs.getString("name"), rs.getObject("town_id", UUID.class),
                        Sector.valueOf(rs.getString("sector")),
                        rs.getString("supervision_class") == null ? null : SupervisionClass.valueOf(rs.getString("supervision_class").trim()),
                        (Double) rs.getObject("latitude"), (Double) rs.getObject("longitude")))
                .list();
    }

    @Override
    public List<ClassCount> countsByTownSectorClass(DataScope scope) {
        ScopeConditions.Condition c = scopes.ofEnterprises(scope, "e");
        return jdbc.sql("select e.town_id, e.sector, e.supervision_class, count(*) as n from ent_enterprise e where " + c.sql()
                        + " and e.status <> 'CLOSED' group by e.town_id, e.sector, e.supervision_class")
                .params(c.params())
                .query((rs, n) -> new ClassCount(rs.getObject("town_id", UUID.class), Sector.valueOf(rs.getString("sector")),
                        rs.getString("supervision_class") == null ? null : SupervisionClass.valueOf(rs.getString("supervision_class").trim()),
                        rs.getLong("n")))
                .list();
    }

    @Override
    public List<ExpiringLicence> licencesExpiring(DataScope scope, LocalDate from, LocalDate to, int limit) {
        ScopeConditions.Condition c = scopes.ofEnterprises(scope, "e");
        return jdbc.sql("select l.enterprise_id, e.name, e.town_id, l.kind, l.number, l.valid_to from ent_licence l join ent_enterprise e on e.id = l.enterprise_id"
                        + " where l.valid_to between :from and :to and e.status <> 'CLOSED' and " + c.sql()
                        + " order by l.valid_to, e.name limit :limit")
                .params(c.params()).param("from", from).param("to", to).param("limit", Math.max(0, limit))
                .query((rs, n) -> new ExpiringLicence(rs.getObject("enterprise_id", UUID.class), rs.getString("name"), rs.getObject("town_id", UUID.class),
                        rs.getString("kind"), rs.getString("number"), rs.getObject("valid_to", LocalDate.class)))
                .list();
    }
}
