package org.anjian.permit.internal;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.anjian.enterprise.EnterpriseLookup;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.organization.ScopeConditions;
import org.anjian.permit.domain.ApprovalLevel;
import org.anjian.permit.domain.CertificateCategory;
import org.anjian.permit.domain.GasAnalysis;
import org.anjian.permit.domain.GasAnalysisRules;
import org.anjian.permit.domain.GasReading;
import org.anjian.permit.domain.HotWorkGrade;
import org.anjian.permit.domain.LiftingGrade;
import org.anjian.permit.domain.PermitAction;
import org.anjian.permit.domain.PermitState;
import org.anjian.permit.domain.PermitStateMachine;
import org.anjian.permit.domain.PermitViolation;
import org.anjian.permit.domain.SafetyMeasure;
import org.anjian.permit.domain.WorkAtHeightGrade;
import org.anjian.permit.domain.WorkGrade;
import org.anjian.permit.domain.WorkPermit;
import org.anjian.permit.domain.WorkType;
import org.anjian.permit.domain.Worker;
import org.anjian.permit.internal.PermitRepository.Place;
import org.anjian.permit.internal.PermitRepository.Stored;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.config.DistrictProperties;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.live.LiveMessage;
import org.anjian.shared.live.LiveUpdates;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.DataScope;
import org.anjian.shared.security.Role;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.anjian.shared.web.Uploads;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Special work permits (PRM-1): the enterprise fills, applies, approves, starts, suspends, resumes,
 * completes and closes its permits; the district, towns and departments read them within their scope.
 * Every rule is the domain's ({@link WorkPermit} and the GB 30871-2022 policies); this service finds the
 * permit, checks who may act on it, saves it and writes the audit trail. Page and API call the same methods.
 */
@Service
@Transactional
public class PermitService {

    /** Who reads permits: the regulators within their scope, and the enterprise its own. */
    static final Set<Role> READERS = EnumSet.of(Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.AUDITOR, Role.TOWN_OFFICIAL, Role.DEPARTMENT_OFFICIAL,
            Role.ENTERPRISE_USER);

    private static final String PNG_DATA_URL = "data:image/png;base64,";
    private static final int MAX_SIGNATURE_BYTES = 200 * 1024;
    private static final int MAX_PHOTO_BYTES = 10 * 1024 * 1024;
    private static final Set<String> SIGNATURE_ROLES = Set.of("APPLICANT", "WORK_LEADER", "GUARDIAN", "APPROVER", "ACCEPTANCE");

    private final PermitRepository permits;
    private final EnterpriseLookup enterprises;
    private final ScopeConditions scopes;
    private final AuditTrail audit;
    private final Clock clock;
    private final DistrictProperties district;
    private final PermitCalendar calendar;
    private final LiveUpdates live;
    private final RegisteredCertificates certificates;

    /** The topic of the live updates open permit pages subscribe to. */
    public static final String LIVE_TOPIC = "permit";
    /** Who records third-party on-site supervision: the regulators within their scope and the enterprise on its own permits. */
    static final Set<Role> SUPERVISION_WRITERS = EnumSet.of(Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.TOWN_OFFICIAL, Role.ENTERPRISE_USER);
    private static final int MAX_SUPERVISION_PHOTOS = 6;
    private static final int EXPORT_LIMIT = 5000;

    PermitService(PermitRepository permits, EnterpriseLookup enterprises, ScopeConditions scopes, AuditTrail audit, Clock clock,
                  DistrictProperties district, PermitProperties settings, LiveUpdates live, RegisteredCertificates certificates) {
        this.live = live;
        this.certificates = certificates;
        this.permits = permits;
        this.enterprises = enterprises;
        this.scopes = scopes;
        this.audit = audit;
        this.clock = clock;
        this.district = district;
        this.calendar = new PermitCalendar(settings, district.zone());
    }

    // ---- what the API takes and gives ------------------------------------------------------------------

    /** A worker as filled in: name, certificate category, number and last valid day. */
    public record NewWorker(String name, CertificateCategory certificateCategory, String certificateNumber, LocalDate certificateValidUntil) {
    }

