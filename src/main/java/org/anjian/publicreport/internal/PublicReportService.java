package org.anjian.publicreport.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.anjian.enterprise.EnterpriseLookup;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.inspection.LeadClosed;
import org.anjian.inspection.LeadIntake;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.organization.Region;
import org.anjian.publicreport.PublicReportEscalated;
import org.anjian.publicreport.domain.PublicReport;
import org.anjian.publicreport.domain.PublicReport.AssigneeKind;
import org.anjian.publicreport.domain.ReportAction;
import org.anjian.publicreport.domain.ReportCategory;
import org.anjian.publicreport.domain.ReportRuleViolation;
import org.anjian.publicreport.domain.ReportState;
import org.anjian.publicreport.domain.ReportingReward;
import org.anjian.publicreport.domain.Reward;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.config.DistrictProperties;
import org.anjian.shared.crypto.FieldCipher;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.Role;
import org.anjian.shared.security.ScopeKind;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.anjian.shared.web.Uploads;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Public reports (RPT-1..3). The public hands a report in and follows it by its query code; the
 * district accepts or rejects, assigns to a town or department, extends, gives feedback, closes and
 * decides rewards; the assigned town or department verifies and records the result. Towns and
 * departments see only the reports assigned to them (others answer 404). The reporter's identity is
 * stored SM4-encrypted, shown masked, and revealed only to the district with a reason that is audited.
 * Page and API call the same methods; every write is audited.
 */
