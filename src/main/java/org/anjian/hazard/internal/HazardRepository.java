package org.anjian.hazard.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.anjian.hazard.HazardGrade;
import org.anjian.hazard.HazardSource;
import org.anjian.hazard.HazardState;
import org.anjian.hazard.domain.DualReport;
import org.anjian.hazard.domain.FiveAssurances;
import org.anjian.hazard.domain.Hazard;
import org.anjian.hazard.domain.ListedSupervision;
import org.anjian.organization.ScopeConditions.Condition;
import org.anjian.shared.web.Cursor;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class HazardRepository {

    private final JdbcClient jdbc;

    HazardRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }


    public record Filter(HazardState state, HazardGrade grade, HazardSource source, UUID enterpriseId, List<UUID> regionIds,
                         Boolean overdue, Boolean listed, Instant now, Boolean open, String name) {
        public Filter(HazardState state, HazardGrade grade, HazardSource source, UUID enterpriseId, List<UUID> regionIds,
                      Boolean overdue, Boolean listed, Instant now) {
            this(state, grade, source, enterpriseId, regionIds, overdue, listed, now, null, null);
        }
    }

    public Optional<HazardRecord> find(UUID id) {
        return jdbc.sql("select * from hazard_hazard where id = ?").param(id).query(HazardRepository::map).optional();
    }

    public Optional<UUID> findBySource(HazardSource source, String sourceRef) {
        return jdbc.sql("select id from hazard_hazard where source = ? and source_ref = ?").params(source.name(), sourceRef)
                .query(UUID.class).optional();
    }

    /** Major hazards of the enterprise not yet closed. */
    public int countOpenMajor(UUID enterpriseId) {
        return jdbc.sql("select count(*) from hazard_hazard where enterprise_id = ? and grade = 'MAJOR' and state <> 'CLOSED'")
                .param(enterpriseId).query(Integer.class).single();
    }

    /** Whether the enterprise reported a major hazard under this criterion itself and it is still open. */
    public boolean openSelfReportedMajor(UUID enterpriseId, String criterionCode) {
        return criterionCode != null && jdbc.sql("""
                select count(*) from hazard_hazard where enterprise_id = ? and criterion_code = ? and self_reported and state <> 'CLOSED'""")
                .params(enterpriseId, criterionCode).query(Long.class).single() > 0;
    }

    public PageResult<HazardRecord> search(Filter f, Condition scope, PageRequest page) {
        Map<String, Object> params = new HashMap<>(scope.params());
        StringBuilder where = new StringBuilder(" where (").append(scope.sql()).append(")");
        if (f.state() != null) {
            where.append(" and h.state = :state");
            params.put("state", f.state().name());
        }
        if (f.grade() != null) {
            where.append(" and h.grade = :grade");
            params.put("grade", f.grade().name());
        }
        if (f.source() != null) {
            where.append(" and h.source = :source");
            params.put("source", f.source().name());
        }
        if (f.enterpriseId() != null) {
            where.append(" and h.enterprise_id = :enterpriseId");
            params.put("enterpriseId", f.enterpriseId());
        }
        if (f.regionIds() != null) {
            where.append(" and (h.town_id in (:regionIds) or h.park_id in (:regionIds))");
            params.put("regionIds", f.regionIds().isEmpty() ? List.of(new UUID(0, 0)) : f.regionIds());
        }
        if (f.overdue() != null) {
            where.append(f.overdue() ? " and" : " and not").append(" (h.deadline < :now and h.state in ('REPORTED', 'PLANNED', 'RECTIFYING'))");
            params.put("now", utc(f.now()));
        }
        if (Boolean.TRUE.equals(f.listed())) {
            where.append(" and h.supervision_level is not null and h.state <> 'CLOSED'");
        }
        if (Boolean.TRUE.equals(f.open())) {
            // 未销号: every state before CLOSED, the same set the dashboard tiles count
            where.append(" and h.state <> 'CLOSED'");
        }
        if (f.name() != null && !f.name().isBlank()) {
            where.append(" and (h.enterprise_name ilike :name or h.place ilike :name or h.description ilike :name)");
            params.put("name", "%" + f.name().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        long total = countedByGroup(f, scope)
                ? jdbc.sql("select coalesce(sum(h.n), 0) from hazard_count h" + where).params(params).query(Long.class).single()
                : jdbc.sql("select count(*) from hazard_hazard h" + where).params(params).query(Long.class).single();
        params.put("limit", page.size());
        params.put("offset", page.offset());
        if (page.after() != null) {
            // keyset: from the cursor's place in the order's index (hazard_list_order_idx and the state / grade ones) instead
            // of walking past page × size rows; the row comparison bounds the index scan, the rest drops the ties before the cursor
            Cursor c = Cursor.parse(page.after(), 4);
            where.append(" and ((case h.state when 'CLOSED' then 1 else 0 end), h.deadline) >= (:afterOpen, :afterDeadline)"
                    + " and not ((case h.state when 'CLOSED' then 1 else 0 end) = :afterOpen and h.deadline = :afterDeadline"
                    + " and (h.found_at > :afterFound or (h.found_at = :afterFound and h.id <= :afterId)))");
            params.put("afterOpen", c.integer(0));
            params.put("afterDeadline", c.instant(1));
            params.put("afterFound", c.instant(2));
            params.put("afterId", c.uuid(3));
        }
        List<HazardRecord> items = jdbc.sql("select h.* from hazard_hazard h" + where
                        + " order by case h.state when 'CLOSED' then 1 else 0 end, h.deadline, h.found_at desc, h.id limit :limit offset :offset")
                .params(params).query(HazardRepository::map).list();
        return new PageResult<>(items, total, page.page(), page.size())
                .withNext(r -> Cursor.of(r.hazard().state() == HazardState.CLOSED ? 1 : 0, r.hazard().deadline(), r.foundAt(), r.hazard().id()));
    }

    /**
     * Whether the exact total can be read from {@code hazard_count} (kept by triggers, see its migration): when the
     * scope and every filter are on its columns — town, park, sector, state, grade — and not on anything else.
     */
    static boolean countedByGroup(Filter f, Condition scope) {
        return f.source() == null && f.enterpriseId() == null && f.overdue() == null && !Boolean.TRUE.equals(f.listed())
                && (f.name() == null || f.name().isBlank()) && COUNT_COLUMNS_ONLY.matcher(scope.sql()).matches();
    }

    /** A scope condition on the grouped columns only (district, region or department scopes), never an enterprise's own. */
    private static final java.util.regex.Pattern COUNT_COLUMNS_ONLY = java.util.regex.Pattern.compile(
            "true|false|\\(h\\.town_id in \\(:scopeRegions\\) or h\\.park_id in \\(:scopeRegions\\)\\)|h\\.sector in \\(:scopeSectors\\)");

    public void insert(HazardRecord r) {
        Hazard h = r.hazard();
        jdbc.sql("""
                insert into hazard_hazard (id, enterprise_id, enterprise_name, town_id, park_id, sector, place, description, category,
                  grade, source, source_ref, criterion_code, self_reported, unreported, finder_id, finder_name, latitude, longitude,
                  found_at, deadline, state)
                values (:id, :enterprise, :enterpriseName, :town, :park, :sector, :place, :description, :category, :grade, :source,
                  :sourceRef, :criterion, :self, :unreported, :finderId, :finderName, :lat, :lon, :foundAt, :deadline, :state)""")
                .param("id", h.id()).param("enterprise", h.enterpriseId()).param("enterpriseName", r.enterpriseName())
                .param("town", r.townId()).param("park", r.parkId()).param("sector", r.sector()).param("place", r.place())
                .param("description", r.description()).param("category", r.category()).param("grade", h.grade().name())
                .param("source", h.source().name()).param("sourceRef", r.sourceRef()).param("criterion", r.criterionCode())
                .param("self", h.selfReported()).param("unreported", h.unreported()).param("finderId", r.finderId())
                .param("finderName", r.finderName()).param("lat", r.latitude()).param("lon", r.longitude())
                .param("foundAt", utc(r.foundAt())).param("deadline", utc(h.deadline())).param("state", h.state().name())
                .update();
    }

    /** Saves the loop's state; a concurrent change in between is refused rather than overwritten. */
    public void saveState(Hazard h, int expectedVersion) {
        FiveAssurances fa = h.fiveAssurances();
        ListedSupervision ls = h.listedSupervision();
        int n = jdbc.sql("""
                update hazard_hazard set state = :state, plan = :plan, fa_responsible_person = :faPerson, fa_measures = :faMeasures,
                  fa_funds = :faFunds, fa_deadline = :faDeadline, fa_contingency_plan = :faPlan, dual_regulator_on = :dualReg,
                  dual_workforce_on = :dualWork, rectified_by = :rectifiedBy, rectified_at = :rectifiedAt, verified_by = :verifiedBy,
                  verified_at = :verifiedAt, closed_at = :closedAt, supervision_level = :supLevel, supervision_supervisor = :supBy,
                  supervision_deadline = :supDeadline, rejections = :rejections, version = version + 1, updated_at = now()
                where id = :id and version = :version""")
                .param("state", h.state().name()).param("plan", h.plan()).param("faPerson", fa.responsiblePerson())
                .param("faMeasures", fa.measures()).param("faFunds", fa.funds()).param("faDeadline", fa.deadline())
                .param("faPlan", fa.contingencyPlan()).param("dualReg", h.dualReport().toRegulatorOn())
                .param("dualWork", h.dualReport().toWorkforceOn()).param("rectifiedBy", h.rectifiedBy())
                .param("rectifiedAt", utc(h.rectifiedAt())).param("verifiedBy", h.verifiedBy()).param("verifiedAt", utc(h.verifiedAt()))
                .param("closedAt", utc(h.closedAt())).param("supLevel", ls == null ? null : ls.level().name())
                .param("supBy", ls == null ? null : ls.supervisor()).param("supDeadline", ls == null ? null : ls.deadline())
                .param("rejections", h.rejections()).param("id", h.id()).param("version", expectedVersion)
                .update();
        if (n != 1) {
            throw new OptimisticLockingFailureException("hazard " + h.id() + " was changed by someone else");
        }
    }

    public void addStep(UUID hazardId, String action, HazardState from, HazardState to, UUID actorId, String actorName, Instant at, String note) {
        jdbc.sql("insert into hazard_step (hazard_id, action, from_state, to_state, actor_id, actor_name, at, note) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(hazardId, action, from == null ? null : from.name(), to.name(), actorId, actorName, utc(at), note).update();
    }

    public record Step(String action, String fromState, String toState, String actorName, Instant at, String note) {
    }

    public List<Step> steps(UUID hazardId) {
        return jdbc.sql("select * from hazard_step where hazard_id = ? order by id").param(hazardId)
                .query((rs, n) -> new Step(rs.getString("action"), rs.getString("from_state"), rs.getString("to_state"),
                        rs.getString("actor_name"), rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("note")))
                .list();
    }

    public record PhotoInfo(UUID id, String stage, String contentType, int sizeBytes, String uploadedBy, Instant uploadedAt) {
    }

    public record Photo(String contentType, byte[] data) {
    }

    public void addPhoto(UUID id, UUID hazardId, String stage, String contentType, byte[] data, String by, Instant at) {
        jdbc.sql("insert into hazard_photo (id, hazard_id, stage, content_type, size_bytes, data, uploaded_by, uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, hazardId, stage, contentType, data.length, data, by, utc(at)).update();
    }

    public List<PhotoInfo> photos(UUID hazardId) {
        return jdbc.sql("select id, stage, content_type, size_bytes, uploaded_by, uploaded_at from hazard_photo where hazard_id = ? order by uploaded_at")
                .param(hazardId)
                .query((rs, n) -> new PhotoInfo(rs.getObject("id", UUID.class), rs.getString("stage"), rs.getString("content_type"),
                        rs.getInt("size_bytes"), rs.getString("uploaded_by"), rs.getObject("uploaded_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    public Optional<Photo> photo(UUID hazardId, UUID photoId) {
        return jdbc.sql("select content_type, data from hazard_photo where hazard_id = ? and id = ?").params(hazardId, photoId)
                .query((rs, n) -> new Photo(rs.getString(1), rs.getBytes(2))).optional();
    }

    private static OffsetDateTime utc(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static LocalDate date(ResultSet rs, String col) throws SQLException {
        return rs.getObject(col, LocalDate.class);
    }

    static HazardRecord map(ResultSet rs, int n) throws SQLException {
        String level = rs.getString("supervision_level");
        ListedSupervision supervision = level == null ? null
                : new ListedSupervision(ListedSupervision.Level.valueOf(level), rs.getString("supervision_supervisor"), date(rs, "supervision_deadline"));
        Hazard h = new Hazard(rs.getObject("id", UUID.class), rs.getObject("enterprise_id", UUID.class),
                HazardGrade.valueOf(rs.getString("grade")), HazardSource.valueOf(rs.getString("source")), rs.getBoolean("self_reported"),
                rs.getBoolean("unreported"), instant(rs, "deadline"), HazardState.valueOf(rs.getString("state")), rs.getString("plan"),
                new FiveAssurances(rs.getString("fa_responsible_person"), rs.getString("fa_measures"), rs.getBigDecimal("fa_funds"),
                        date(rs, "fa_deadline"), rs.getString("fa_contingency_plan")),
                new DualReport(date(rs, "dual_regulator_on"), date(rs, "dual_workforce_on")),
                rs.getObject("rectified_by", UUID.class), instant(rs, "rectified_at"), rs.getObject("verified_by", UUID.class),
                instant(rs, "verified_at"), instant(rs, "closed_at"), supervision, rs.getInt("rejections"));
        return new HazardRecord(h, rs.getString("enterprise_name"), rs.getObject("town_id", UUID.class), rs.getObject("park_id", UUID.class),
                rs.getString("sector"), rs.getString("place"), rs.getString("description"), rs.getString("category"),
                rs.getString("source_ref"), rs.getString("criterion_code"), rs.getObject("finder_id", UUID.class),
                rs.getString("finder_name"), (Double) rs.getObject("latitude"), (Double) rs.getObject("longitude"),
                instant(rs, "found_at"), rs.getInt("version"));
    }

}
