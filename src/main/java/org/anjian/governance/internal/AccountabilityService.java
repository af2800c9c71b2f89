package org.anjian.governance.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.anjian.governance.AccountabilityDocumentKind;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.config.DistrictProperties;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.error.DomainException.FieldError;
import org.anjian.shared.pdf.CjkFont;
import org.anjian.shared.pdf.OfficialDocument;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.Role;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accountability (GOV-4): the responsibility lists of leaders and offices (党政同责、一岗双责、齐抓共管、失职追责),
 * 明查暗访 records, and the documents 警示函 / 督办函 / 通报 / 约谈 / 挂牌督办 / 移送问责, numbered
 * {@code {prefix}{code}〔{year}〕{seq}号} per kind and year by a counter row incremented in the issuing
 * transaction (consecutive, unique across nodes, a rolled-back issue gives its number back), and printed
 * as PDFs with the embedded CJK font. The district's committee office keeps them; inspectors and auditors read.
 */
@Service
@Transactional
public class AccountabilityService {

    static final Role[] READERS = {Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.AUDITOR};
    static final Role[] WRITERS = {Role.DISTRICT_ADMIN, Role.INSPECTOR};
    static final Set<String> PRINCIPLES = Set.of("党政同责", "一岗双责", "齐抓共管", "失职追责", "三管三必须");

    private final AccountabilityRepository repository;
    private final AuditTrail audit;
    private final Clock clock;
    private final DistrictProperties district;
    private final CjkFont font;
    private final String prefix;

    AccountabilityService(AccountabilityRepository repository, AuditTrail audit, Clock clock, DistrictProperties district, CjkFont font,
                          @Value("${anjian.governance.document-prefix:津安委办}") String prefix) {
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
        this.district = district;
        this.font = font;
        this.prefix = prefix;
    }

    public record DutyInput(String holderKind, String holder, String principle, String duty) {
    }

    public record NewVisit(LocalDate visitedOn, String mode, String place, String team, String findings) {
    }

