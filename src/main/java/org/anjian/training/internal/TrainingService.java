package org.anjian.training.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anjian.enterprise.EnterpriseLookup;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.organization.ScopeConditions;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.config.DistrictProperties;
import org.anjian.shared.crypto.FieldCipher;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.error.DomainException.FieldError;
import org.anjian.shared.excel.SheetRows;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.Role;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.anjian.training.CertificateRegistry;
import org.anjian.training.SpecialOperationCategory;
import org.anjian.training.domain.CertificateKind;
import org.anjian.training.domain.CertificateRules;
import org.anjian.training.domain.TrainingKind;
import org.anjian.training.domain.WarningVideo;
import org.anjian.training.internal.TrainingRecords.Certificate;
import org.anjian.training.internal.TrainingRecords.Training;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Training records and certificates (TRN-1, TRN-2). The enterprise keeps its own (its town, its
 * trusteeship agency and the district may enter them for it); the district's inspectors may revoke a
 * certificate. Holders' ID numbers are stored encrypted. Every write is audited.
 */
@Service
@Transactional
public class TrainingService implements CertificateRegistry {

    static final Role[] READERS = {Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.TOWN_OFFICIAL, Role.DEPARTMENT_OFFICIAL, Role.ENTERPRISE_USER,
            Role.AGENCY_USER, Role.EXPERT, Role.AUDITOR};
    static final Role[] KEEPERS = {Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.TOWN_OFFICIAL, Role.ENTERPRISE_USER, Role.AGENCY_USER};
    /** The columns of the certificates' sheet, import and export alike. */
    public static final List<String> COLUMNS = List.of("enterpriseCreditCode", "kind", "category", "holderName", "idNumber", "number", "issuer",
            "issuedOn", "validUntil", "reviewDue");

    private final TrainingRepository repository;
    private final EnterpriseLookup enterprises;
    private final ScopeConditions scopes;
    private final FieldCipher cipher;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final Clock clock;
    private final ZoneId zone;

    TrainingService(TrainingRepository repository, EnterpriseLookup enterprises, ScopeConditions scopes, FieldCipher cipher, AuditTrail audit,
                    MessageSource messages, Clock clock, DistrictProperties district) {
        this.repository = repository;
        this.enterprises = enterprises;
        this.scopes = scopes;
        this.cipher = cipher;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
        this.zone = district.zone();
    }

    public record NewTraining(UUID enterpriseId, String kind, String video, String topic, LocalDate heldOn, BigDecimal hours, Integer trainees,
                              String trainer) {
    }

    public record NewCertificate(UUID enterpriseId, String kind, String category, String holderName, String idNumber, String number, String issuer,
                                 LocalDate issuedOn, LocalDate validUntil, LocalDate reviewDue) {
    }

    public record DateInput(LocalDate on, String reason) {
    }

    public record ImportResult(int imported, List<String> errors) {
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    public void requireReader(AnjianUser user) {
        if (!user.hasAnyRole(READERS)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "shared.problem.forbidden", "forbidden");
        }
    }

