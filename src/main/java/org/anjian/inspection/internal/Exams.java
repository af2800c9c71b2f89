package org.anjian.inspection.internal;

import org.anjian.shared.config.DistrictProperties;
import java.time.ZoneId;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anjian.enterprise.Sector;
import org.anjian.inspection.ViolationCategory;
import org.anjian.inspection.domain.ExamMarking;
import org.anjian.inspection.domain.ExamQuestionDraw;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.error.DomainException.FieldError;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.Role;
import org.anjian.shared.excel.SheetRows;
import org.anjian.training.CertificateRegistry;
import org.anjian.training.SpecialOperationCategory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 逢查必考 (ENF-3, TRN-3): on site the inspector draws questions for a key person of the
 * enterprise from the bank of its sector and the person's role, at random from a recorded seed
 * (so the draw can be re-run), and scores the answers. A result below the pass mark
 * ({@code anjian.inspection.exam.pass-mark}, default 80 of 100) is itself a finding of category
 * TRAINING. A special operator whose certificate number is given has it checked in the district's
 * certificate registry (training module) on the day: a number the registry does not know, or a
 * certificate not valid that day, is a finding of category SPECIAL_OPERATORS (无证上岗, 《安全生产法》第三十条),
 * recorded like every other finding so that it becomes the enterprise's hazard.
 */
@Service
@Transactional
public class Exams {

    public enum ExamineeRole {
        PRINCIPAL("主要负责人"), SAFETY_MANAGER("安全生产管理人员"), SPECIAL_OPERATOR("特种作业人员");

        private final String label;