    public record NewDocument(AccountabilityDocumentKind kind, String addressee, String subject, String body) {
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), district.zone());
    }

    public List<String> principles() {
        return List.of("党政同责", "一岗双责", "齐抓共管", "失职追责", "三管三必须");
    }

    // ------------------------------------------------------------------ duties

    @Transactional(readOnly = true)
    public List<AccountabilityRepository.Duty> duties(AnjianUser user) {
        require(user, READERS);
        return repository.duties();
    }

    public AccountabilityRepository.Duty addDuty(AnjianUser user, DutyInput in) {
        require(user, Role.DISTRICT_ADMIN);
        validate(in);
        var d = new AccountabilityRepository.Duty(UUID.randomUUID(), in.holderKind(), in.holder().trim(), in.principle(), in.duty().trim(),
                repository.duties().size());
        repository.insertDuty(d, clock.instant());
        audit.record("ACCOUNTABILITY_DUTY_ADDED", "accountability-duty", d.id(), null, d);
        return d;
    }

    public AccountabilityRepository.Duty updateDuty(AnjianUser user, UUID id, DutyInput in) {
        require(user, READERS);
        var before = repository.duty(id).orElseThrow(() -> DomainException.notFound("duty"));
        require(user, Role.DISTRICT_ADMIN);
        validate(in);
        var d = new AccountabilityRepository.Duty(id, in.holderKind(), in.holder().trim(), in.principle(), in.duty().trim(), before.sortOrder());
        repository.updateDuty(d, clock.instant());
        audit.record("ACCOUNTABILITY_DUTY_CHANGED", "accountability-duty", id, before, d);
        return d;
    }

    public void deleteDuty(AnjianUser user, UUID id) {
        require(user, READERS);
        var before = repository.duty(id).orElseThrow(() -> DomainException.notFound("duty"));
        require(user, Role.DISTRICT_ADMIN);
        repository.deleteDuty(id);
        audit.record("ACCOUNTABILITY_DUTY_REMOVED", "accountability-duty", id, before, null);
    }

    private void validate(DutyInput in) {
        List<FieldError> errors = new ArrayList<>();
        if (in == null || !oneOf(in.holderKind(), "LEADER", "OFFICE")) {
            errors.add(new FieldError("holderKind", "shared.validation.required", "必填"));
        }
        if (in == null || in.holder() == null || in.holder().isBlank() || in.holder().length() > 100) {
            errors.add(new FieldError("holder", "shared.validation.required", "必填"));
        }
        if (in == null || in.principle() == null || !PRINCIPLES.contains(in.principle())) {
            errors.add(new FieldError("principle", "governance.accountability.principle.unknown", "请选择责任原则"));
        }
        if (in == null || in.duty() == null || in.duty().isBlank() || in.duty().length() > 2000) {
            errors.add(new FieldError("duty", "shared.validation.required", "必填"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
    }

    // ------------------------------------------------------------------ 明查暗访

    @Transactional(readOnly = true)
    public PageResult<AccountabilityRepository.Visit> visits(AnjianUser user, PageRequest page) {
        require(user, READERS);
        return repository.visits(page);
    }

    @Transactional(readOnly = true)
    public AccountabilityRepository.Visit visit(AnjianUser user, UUID id) {
        require(user, READERS);
        return repository.visit(id).orElseThrow(() -> DomainException.notFound("visit"));
    }

    @Transactional(readOnly = true)
    public List<Map<String, Object>> visitProblems(AnjianUser user, UUID id) {
        visit(user, id);
        return repository.visitProblems(id);
    }

    public AccountabilityRepository.Visit recordVisit(AnjianUser user, NewVisit in) {
        require(user, WRITERS);
        List<FieldError> errors = new ArrayList<>();
        if (in.visitedOn() == null || in.visitedOn().isAfter(today())) {
            errors.add(new FieldError("visitedOn", "governance.accountability.visit.date", "日期不能晚于今天"));
        }
        if (!oneOf(in.mode(), "OPEN", "COVERT")) {
            errors.add(new FieldError("mode", "shared.validation.required", "必填"));
        }
        required(errors, "place", in.place(), 200);
        required(errors, "team", in.team(), 200);
        required(errors, "findings", in.findings(), 4000);
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        var v = new AccountabilityRepository.Visit(UUID.randomUUID(), in.visitedOn(), in.mode(), in.place().trim(), in.team().trim(),
                in.findings().trim(), user.displayName(), clock.instant().truncatedTo(ChronoUnit.MICROS));
        repository.insertVisit(v);
        audit.record("SUPERVISION_VISIT_RECORDED", "supervision-visit", v.id(), null, v);
        return v;
    }

    // ------------------------------------------------------------------ documents

    @Transactional(readOnly = true)
    public PageResult<AccountabilityRepository.Document> documents(AnjianUser user, AccountabilityDocumentKind kind, Integer year, PageRequest page) {
        require(user, READERS);
        return repository.documents(kind, year, page);
    }

    @Transactional(readOnly = true)
    public AccountabilityRepository.Document document(AnjianUser user, UUID id) {
        require(user, READERS);
        return repository.document(id).orElseThrow(() -> DomainException.notFound("document"));
    }

    public AccountabilityRepository.Document issue(AnjianUser user, NewDocument in) {
        require(user, WRITERS);
        List<FieldError> errors = new ArrayList<>();
        if (in.kind() == null) {
            errors.add(new FieldError("kind", "shared.validation.required", "必填"));
        }
        required(errors, "addressee", in.addressee(), 200);
        required(errors, "subject", in.subject(), 200);
        required(errors, "body", in.body(), 8000);
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        LocalDate today = today();
        int year = today.getYear();
        int seq = repository.nextSeq(in.kind(), year);
        String number = number(prefix, in.kind(), year, seq);
        var d = new AccountabilityRepository.Document(UUID.randomUUID(), in.kind(), year, seq, number, in.addressee().trim(), in.subject().trim(),
                in.body().trim(), today, user.displayName(), clock.instant().truncatedTo(ChronoUnit.MICROS));
        repository.insertDocument(d);
        audit.record("ACCOUNTABILITY_DOCUMENT_ISSUED", "accountability-document", d.id(), null, d);
        return d;
    }

    static String number(String prefix, AccountabilityDocumentKind kind, int year, int seq) {
        return prefix + kind.code() + "〔" + year + "〕" + seq + "号";
    }

    /** The document as a PDF with the embedded Chinese font, issued by the district's committee office. */
    @Transactional(readOnly = true)
    public byte[] pdf(AnjianUser user, UUID id) {
        var d = document(user, id);
        OfficialDocument doc = OfficialDocument.start(font.get(), district.committee(), d.kind().title(), d.number())
                .addressee(d.addressee() + "：")
                .boldParagraph(d.subject());
        for (String paragraph : d.body().split("\\R+")) {
            if (!paragraph.isBlank()) {
                doc.paragraph(paragraph.strip());
            }
        }
        return doc.seal(d.issuedOn()).finish();
    }

    /** Whether the value is one of the allowed (an immutable set answers a null with an exception, not false). */
    private static boolean oneOf(String value, String... allowed) {
        return value != null && java.util.Arrays.asList(allowed).contains(value);
    }

    private static void required(List<FieldError> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "shared.validation.required", "必填"));
        } else if (value.length() > max) {
            errors.add(new FieldError(field, "shared.validation.tooLong", "过长"));
        }
    }

    private static void require(AnjianUser user, Role... roles) {
        if (!user.hasAnyRole(roles)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "shared.problem.forbidden", "forbidden");
        }
    }
}