    /**
     * A new permit. For 动火 the site (5.1.2–5.1.4) sets the lowest grade, raised on rest days, holidays and at night (5.1.1) or
     * in wind of force 5 outdoors (5.2.15); a higher grade may be asked. For 高处 the height and objective hazards (8.1, Table 2)
     * and for 吊装 the mass (9.1) set the grade.
     */
    public record NewPermit(UUID enterpriseId, WorkType type, WorkGrade grade, HotWorkGrade.Site hotWorkSite, Boolean unitShutDownAndPurged,
                            Integer windForce, Boolean outdoor, BigDecimal heightMetres, Boolean objectiveHazard, BigDecimal massTonnes,
                            String location, String content, Instant validFrom, Instant validTo, Boolean inFireOrExplosionHazardArea,
                            Boolean oxygenEnriched, Boolean insideConfinedSpace, String linkedPermitNumbers, String applicant, String workLeader,
                            String guardian, List<NewWorker> workers, List<String> measures, String reasonForLongerPower) {
    }

    /** List filters, any may be null; {@code date}: permits whose period touches that day (district time). */
    public record Filter(WorkType type, WorkGrade grade, PermitState state, UUID enterpriseId, UUID townId, LocalDate date) {
        public Filter(WorkType type, WorkGrade grade, PermitState state, UUID enterpriseId, UUID townId) {
            this(type, grade, state, enterpriseId, townId, null);
        }
    }

    /** A third-party on-site supervision record as filled in. */
    public record NewSupervision(String agency, String person, Instant visitedAt, String findings) {
    }

    /** An uploaded photo. */
    public record Upload(String fileName, byte[] content) {
    }

    /** A third-party on-site supervision record (第三方旁站). */
    public record Supervision(UUID id, UUID permitId, String permitNumber, String enterpriseName, String agency, String person, Instant visitedAt,
                              String findings, String recordedBy, Instant recordedAt, List<UUID> photoIds) {
    }

    /** What an action takes: the approver and level (审批), a reason (暂停, 取消), who took the site back (关闭). */
    public record ActionInput(String approver, ApprovalLevel approvalLevel, String reason, String handedBackTo) {
        public static final ActionInput NONE = new ActionInput(null, null, null, null);
    }

    /** A reading as filled in. */
    public record NewReading(GasReading.Kind kind, String substance, BigDecimal value, BigDecimal lel, BigDecimal limit) {
    }

    public record NewGasAnalysis(Instant sampledAt, String place, String analyst, List<NewReading> readings) {
    }

    /** One row of a list. */
    public record PermitRow(UUID id, String number, UUID enterpriseId, String enterpriseName, WorkType type, String typeLabel, WorkGrade grade,
                            String gradeLabel, PermitState state, String stateLabel, String location, Instant validFrom, Instant validTo,
                            Double latitude, Double longitude, Instant updatedAt) {
    }

    /** A permit with everything on it and what may be done next. */
    public record PermitDetail(PermitRow summary, String content, boolean inFireOrExplosionHazardArea, boolean oxygenEnriched,
                               boolean insideConfinedSpace, String linkedPermitNumbers, String applicant, String workLeader, String guardian,
                               List<Worker> workers, List<SafetyMeasure> measures, List<GasAnalysis> gasAnalyses, boolean gasAnalysisRequired,
                               long gasAnalysisValidMinutes, ApprovalLevel requiredApprovalLevel, String requiredApprovalLabel, String approver,
                               ApprovalLevel approvalLevel, Instant approvedAt, Instant startedAt, Instant suspendedAt, Instant completedAt,
                               Instant closedAt, String handedBackTo, String endReason, List<PermitSignature> signatures,
                               List<String> actions) {
    }