@Service
@Transactional
public class PublicReportService {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PublicReportService.class);

    static final Role[] READERS = {Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.TOWN_OFFICIAL, Role.DEPARTMENT_OFFICIAL, Role.AUDITOR};
    private static final String CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final int MAX_PHOTOS = 6;
    private static final long MAX_PHOTO_BYTES = 10L * 1024 * 1024;

    /** What a citizen hands in. The identity fields are ignored when anonymous. {@code website} is the honeypot. */
    public record Submission(ReportCategory category, String description, String location, UUID enterpriseId, String enterpriseName,
                             boolean anonymous, String name, String phone, String idNumber, String website) {
    }

    /** An uploaded photo as received. */
    public record UploadedPhoto(String fileName, byte[] data) {
    }

    /** What the handlers send with an action; each action reads the fields it needs. */
    public record ActionInput(String reason, AssigneeKind assigneeKind, UUID assigneeId, Integer days, Boolean substantiated,
                              String text, Long fineYuan, String rewardBasis, ReportingReward.AccidentLevel accidentLevel, Integer deaths,
                              String paymentRef) {
    }

    /** A report as the handlers see it: the identity masked. */
    public record ReportView(PublicReport.Snapshot report, String reporterName, String reporterPhone, String reporterIdNumber,
                             List<PublicReportRepository.Photo> photos, Reward.Snapshot reward, boolean overdue, LocalDate dueOn,
                             LeadIntake.LeadStatus lead) {
    }

    /** The reporter's identity in clear, for a reveal. */
    public record Identity(String name, String phone, String idNumber) {
    }

    /** What the query code shows: progress and feedback, no identity and no handler. */
    public record Progress(String queryCode, ReportState state, ReportCategory category, LocalDate receivedOn, LocalDate acceptedOn,
                           boolean assigned, String feedback, LocalDate feedbackOn, LocalDate closedOn, boolean rewardPaid) {
    }

    private final PublicReportRepository repository;
    private final FieldCipher cipher;
    private final AuditTrail audit;
    private final Clock clock;
    private final ZoneId zone;
    private final PublicReportProperties properties;
    private final IntakeRateLimiter limiter;
    private final OrganizationDirectory organization;
    private final EnterpriseLookup enterprises;
    private final LeadIntake leads;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final SecureRandom random = new SecureRandom();

    /** An enterprise as the public search shows it: the name and town only, nothing private. */
    public record EnterpriseMatch(UUID id, String name, String town) {
    }

    static final int SEARCH_LIMIT = 10;

    PublicReportService(PublicReportRepository repository, FieldCipher cipher, AuditTrail audit, Clock clock, DistrictProperties district,
                        PublicReportProperties properties, IntakeRateLimiter limiter, OrganizationDirectory organization,
                        EnterpriseLookup enterprises, LeadIntake leads, org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.enterprises = enterprises;
        this.leads = leads;
        this.repository = repository;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
        this.zone = district.zone();
        this.properties = properties;
        this.limiter = limiter;
        this.organization = organization;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    // ---- public intake ----

    /** Takes a citizen's report (no sign-in) and answers its query code; too many from one address → 429. */
    public String submit(Submission s, List<UploadedPhoto> photos, String clientAddress) {
        if (!limiter.tryTake(clientAddress)) {
            throw new DomainException(HttpStatus.TOO_MANY_REQUESTS, "publicreport.rateLimited", "提交过于频繁，请稍后再试");
        }
        if (s.website() != null && !s.website().isBlank()) {
            throw DomainException.invalid("website", "publicreport.honeypot", "无法受理");
        }
        if (!s.anonymous()) {
            if (s.name() == null || s.name().isBlank() || s.name().length() > 50) {
                throw DomainException.invalid("name", "publicreport.name.required", "实名举报请填写姓名");
            }
            if (s.phone() == null || !s.phone().strip().matches("[0-9+\\- ]{5,20}")) {
                throw DomainException.invalid("phone", "publicreport.phone.invalid", "请填写正确的联系电话");
            }
            if (s.idNumber() != null && !s.idNumber().isBlank() && !s.idNumber().strip().matches("[0-9]{17}[0-9Xx]")) {
                throw DomainException.invalid("idNumber", "publicreport.idNumber.invalid", "身份证号格式不正确");
            }
        }
        List<UploadedPhoto> sent = photos == null ? List.of() : photos.stream().filter(p -> p.data() != null && p.data().length > 0).toList();
        if (sent.size() > MAX_PHOTOS) {
            throw DomainException.invalid("photos", "publicreport.photos.tooMany", "最多上传 6 张照片");
        }
        List<String> types = new ArrayList<>();
        for (UploadedPhoto p : sent) {
            String type = p.data().length > MAX_PHOTO_BYTES ? null : Uploads.imageType(p.data()).orElse(null);
            if (type == null) {
                throw DomainException.invalid("photos", "publicreport.photos.invalid", "照片须为 10MB 以内的 JPEG 或 PNG 图片");
            }
            types.add(type);
        }
        String typedName = s.enterpriseName() == null || s.enterpriseName().isBlank() ? null : s.enterpriseName().strip();
        if (typedName != null && typedName.length() > 200) {
            throw DomainException.invalid("enterpriseName", "publicreport.enterprise.long", "单位名称 200 字以内");
        }
        // an enterprise chosen from the search is stored by its id and registered name; otherwise the free text stays
        String enterpriseName = s.enterpriseId() == null ? typedName : enterprises.find(s.enterpriseId()).map(EnterpriseSummary::name)
                .orElseThrow(() -> DomainException.invalid("enterpriseId", "publicreport.enterprise.unknown", "所选单位不存在，请重新选择或直接填写名称"));
        PublicReport report = domain(() -> PublicReport.receive(UUID.randomUUID(), newCode(), s.category(), s.description(), s.location(),
                s.enterpriseId(), enterpriseName, s.anonymous(), clock.instant(), today(), properties.calendar(), properties.limits()));
        PublicReport.Snapshot snap = report.snapshot();
        boolean named = !s.anonymous();
        repository.insert(snap, named ? cipher.encrypt(s.name()) : null, named ? cipher.encrypt(s.phone()) : null,
                named ? cipher.encrypt(s.idNumber()) : null);
        for (int i = 0; i < sent.size(); i++) {
            repository.insertPhoto(new PublicReportRepository.Photo(UUID.randomUUID(), snap.id(), types.get(i),
                    Uploads.baseName(sent.get(i).fileName()), sent.get(i).data()));
        }
        audit.recordAs("public", null, "PUBLIC_REPORT_RECEIVED", "public-report", snap.id(), null, auditable(snap));
        return snap.queryCode();
    }

    /**
     * The public form's enterprise search: at most {@value #SEARCH_LIMIT} registered enterprises whose name
     * contains the text (two characters at least), name and town only; rate limited per address like the
     * intake (its own, larger bucket) → 429.
     */
    @Transactional(readOnly = true)
    public List<EnterpriseMatch> searchEnterprises(String text, String clientAddress) {
        if (!limiter.tryTakeSearch(clientAddress)) {
            throw new DomainException(HttpStatus.TOO_MANY_REQUESTS, "publicreport.rateLimited", "提交过于频繁，请稍后再试");
        }
        String q = text == null ? "" : text.strip();
        if (q.length() < 2 || q.length() > 50) {
            return List.of();
        }
        Map<UUID, String> towns = new java.util.HashMap<>();
        for (Region t : organization.towns()) {
            towns.put(t.id(), t.name());
        }
        return enterprises.findByName(q, SEARCH_LIMIT).stream()
                .map(e -> new EnterpriseMatch(e.id(), e.name(), e.townId() == null ? null : towns.get(e.townId()))).toList();
    }

    /** The progress under a query code, for anyone who holds it. */
    @Transactional(readOnly = true)
    public Progress progress(String code) {
        String c = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
        PublicReportRepository.Stored st = repository.findByCode(c).orElseThrow(() -> DomainException.notFound("report"));
        PublicReport.Snapshot r = st.report();
        boolean paid = repository.rewardOf(r.id()).map(w -> w.state() == Reward.State.PAID).orElse(false);
        return new Progress(r.queryCode(), r.state(), r.category(), r.receivedOn(), r.acceptedOn(), r.assigneeId() != null, r.feedback(),
                r.feedbackOn(), r.closedOn(), paid);
    }

    /** Paid rewards for the public page: date, category and amount only. */
    @Transactional(readOnly = true)
    public List<PublicReportRepository.PaidReward> paidRewards() {
        return repository.paidRewards(50);
    }

    // ---- handling ----

    @Transactional(readOnly = true)
    public PageResult<ReportView> search(AnjianUser user, ReportState state, PageRequest page) {
        requireReader(user);
        PageResult<PublicReportRepository.Stored> found = switch (user.scope().kind()) {
            case DISTRICT -> repository.search(null, null, state, page);
            case REGION -> repository.search(AssigneeKind.TOWN, List.copyOf(organization.regionAndDescendants(user.scope().id())), state, page);
            case DEPARTMENT -> repository.search(AssigneeKind.DEPARTMENT, List.of(user.scope().id()), state, page);
            default -> repository.search(AssigneeKind.TOWN, List.of(), state, page);
        };
        LocalDate today = today();
        return new PageResult<>(found.items().stream().map(st -> view(st, today, false)).toList(), found.total(), found.page(), found.size());
    }

    @Transactional(readOnly = true)
    public ReportView get(AnjianUser user, UUID id) {
        return view(load(user, id), today(), true);
    }

    /** The reporter's identity in clear, for the district only, with the reason recorded in the audit chain. */
    public Identity reveal(AnjianUser user, UUID id, String reason) {
        PublicReportRepository.Stored st = load(user, id);
        if (!user.hasRole(Role.DISTRICT_ADMIN)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "publicreport.reveal.forbidden", "无权查看举报人身份");
        }
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw DomainException.invalid("reason", "publicreport.reveal.reason", "请说明查看举报人身份的理由");
        }
        if (st.report().anonymous()) {
            throw DomainException.conflict("publicreport.reveal.anonymous", "匿名举报没有举报人身份");
        }
        audit.record("PUBLIC_REPORT_REPORTER_REVEALED", "public-report", id, null, Map.of("reason", reason.strip()));
        return new Identity(cipher.decrypt(st.name()), cipher.decrypt(st.phone()), cipher.decrypt(st.idNumber()));
    }

    /** One handling action ({@link ReportAction}) or a reward step ({@code decide-reward}, {@code approve-reward}, {@code pay-reward}). */
    public ReportView act(AnjianUser user, UUID id, String action, ActionInput in) {
        PublicReportRepository.Stored st = load(user, id);
        LocalDate today = today();
        if ("plan-lead".equals(action)) {
            requireAssigneeOrDistrict(user, st.report());
            planLead(user, st, today);
            return view(repository.find(id).orElseThrow(), today, true);
        }
        if (action != null && action.endsWith("-reward")) {
            requireDistrict(user);
            reward(st, action, in, today);
            return view(repository.find(id).orElseThrow(), today, true);
        }
        ReportAction a = ReportAction.fromPath(action).orElseThrow(() -> DomainException.notFound("action"));
        PublicReport report = PublicReport.restore(st.report());
        Map<String, Object> before = auditable(st.report());
        ActionInput input = in == null ? new ActionInput(null, null, null, null, null, null, null, null, null, null, null) : in;
        switch (a) {
            case VERIFY, RESULT -> requireAssigneeOrDistrict(user, st.report());
            case FEEDBACK -> requireAssigneeOrDistrict(user, st.report());
            default -> requireDistrict(user);
        }
        domain(() -> {
            switch (a) {
                case ACCEPT -> report.accept(today, properties.limits());
                case REJECT -> report.reject(input.reason(), today);
                case ASSIGN -> {
                    checkAssignee(input.assigneeKind(), input.assigneeId());
                    report.assign(input.assigneeKind(), input.assigneeId());
                }
                case VERIFY -> report.startVerifying(null);
                case EXTEND -> report.extend(input.days() == null ? 0 : input.days(), input.reason(), properties.limits());
                case RESULT -> report.recordResult(Boolean.TRUE.equals(input.substantiated()), input.text(), input.fineYuan());
                case FEEDBACK -> report.giveFeedback(input.text(), today);
                case CLOSE -> report.close(today);
            }
            return report;
        });
        repository.update(report.snapshot(), st.version());
        audit.record("PUBLIC_REPORT_" + a.name(), "public-report", id, before, auditable(report.snapshot()));
        return view(repository.find(id).orElseThrow(), today, true);
    }

    /**
     * 计划执法检查: the handler of a report under verification hands the inspection module a lead (no
     * reporter identity crosses); the district assigns it there, which plans an unplanned inspection.
     */
    private void planLead(AnjianUser user, PublicReportRepository.Stored st, LocalDate today) {
        PublicReport report = PublicReport.restore(st.report());
        PublicReport.Snapshot r = st.report();
        domain(() -> {
            report.requireMayLinkLead();
            return report;
        });
        UUID townId = r.assigneeKind() == AssigneeKind.TOWN ? r.assigneeId() : null;
        UUID lead = leads.receiveFromPublicReport(user.getUsername(), new LeadIntake.ReportedLead(r.enterpriseId(),
                r.enterpriseName() != null ? r.enterpriseName() : r.location(), r.location(), townId,
                "12350 举报：" + r.description(), "12350 举报 " + r.queryCode()));
        domain(() -> {
            report.linkLead(lead);
            return report;
        });
        repository.update(report.snapshot(), st.version());
        audit.record("PUBLIC_REPORT_LEAD_PLANNED", "public-report", r.id(), null, Map.of("leadId", lead));
    }

    /** The lead's outcome feeds the result of a report still under verification (CONFIRMED → substantiated). */
    @org.springframework.modulith.events.ApplicationModuleListener
    public void on(LeadClosed closed) {
        repository.findByLead(closed.leadId()).ifPresent(st -> {
            PublicReport report = PublicReport.restore(st.report());
            Map<String, Object> before = auditable(st.report());
            if (report.resultFromLead(closed.leadId(), "CONFIRMED".equals(closed.outcome()), "执法检查核查：" + closed.result())) {
                repository.update(report.snapshot(), st.version());
                audit.recordAs("system", null, "PUBLIC_REPORT_RESULT", "public-report", report.id(), before, auditable(report.snapshot()));
            }
        });
    }

    private void reward(PublicReportRepository.Stored st, String action, ActionInput in, LocalDate today) {
        PublicReport report = PublicReport.restore(st.report());
        var existing = repository.rewardOf(st.report().id());
        switch (action) {
            case "decide-reward" -> {
                if (existing.isPresent()) {
                    throw DomainException.conflict("publicreport.reward.exists", "该举报已有奖励决定");
                }
                ReportingReward policy = properties.reward();
                long amount;
                String basis;
                if (in != null && in.accidentLevel() != null) {
                    int deaths = in.deaths() == null ? 0 : in.deaths();
                    amount = domain(() -> policy.forConcealedAccident(in.accidentLevel(), deaths));
                    basis = "瞒报/谎报事故 " + in.accidentLevel() + " 核实死亡 " + deaths + " 人";
                } else {
                    // the fine recorded with the result, else the one given now (a result from an inspection knows none yet)
                    long fine = report.fineYuan() != null ? report.fineYuan() : in != null && in.fineYuan() != null ? in.fineYuan() : 0;
                    if (fine < 0) {
                        throw DomainException.invalid("fineYuan", "publicreport.reward.fine", "罚款金额不能为负");
                    }
                    amount = domain(() -> policy.forFine(fine));
                    basis = "罚款 " + fine + " 元 × " + policy.schedule().finePercent() + "%（最低 " + policy.schedule().minimumYuan()
                            + "，最高 " + policy.schedule().maximumYuan() + "）";
                }
                Reward reward = domain(() -> Reward.decide(UUID.randomUUID(), report, amount, basis, today));
                repository.saveReward(reward.snapshot(), true);
                audit.record("PUBLIC_REPORT_REWARD_DECIDED", "public-report-reward", reward.snapshot().id(), null, reward.snapshot());
            }
            case "approve-reward", "pay-reward" -> {
                Reward reward = Reward.restore(existing.orElseThrow(() -> DomainException.conflict("publicreport.reward.none", "该举报尚无奖励决定")));
                Reward.Snapshot before = reward.snapshot();
                domain(() -> {
                    if (action.equals("approve-reward")) {
                        reward.approve(today);
                    } else {
                        reward.pay(in == null ? null : in.paymentRef(), today);
                    }
                    return reward;
                });
                repository.saveReward(reward.snapshot(), false);
                audit.record(action.equals("approve-reward") ? "PUBLIC_REPORT_REWARD_APPROVED" : "PUBLIC_REPORT_REWARD_PAID",
                        "public-report-reward", before.id(), before, reward.snapshot());
            }
            default -> throw DomainException.notFound("action");
        }
    }

    /**
     * 逾期升级: daily (one node at a time, ShedLock), marks each report past its limit as escalated once
     * (audited) and tells the district ({@link PublicReportEscalated}; its home page counts them).
     */
    @Scheduled(cron = "${anjian.publicreport.escalation-cron:0 15 0 * * *}", zone = "${anjian.district.zone:Asia/Shanghai}")
    @SchedulerLock(name = "publicreport.escalate", lockAtMostFor = "PT30M")
    public void escalateOverdue() {
        // void: ShedLock refuses to lock a method that returns a primitive (LockingNotSupportedException), so the job never ran
        LocalDate today = today();
        int n = 0;
        for (PublicReportRepository.Stored st : repository.running()) {
            PublicReport report = PublicReport.restore(st.report());
            LocalDate due = report.dueOn();
            if (report.escalateIfOverdue(today)) {
                repository.update(report.snapshot(), st.version());
                audit.recordAs("system", null, "PUBLIC_REPORT_ESCALATED", "public-report", report.id(), null,
                        Map.of("state", report.state().name(), "dueOn", String.valueOf(due)));
                events.publishEvent(new PublicReportEscalated(report.id(), report.queryCode(), report.state().name(), due, today));
                n++;
            }
        }
        if (n > 0) {
            log.info("Escalated {} overdue public reports", n);
        }
    }

    /** Escalated reports not yet handled, for the district's home page (0 for everyone else). */
    @Transactional(readOnly = true)
    public long escalatedCount(AnjianUser user) {
        return user.hasRole(Role.DISTRICT_ADMIN) && user.scope().kind() == ScopeKind.DISTRICT ? repository.escalatedRunning() : 0;
    }

    // ---- helpers ----

    private void checkAssignee(AssigneeKind kind, UUID id) {
        boolean known = kind == AssigneeKind.TOWN ? organization.towns().stream().anyMatch(t -> t.id().equals(id))
                : kind == AssigneeKind.DEPARTMENT && organization.department(id).isPresent();
        if (id == null || !known) {
            throw DomainException.invalid("assigneeId", "publicreport.assignee.required", "请选择承办的镇街或部门");
        }
    }

    private PublicReportRepository.Stored load(AnjianUser user, UUID id) {
        requireReader(user);
        PublicReportRepository.Stored st = repository.find(id).orElseThrow(() -> DomainException.notFound("report"));
        if (!inScope(user, st.report())) {
            throw DomainException.notFound("report");
        }
        return st;
    }

    private boolean inScope(AnjianUser user, PublicReport.Snapshot r) {
        ScopeKind kind = user.scope().kind();
        return switch (kind) {
            case DISTRICT -> true;
            case REGION -> r.assigneeKind() == AssigneeKind.TOWN && organization.regionAndDescendants(user.scope().id()).contains(r.assigneeId());
            case DEPARTMENT -> r.assigneeKind() == AssigneeKind.DEPARTMENT && user.scope().id().equals(r.assigneeId());
            default -> false;
        };
    }

    private static void requireReader(AnjianUser user) {
        if (!user.hasAnyRole(READERS)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "shared.problem.forbidden", "forbidden");
        }
    }

    private static void requireDistrict(AnjianUser user) {
        if (!user.hasRole(Role.DISTRICT_ADMIN)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "publicreport.forbidden", "此操作由区应急管理局办理");
        }
    }

    private void requireAssigneeOrDistrict(AnjianUser user, PublicReport.Snapshot r) {
        boolean assignee = (user.hasRole(Role.TOWN_OFFICIAL) || user.hasRole(Role.DEPARTMENT_OFFICIAL)) && user.scope().kind() != ScopeKind.DISTRICT
                && inScope(user, r);
        if (!assignee && !user.hasRole(Role.DISTRICT_ADMIN)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "publicreport.forbidden.assignee", "此操作由承办的镇街或部门办理");
        }
    }

    private ReportView view(PublicReportRepository.Stored st, LocalDate today, boolean withPhotos) {
        PublicReport report = PublicReport.restore(st.report());
        String name = st.name() == null ? null : FieldCipher.maskName(cipher.decrypt(st.name()));
        String phone = st.phone() == null ? null : FieldCipher.maskNumber(cipher.decrypt(st.phone()));
        String idNumber = st.idNumber() == null ? null : FieldCipher.maskNumber(cipher.decrypt(st.idNumber()));
        return new ReportView(st.report(), name, phone, idNumber, withPhotos ? repository.photos(st.report().id()) : List.of(),
                repository.rewardOf(st.report().id()).orElse(null), report.isOverdue(today), report.dueOn(),
                withPhotos && st.report().leadId() != null ? leads.status(st.report().leadId()).orElse(null) : null);
    }

    @Transactional(readOnly = true)
    public PublicReportRepository.Photo photo(AnjianUser user, UUID id, UUID photoId) {
        load(user, id);
        return repository.photo(id, photoId).orElseThrow(() -> DomainException.notFound("photo"));
    }

    private String newCode() {
        for (int attempt = 0; attempt < 10; attempt++) {
            StringBuilder sb = new StringBuilder(10);
            for (int i = 0; i < 10; i++) {
                sb.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
            }
            if (!repository.codeExists(sb.toString())) {
                return sb.toString();
            }
        }
        throw new IllegalStateException("no free query code");
    }

    /** The report as the audit trail keeps it: never the reporter's identity. */
    private static Map<String, Object> auditable(PublicReport.Snapshot r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", r.state().name());
        m.put("category", r.category().name());
        m.put("anonymous", r.anonymous());
        m.put("assigneeKind", r.assigneeKind() == null ? null : r.assigneeKind().name());
        m.put("assigneeId", r.assigneeId());
        m.put("substantiated", r.substantiated());
        m.put("fineYuan", r.fineYuan());
        m.put("feedback", r.feedback());
        return m;
    }

    private static <T> T domain(java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (ReportRuleViolation v) {
            if (v.isInvalidInput()) {
                throw DomainException.invalid(v.field(), v.reason(), v.getMessage());
            }
            throw DomainException.conflict(v.reason(), v.getMessage(), v.args());
        }
    }
}
