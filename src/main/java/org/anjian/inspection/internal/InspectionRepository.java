package org.anjian.inspection.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.anjian.enterprise.EnterpriseLookup;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.enterprise.Sector;
import org.anjian.inspection.ViolationCategory;
import org.anjian.inspection.domain.Inspection;
import org.anjian.inspection.domain.InspectionState;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Inspections, their findings and check results in {@code inspection_inspection}, {@code inspection_finding}, {@code inspection_check_result}. */
@Repository
class InspectionRepository {

    private final JdbcClient jdbc;
    private final EnterpriseLookup enterprises;

    InspectionRepository(JdbcClient jdbc, EnterpriseLookup enterprises) {
        this.jdbc = jdbc;
        this.enterprises = enterprises;
    }

    // ------------------------------------------------------------------ enterprise copies (ADR 0009)

    /** Open inspections (planned or on site) take the enterprise's current town, park and sector; returns the rows changed. */
    int followEnterprise(UUID enterpriseId, UUID townId, UUID parkId, String sector) {
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        p.put("id", enterpriseId);
        p.put("town", townId);
        p.put("park", parkId);
        p.put("sector", sector);
        return jdbc.sql("""
                        update inspection_inspection set town_id = :town, park_id = :park, sector = :sector
                        where enterprise_id = :id and state in ('PLANNED', 'ON_SITE')
                          and (town_id, park_id, sector) is distinct from (:town, :park, :sector)""")
                .params(p).update();
    }

    // ------------------------------------------------------------------ the aggregate

    void insert(Inspection i, String createdBy, Instant createdAt) {
        jdbc.sql("""
                insert into inspection_inspection (id, enterprise_id, town_id, park_id, sector, draw_id, inspector_ids, planned_on, state, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(i.id(), i.enterpriseId(), i.site().townId(), i.site().parkId(), i.site().sector(), i.drawId(),
                        i.inspectorIds().toArray(UUID[]::new), i.plannedOn(), i.state().name(), createdBy, utc(createdAt)).update();
    }

    Optional<Inspection> load(UUID id) {
        return jdbc.sql("select * from inspection_inspection where id = ?").param(id).query((rs, n) -> new Inspection(id,
                new Inspection.Site(rs.getObject("enterprise_id", UUID.class), rs.getObject("town_id", UUID.class), rs.getObject("park_id", UUID.class),
                        rs.getString("sector")),
                Arrays.asList((UUID[]) rs.getArray("inspector_ids").getArray()), rs.getObject("planned_on", LocalDate.class),
                rs.getObject("draw_id", UUID.class), InspectionState.valueOf(rs.getString("state")), instant(rs, "started_at"), instant(rs, "finished_at"),
                rs.getString("companions"))).optional();
    }

    /** Stores the findings recorded since loading, then the inspection's state, times and companions. */
    void save(Inspection i) {
        for (Inspection.Finding f : i.newFindings()) {
            jdbc.sql("""
                    insert into inspection_finding (id, inspection_id, place, description, major, criterion_code, legal_basis, deadline, latitude, longitude,
                      recorded_by, recorded_at, category) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(f.id(), i.id(), f.place(), f.description(), f.major(), f.criterionCode(), f.legalBasis(), f.deadline(), f.latitude(),
                            f.longitude(), f.recordedBy(), utc(f.recordedAt()), f.category().name()).update();
        }
        jdbc.sql("update inspection_inspection set state = ?, started_at = ?, finished_at = ?, companions = ? where id = ?")
                .params(i.state().name(), utc(i.startedAt()), utc(i.finishedAt()), i.companions(), i.id()).update();
    }

    void saveCheck(UUID inspectionId, Inspection.CheckedItem c) {
        jdbc.sql("""
                insert into inspection_check_result (inspection_id, item, outcome, recorded_by, recorded_at) values (?, ?, ?, ?, ?)
                on conflict (inspection_id, item) do update set outcome = excluded.outcome, recorded_by = excluded.recorded_by,
                  recorded_at = excluded.recorded_at""")
                .params(inspectionId, c.item(), c.outcome(), c.recordedBy(), utc(c.recordedAt())).update();
    }

