package org.anjian.inspection.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.anjian.enterprise.EnterpriseLookup;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.identity.UserDirectory;
import org.anjian.inspection.FindingResolved;
import org.anjian.inspection.InspectionFindingRecorded;
import org.anjian.inspection.ViolationCategory;
import org.anjian.enterprise.Sector;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.error.DomainException.FieldError;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Inspections on site and their findings (ENF-3). Only the inspectors named on the inspection (the
 * ones a draw picked) record it; each finding is published as {@link InspectionFindingRecorded} and
 * becomes a hazard; when that hazard is closed the finding is resolved.
 */
@Service
@Transactional
public class InspectionService {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final JdbcClient jdbc;
    private final EnterpriseLookup enterprises;
    private final UserDirectory users;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final InspectionPlans plans;
    private final InspectionExperts experts;

    private final java.util.Set<String> examRequiredSectors;

    InspectionService(JdbcClient jdbc, EnterpriseLookup enterprises, UserDirectory users, AuditTrail audit, ApplicationEventPublisher events,
                      Clock clock, InspectionPlans plans, InspectionExperts experts,
                      @org.springframework.beans.factory.annotation.Value("${anjian.inspection.exam.required-sectors:NON_COAL_MINE}")
                      java.util.Set<String> examRequiredSectors) {
        this.plans = plans;
        this.experts = experts;
        this.examRequiredSectors = examRequiredSectors;
        this.jdbc = jdbc;
        this.enterprises = enterprises;
        this.users = users;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** {@code reason}: why an inspection outside the annual plan is made (see {@link InspectionPlans#admit}), else null. */
    public record NewInspection(UUID enterpriseId, List<UUID> inspectorIds, LocalDate plannedOn, UUID drawId, String reason) {
        public NewInspection(UUID enterpriseId, List<UUID> inspectorIds, LocalDate plannedOn, UUID drawId) {
            this(enterpriseId, inspectorIds, plannedOn, drawId, null);
        }
    }

    public record NewFinding(String place, String description, Boolean major, String criterionCode, String legalBasis, LocalDate deadline,
                             Double latitude, Double longitude, ViolationCategory category) {
    }

    public record Inspection(UUID id, UUID enterpriseId, String enterpriseName, List<UUID> inspectorIds, LocalDate plannedOn, UUID drawId,
                             String state, Instant startedAt, Instant finishedAt, List<Finding> findings, Sector sector, String companions,
                             String createdBy, Instant createdAt) {
    }

    public record Finding(UUID id, String place, String description, boolean major, String criterionCode, String legalBasis,
                          LocalDate deadline, String recordedBy, Instant recordedAt, Instant resolvedAt, ViolationCategory category,
                          Double latitude, Double longitude) {
    }

    public Inspection plan(AnjianUser user, NewInspection n) {
        if (!user.hasAnyRole(Role.DISTRICT_ADMIN, Role.INSPECTOR)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "inspection.forbidden", "only the district and its inspectors inspect");
        }
        List<FieldError> errors = new ArrayList<>();
        Optional<EnterpriseSummary> e = n.enterpriseId() == null ? Optional.empty() : enterprises.find(n.enterpriseId());
        if (e.isEmpty()) {
            errors.add(new FieldError("enterpriseId", "inspection.conflict.enterprise", "企业不存在"));
        }
        List<UUID> inspectors = n.inspectorIds() == null ? List.of() : n.inspectorIds().stream().distinct().toList();
        if (inspectors.size() < 2 || inspectors.stream().anyMatch(id -> users.user(id)
                .filter(u -> u.roles().contains(Role.INSPECTOR) && u.enforcementCertNo() != null).isEmpty())) {
            errors.add(new FieldError("inspectorIds", "inspection.inspectors", "须有至少两名持证执法人员"));
        }
        if (n.plannedOn() == null) {
            errors.add(new FieldError("plannedOn", "shared.validation.required", "必填"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        UUID id = UUID.randomUUID();
        EnterpriseSummary ent = e.get();
        jdbc.sql("""
                insert into inspection_inspection (id, enterprise_id, town_id, park_id, sector, draw_id, inspector_ids, planned_on, state, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, 'PLANNED', ?, ?)""")
                .params(id, ent.id(), ent.townId(), ent.parkId(), ent.sector().name(), n.drawId(), inspectors.toArray(UUID[]::new), n.plannedOn(),
                        user.getUsername(), OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).update();
        plans.admit(id, ent.id(), n.plannedOn(), n.drawId(), n.reason());
        audit.record("INSPECTION_PLANNED", "inspection", id, null, Map.of("enterpriseId", ent.id(), "inspectors", inspectors, "plannedOn", n.plannedOn()));
        return get(id);
    }

    /** Records a finding; the inspection goes on site with its first one. */
    public Finding recordFinding(AnjianUser user, UUID inspectionId, NewFinding f) {
        Inspection i = get(inspectionId);
        requireOnTeam(user, i);
        if ("DONE".equals(i.state())) {
            throw DomainException.conflict("inspection.done", "the inspection is finished");
        }
        List<FieldError> errors = new ArrayList<>();
        if (f.place() == null || f.place().isBlank() || f.place().length() > 200) {
            errors.add(new FieldError("place", "shared.validation.required", "必填"));
        }
        if (f.description() == null || f.description().isBlank()) {
            errors.add(new FieldError("description", "shared.validation.required", "必填"));
        }
        if (f.category() == null) {
            errors.add(new FieldError("category", "inspection.finding.category", "请选择违法违规类别"));
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), SHANGHAI);
        if (f.deadline() == null || f.deadline().isBefore(today) || f.deadline().isAfter(today.plusDays(366))) {
            errors.add(new FieldError("deadline", "inspection.finding.deadline", "整改期限须在今天到一年之内"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        boolean major = Boolean.TRUE.equals(f.major()) || (f.criterionCode() != null && !f.criterionCode().isBlank());
        jdbc.sql("""
                insert into inspection_finding (id, inspection_id, place, description, major, criterion_code, legal_basis, deadline, latitude, longitude,
                  recorded_by, recorded_at, category) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, inspectionId, f.place().trim(), f.description().trim(), major, blank(f.criterionCode()), blank(f.legalBasis()), f.deadline(),
                        f.latitude(), f.longitude(), user.displayName(), OffsetDateTime.ofInstant(now, ZoneOffset.UTC), f.category().name()).update();
        jdbc.sql("update inspection_inspection set state = 'ON_SITE', started_at = coalesce(started_at, ?) where id = ?")
                .params(OffsetDateTime.ofInstant(now, ZoneOffset.UTC), inspectionId).update();
        audit.record("INSPECTION_FINDING_RECORDED", "inspection", inspectionId, null,
                Map.of("findingId", id, "place", f.place().trim(), "major", major, "deadline", f.deadline(), "category", f.category()));
        events.publishEvent(new InspectionFindingRecorded(inspectionId, id, i.enterpriseId(), major, f.place().trim(), f.description().trim(),
                blank(f.criterionCode()), user.displayName(), f.deadline().plusDays(1).atStartOfDay(SHANGHAI).toInstant(), f.category()));
        return get(inspectionId).findings().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
    }

    public Inspection finish(AnjianUser user, UUID inspectionId) {
        Inspection i = get(inspectionId);
        requireOnTeam(user, i);
        if ("DONE".equals(i.state())) {
            throw DomainException.conflict("inspection.done", "the inspection is finished");
        }
        if (i.sector() != null && examRequiredSectors.contains(i.sector().name())
                && jdbc.sql("select count(*) from inspection_exam where inspection_id = ? and answered_at is not null").param(inspectionId)
                .query(Long.class).single() == 0) {
            throw DomainException.conflict("inspection.exam.required", "矿山检查须逢查必考");
        }
        jdbc.sql("update inspection_inspection set state = 'DONE', started_at = coalesce(started_at, ?), finished_at = ? where id = ?")
                .params(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), inspectionId)
                .update();
        audit.record("INSPECTION_FINISHED", "inspection", inspectionId, Map.of("state", i.state()), Map.of("state", "DONE"));
        return get(inspectionId);
    }

    /** The hazard of a finding was closed: the finding is resolved. Idempotent. */
    @ApplicationModuleListener
    void on(FindingResolved resolved) {
        UUID findingId;
        try {
            findingId = resolved.sourceRef() == null ? null : UUID.fromString(resolved.sourceRef());
        } catch (IllegalArgumentException notOurs) {
            return;
        }
        if (findingId != null) {
            jdbc.sql("update inspection_finding set resolved_at = ? where id = ? and resolved_at is null")
                    .params(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), findingId).update();
        }
    }

    /** The inspections a user works on (all of them for the district and auditors), newest plans first. */
    @Transactional(readOnly = true)
    public List<Inspection> mine(AnjianUser user, int limit) {
        if (user.hasAnyRole(Role.DISTRICT_ADMIN, Role.AUDITOR)) {
            return jdbc.sql("select * from inspection_inspection order by planned_on desc, created_at desc limit ?").param(limit).query(this::map).list();
        }
        if (!user.hasRole(Role.INSPECTOR)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "inspection.forbidden", "forbidden");
        }
        return jdbc.sql("select * from inspection_inspection where ? = any(inspector_ids) order by state = 'DONE', planned_on desc limit ?")
                .params(user.id(), limit).query(this::map).list();
    }

    /**
     * The inspections a user may list, newest plans first: all for the district and auditors, an
     * inspector's own (on the team), an expert's (selected for); anybody else 403. Filters may be null.
     */
    @Transactional(readOnly = true)
    public org.anjian.shared.web.PageResult<Inspection> search(AnjianUser user, String state, UUID enterpriseId, Integer year,
                                                               org.anjian.shared.web.PageRequest page) {
        StringBuilder where = new StringBuilder(" where true");
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        if (user.hasAnyRole(Role.DISTRICT_ADMIN, Role.AUDITOR)) {
            // everything
        } else if (user.hasRole(Role.INSPECTOR)) {
            where.append(" and :me = any(i.inspector_ids)");
            p.put("me", user.id());
        } else if (user.hasRole(Role.EXPERT)) {
            List<UUID> mine = experts.inspectionsOf(user);
            if (mine.isEmpty()) {
                return new org.anjian.shared.web.PageResult<>(List.of(), 0, page.page(), page.size());
            }
            where.append(" and i.id in (:mine)");
            p.put("mine", mine);
        } else {
            throw new DomainException(HttpStatus.FORBIDDEN, "inspection.forbidden", "forbidden");
        }
        if (state != null && !state.isBlank()) {
            if (!List.of("PLANNED", "ON_SITE", "DONE").contains(state)) {
                throw DomainException.invalid("state", "inspection.state.invalid", "PLANNED、ON_SITE 或 DONE");
            }
            where.append(" and i.state = :state");
            p.put("state", state);
        }
        if (enterpriseId != null) {
            where.append(" and i.enterprise_id = :enterprise");
            p.put("enterprise", enterpriseId);
        }
        if (year != null) {
            where.append(" and extract(year from i.planned_on) = :year");
            p.put("year", year);
        }
        long total = jdbc.sql("select count(*) from inspection_inspection i" + where).params(p).query(Long.class).single();
        p.put("limit", page.size());
        p.put("offset", (long) page.page() * page.size());
        List<Inspection> items = jdbc.sql("select i.* from inspection_inspection i" + where
                        + " order by i.planned_on desc, i.created_at desc limit :limit offset :offset").params(p).query(this::map).list();
        return new org.anjian.shared.web.PageResult<>(items, total, page.page(), page.size());
    }

    /** The inspections of one enterprise, newest first: the history an inspector reads before going on site. */
    @Transactional(readOnly = true)
    public List<Inspection> ofEnterprise(AnjianUser user, UUID enterpriseId, int limit) {
        if (!user.hasAnyRole(Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.AUDITOR, Role.EXPERT) && !enterprises.inScope(user.scope(), enterpriseId)) {
            return List.of();
        }
        return jdbc.sql("select * from inspection_inspection where enterprise_id = ? order by planned_on desc, created_at desc limit ?")
                .params(enterpriseId, limit).query(this::map).list();
    }

    public record CheckResult(String item, String outcome, String recordedBy, Instant recordedAt) {
    }

    /** One item of the 一体化 check list checked on site: PASS or FAIL (a failed item is then recorded as a finding). */
    public CheckResult recordCheck(AnjianUser user, UUID inspectionId, String item, String outcome) {
        Inspection i = get(inspectionId);
        requireOnTeam(user, i);
        if ("DONE".equals(i.state())) {
            throw DomainException.conflict("inspection.done", "the inspection is finished");
        }
        if (item == null || item.isBlank() || item.length() > 500) {
            throw DomainException.invalid("item", "shared.validation.required", "必填");
        }
        if (!"PASS".equals(outcome) && !"FAIL".equals(outcome)) {
            throw DomainException.invalid("outcome", "inspection.check.outcome", "请选择符合或不符合");
        }
        Instant now = clock.instant();
        jdbc.sql("""
                insert into inspection_check_result (inspection_id, item, outcome, recorded_by, recorded_at) values (?, ?, ?, ?, ?)
                on conflict (inspection_id, item) do update set outcome = excluded.outcome, recorded_by = excluded.recorded_by,
                  recorded_at = excluded.recorded_at""")
                .params(inspectionId, item.trim(), outcome, user.displayName(), OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).update();
        audit.record("INSPECTION_ITEM_CHECKED", "inspection", inspectionId, null, Map.of("item", item.trim(), "outcome", outcome));
        return new CheckResult(item.trim(), outcome, user.displayName(), now);
    }

    @Transactional(readOnly = true)
    public List<CheckResult> checkResults(UUID inspectionId) {
        return jdbc.sql("select * from inspection_check_result where inspection_id = ? order by recorded_at, item").param(inspectionId)
                .query((rs, n) -> new CheckResult(rs.getString("item"), rs.getString("outcome"), rs.getString("recorded_by"), instant(rs, "recorded_at")))
                .list();
    }

    /** 执法+专家: who went along besides the inspectors, as free text. */
    public Inspection companions(AnjianUser user, UUID inspectionId, String companions) {
        Inspection i = get(inspectionId);
        requireOnTeam(user, i);
        String text = blank(companions);
        if (text != null && text.length() > 500) {
            throw DomainException.invalid("companions", "inspection.companions", "同行人员不超过 500 字");
        }
        jdbc.sql("update inspection_inspection set companions = ? where id = ?").params(text, inspectionId).update();
        audit.record("INSPECTION_COMPANIONS", "inspection", inspectionId, i.companions() == null ? null : Map.of("companions", i.companions()),
                text == null ? null : Map.of("companions", text));
        return get(inspectionId);
    }

    @Transactional(readOnly = true)
    public Inspection get(AnjianUser user, UUID id) {
        Inspection i = get(id);
        boolean regulator = user.hasAnyRole(Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.AUDITOR);
        if (!regulator && user.hasRole(Role.EXPERT)) {
            // an expert has the district's scope but reads only the inspections they were selected for (执法+专家)
            if (!experts.isSelectedExpert(user, id)) {
                throw DomainException.notFound("inspection");
            }
            return i;
        }
        if (!regulator && !enterprises.inScope(user.scope(), i.enterpriseId())) {
            throw DomainException.notFound("inspection");
        }
        return i;
    }

    Inspection get(UUID id) {
        return jdbc.sql("select * from inspection_inspection where id = ?").param(id).query(this::map).optional()
                .orElseThrow(() -> DomainException.notFound("inspection"));
    }

    /** 执法必须两人以上: only the inspectors on the inspection record it (the district administrator may correct it). */
    static void requireOnTeam(AnjianUser user, Inspection i) {
        if (!user.hasRole(Role.DISTRICT_ADMIN) && !i.inspectorIds().contains(user.id())) {
            throw new DomainException(HttpStatus.FORBIDDEN, "inspection.notOnTeam", "only the inspectors of this inspection record it");
        }
    }

    private Inspection map(ResultSet rs, int n) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        UUID enterpriseId = rs.getObject("enterprise_id", UUID.class);
        List<Finding> findings = jdbc.sql("select * from inspection_finding where inspection_id = ? order by recorded_at").param(id)
                .query((r, i) -> new Finding(r.getObject("id", UUID.class), r.getString("place"), r.getString("description"), r.getBoolean("major"),
                        r.getString("criterion_code"), r.getString("legal_basis"), r.getObject("deadline", LocalDate.class), r.getString("recorded_by"),
                        instant(r, "recorded_at"), instant(r, "resolved_at"), ViolationCategory.valueOf(r.getString("category")),
                        (Double) r.getObject("latitude"), (Double) r.getObject("longitude"))).list();
        return new Inspection(id, enterpriseId, enterprises.find(enterpriseId).map(EnterpriseSummary::name).orElse(""),
                Arrays.asList((UUID[]) rs.getArray("inspector_ids").getArray()), rs.getObject("planned_on", LocalDate.class),
                rs.getObject("draw_id", UUID.class), rs.getString("state"), instant(rs, "started_at"), instant(rs, "finished_at"), findings,
                Sector.valueOf(rs.getString("sector")), rs.getString("companions"), rs.getString("created_by"), instant(rs, "created_at"));
    }

    private static Instant instant(ResultSet rs, String col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