        ExamineeRole(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private static final SecureRandom SEEDS = new SecureRandom();
    private final ExamRepository repository;
    private final InspectionService inspections;
    private final AuditTrail audit;
    private final Clock clock;
    private final int passMark;
    private final CertificateRegistry certificates;

    private final ZoneId zone;
    Exams(ExamRepository repository, InspectionService inspections, AuditTrail audit, Clock clock,
          InspectionProperties properties, DistrictProperties district, CertificateRegistry certificates) {
        this.certificates = certificates;
        this.zone = district.zone();
        this.repository = repository;
        this.inspections = inspections;
        this.audit = audit;
        this.clock = clock;
        this.passMark = properties.exam().passMark();
    }

    public record NewQuestion(Sector sector, ExamineeRole examineeRole, String text, List<String> options, Integer correct, String source) {
    }

    public record Question(UUID id, Sector sector, ExamineeRole examineeRole, String text, List<String> options, int correct, String source) {
    }

    /** A question as the examinee sees it: without the answer. */
    public record AskedQuestion(UUID id, String text, List<String> options) {
    }

    /**
     * @param certificateNumber   optional: the 特种作业操作证 a special operator shows, checked in the registry
     * @param certificateCategory optional: the category of work the operator does at the post (checked against the certificate's)
     */
    public record NewExam(String examineeName, ExamineeRole examineeRole, Integer count, String certificateNumber,
                          SpecialOperationCategory certificateCategory) {
        public NewExam(String examineeName, ExamineeRole examineeRole, Integer count) {
            this(examineeName, examineeRole, count, null, null);
        }
    }

    public record Answers(List<Integer> answers) {
    }

    public record Exam(UUID id, UUID inspectionId, String examineeName, ExamineeRole examineeRole, long seed, List<AskedQuestion> questions,
                       List<Integer> answers, List<Integer> correctAnswers, Integer correctCount, Integer score, Boolean passed, int passMark,
                       UUID findingId, String createdBy, Instant createdAt, String answeredBy, Instant answeredAt) {
    }

    public int passMark() {
        return passMark;
    }

    /** Adds questions to the bank; a question already there (same sector, role and text) is skipped. */
    public Map<String, Integer> importQuestions(AnjianUser user, List<NewQuestion> questions) {
        if (!user.hasRole(Role.DISTRICT_ADMIN)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "inspection.exam.forbidden", "only the district maintains the question bank");
        }
        if (questions == null || questions.isEmpty()) {
            throw DomainException.invalid("questions", "inspection.exam.noQuestions", "没有可导入的题目");
        }
        List<FieldError> errors = new ArrayList<>();
        for (int n = 0; n < questions.size(); n++) {
            NewQuestion q = questions.get(n);
            String at = "questions[" + n + "]";
            if (q == null) {
                // a JSON array may hold null: a field error, not a NullPointerException (InputFuzzTest found it)
                errors.add(new FieldError(at, "shared.validation.required", "必填"));
                continue;
            }
            if (q.sector() == null || q.examineeRole() == null) {
                errors.add(new FieldError(at + ".sector", "inspection.exam.question.sector", "请填写行业和考核对象"));
            }
            if (q.text() == null || q.text().isBlank() || q.text().length() > 1000) {
                errors.add(new FieldError(at + ".text", "shared.validation.required", "必填"));
            }
            if (q.options() == null || q.options().size() != 4 || q.options().stream().anyMatch(o -> o == null || o.isBlank())) {
                errors.add(new FieldError(at + ".options", "inspection.exam.question.options", "须有四个选项"));
            }
            if (q.correct() == null || q.correct() < 0 || q.correct() > 3) {
                errors.add(new FieldError(at + ".correct", "inspection.exam.question.correct", "正确答案须为 A–D"));
            }
            if (q.source() == null || q.source().isBlank() || q.source().length() > 200) {
                errors.add(new FieldError(at + ".source", "inspection.exam.question.source", "请填写法规依据"));
            }
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        int added = 0;
        for (NewQuestion q : questions) {
            added += repository.insertQuestion(q, clock.instant()) ? 1 : 0;
        }
        audit.record("EXAM_QUESTIONS_IMPORTED", "exam-question", "bank", null, Map.of("offered", questions.size(), "added", added));
        return Map.of("offered", questions.size(), "added", added, "skipped", questions.size() - added);
    }

    /**
     * Reads questions from an Excel sheet: 行业, 考核对象, 题目, A, B, C, D, 答案 (A–D), 依据, one per row
     * after the header row; sector and role by their names (NON_COAL_MINE, PRINCIPAL …).
     */
    public Map<String, Integer> importExcel(AnjianUser user, byte[] xlsx) {
        List<NewQuestion> questions = new ArrayList<>();
        try {
            for (SheetRows.RawRow row : SheetRows.read(new ByteArrayInputStream(xlsx), 9)) {
                String[] c = row.cells().toArray(String[]::new);
                if (c[2].isEmpty()) {
                    continue;
                }
                questions.add(new NewQuestion(parse(Sector.class, c[0]), parse(ExamineeRole.class, c[1]), c[2], List.of(c[3], c[4], c[5], c[6]),
                        c[7].length() == 1 && "ABCD".contains(c[7].toUpperCase()) ? "ABCD".indexOf(c[7].toUpperCase()) : null, c[8]));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DomainException d) {
                throw d;
            }
            throw DomainException.invalid("file", "inspection.exam.excel", "无法读取 Excel 文件");
        }
        return importQuestions(user, questions);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name) {
        try {
            return Enum.valueOf(type, name.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Transactional(readOnly = true)
    public List<Question> questions(AnjianUser user, Sector sector, ExamineeRole role) {
        if (!user.hasAnyRole(Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.AUDITOR)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "inspection.exam.forbidden", "forbidden");
        }
        return repository.questions(sector, role);
    }

    /**
     * Draws {@code count} questions for the examinee: first those for the role, then, when the bank
     * has too few, those for the other roles of the sector. The pool is ordered by id and shuffled by
     * the recorded seed, so the draw can be repeated.
     */
    public Exam start(AnjianUser user, UUID inspectionId, NewExam n) {
        InspectionService.Inspection i = inspections.get(user, inspectionId);
        InspectionService.requireOnTeam(user, i);
        if ("DONE".equals(i.state())) {
            throw DomainException.conflict("inspection.done", "the inspection is finished");
        }
        List<FieldError> errors = new ArrayList<>();
        if (n.examineeName() == null || n.examineeName().isBlank() || n.examineeName().length() > 64) {
            errors.add(new FieldError("examineeName", "inspection.exam.examineeName", "请填写被考核人姓名"));
        }
        if (n.examineeRole() == null) {
            errors.add(new FieldError("examineeRole", "inspection.exam.examineeRole", "请选择考核对象"));
        }
        int count = n.count() == null ? 10 : n.count();
        if (count < 1 || count > 50) {
            errors.add(new FieldError("count", "inspection.exam.count", "题目数量为 1–50"));
        }
        String certificateNumber = n.certificateNumber() == null || n.certificateNumber().isBlank() ? null : n.certificateNumber().strip();
        if (certificateNumber != null && certificateNumber.length() > 60) {
            errors.add(new FieldError("certificateNumber", "inspection.exam.certificateNumber", "证书编号不超过60字"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        long seed = SEEDS.nextLong();
        List<UUID> drawn = draw(i.sector(), n.examineeRole(), count, seed);
        if (drawn.size() < count) {
            throw DomainException.conflict("inspection.exam.notEnoughQuestions", "题库中该行业的题目不足 " + count + " 道");
        }
        UUID id = UUID.randomUUID();
        repository.insertExam(id, inspectionId, n.examineeName().trim(), n.examineeRole(), seed, drawn, user.getUsername(), clock.instant());
        Map<String, Object> after = new LinkedHashMap<>(
                Map.of("examId", id, "examinee", n.examineeName().trim(), "role", n.examineeRole(), "seed", seed, "questions", drawn));
        if (n.examineeRole() == ExamineeRole.SPECIAL_OPERATOR && certificateNumber != null) {
            after.put("certificateNumber", certificateNumber);
            UUID findingId = uncertified(user, inspectionId, n.examineeName().trim(), certificateNumber, n.certificateCategory());
            if (findingId != null) {
                after.put("certificateFindingId", findingId);
            }
        }
        audit.record("INSPECTION_EXAM_STARTED", "inspection", inspectionId, null, after);
        return exam(id);
    }

    /**
     * 无证上岗: a special operator's certificate the registry does not know, or not valid today (expired, review
     * missed, revoked, not yet issued, another category), is a finding on the inspection; returns its id, or
     * null when the certificate is valid.
     */
    private UUID uncertified(AnjianUser user, UUID inspectionId, String examinee, String number, SpecialOperationCategory category) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        CertificateRegistry.Check check = certificates.check(number, category, today);
        if (check.valid()) {
            return null;
        }
        String why = switch (check.reason() == null ? "" : check.reason()) {
            case "UNKNOWN" -> "特种作业操作证登记中查无此证";
            case "OTHER_CATEGORY" -> "证书类别不是" + (category == null ? "所从事的作业" : category.label());
            case "NOT_YET_ISSUED" -> "证书尚未发证";
            case "EXPIRED" -> "证书已于" + check.validUntil() + "到期失效";
            case "REVIEW_OVERDUE" -> "证书未按期复审，已失效";
            case "REVOKED" -> "证书已被撤销";
            default -> "证书无效";
        };
        // the operator must stop at once: the deadline is today
        return inspections.recordFinding(user, inspectionId, new InspectionService.NewFinding("现场考核",
                "特种作业人员无证上岗（被考核人：" + examinee + "，证书编号 " + number + "：" + why + "）", false, null,
                "《中华人民共和国安全生产法》第三十条", today, null, null, ViolationCategory.SPECIAL_OPERATORS)).id();
    }

    List<UUID> draw(Sector sector, ExamineeRole role, int count, long seed) {
        return ExamQuestionDraw.draw(repository.questionIdsFor(sector, role), repository.questionIdsForOtherRoles(sector, role), count, seed);
    }

    /** Scores the answers (0–3 for A–D, null for none, in the order asked); below the pass mark records a TRAINING finding. */
    public Exam answer(AnjianUser user, UUID inspectionId, UUID examId, Answers body) {
        InspectionService.Inspection i = inspections.get(user, inspectionId);
        InspectionService.requireOnTeam(user, i);
        Exam e = exam(examId);
        if (!e.inspectionId().equals(inspectionId)) {
            throw DomainException.notFound("exam");
        }
        List<Integer> answers = body == null || body.answers() == null ? List.of() : body.answers();
        ExamMarking.Result marked = Refusals.get(() -> ExamMarking.mark(e.answeredAt() != null, answerKey(e), answers, passMark));
        int correct = marked.correct();
        int score = marked.score();
        boolean passed = marked.passed();
        UUID findingId = null;
        if (!passed) {
            LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
            findingId = inspections.recordFinding(user, inspectionId, new InspectionService.NewFinding("现场考核",
                    e.examineeRole().label() + "安全生产知识考核不合格（得分 " + score + " 分）（被考核人：" + e.examineeName() + "）", false, null,
                    "《中华人民共和国安全生产法》第二十七条、第二十八条", today.plusDays(30), null, null, ViolationCategory.TRAINING)).id();
        }
        Instant now = clock.instant();
        repository.updateMarks(examId, answers, correct, score, passed, findingId, user.getUsername(), now);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("examId", examId);
        after.put("score", score);
        after.put("passed", passed);
        after.put("passMark", passMark);
        if (findingId != null) {
            after.put("findingId", findingId);
        }
        audit.record("INSPECTION_EXAM_SCORED", "inspection", inspectionId, null, after);
        return exam(examId);
    }

    @Transactional(readOnly = true)
    public Exam exam(AnjianUser user, UUID inspectionId, UUID examId) {
        inspections.get(user, inspectionId);
        Exam e = exam(examId);
        if (!e.inspectionId().equals(inspectionId)) {
            throw DomainException.notFound("exam");
        }
        return e;
    }

    @Transactional(readOnly = true)
    public List<Exam> examsOf(UUID inspectionId) {
        return repository.examIdsOf(inspectionId).stream().map(this::exam).toList();
    }

    private Exam exam(UUID id) {
        ExamRepository.ExamRow row = repository.exam(id).orElseThrow(() -> DomainException.notFound("exam"));
        List<UUID> ids = row.questionIds();
        Map<UUID, Question> byId = repository.questionsById(ids);
        List<AskedQuestion> asked = ids.stream().map(byId::get).map(q -> new AskedQuestion(q.id(), q.text(), q.options())).toList();
        List<Integer> key = ids.stream().map(q -> byId.get(q).correct()).toList();
        Integer[] given = row.answers();
        return new Exam(id, row.inspectionId(), row.examineeName(), row.examineeRole(), row.seed(), asked,
                given == null ? null : Arrays.stream(given).map(a -> a == null || a < 0 ? null : a).toList(),
                row.answeredAt() == null ? null : key, row.correctCount(), row.score(), row.passed(), passMark, row.findingId(), row.createdBy(),
                row.createdAt(), row.answeredBy(), row.answeredAt());
    }

    /** Answers with exactly {@code right} of them correct, for the demo district. */
    List<Integer> demoAnswers(Exam e, int right) {
        List<Integer> key = answerKey(e);
        List<Integer> given = new ArrayList<>();
        for (int k = 0; k < key.size(); k++) {
            given.add(k < right ? key.get(k) : (key.get(k) + 1) % 4);
        }
        return given;
    }

    private List<Integer> answerKey(Exam e) {
        Map<UUID, Integer> correct = repository.correctAnswers(e.questions().stream().map(AskedQuestion::id).toList());
        return e.questions().stream().map(q -> correct.get(q.id())).toList();
    }
}