    /** An exam of the inspection's key people was answered (逢查必考). */
    boolean examTaken(UUID inspectionId) {
        return jdbc.sql("select count(*) from inspection_exam where inspection_id = ? and answered_at is not null").param(inspectionId)
                .query(Long.class).single() > 0;
    }

    /** The finding's hazard was closed; idempotent. */
    void resolveFinding(UUID findingId, Instant at) {
        jdbc.sql("update inspection_finding set resolved_at = ? where id = ? and resolved_at is null").params(utc(at), findingId).update();
    }

    // ------------------------------------------------------------------ what is read

    List<InspectionService.CheckResult> checkResults(UUID inspectionId) {
        return jdbc.sql("select * from inspection_check_result where inspection_id = ? order by recorded_at, item").param(inspectionId)
                .query((rs, n) -> new InspectionService.CheckResult(rs.getString("item"), rs.getString("outcome"), rs.getString("recorded_by"),
                        instant(rs, "recorded_at")))
                .list();
    }

    Optional<InspectionService.Inspection> find(UUID id) {
        return jdbc.sql("select * from inspection_inspection where id = ?").param(id).query(this::map).optional();
    }

    List<InspectionService.Inspection> newest(int limit) {
        return jdbc.sql("select * from inspection_inspection order by planned_on desc, created_at desc limit ?").param(limit).query(this::map).list();
    }

    /** An inspector's inspections: unfinished first, newest plans first. */
    List<InspectionService.Inspection> ofInspector(UUID inspectorId, int limit) {
        return jdbc.sql("select * from inspection_inspection where ? = any(inspector_ids) order by state = 'DONE', planned_on desc limit ?")
                .params(inspectorId, limit).query(this::map).list();
    }

    List<InspectionService.Inspection> ofEnterprise(UUID enterpriseId, int limit) {
        return jdbc.sql("select * from inspection_inspection where enterprise_id = ? order by planned_on desc, created_at desc limit ?")
                .params(enterpriseId, limit).query(this::map).list();
    }

    /**
     * A page of inspections, newest plans first. {@code inspector}: only those with them on the
     * team; {@code only}: only these; any filter may be null.
     */
    PageResult<InspectionService.Inspection> search(UUID inspector, List<UUID> only, InspectionState state, UUID enterpriseId, Integer year,
                                                    PageRequest page) {
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> p = new HashMap<>();
        if (inspector != null) {
            where.append(" and :me = any(i.inspector_ids)");
            p.put("me", inspector);
        }
        if (only != null) {
            where.append(" and i.id in (:mine)");
            p.put("mine", only);
        }
        if (state != null) {
            where.append(" and i.state = :state");
            p.put("state", state.name());
        }
        if (enterpriseId != null) {
            where.append(" and i.enterprise_id = :enterprise");
            p.put("enterprise", enterpriseId);
        }
        if (year != null) {
            // a range rather than extract(year …), so that the planned_on index answers it
            where.append(" and i.planned_on >= make_date(:year, 1, 1) and i.planned_on < make_date(:year + 1, 1, 1)");
            p.put("year", year);
        }
        long total = jdbc.sql("select count(*) from inspection_inspection i" + where).params(p).query(Long.class).single();
        p.put("limit", page.size());
        p.put("offset", (long) page.offset());
        if (page.after() != null) {
            // keyset: the row comparison starts the scan of inspection_planned_idx at the cursor instead of skipping rows
            org.anjian.shared.web.Cursor c = org.anjian.shared.web.Cursor.parse(page.after(), 3);
            where.append(" and (i.planned_on, i.created_at, i.id) < (:afterPlanned, :afterCreated, :afterId)");
            p.put("afterPlanned", c.date(0));
            p.put("afterCreated", c.instant(1));
            p.put("afterId", c.uuid(2));
        }
        List<InspectionService.Inspection> items = jdbc.sql("select i.* from inspection_inspection i" + where
                + " order by i.planned_on desc, i.created_at desc, i.id desc limit :limit offset :offset").params(p).query(this::mapWithoutDetails).list();
        items = withDetails(items);
        return new PageResult<>(items, total, page.page(), page.size())
                .withNext(i -> org.anjian.shared.web.Cursor.of(i.plannedOn(), i.createdAt(), i.id()));
    }

