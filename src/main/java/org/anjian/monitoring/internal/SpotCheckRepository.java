package org.anjian.monitoring.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anjian.organization.ScopeConditions.Condition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** MON-5 video spot checks in SQL. */
@Repository
class SpotCheckRepository {

    private final JdbcClient jdbc;

    SpotCheckRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(SpotChecks.SpotCheckView c, UUID townId, UUID parkId, String sector, UUID recordedBy) {
        jdbc.sql("""
                insert into monitoring_spot_check (id, enterprise_id, town_id, park_id, sector, camera_ref, checked_at, result, problems, checker,
                  recorded_by, recorded_at)
                values (:id, :e, :town, :park, :sector, :camera, :checkedAt, :result, :problems, :checker, :by, :at)""")
                .param("id", c.id()).param("e", c.enterpriseId()).param("town", townId).param("park", parkId).param("sector", sector)
                .param("camera", c.cameraRef()).param("checkedAt", SensorRepository.at(c.checkedAt())).param("result", c.result())
                .param("problems", c.problems()).param("checker", c.checker()).param("by", recordedBy)
                .param("at", SensorRepository.at(c.recordedAt())).update();
    }

    List<SpotChecks.SpotCheckView> search(Condition scope, UUID enterpriseId, String result, Instant from, Instant to) {
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("from", SensorRepository.at(from));
        params.put("to", SensorRepository.at(to));
        StringBuilder where = new StringBuilder(" where ").append(scope.sql()).append(" and v.checked_at >= :from and v.checked_at < :to");
        if (enterpriseId != null) {
            where.append(" and v.enterprise_id = :e");
            params.put("e", enterpriseId);
        }
        if (result != null) {
            where.append(" and v.result = :result");
            params.put("result", result);
        }
        return jdbc.sql("select * from monitoring_spot_check v" + where + " order by v.checked_at desc limit 500").params(params)
                .query((rs, n) -> new SpotChecks.SpotCheckView(rs.getObject("id", UUID.class), rs.getObject("enterprise_id", UUID.class),
                        rs.getString("camera_ref"), rs.getObject("checked_at", OffsetDateTime.class).toInstant(), rs.getString("result"),
                        rs.getString("problems"), rs.getString("checker"), rs.getObject("recorded_at", OffsetDateTime.class).toInstant()))
                .list();
    }
}
