package org.anjian.permit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.anjian.organization.ScopeConditions;
import org.anjian.permit.domain.PermitState;
import org.anjian.permit.domain.WorkGrade;
import org.anjian.permit.domain.WorkPermit;
import org.anjian.permit.domain.WorkType;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Permits in {@code permit_work_permit}: the filter columns and the aggregate's snapshot as JSON;
 * photos of measures in {@code permit_photo}, signatures in {@code permit_signature}.
 */
@Repository
class PermitRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    PermitRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Where the permit is: the enterprise's copied columns. */
    record Place(String enterpriseName, UUID townId, UUID parkId, String sector, Double latitude, Double longitude) {
    }

    /** A permit with where it is. */
    record Stored(WorkPermit permit, Place place, String createdBy) {
    }

    /** List filters; any may be null. */
    record Criteria(WorkType type, WorkGrade grade, PermitState state, UUID enterpriseId, UUID townId, Instant validOnFrom, Instant validOnTo,
                    boolean underWayOnly) {
        Criteria(WorkType type, WorkGrade grade, PermitState state, UUID enterpriseId, UUID townId) {
            this(type, grade, state, enterpriseId, townId, null, null, false);
        }
    }

    /** A third-party on-site supervision record with the ids of its photos. */
    record SupervisionRow(UUID id, UUID permitId, String permitNumber, String enterpriseName, String agency, String person, Instant visitedAt,
                          String findings, String recordedBy, Instant recordedAt, List<UUID> photoIds) {
    }

    long nextNumber() {
        return jdbc.sql("select nextval('permit_number_seq')").query(Long.class).single();
    }

    void add(WorkPermit p, Place place, String createdBy) {
        WorkPermit.Snapshot s = p.snapshot();
        jdbc.sql("""
                insert into permit_work_permit (id, number, enterprise_id, town_id, park_id, sector, latitude, longitude, type, grade, state, location,
                  valid_from, valid_to, body, created_by, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?)""")
                .params(s.id(), s.number(), s.draft().enterpriseId(), place.townId(), place.parkId(), place.sector(), place.latitude(),
                        place.longitude(), s.draft().type().name(), s.draft().grade().name(), s.state().name(), s.draft().location(),
                        utc(s.draft().validFrom()), utc(s.draft().validTo()), body(s, place), createdBy, utc(s.createdAt()), utc(s.updatedAt()))
                .update();
    }

    void save(WorkPermit p, Place place) {
        WorkPermit.Snapshot s = p.snapshot();
        jdbc.sql("update permit_work_permit set state = ?, body = cast(? as jsonb), updated_at = ? where id = ?")
                .params(s.state().name(), body(s, place), utc(s.updatedAt()), s.id()).update();
    }

    Optional<Stored> find(UUID id) {
        return jdbc.sql("select * from permit_work_permit where id = ?").param(id).query(this::map).optional();
    }

    /** The permit, its row locked until the transaction ends: two people acting at once cannot both pass the same check. */
    Optional<Stored> lock(UUID id) {
        return jdbc.sql("select * from permit_work_permit where id = ? for update").param(id).query(this::map).optional();
    }

    /** A permit of the enterprise by its number. */
    Optional<Stored> findByNumber(UUID enterpriseId, String number) {
        return jdbc.sql("select * from permit_work_permit where enterprise_id = ? and number = ?").params(enterpriseId, number)
                .query(this::map).optional();
    }

    PageResult<Stored> search(ScopeConditions.Condition scope, Criteria c, PageRequest page) {
        StringBuilder where = new StringBuilder(" where ").append(scope.sql());
        Map<String, Object> params = new HashMap<>(scope.params());
        if (c.type() != null) {
            where.append(" and p.type = :type");
            params.put("type", c.type().name());
        }
        if (c.grade() != null) {
            where.append(" and p.grade = :grade");
            params.put("grade", c.grade().name());
        }
        if (c.state() != null) {
            where.append(" and p.state = :state");
            params.put("state", c.state().name());
        }
        if (c.enterpriseId() != null) {
            where.append(" and p.enterprise_id = :enterpriseId");
            params.put("enterpriseId", c.enterpriseId());
        }
        if (c.townId() != null) {
            where.append(" and (p.town_id = :townId or p.park_id = :townId)");
            params.put("townId", c.townId());
        }
        if (c.validOnFrom() != null && c.validOnTo() != null) {
            // valid on the day: the period overlaps it
            where.append(" and p.valid_from < :dayEnd and p.valid_to >= :dayStart");
            params.put("dayStart", utc(c.validOnFrom()));
            params.put("dayEnd", utc(c.validOnTo()));
        }
        if (c.underWayOnly()) {
            where.append(" and p.state in ('IN_PROGRESS', 'SUSPENDED')");
        }
        long total = jdbc.sql("select count(*) from permit_work_permit p" + where).params(params).query(Long.class).single();
        params.put("limit", page.size());
        params.put("offset", page.offset());
        List<Stored> items = jdbc.sql("select p.* from permit_work_permit p" + where + " order by p.updated_at desc, p.id limit :limit offset :offset")
                .params(params).query(this::map).list();
        return new PageResult<>(items, total, page.page(), page.size());
    }

    /** Work under way (作业中 and 暂停) in the scope, counted by type and grade. */
    List<Map<String, Object>> underWayCounts(ScopeConditions.Condition scope) {
        return jdbc.sql("select p.type, p.grade, count(*) as n from permit_work_permit p where " + scope.sql()
                        + " and p.state in ('IN_PROGRESS', 'SUSPENDED') group by p.type, p.grade order by p.type, p.grade")
                .params(scope.params()).query((rs, n) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("type", rs.getString("type"));
                    row.put("grade", rs.getString("grade"));
                    row.put("count", rs.getLong("n"));
                    return row;
                }).list();
    }

    /** Hot work under way (for the daily gas analysis of GB 30871-2022 5.3.1 d). */
    List<UUID> underWayHotWork() {
        return jdbc.sql("select id from permit_work_permit where state = 'IN_PROGRESS' and type = 'HOT_WORK'").query(UUID.class).list();
    }

    /** Permits whose validity ran out while they were not yet completed. */
    List<UUID> overdue(Instant now) {
        return jdbc.sql("select id from permit_work_permit where state in ('DRAFT', 'APPLIED', 'APPROVED', 'IN_PROGRESS', 'SUSPENDED') and valid_to < ?")
                .param(utc(now)).query(UUID.class).list();
    }

    // ---- third-party on-site supervision -------------------------------------------------------------

    void addSupervision(UUID id, UUID permitId, String agency, String person, Instant visitedAt, String findings, String by, Instant at) {
        jdbc.sql("""
                insert into permit_supervision (id, permit_id, agency, person, visited_at, findings, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""").params(id, permitId, agency, person, utc(visitedAt), findings, by, utc(at)).update();
    }

    void addSupervisionPhoto(UUID id, UUID supervisionId, UUID permitId, String contentType, String fileName, byte[] content, String sha256,
                             String by, Instant at) {
        jdbc.sql("""
                insert into permit_supervision_photo (id, supervision_id, permit_id, content_type, file_name, content, sha256, uploaded_by, uploaded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""").params(id, supervisionId, permitId, contentType, fileName, content, sha256, by, utc(at)).update();
    }

    boolean supervisionOf(UUID permitId, UUID supervisionId) {
        return jdbc.sql("select exists (select 1 from permit_supervision where id = ? and permit_id = ?)").params(supervisionId, permitId)
                .query(Boolean.class).single();
    }

    long supervisionPhotoCount(UUID supervisionId) {
        return jdbc.sql("select count(*) from permit_supervision_photo where supervision_id = ?").param(supervisionId).query(Long.class).single();
    }

    /** The supervision records of one permit, newest visit first. */
    List<SupervisionRow> supervisions(UUID permitId) {
        return jdbc.sql(SUPERVISION_SELECT + " where s.permit_id = :permitId order by s.visited_at desc, s.id")
                .param("permitId", permitId).query(this::supervision).list();
    }

    /** Supervision records of the permits in the scope, newest visit first. */
    PageResult<SupervisionRow> supervisions(ScopeConditions.Condition scope, PageRequest page) {
        Map<String, Object> params = new HashMap<>(scope.params());
        long total = jdbc.sql("select count(*) from permit_supervision s join permit_work_permit p on p.id = s.permit_id where " + scope.sql())
                .params(params).query(Long.class).single();
        params.put("limit", page.size());
        params.put("offset", page.offset());
        List<SupervisionRow> items = jdbc.sql(SUPERVISION_SELECT + " where " + scope.sql()
                + " order by s.visited_at desc, s.id limit :limit offset :offset").params(params).query(this::supervision).list();
        return new PageResult<>(items, total, page.page(), page.size());
    }

    Optional<PermitPhoto> supervisionPhoto(UUID permitId, UUID photoId) {
        return jdbc.sql("select * from permit_supervision_photo where permit_id = ? and id = ?").params(permitId, photoId)
                .query((rs, n) -> new PermitPhoto(rs.getObject("id", UUID.class), permitId, -1, rs.getString("content_type"),
                        rs.getString("file_name"), rs.getString("sha256"), rs.getBytes("content"))).optional();
    }

    private static final String SUPERVISION_SELECT = """
            select s.*, p.number, p.body ->> 'enterpriseName' as enterprise_name,
              coalesce((select string_agg(f.id::text, ',' order by f.uploaded_at, f.id) from permit_supervision_photo f
                        where f.supervision_id = s.id), '') as photo_ids
            from permit_supervision s join permit_work_permit p on p.id = s.permit_id""";

    private SupervisionRow supervision(ResultSet rs, int n) throws SQLException {
        String ids = rs.getString("photo_ids");
        List<UUID> photos = ids == null || ids.isEmpty() ? List.of() : java.util.Arrays.stream(ids.split(",")).map(UUID::fromString).toList();
        return new SupervisionRow(rs.getObject("id", UUID.class), rs.getObject("permit_id", UUID.class), rs.getString("number"),
                rs.getString("enterprise_name"), rs.getString("agency"), rs.getString("person"),
                rs.getObject("visited_at", OffsetDateTime.class).toInstant(), rs.getString("findings"), rs.getString("recorded_by"),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant(), photos);
    }

    // ---- photos and signatures -----------------------------------------------------------------------

    void addPhoto(PermitPhoto p, String by, Instant at) {
        jdbc.sql("""
                insert into permit_photo (id, permit_id, measure_index, content_type, file_name, content, sha256, uploaded_by, uploaded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(p.id(), p.permitId(), p.measureIndex(), p.contentType(), p.fileName(), p.content(), p.sha256(), by, utc(at)).update();
    }

    Optional<PermitPhoto> photo(UUID permitId, UUID photoId) {
        return jdbc.sql("select * from permit_photo where permit_id = ? and id = ?").params(permitId, photoId)
                .query((rs, n) -> new PermitPhoto(rs.getObject("id", UUID.class), permitId, rs.getInt("measure_index"), rs.getString("content_type"),
                        rs.getString("file_name"), rs.getString("sha256"), rs.getBytes("content"))).optional();
    }

    void addSignature(UUID id, UUID permitId, String role, String name, byte[] png, String sha256, String by, Instant at) {
        jdbc.sql("insert into permit_signature (id, permit_id, role, name, png, sha256, signed_by, signed_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, permitId, role, name, png, sha256, by, utc(at)).update();
    }

    List<PermitSignature> signatures(UUID permitId) {
        return jdbc.sql("select id, role, name, sha256, signed_by, signed_at from permit_signature where permit_id = ? order by signed_at, id")
                .param(permitId).query((rs, n) -> new PermitSignature(rs.getObject("id", UUID.class), rs.getString("role"), rs.getString("name"),
                        rs.getString("sha256"), rs.getString("signed_by"), rs.getObject("signed_at", OffsetDateTime.class).toInstant())).list();
    }

    Optional<byte[]> signaturePng(UUID permitId, UUID signatureId) {
        return jdbc.sql("select png from permit_signature where permit_id = ? and id = ?").params(permitId, signatureId)
                .query((rs, n) -> rs.getBytes("png")).optional();
    }

    // ---- mapping -------------------------------------------------------------------------------------

    private String body(WorkPermit.Snapshot s, Place place) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("snapshot", s);
        body.put("enterpriseName", place.enterpriseName());
        return json.writeValueAsString(body);
    }

    private Stored map(ResultSet rs, int n) throws SQLException {
        var tree = json.readTree(rs.getString("body"));
        WorkPermit.Snapshot s = json.treeToValue(tree.get("snapshot"), WorkPermit.Snapshot.class);
        var name = tree.get("enterpriseName");
        Place place = new Place(name == null || name.isNull() ? null : name.asString(), rs.getObject("town_id", UUID.class),
                rs.getObject("park_id", UUID.class), rs.getString("sector"), (Double) rs.getObject("latitude"), (Double) rs.getObject("longitude"));
        return new Stored(WorkPermit.restore(s), place, rs.getString("created_by"));
    }

    static OffsetDateTime utc(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
