package org.anjian.inspection.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.anjian.enterprise.Sector;
import org.anjian.enterprise.SupervisionClass;
import org.anjian.inspection.internal.RandomDrawService.Draw;
import org.anjian.inspection.internal.RandomDrawService.Pool;
import org.anjian.inspection.internal.RandomDrawService.Result;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Random draws with their snapshotted pool ({@code inspection_random_draw}, {@code inspection_draw_result}) and declared conflicts ({@code inspection_conflict}). */
@Repository
class RandomDrawRepository {

    private final JdbcClient jdbc;

    RandomDrawRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every declared conflict as {@code inspectorId/enterpriseId}. */
    Set<String> conflictPairs() {
        return Set.copyOf(jdbc.sql("select inspector_id || '/' || enterprise_id from inspection_conflict").query(String.class).list());
    }

    /** Stores the draw and its result in drawn order. */
    void insert(Draw d, String algorithm, int perEnterprise) {
        Pool pool = d.pool();
        jdbc.sql("""
                insert into inspection_random_draw (id, seed, algorithm, pool_sector, pool_region_id, pool_class, pool_enterprise_ids,
                  inspector_ids, per_enterprise, draw_count, title, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(d.id(), d.seed(), algorithm, pool.sector() == null ? null : pool.sector().name(), pool.regionId(),
                        pool.supervisionClass() == null ? null : pool.supervisionClass().name(), d.poolEnterpriseIds().toArray(UUID[]::new),
                        d.poolInspectorIds().toArray(UUID[]::new), perEnterprise, d.count(), d.title(), d.createdBy(),
                        InspectionRepository.utc(d.createdAt()))
                .update();
        int position = 0;
        for (Result r : d.result()) {
            jdbc.sql("insert into inspection_draw_result (draw_id, position, enterprise_id, inspector_ids) values (?, ?, ?, ?)")
                    .params(d.id(), position++, r.enterpriseId(), r.inspectorIds().toArray(UUID[]::new)).update();
        }
    }

    /** Inserts the conflict unless the pair is declared already; whether it was new. */
    boolean insertConflict(UUID id, UUID inspectorId, UUID enterpriseId, String kind, String note, Instant declaredAt) {
        return jdbc.sql("""
                insert into inspection_conflict (id, inspector_id, enterprise_id, kind, note, declared_at) values (?, ?, ?, ?, ?, ?)
                on conflict (inspector_id, enterprise_id) do nothing""")
                .params(id, inspectorId, enterpriseId, kind, note, InspectionRepository.utc(declaredAt)).update() == 1;
    }

    Optional<Draw> find(UUID id) {
        return jdbc.sql("select * from inspection_random_draw where id = ?").param(id).query(this::map).optional();
    }

    List<Draw> published(int limit) {
        return jdbc.sql("select * from inspection_random_draw where published order by created_at desc limit ?").param(limit).query(this::map).list();
    }

    private Draw map(ResultSet rs, int n) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        List<Result> result = jdbc.sql("select enterprise_id, inspector_ids from inspection_draw_result where draw_id = ? order by position")
                .param(id).query((r, i) -> new Result(r.getObject(1, UUID.class), uuids(r.getArray(2)))).list();
        String sector = rs.getString("pool_sector");
        String cls = rs.getString("pool_class");
        return new Draw(id, rs.getString("title"), rs.getString("seed"), rs.getString("algorithm"),
                new Pool(sector == null ? null : Sector.valueOf(sector), rs.getObject("pool_region_id", UUID.class),
                        cls == null ? null : SupervisionClass.valueOf(cls)),
                rs.getInt("draw_count"), result, uuids(rs.getArray("pool_enterprise_ids")), uuids(rs.getArray("inspector_ids")),
                rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    private static List<UUID> uuids(Array a) throws SQLException {
        return a == null ? List.of() : Arrays.asList((UUID[]) a.getArray());
    }
}