    // ---- reading ---------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public PageResult<PermitRow> search(AnjianUser user, Filter f, PageRequest page) {
        requireReader(user);
        return permits.search(scopes.of(user.scope(), "p"), criteria(f, false), page).map(PermitService::row);
    }

    /** Every permit the filter finds (at most 5,000), for the spreadsheet. */
    @Transactional(readOnly = true)
    public List<PermitRow> export(AnjianUser user, Filter f) {
        return all(user, criteria(f, false));
    }

    /** Work under way (作业中, 暂停) the filter finds, for the map. */
    @Transactional(readOnly = true)
    public List<PermitRow> underWay(AnjianUser user, Filter f) {
        return all(user, criteria(f, true));
    }

    private List<PermitRow> all(AnjianUser user, PermitRepository.Criteria c) {
        requireReader(user);
        List<PermitRow> rows = new ArrayList<>();
        for (int page = 0; rows.size() < EXPORT_LIMIT; page++) {
            PageResult<Stored> r = permits.search(scopes.of(user.scope(), "p"), c, PageRequest.of(page, PageRequest.MAX_SIZE));
            r.items().forEach(s -> rows.add(row(s)));
            if (r.items().size() < PageRequest.MAX_SIZE) {
                break;
            }
        }
        return rows.size() > EXPORT_LIMIT ? rows.subList(0, EXPORT_LIMIT) : rows;
    }

    private PermitRepository.Criteria criteria(Filter f, boolean underWayOnly) {
        Instant dayStart = f.date() == null ? null : f.date().atStartOfDay(district.zone()).toInstant();
        Instant dayEnd = f.date() == null ? null : f.date().plusDays(1).atStartOfDay(district.zone()).toInstant();
        return new PermitRepository.Criteria(f.type(), f.grade(), f.state(), f.enterpriseId(), f.townId(), dayStart, dayEnd, underWayOnly);
    }

    /** Whether a live message about a permit may reach this user: the same scope as reading the permit. */
    public boolean sees(AnjianUser user, LiveMessage m) {
        return READERS.stream().anyMatch(user::hasRole) && m.enterpriseId() != null && inScope(user.scope(), m.enterpriseId());
    }

    /** Whether the user works this permit (the enterprise's own users). */
    public boolean works(AnjianUser user, PermitDetail d) {
        return user.hasRole(Role.ENTERPRISE_USER) && user.scope().isEnterprise(d.summary().enterpriseId());
    }

    /** Whether the user may record third-party on-site supervision on this permit. */
    public boolean supervises(AnjianUser user) {
        return SUPERVISION_WRITERS.stream().anyMatch(user::hasRole);
    }

    // ---- third-party on-site supervision (第三方旁站) ----------------------------------------------------

    /** The supervision records of a permit the caller may read. */
    @Transactional(readOnly = true)
    public List<Supervision> supervisions(AnjianUser user, UUID id) {
        readable(user, id);
        return permits.supervisions(id).stream().map(PermitService::supervision).toList();
    }

    /** Supervision records of the permits in the caller's scope, newest visit first. */
    @Transactional(readOnly = true)
    public PageResult<Supervision> supervisions(AnjianUser user, PageRequest page) {
        requireReader(user);
        return permits.supervisions(scopes.of(user.scope(), "p"), page).map(PermitService::supervision);
    }

    @Transactional(readOnly = true)
    public Optional<PermitPhoto> supervisionPhoto(AnjianUser user, UUID id, UUID photoId) {
        readable(user, id);
        return permits.supervisionPhoto(id, photoId);
    }

    /**
     * Records a third-party on-site supervision visit (who, when, what was found) with up to six photos, by a regulator
     * within its scope or by the enterprise on its own permit.
     */
    public Supervision recordSupervision(AnjianUser user, UUID id, NewSupervision in, List<Upload> photos) {
        if (!supervises(user)) {
            throw new AccessDeniedException("supervision is recorded by regulators and the enterprise");
        }
        Stored s = readable(user, id);
        if (user.hasRole(Role.ENTERPRISE_USER) && !user.scope().isEnterprise(s.permit().draft().enterpriseId())) {
            throw DomainException.notFound("permit");
        }
        Instant now = clock.instant();
        String agency = text(in == null ? null : in.agency(), 100, "agency", "permit.supervision.agency", "请填写旁站单位（不超过100字）");
        String person = text(in.person(), 50, "person", "permit.supervision.person", "请填写旁站人员（不超过50字）");
        String findings = text(in.findings(), 1000, "findings", "permit.supervision.findings", "请填写旁站发现（不超过1000字）");
        if (in.visitedAt() == null || in.visitedAt().isAfter(now.plus(java.time.Duration.ofMinutes(5)))) {
            throw DomainException.invalid("visitedAt", "permit.supervision.visitedAt", "请填写旁站时间（不得晚于现在）");
        }
        List<Upload> sent = photos == null ? List.of() : photos.stream().filter(u -> u != null && u.content() != null && u.content().length > 0).toList();
        if (sent.size() > MAX_SUPERVISION_PHOTOS) {
            throw DomainException.invalid("photos", "permit.supervision.photos", "旁站照片最多6张");
        }
        UUID sid = UUID.randomUUID();
        permits.addSupervision(sid, id, agency, person, in.visitedAt(), findings, user.getUsername(), now);
        for (Upload u : sent) {
            addPhoto(sid, id, u, user.getUsername(), now);
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("supervisionId", sid);
        after.put("agency", agency);
        after.put("person", person);
        after.put("visitedAt", in.visitedAt().toString());
        after.put("photos", sent.size());
        audit.record("PERMIT_SUPERVISION_RECORDED", "permit", id, null, after);
        changed(s.permit(), "supervision");
        return permits.supervisions(id).stream().filter(r -> r.id().equals(sid)).map(PermitService::supervision).findFirst().orElseThrow();
    }

    /** Adds a photo to a supervision record (the API's second step). */
    public Supervision addSupervisionPhoto(AnjianUser user, UUID id, UUID supervisionId, Upload photo) {
        if (!supervises(user)) {
            throw new AccessDeniedException("supervision is recorded by regulators and the enterprise");
        }
        Stored s = readable(user, id);
        if (user.hasRole(Role.ENTERPRISE_USER) && !user.scope().isEnterprise(s.permit().draft().enterpriseId())) {
            throw DomainException.notFound("permit");
        }
        if (!permits.supervisionOf(id, supervisionId)) {
            throw DomainException.notFound("supervision");
        }
        if (photo == null || photo.content() == null || photo.content().length == 0) {
            throw DomainException.invalid("photo", "permit.photo.required", "请选择照片");
        }
        if (permits.supervisionPhotoCount(supervisionId) >= MAX_SUPERVISION_PHOTOS) {
            throw DomainException.invalid("photo", "permit.supervision.photos", "旁站照片最多6张");
        }
        Instant now = clock.instant();
        UUID pid = addPhoto(supervisionId, id, photo, user.getUsername(), now);
        audit.record("PERMIT_SUPERVISION_PHOTO", "permit", id, null, Map.of("supervisionId", supervisionId, "photoId", pid));
        changed(s.permit(), "supervision");
        return permits.supervisions(id).stream().filter(r -> r.id().equals(supervisionId)).map(PermitService::supervision).findFirst()
                .orElseThrow();
    }

    private UUID addPhoto(UUID supervisionId, UUID permitId, Upload u, String by, Instant now) {
        if (u.content().length > MAX_PHOTO_BYTES) {
            throw DomainException.invalid("photo", "permit.photo.tooLarge", "照片不能超过 10 MB");
        }
        String type = Uploads.imageType(u.content()).orElseThrow(() -> DomainException.invalid("photo", "permit.photo.type", "照片须为 JPEG 或 PNG 图片"));
        UUID pid = UUID.randomUUID();
        permits.addSupervisionPhoto(pid, supervisionId, permitId, type, Uploads.baseName(u.fileName()), u.content(), sha256(u.content()), by, now);
        return pid;
    }

    private static Supervision supervision(PermitRepository.SupervisionRow r) {
        return new Supervision(r.id(), r.permitId(), r.permitNumber(), r.enterpriseName(), r.agency(), r.person(), r.visitedAt(), r.findings(),
                r.recordedBy(), r.recordedAt(), r.photoIds());
    }

    private static String text(String value, int max, String field, String code, String message) {
        if (value == null || value.isBlank() || value.strip().length() > max) {
            throw DomainException.invalid(field, code, message);
        }
        return value.strip();
    }

    /** Tells open pages on every node that the permit changed (after the commit). */
    private void changed(WorkPermit p, String kind) {
        live.publish(new LiveMessage(LIVE_TOPIC, kind, p.draft().enterpriseId(), Map.of("id", p.id().toString(), "number", p.number(),
                "state", p.state().name(), "stateLabel", p.state().label())));
    }

    @Transactional(readOnly = true)
    public PermitDetail detail(AnjianUser user, UUID id) {
        return detail(readable(user, id));
    }

    /** Work under way in the caller's scope, counted by type and grade. */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> underWayCounts(AnjianUser user) {
        requireReader(user);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> r : permits.underWayCounts(scopes.of(user.scope(), "p"))) {
            Map<String, Object> row = new LinkedHashMap<>(r);
            WorkType type = WorkType.valueOf((String) r.get("type"));
            row.put("typeLabel", type.label());
            row.put("gradeLabel", WorkGrade.valueOf((String) r.get("grade")).label(type));
            rows.add(row);
        }
        return rows;
    }

    @Transactional(readOnly = true)
    public Optional<PermitPhoto> photo(AnjianUser user, UUID id, UUID photoId) {
        readable(user, id);
        return permits.photo(id, photoId);
    }

    @Transactional(readOnly = true)
    public Optional<byte[]> signaturePng(AnjianUser user, UUID id, UUID signatureId) {
        readable(user, id);
        return permits.signaturePng(id, signatureId);
    }

    // ---- writing ---------------------------------------------------------------------------------------

    /** 填写: an enterprise user fills in a permit of their own enterprise; it starts as a draft. */
    public PermitDetail create(AnjianUser user, NewPermit in) {
        UUID enterpriseId = requireEnterpriseWriter(user, in.enterpriseId());
        if (in.type() == null) {
            throw DomainException.invalid("type", "permit.type.required", "请选择作业类别");
        }
        EnterpriseSummary e = enterprises.find(enterpriseId).orElseThrow(() -> DomainException.notFound("enterprise"));
        return create(user.getUsername(), e, in);
    }

    /** Files a permit for an enterprise as the system (demo data). */
    PermitDetail create(String actor, EnterpriseSummary e, NewPermit in) {
        Instant now = clock.instant();
        return rules(() -> {
            WorkType type = in.type();
            if (type == null) {
                throw PermitViolation.invalid("permit.type.required", "请选择作业类别");
            }
            WorkGrade grade = grade(in);
            Instant linkedWorkEnds = null;
            if (type == WorkType.TEMPORARY_POWER && in.linkedPermitNumbers() != null) {
                linkedWorkEnds = linked(e.id(), in.linkedPermitNumbers()).stream()
                        .filter(s -> s.permit().draft().type() == WorkType.HOT_WORK || s.permit().draft().type() == WorkType.CONFINED_SPACE)
                        .map(s -> s.permit().draft().validTo()).min(Instant::compareTo).orElse(null);
            }
            List<Worker> workers = in.workers() == null ? List.of() : in.workers().stream()
                    .map(w -> new Worker(w.name(), w.certificateCategory(), w.certificateNumber(), w.certificateValidUntil())).toList();
            workers = certificates.confirm(type, workers, in.validFrom() == null ? null : LocalDate.ofInstant(in.validFrom(), district.zone()),
                    in.validTo() == null ? null : LocalDate.ofInstant(in.validTo(), district.zone()));
            WorkPermit.Draft d = new WorkPermit.Draft(e.id(), type, grade, in.location(), in.content(), in.validFrom(), in.validTo(),
                    Boolean.TRUE.equals(in.inFireOrExplosionHazardArea()), Boolean.TRUE.equals(in.oxygenEnriched()),
                    Boolean.TRUE.equals(in.insideConfinedSpace()), in.linkedPermitNumbers(), in.applicant(), in.workLeader(), in.guardian(), workers,
                    in.measures() == null ? List.of() : in.measures(), in.reasonForLongerPower());
            String number = "%s-%s-%06d".formatted(code(type), LocalDate.ofInstant(now, district.zone()).getYear(), permits.nextNumber());
            WorkPermit p = WorkPermit.draft(UUID.randomUUID(), number, d, linkedWorkEnds, district.zone(), now);
            Place place = new Place(e.name(), e.townId(), e.parkId(), e.sector() == null ? null : e.sector().name(), e.latitude(), e.longitude());
            permits.add(p, place, actor);
            audit.record("PERMIT_CREATED", "permit", p.id(), null, auditView(p));
            changed(p, "created");
            return detail(new Stored(p, place, actor));
        });
    }

    /** {@code POST /api/v1/permits/{id}/{action}}: one step of the life cycle. */
    public PermitDetail act(AnjianUser user, UUID id, PermitAction action, ActionInput in) {
        Stored s = writable(user, id);
        return act(s, action, in == null ? ActionInput.NONE : in);
    }

    PermitDetail act(Stored s, PermitAction action, ActionInput in) {
        WorkPermit p = s.permit();
        Map<String, Object> before = auditView(p);
        Instant now = clock.instant();
        rules(() -> {
            switch (action) {
                case APPLY -> p.apply(now);
                case APPROVE -> p.approve(in.approver(), in.approvalLevel(), now);
                case START -> p.start(now, linkedConfinedSpaceValid(p));
                case SUSPEND -> p.suspend(in.reason(), now);
                case RESUME -> p.resume(now, district.zone());
                case COMPLETE -> p.complete(now);
                case CLOSE -> p.close(in.handedBackTo(), now);
                case CANCEL -> p.cancel(in.reason(), now);
                case EXPIRE -> p.expire(now);
            }
            return null;
        });
        permits.save(p, s.place());
        audit.record("PERMIT_" + action.name(), "permit", p.id(), before, auditView(p));
        changed(p, "state");
        return detail(s);
    }

    /** 气体分析: time, place, readings and analyst; whether it passed follows from GB 30871-2022 5.3.2 and 6.4. */
    public PermitDetail recordGasAnalysis(AnjianUser user, UUID id, NewGasAnalysis in) {
        return recordGasAnalysis(writable(user, id), in);
    }

    PermitDetail recordGasAnalysis(Stored s, NewGasAnalysis in) {
        WorkPermit p = s.permit();
        Instant now = clock.instant();
        GasAnalysis a = rules(() -> {
            List<GasReading> readings = in.readings() == null ? List.of() : in.readings().stream()
                    .map(r -> new GasReading(r.kind(), r.substance() == null || r.substance().isBlank() ? defaultSubstance(r.kind()) : r.substance().strip(),
                            r.value(), r.lel(), r.limit())).toList();
            return p.recordGasAnalysis(UUID.randomUUID(), in.sampledAt(), in.place(), in.analyst(), readings, now);
        });
        permits.save(p, s.place());
        audit.record("PERMIT_GAS_ANALYSED", "permit", p.id(), null, Map.of("analysisId", a.id(), "sampledAt", a.sampledAt().toString(),
                "passed", a.passed()));
        changed(p, "gas");
        return detail(s);
    }

    /** Confirms a safety measure on site, with an optional photo (checked by the shared Uploads checker). */
    public PermitDetail confirmMeasure(AnjianUser user, UUID id, int index, byte[] photo, String fileName) {
        Stored s = writable(user, id);
        WorkPermit p = s.permit();
        Instant now = clock.instant();
        UUID photoId = null;
        if (photo != null && photo.length > 0) {
            if (photo.length > MAX_PHOTO_BYTES) {
                throw DomainException.invalid("photo", "permit.photo.tooLarge", "照片不能超过 10 MB");
            }
            String type = Uploads.imageType(photo).orElseThrow(() -> DomainException.invalid("photo", "permit.photo.type", "照片须为 JPEG 或 PNG 图片"));
            photoId = UUID.randomUUID();
            permits.addPhoto(new PermitPhoto(photoId, id, index, type, Uploads.baseName(fileName), sha256(photo), photo), user.getUsername(),
                    now);
        }
        UUID taken = photoId;
        rules(() -> {
            p.confirmMeasure(index, taken, now);
            return null;
        });
        permits.save(p, s.place());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("measure", index);
        after.put("photoId", taken);
        audit.record("PERMIT_MEASURE_CONFIRMED", "permit", p.id(), null, after);
        changed(p, "measure");
        return detail(s);
    }

    /** A signature drawn on the phone (PNG data URL, at most 200 KB) by the applicant, work leader, guardian, approver or acceptor. */
    public PermitDetail sign(AnjianUser user, UUID id, String role, String name, String dataUrl) {
        Stored s = writable(user, id);
        if (role == null || !SIGNATURE_ROLES.contains(role)) {
            throw DomainException.invalid("role", "permit.signature.role", "请选择签名人身份");
        }
        if (name == null || name.isBlank() || name.strip().length() > 64) {
            throw DomainException.invalid("name", "permit.signature.name", "请填写签名人姓名");
        }
        byte[] png = signaturePng(dataUrl);
        UUID sid = UUID.randomUUID();
        String sha = sha256(png);
        permits.addSignature(sid, id, role, name.strip(), png, sha, user.getUsername(), clock.instant());
        audit.record("PERMIT_SIGNED", "permit", id, null, Map.of("signatureId", sid, "role", role, "name", name.strip(), "sha256", sha));
        changed(s.permit(), "signature");
        return detail(s);
    }

    /** Marks permits whose validity ran out before completion as expired (also run by the nightly job). */
    public int expireOverdue() {
        int n = 0;
        for (UUID id : permits.overdue(clock.instant())) {
            Stored s = permits.lock(id).orElseThrow();
            if (PermitStateMachine.allows(s.permit().state(), PermitAction.EXPIRE) && s.permit().isPastValidity(clock.instant())) {
                act(s, PermitAction.EXPIRE, ActionInput.NONE);
                n++;
            }
        }
        return n;
    }

    /**
     * GB 30871-2022 5.3.1 d (每日动火前均应进行气体分析): hot work still under way on a new day without that day's analysis is
     * suspended (by the system, audited); resuming then needs a new analysis of the day.
     */
    public int suspendForDailyGasAnalysis() {
        int n = 0;
        Instant now = clock.instant();
        for (UUID id : permits.underWayHotWork()) {
            Stored s = permits.lock(id).orElseThrow();
            if (s.permit().needsTodaysGasAnalysis(now, district.zone())) {
                act(s, PermitAction.SUSPEND, new ActionInput(null, null, "每日动火前均应进行气体分析（GB 30871-2022 5.3.1 d），待当日分析合格后恢复", null));
                n++;
            }
        }
        return n;
    }

    // ---- rules and scope -------------------------------------------------------------------------------

    private WorkGrade grade(NewPermit in) {
        return switch (in.type()) {
            case HOT_WORK -> {
                if (in.hotWorkSite() == null) {
                    throw PermitViolation.invalid("permit.hotWorkSite.required", "请选择动火部位（GB 30871-2022 5.1.2–5.1.4）");
                }
                if (in.validFrom() == null || in.validTo() == null) {
                    throw PermitViolation.invalid("permit.validity.order", "请填写作业票有效期");
                }
                HotWorkGrade.Circumstances c = new HotWorkGrade.Circumstances(calendar.touchesARestDayOrHoliday(in.validFrom(), in.validTo()),
                        calendar.touchesTheNight(in.validFrom(), in.validTo()), in.windForce() == null ? 0 : in.windForce(),
                        Boolean.TRUE.equals(in.outdoor()), Boolean.TRUE.equals(in.unitShutDownAndPurged()));
                WorkGrade lowest = HotWorkGrade.of(in.hotWorkSite(), c);
                WorkGrade asked = in.grade() == null ? lowest : in.grade();
                if (!WorkType.HOT_WORK.allows(asked)) {
                    throw PermitViolation.invalid("permit.grade.invalid", "动火作业没有这一级别");
                }
                // 特级 < 一级 < 二级 in the enum's order: a larger ordinal is a lower grade
                if (asked.ordinal() > lowest.ordinal()) {
                    throw PermitViolation.invalid("permit.hotWork.gradeTooLow", "该动火作业至少应按%s动火管理（GB 30871-2022 5.1%s）".formatted(
                            lowest.label(WorkType.HOT_WORK), c.raiseTheGrade() ? "，节假日、公休日、夜间或五级风以上升级管理 5.1.1/5.2.15" : ""),
                            lowest.label(WorkType.HOT_WORK));
                }
                yield asked;
            }
            case WORK_AT_HEIGHT -> WorkAtHeightGrade.of(in.heightMetres(), Boolean.TRUE.equals(in.objectiveHazard()))
                    .orElseThrow(() -> PermitViolation.invalid("permit.height.belowTwo", "作业高度不足 2 m，不属于高处作业（GB 30871-2022 8.1）"));
            case LIFTING -> LiftingGrade.of(in.massTonnes());
            default -> WorkGrade.NONE;
        };
    }

    private boolean linkedConfinedSpaceValid(WorkPermit p) {
        return linked(p.draft().enterpriseId(), p.draft().linkedPermitNumbers()).stream()
                .anyMatch(s -> s.permit().draft().type() == WorkType.CONFINED_SPACE
                        && (s.permit().state() == PermitState.APPROVED || s.permit().state().isUnderWay()));
    }

    private List<Stored> linked(UUID enterpriseId, String numbers) {
        if (numbers == null || numbers.isBlank()) {
            return List.of();
        }
        List<Stored> out = new ArrayList<>();
        for (String n : numbers.split("[,，;；\\s]+")) {
            if (!n.isBlank()) {
                permits.findByNumber(enterpriseId, n.strip()).ifPresent(out::add);
            }
        }
        return out;
    }

    private static void requireReader(AnjianUser user) {
        if (READERS.stream().noneMatch(user::hasRole)) {
            throw new AccessDeniedException("permits are read by regulators and enterprises");
        }
    }

    /** The permit if the caller may read it; outside the scope it does not exist (404). */
    private Stored readable(AnjianUser user, UUID id) {
        requireReader(user);
        Stored s = permits.find(id).orElseThrow(() -> DomainException.notFound("permit"));
        if (!inScope(user.scope(), s.permit().draft().enterpriseId())) {
            throw DomainException.notFound("permit");
        }
        return s;
    }

    /** The permit locked for a change by a user of its own enterprise. */
    private Stored writable(AnjianUser user, UUID id) {
        if (!user.hasRole(Role.ENTERPRISE_USER)) {
            throw new AccessDeniedException("only the enterprise works its permits");
        }
        Stored s = permits.lock(id).orElseThrow(() -> DomainException.notFound("permit"));
        if (!user.scope().isEnterprise(s.permit().draft().enterpriseId())) {
            throw DomainException.notFound("permit");
        }
        return s;
    }

    private boolean inScope(DataScope scope, UUID enterpriseId) {
        return scope.isDistrict() || scope.isEnterprise(enterpriseId) || enterprises.inScope(scope, enterpriseId);
    }

    private static UUID requireEnterpriseWriter(AnjianUser user, UUID asked) {
        if (!user.hasRole(Role.ENTERPRISE_USER) || user.scope().id() == null) {
            throw new AccessDeniedException("only an enterprise fills in its permits");
        }
        if (asked != null && !asked.equals(user.scope().id())) {
            throw new AccessDeniedException("an enterprise fills in only its own permits");
        }
        return user.scope().id();
    }

    /** Runs domain code, turning its refusals into the problem details of the API (409) or wrong input (400). */
    static <T> T rules(java.util.function.Supplier<T> body) {
        try {
            return body.get();
        } catch (PermitViolation v) {
            if (v.isInvalidInput()) {
                throw new DomainException(HttpStatus.BAD_REQUEST, v.reason(), v.getMessage(),
                        List.of(new DomainException.FieldError(v.reason(), v.reason(), v.getMessage())));
            }
            throw new DomainException(HttpStatus.CONFLICT, v.reason(), v.getMessage());
        }
    }

    // ---- views -----------------------------------------------------------------------------------------

    static PermitRow row(Stored s) {
        WorkPermit p = s.permit();
        WorkPermit.Draft d = p.draft();
        return new PermitRow(p.id(), p.number(), d.enterpriseId(), s.place().enterpriseName(), d.type(), d.type().label(), d.grade(),
                d.grade().label(d.type()), p.state(), p.state().label(), d.location(), d.validFrom(), d.validTo(), s.place().latitude(),
                s.place().longitude(), p.snapshot().updatedAt());
    }

    PermitDetail detail(Stored s) {
        WorkPermit p = s.permit();
        WorkPermit.Snapshot x = p.snapshot();
        WorkPermit.Draft d = p.draft();
        ApprovalLevel required = ApprovalLevel.requiredFor(d.type(), d.grade());
        List<String> actions = new ArrayList<>();
        for (PermitAction a : PermitAction.values()) {
            if (a != PermitAction.EXPIRE && PermitStateMachine.allows(p.state(), a)) {
                actions.add(a.path());
            }
        }
        return new PermitDetail(row(s), d.content(), d.inFireOrExplosionHazardArea(), d.oxygenEnriched(), d.insideConfinedSpace(),
                d.linkedPermitNumbers(), d.applicant(), d.workLeader(), d.guardian(), d.workers(), x.measures(), x.gasAnalyses(),
                p.gasAnalysisRequired(), GasAnalysisRules.longestBeforeStart().toMinutes(), required, required.label(), x.approver(),
                x.approvalLevel(), x.approvedAt(), x.startedAt(), x.suspendedAt(), x.completedAt(), x.closedAt(), x.handedBackTo(), x.endReason(),
                permits.signatures(p.id()), actions);
    }

    private static Map<String, Object> auditView(WorkPermit p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", p.number());
        m.put("type", p.draft().type().name());
        m.put("grade", p.draft().grade().name());
        m.put("state", p.state().name());
        m.put("validTo", p.draft().validTo().toString());
        return m;
    }

    static String code(WorkType type) {
        return switch (type) {
            case HOT_WORK -> "DH";
            case CONFINED_SPACE -> "SX";
            case BLIND_PLATE -> "MB";
            case WORK_AT_HEIGHT -> "GC";
            case LIFTING -> "DZ";
            case TEMPORARY_POWER -> "LD";
            case EXCAVATION -> "DT";
            case ROAD_CLOSURE -> "DL";
        };
    }

    private static String defaultSubstance(GasReading.Kind kind) {
        return kind == GasReading.Kind.OXYGEN ? "氧气" : kind == GasReading.Kind.COMBUSTIBLE ? "可燃气体" : "有毒气体";
    }

    private static byte[] signaturePng(String dataUrl) {
        if (dataUrl == null || !dataUrl.startsWith(PNG_DATA_URL)) {
            throw DomainException.invalid("png", "permit.signature.png", "签名须为 PNG 图片");
        }
        byte[] png;
        try {
            png = Base64.getDecoder().decode(dataUrl.substring(PNG_DATA_URL.length()).trim());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("png", "permit.signature.png", "签名须为 PNG 图片");
        }
        if (png.length > MAX_SIGNATURE_BYTES) {
            throw DomainException.invalid("png", "permit.signature.tooLarge", "签名图片不能超过 200 KB");
        }
        if (!"image/png".equals(Uploads.imageType(png).orElse(null))) {
            throw DomainException.invalid("png", "permit.signature.png", "签名须为 PNG 图片");
        }
        return png;
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
