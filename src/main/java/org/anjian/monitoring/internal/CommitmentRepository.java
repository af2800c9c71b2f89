package org.anjian.monitoring.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anjian.organization.ScopeConditions.Condition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Daily safety commitments in SQL. */
@Repository
class CommitmentRepository {

    private final JdbcClient jdbc;

    CommitmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts unless the enterprise already committed for that day; answers whether it did insert. */
    boolean insert(Commitments.CommitmentView c, UUID townId, UUID parkId, String sector) {
        return jdbc.sql("""
                insert into monitoring_commitment (id, enterprise_id, town_id, park_id, sector, day, principal_name, units_running, units_stopped,
                  hot_work, confined_space, sources_controlled, statement, submitted_at, on_time)
                values (:id, :e, :town, :park, :sector, :day, :principal, :running, :stopped, :hot, :confined, :controlled, :statement, :at, :onTime)
                on conflict (enterprise_id, day) do nothing""")
                .param("id", c.id()).param("e", c.enterpriseId()).param("town", townId).param("park", parkId).param("sector", sector)
                .param("day", c.day()).param("principal", c.principalName()).param("running", c.unitsRunning()).param("stopped", c.unitsStopped())
                .param("hot", c.hotWork()).param("confined", c.confinedSpace()).param("controlled", c.sourcesControlled())
                .param("statement", c.statement()).param("at", SensorRepository.at(c.submittedAt())).param("onTime", c.onTime()).update() == 1;
    }

    List<Commitments.CommitmentView> search(Condition scope, UUID enterpriseId, LocalDate from, LocalDate to) {
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("from", from);
        params.put("to", to);
        String where = " where " + scope.sql() + " and c.day between :from and :to";
        if (enterpriseId != null) {
            where += " and c.enterprise_id = :e";
            params.put("e", enterpriseId);
        }
        return jdbc.sql("select * from monitoring_commitment c" + where + " order by c.day desc, c.submitted_at desc limit 500").params(params)
                .query((rs, n) -> new Commitments.CommitmentView(rs.getObject("id", UUID.class), rs.getObject("enterprise_id", UUID.class),
                        rs.getObject("day", LocalDate.class), rs.getString("principal_name"), rs.getInt("units_running"), rs.getInt("units_stopped"),
                        rs.getInt("hot_work"), rs.getInt("confined_space"), rs.getBoolean("sources_controlled"), rs.getString("statement"),
                        rs.getObject("submitted_at", OffsetDateTime.class).toInstant(), rs.getBoolean("on_time")))
                .list();
    }

    /** Enterprises with an on-time commitment on the day. */
    List<UUID> onTime(Condition scope, LocalDate day) {
        return jdbc.sql("select c.enterprise_id from monitoring_commitment c where c.on_time and c.day = :day and " + scope.sql())
                .params(scope.params()).param("day", day).query(UUID.class).list();
    }
}
