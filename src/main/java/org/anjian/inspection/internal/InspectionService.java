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

    InspectionService(JdbcClient jdbc, EnterpriseLookup enterprises, UserDirectory users, AuditTrail audit, ApplicationEventPublisher events,
                      Clock clock, InspectionPlans plans) {
        this.plans = plans;
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
                             Double latitude, Double longitude) {
    }

    public record Inspection(UUID id, UUID enterpriseId, String enterpriseName, List<UUID> inspectorIds, LocalDate plannedOn, UUID drawId,
                             String state, Instant startedAt, Instant finishedAt, List<Finding> findings) {
    }

    public record Finding(UUID id, String place, String description, boolean major, String criterionCode, String legalBasis,
                          LocalDate deadline, String recordedBy, Instant recordedAt, Instant resolvedAt) {
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
                  recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, inspectionId, f.place().trim(), f.description().trim(), major, blank(f.criterionCode()), blank(f.legalBasis()), f.deadline(),
                        f.latitude(), f.longitude(), user.displayName(), OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).update();
        jdbc.sql("update inspection_inspection set state = 'ON_SITE', started_at = coalesce(started_at, ?) where id = ?")
                .params(OffsetDateTime.ofInstant(now, ZoneOffset.UTC), inspectionId).update();
        audit.record("INSPECTION_FINDING_RECORDED", "inspection", inspectionId, null,
                Map.of("findingId", id, "place", f.place().trim(), "major", major, "deadline", f.deadline()));
        events.publishEvent(new InspectionFindingRecorded(inspectionId, id, i.enterpriseId(), major, f.place().trim(), f.description().trim(),
                blank(f.criterionCode()), user.displayName(), f.deadline().plusDays(1).atStartOfDay(SHANGHAI).toInstant()));
        return get(inspectionId).findings().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
    }

    public Inspection finish(AnjianUser user, UUID inspectionId) {
        Inspection i = get(inspectionId);
        requireOnTeam(user, i);
        if ("DONE".equals(i.state())) {
            throw DomainException.conflict("inspection.done", "the inspection is finished");
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

    @Transactional(readOnly = true)
    public Inspection get(AnjianUser user, UUID id) {
        Inspection i = get(id);
        boolean regulator = user.hasAnyRole(Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.AUDITOR, Role.EXPERT);
        if (!regulator && !enterprises.inScope(user.scope(), i.enterpriseId())) {
            throw DomainException.notFound("inspection");
        }
        return i;
    }

    private Inspection get(UUID id) {
        return jdbc.sql("select * from inspection_inspection where id = ?").param(id).query(this::map).optional()
                .orElseThrow(() -> DomainException.notFound("inspection"));
    }

    /** 执法必须两人以上: only the inspectors on the inspection record it (the district administrator may correct it). */
    private static void requireOnTeam(AnjianUser user, Inspection i) {
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
                        instant(r, "recorded_at"), instant(r, "resolved_at"))).list();
        return new Inspection(id, enterpriseId, enterprises.find(enterpriseId).map(EnterpriseSummary::name).orElse(""),
                Arrays.asList((UUID[]) rs.getArray("inspector_ids").getArray()), rs.getObject("planned_on", LocalDate.class),
                rs.getObject("draw_id", UUID.class), rs.getString("state"), instant(rs, "started_at"), instant(rs, "finished_at"), findings);
    }

    private static Instant instant(ResultSet rs, String col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