    public void requireKeeper(AnjianUser user) {
        if (!user.hasAnyRole(KEEPERS)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "training.forbidden", "may not keep training records");
        }
    }

    ScopeConditions.Condition scope(AnjianUser user, String alias) {
        return scopes.of(user.scope(), alias);
    }

    private EnterpriseSummary enterpriseInScope(AnjianUser user, UUID id, List<FieldError> errors) {
        EnterpriseSummary e = id == null ? null : enterprises.find(id).filter(x -> user == null || enterprises.inScope(user.scope(), x.id())).orElse(null);
        if (e == null) {
            errors.add(new FieldError("enterpriseId", "training.enterprise.unknown", "请选择企业"));
        }
        return e;
    }

    // ------------------------------------------------------------ training records

    @Transactional(readOnly = true)
    public PageResult<Training> trainings(AnjianUser user, TrainingRepository.TrainingFilter f, PageRequest page) {
        requireReader(user);
        return repository.trainings(f, scope(user, "t"), page);
    }

    @Transactional(readOnly = true)
    public Training training(AnjianUser user, UUID id) {
        requireReader(user);
        return repository.training(id, scope(user, "t")).orElseThrow(() -> DomainException.notFound("training record"));
    }

    public Training addTraining(AnjianUser user, NewTraining n) {
        if (user != null) {
            requireKeeper(user);
        }
        List<FieldError> errors = new ArrayList<>();
        EnterpriseSummary e = enterpriseInScope(user, n.enterpriseId(), errors);
        TrainingKind kind = parse(TrainingKind.class, n.kind());
        if (kind == null) {
            errors.add(new FieldError("kind", "training.kind.invalid", "请选择培训类型"));
        }
        WarningVideo video = parse(WarningVideo.class, n.video());
        if (kind == TrainingKind.WARNING_VIDEO && video == null) {
            errors.add(new FieldError("video", "training.video.required", "警示教育请选择警示片"));
        }
        text(errors, "topic", n.topic(), 200);
        if (n.heldOn() == null || n.heldOn().isAfter(today())) {
            errors.add(new FieldError("heldOn", "training.date.invalid", "日期必填且不能晚于今天"));
        }
        if (n.hours() == null || n.hours().signum() <= 0 || n.hours().compareTo(BigDecimal.valueOf(200)) > 0) {
            errors.add(new FieldError("hours", "training.hours.invalid", "学时应大于 0 且不超过 200"));
        }
        if (n.trainees() == null || n.trainees() < 1 || n.trainees() > 100_000) {
            errors.add(new FieldError("trainees", "training.trainees.invalid", "参训人数应至少 1 人"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        Training t = new Training(UUID.randomUUID(), e.id(), e.name(), e.townId(), e.parkId(), e.sector().name(), kind.name(),
                kind == TrainingKind.WARNING_VIDEO ? video.name() : null, n.topic().strip(), n.heldOn(), n.hours(), n.trainees(), blank(n.trainer()), now());
        repository.insert(t);
        if (user != null) {
            audit.record("TRAINING_RECORDED", "training_record", t.id(), null, t);
        }
        return t;
    }

    // ------------------------------------------------------------ certificates

    @Transactional(readOnly = true)
    public PageResult<Certificate> certificates(AnjianUser user, TrainingRepository.CertificateFilter f, PageRequest page) {
        requireReader(user);
        return repository.certificates(f, scope(user, "c"), page);
    }

    @Transactional(readOnly = true)
    public Certificate certificate(AnjianUser user, UUID id) {
        requireReader(user);
        return repository.certificate(id, scope(user, "c")).orElseThrow(() -> DomainException.notFound("certificate"));
    }

    public Certificate addCertificate(AnjianUser user, NewCertificate n) {
        if (user != null) {
            requireKeeper(user);
        }
        List<FieldError> errors = new ArrayList<>();
        EnterpriseSummary e = enterpriseInScope(user, n.enterpriseId(), errors);
        Certificate c = build(n, e, errors);
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        if (repository.certificateByNumber(c.number()).isPresent()) {
            throw DomainException.conflict("training.certificate.duplicate", "a certificate with this number exists", c.number());
        }
        store(user, c, n.idNumber());
        return c;
    }

    private void store(AnjianUser user, Certificate c, String idNumber) {
        String id = blank(idNumber);
        repository.insert(c, id == null ? null : cipher.encrypt(id), now());
        if (user != null) {
            audit.record("CERTIFICATE_REGISTERED", "certificate", c.id(), null, view(c));
        }
    }

    /** Validates and completes a new certificate: the validity and the first review follow the kind's rule unless stated. */
    Certificate build(NewCertificate n, EnterpriseSummary e, List<FieldError> errors) {
        CertificateKind kind = parse(CertificateKind.class, n.kind());
        if (kind == null) {
            errors.add(new FieldError("kind", "training.certificateKind.invalid", "请选择证书类型"));
        }
        SpecialOperationCategory category = parse(SpecialOperationCategory.class, n.category());
        if (kind == CertificateKind.SPECIAL_OPERATION && category == null) {
            errors.add(new FieldError("category", "training.category.required", "特种作业操作证须选择作业类别"));
        }
        text(errors, "holderName", n.holderName(), 50);
        text(errors, "number", n.number(), 60);
        text(errors, "issuer", n.issuer(), 200);
        String idNumber = blank(n.idNumber());
        if (idNumber != null && !idNumber.matches("[0-9]{17}[0-9Xx]")) {
            errors.add(new FieldError("idNumber", "training.idNumber.invalid", "身份证号应为 18 位"));
        }
        if (n.issuedOn() == null || n.issuedOn().isAfter(today())) {
            errors.add(new FieldError("issuedOn", "training.date.invalid", "日期必填且不能晚于今天"));
        }
        LocalDate validUntil = n.validUntil();
        if (kind != null && n.issuedOn() != null && validUntil == null) {
            validUntil = CertificateRules.validUntil(kind, n.issuedOn());
            if (validUntil == null) {
                errors.add(new FieldError("validUntil", "training.validUntil.required", "注册安全工程师须填写注册有效期"));
            }
        }
        if (validUntil != null && n.issuedOn() != null && validUntil.isBefore(n.issuedOn())) {
            errors.add(new FieldError("validUntil", "training.validUntil.beforeIssue", "有效期不能早于发证日期"));
        }
        if (!errors.isEmpty()) {
            return null;
        }
        LocalDate reviewDue = n.reviewDue() != null ? n.reviewDue() : CertificateRules.firstReviewDue(kind, n.issuedOn());
        if (reviewDue != null && !reviewDue.isBefore(validUntil)) {
            reviewDue = null;
        }
        return new Certificate(UUID.randomUUID(), e.id(), e.name(), e.townId(), e.parkId(), e.sector().name(), kind,
                kind == CertificateKind.SPECIAL_OPERATION ? category.name() : null, n.holderName().strip(),
                idNumber == null ? null : FieldCipher.maskNumber(idNumber.toUpperCase()), n.number().strip(), n.issuer().strip(), n.issuedOn(), validUntil,
                reviewDue, null, null, 0);
    }

    /** 复审 (令第30号 Art. 21, 22): within the 60 days up to its due date; the next is due 3 years later. */
    public Certificate review(AnjianUser user, UUID id, DateInput in) {
        Certificate c = certificate(user, id);
        requireKeeper(user);
        LocalDate on = in == null || in.on() == null ? today() : in.on();
        if (on.isAfter(today())) {
            throw DomainException.invalid("on", "training.date.invalid", "日期必填且不能晚于今天");
        }
        if (c.kind() != CertificateKind.SPECIAL_OPERATION || c.reviewDue() == null) {
            throw DomainException.conflict("training.review.none", "no review due", c.status(on));
        }
        if (c.revokedOn() != null || !CertificateRules.reviewAllowed(c.reviewDue(), on)) {
            throw DomainException.conflict("training.review.window", "outside the review window", c.reviewDue().minusDays(CertificateRules.REVIEW_WINDOW_DAYS),
                    c.reviewDue());
        }
        Certificate after = new Certificate(c.id(), c.enterpriseId(), c.enterpriseName(), c.townId(), c.parkId(), c.sector(), c.kind(), c.category(),
                c.holderName(), c.idNumberMasked(), c.number(), c.issuer(), c.issuedOn(), c.validUntil(),
                CertificateRules.nextReviewDue(c.reviewDue(), c.validUntil()), on, null, c.version());
        save(after);
        audit.record("CERTIFICATE_REVIEWED", "certificate", c.id(), view(c), view(after));
        return certificate(user, id);
    }

    /** A regulator revokes a certificate (e.g. a serious violation at work); it is invalid from that day. */
    public Certificate revoke(AnjianUser user, UUID id, DateInput in) {
        Certificate c = certificate(user, id);
        if (!user.hasAnyRole(Role.DISTRICT_ADMIN, Role.INSPECTOR)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "training.forbidden", "certificates are revoked by the regulator");
        }
        if (in == null || blank(in.reason()) == null) {
            throw DomainException.invalid("reason", "training.revoke.reason", "请说明吊销/注销原因");
        }
        if (c.revokedOn() != null) {
            throw DomainException.conflict("training.revoke.already", "already revoked", c.revokedOn());
        }
        LocalDate on = in.on() == null ? today() : in.on();
        Certificate after = new Certificate(c.id(), c.enterpriseId(), c.enterpriseName(), c.townId(), c.parkId(), c.sector(), c.kind(), c.category(),
                c.holderName(), c.idNumberMasked(), c.number(), c.issuer(), c.issuedOn(), c.validUntil(), c.reviewDue(), c.lastReviewedOn(), on, c.version());
        save(after);
        Map<String, Object> v = view(after);
        v.put("reason", in.reason().strip());
        audit.record("CERTIFICATE_REVOKED", "certificate", c.id(), view(c), v);
        return certificate(user, id);
    }

    private void save(Certificate c) {
        try {
            repository.saveDates(c, now());
        } catch (OptimisticLockingFailureException e) {
            throw DomainException.conflict("training.concurrent", e.getMessage());
        }
    }

    @Override
    @Transactional(readOnly = true)
    public Check check(String certificateNumber, SpecialOperationCategory category, LocalDate on) {
        var found = certificateNumber == null ? java.util.Optional.<Certificate>empty() : repository.certificateByNumber(certificateNumber.strip());
        if (found.isEmpty() || found.get().kind() != CertificateKind.SPECIAL_OPERATION) {
            return new Check(false, false, "UNKNOWN", null, null);
        }
        Certificate c = found.get();
        String holder = FieldCipher.maskName(c.holderName());
        if (category != null && !category.name().equals(c.category())) {
            return new Check(true, false, "OTHER_CATEGORY", holder, c.validUntil());
        }
        String status = c.status(on);
        return new Check(true, CertificateRules.valid(status), CertificateRules.valid(status) ? null : status, holder, c.validUntil());
    }

    // ------------------------------------------------------------ figures and Excel

    public record KindFigures(String kind, long total, long action, long invalid) {
    }

    @Transactional(readOnly = true)
    public List<KindFigures> figures(AnjianUser user) {
        requireReader(user);
        Map<String, KindFigures> byKind = new LinkedHashMap<>();
        for (CertificateKind k : CertificateKind.values()) {
            byKind.put(k.name(), new KindFigures(k.name(), 0, 0, 0));
        }
        for (Map<String, Object> row : repository.figures(scope(user, "c"), today())) {
            String k = (String) row.get("kind");
            byKind.put(k, new KindFigures(k, ((Number) row.get("total")).longValue(), ((Number) row.get("action")).longValue(),
                    ((Number) row.get("invalid")).longValue()));
        }
        return List.copyOf(byKind.values());
    }

    @Transactional(readOnly = true)
    public List<Map<String, Object>> trainingByKind(AnjianUser user, int year) {
        requireReader(user);
        return repository.trainingByKind(scope(user, "t"), year);
    }

    public byte[] export(AnjianUser user, TrainingRepository.CertificateFilter f) throws IOException {
        requireReader(user);
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(zh("training.certificates"));
            header(sheet, true);
            int r = 1;
            for (Certificate c : repository.certificates(f, scope(user, "c"), new PageRequest(0, PageRequest.MAX_SIZE * 250)).items()) {
                Row row = sheet.createRow(r++);
                String code = enterprises.find(c.enterpriseId()).map(EnterpriseSummary::creditCode).orElse("");
                String[] cells = {code, zh("training.kind." + c.kind()), c.category() == null ? "" : zh("training.category." + c.category()),
                        c.holderName(), c.idNumberMasked() == null ? "" : c.idNumberMasked(), c.number(), c.issuer(), String.valueOf(c.issuedOn()),
                        String.valueOf(c.validUntil()), c.reviewDue() == null ? "" : String.valueOf(c.reviewDue()), zh("training.status." + c.status(today())),
                        c.enterpriseName()};
                for (int i = 0; i < cells.length; i++) {
                    row.createCell(i).setCellValue(cells[i]);
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    public byte[] template() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(zh("training.certificates"));
            header(sheet, false);
            Row example = sheet.createRow(1);
            String[] cells = {"91500116MA5U8KQ21X", zh("training.kind.SPECIAL_OPERATION"), zh("training.category.ELECTRICAL"), "张三", "",
                    "T500116198001011234", "重庆市应急管理局", "2024-03-01", "", ""};
            for (int i = 0; i < cells.length; i++) {
                example.createCell(i).setCellValue(cells[i]);
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    private void header(Sheet sheet, boolean export) {
        Row head = sheet.createRow(0);
        List<String> columns = new ArrayList<>(COLUMNS);
        if (export) {
            columns.add("status");
            columns.add("enterpriseName");
        }
        for (int i = 0; i < columns.size(); i++) {
            head.createCell(i).setCellValue(zh("training.column." + columns.get(i)));
        }
    }

    /**
     * Imports certificates from the sheet people keep today: one a row, kinds and categories by their
     * Chinese names or codes, the enterprise by its credit code. Every row is checked before any is
     * stored; a sheet with an error stores nothing and lists the errors by row.
     */
    public ImportResult importCertificates(AnjianUser user, InputStream in) throws IOException {
        requireKeeper(user);
        List<SheetRows.RawRow> rows;
        try {
            rows = SheetRows.read(in, COLUMNS.size());
        } catch (IOException | RuntimeException e) {
            throw DomainException.invalid("file", "training.import.unreadable", "无法读取该 Excel 文件");
        }
        if (rows.size() > 5000) {
            throw DomainException.invalid("file", "training.import.tooMany", "一次最多导入 5000 行");
        }
        Map<String, String> kinds = lookup(CertificateKind.values(), "training.kind.");
        Map<String, String> categories = lookup(SpecialOperationCategory.values(), "training.category.");
        List<String> errors = new ArrayList<>();
        List<Certificate> ready = new ArrayList<>();
        List<String> idNumbers = new ArrayList<>();
        java.util.Set<String> numbers = new java.util.HashSet<>();
        for (SheetRows.RawRow row : rows) {
            List<FieldError> rowErrors = new ArrayList<>();
            EnterpriseSummary e = enterprises.findByCreditCode(row.get(0).strip()).filter(x -> enterprises.inScope(user.scope(), x.id())).orElse(null);
            if (e == null) {
                rowErrors.add(new FieldError("enterpriseCreditCode", "training.enterprise.unknown", "请选择企业"));
            }
            NewCertificate n;
            try {
                n = new NewCertificate(e == null ? null : e.id(), kinds.getOrDefault(row.get(1).strip(), row.get(1).strip()),
                        categories.getOrDefault(row.get(2).strip(), blank(row.get(2))), row.get(3), row.get(4), row.get(5), row.get(6), date(row.get(7)),
                        date(row.get(8)), date(row.get(9)));
            } catch (DateTimeParseException ex) {
                errors.add(zh("training.import.row", row.rowNumber()) + zh("training.import.date"));
                continue;
            }
            Certificate c = e == null ? null : build(n, e, rowErrors);
            if (c != null && (!numbers.add(c.number()) || repository.certificateByNumber(c.number()).isPresent())) {
                rowErrors.add(new FieldError("number", "training.certificate.duplicate", "证书编号重复"));
            }
            if (!rowErrors.isEmpty()) {
                StringBuilder sb = new StringBuilder(zh("training.import.row", row.rowNumber()));
                for (FieldError fe : rowErrors) {
                    sb.append(zh("training.column." + fe.field().replace("enterpriseId", "enterpriseCreditCode"))).append("：")
                            .append(messages.getMessage(fe.code(), new Object[] {c == null ? "" : c.number()}, fe.defaultMessage(), java.util.Locale.SIMPLIFIED_CHINESE))
                            .append("；");
                }
                errors.add(sb.toString());
            } else {
                ready.add(c);
                idNumbers.add(n.idNumber());
            }
        }
        if (!errors.isEmpty()) {
            return new ImportResult(0, errors);
        }
        for (int i = 0; i < ready.size(); i++) {
            store(null, ready.get(i), idNumbers.get(i));
        }
        audit.record("CERTIFICATES_IMPORTED", "certificate", null, null, Map.of("rows", ready.size()));
        return new ImportResult(ready.size(), List.of());
    }

    private <E extends Enum<E>> Map<String, String> lookup(E[] values, String prefix) {
        Map<String, String> m = new HashMap<>();
        for (E v : values) {
            m.put(v.name(), v.name());
            m.put(zh(prefix + v.name()), v.name());
        }
        return m;
    }

    private String zh(String key, Object... args) {
        return messages.getMessage(key, args, key, java.util.Locale.SIMPLIFIED_CHINESE);
    }

    static LocalDate date(String s) {
        String v = blank(s);
        return v == null ? null : LocalDate.parse(v.replace('/', '-').replace('.', '-'));
    }

    static Map<String, Object> view(Certificate c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("enterpriseId", c.enterpriseId());
        m.put("kind", c.kind().name());
        m.put("category", c.category());
        m.put("holderName", FieldCipher.maskName(c.holderName()));
        m.put("number", c.number());
        m.put("issuedOn", c.issuedOn());
        m.put("validUntil", c.validUntil());
        m.put("reviewDue", c.reviewDue());
        m.put("lastReviewedOn", c.lastReviewedOn());
        m.put("revokedOn", c.revokedOn());
        return m;
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static void text(List<FieldError> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "training.required", "必填"));
        } else if (value.strip().length() > max) {
            errors.add(new FieldError(field, "training.tooLong", "内容过长"));
        }
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
