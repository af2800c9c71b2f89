package org.anjian.permit.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.anjian.organization.ScopeConditions;
import org.anjian.permit.PermitSituation;
import org.anjian.shared.security.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@link PermitSituation} on permit's own table (index on state). */
@Repository
class PermitSituationRepository implements PermitSituation {

    private final JdbcClient jdbc;
    private final ScopeConditions scopes;

    PermitSituationRepository(JdbcClient jdbc, ScopeConditions scopes) {
        this.jdbc = jdbc;
        this.scopes = scopes;
    }

    @Override
    public List<UnderWay> underWay(DataScope scope) {
        ScopeConditions.Condition c = scopes.of(scope, "p");
        return jdbc.sql("select p.id, p.number, p.enterprise_id, p.town_id, p.sector, p.type, p.grade, p.state, p.location, p.latitude, p.longitude, p.valid_to"
                        + " from permit_work_permit p where p.state in ('IN_PROGRESS', 'SUSPENDED') and " + c.sql() + " order by p.valid_to, p.id")
                .params(c.params())
                .query((rs, n) -> new UnderWay(rs.getObject("id", UUID.class), rs.getString("number"), rs.getObject("enterprise_id", UUID.class),
                        rs.getObject("town_id", UUID.class), rs.getString("sector"), rs.getString("type"), rs.getString("grade"), rs.getString("state"),
                        rs.getString("location"), (Double) rs.getObject("latitude"), (Double) rs.getObject("longitude"),
                        rs.getObject("valid_to", OffsetDateTime.class).toInstant()))
                .list();
    }
}