    private InspectionService.Inspection map(ResultSet rs, int n) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        UUID enterpriseId = rs.getObject("enterprise_id", UUID.class);
        List<InspectionService.Finding> findings = jdbc.sql("select * from inspection_finding where inspection_id = ? order by recorded_at").param(id)
                .query(InspectionRepository::finding).list();
        return row(rs, enterprises.find(enterpriseId).map(EnterpriseSummary::name).orElse(""), findings);
    }

    /** A page's row without its findings and enterprise name: {@link #withDetails} adds them for the whole page in two queries. */
    private InspectionService.Inspection mapWithoutDetails(ResultSet rs, int n) throws SQLException {
        return row(rs, "", List.of());
    }

    private List<InspectionService.Inspection> withDetails(List<InspectionService.Inspection> page) {
        if (page.isEmpty()) {
            return page;
        }
        Map<UUID, List<InspectionService.Finding>> findings = new HashMap<>();
        jdbc.sql("select * from inspection_finding where inspection_id in (:ids) order by recorded_at")
                .param("ids", page.stream().map(InspectionService.Inspection::id).toList())
                .query(rs -> {
                    findings.computeIfAbsent(rs.getObject("inspection_id", UUID.class), k -> new java.util.ArrayList<>()).add(finding(rs, 0));
                });
        Map<UUID, EnterpriseSummary> names = enterprises.findAll(page.stream().map(InspectionService.Inspection::enterpriseId).toList());
        return page.stream().map(i -> new InspectionService.Inspection(i.id(), i.enterpriseId(),
                names.containsKey(i.enterpriseId()) ? names.get(i.enterpriseId()).name() : "", i.inspectorIds(), i.plannedOn(), i.drawId(), i.state(),
                i.startedAt(), i.finishedAt(), findings.getOrDefault(i.id(), List.of()), i.sector(), i.companions(), i.createdBy(), i.createdAt())).toList();
    }

    private static InspectionService.Finding finding(ResultSet r, int i) throws SQLException {
        return new InspectionService.Finding(r.getObject("id", UUID.class), r.getString("place"), r.getString("description"),
                r.getBoolean("major"), r.getString("criterion_code"), r.getString("legal_basis"), r.getObject("deadline", LocalDate.class),
                r.getString("recorded_by"), instant(r, "recorded_at"), instant(r, "resolved_at"), ViolationCategory.valueOf(r.getString("category")),
                (Double) r.getObject("latitude"), (Double) r.getObject("longitude"));
    }

    private static InspectionService.Inspection row(ResultSet rs, String enterpriseName, List<InspectionService.Finding> findings) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        UUID enterpriseId = rs.getObject("enterprise_id", UUID.class);
        return new InspectionService.Inspection(id, enterpriseId, enterpriseName,
                Arrays.asList((UUID[]) rs.getArray("inspector_ids").getArray()), rs.getObject("planned_on", LocalDate.class),
                rs.getObject("draw_id", UUID.class), rs.getString("state"), instant(rs, "started_at"), instant(rs, "finished_at"), findings,
                Sector.valueOf(rs.getString("sector")), rs.getString("companions"), rs.getString("created_by"), instant(rs, "created_at"));
    }

    static Instant instant(ResultSet rs, String col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static OffsetDateTime utc(Instant t) {
        return t == null ? null : OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }
}
