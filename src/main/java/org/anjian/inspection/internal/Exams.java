package org.anjian.inspection.internal;

import org.anjian.shared.config.DistrictProperties;
import java.time.ZoneId;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.anjian.enterprise.Sector;
import org.anjian.inspection.ViolationCategory;
import org.anjian.inspection.domain.ExamMarking;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.error.DomainException.FieldError;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.Role;
import org.anjian.shared.excel.SheetRows;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 逢查必考 (ENF-3, TRN-3): on site the inspector draws questions for a key person of the
 * enterprise from the bank of its sector and the person's role, at random from a recorded seed
 * (so the draw can be re-run), and scores the answers. A result below the pass mark
 * ({@code anjian.inspection.exam.pass-mark}, default 80 of 100) is itself a finding of category
 * TRAINING.
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
    private final JdbcClient jdbc;
    private final InspectionService inspections;
    private final AuditTrail audit;
    private final Clock clock;
    private final int passMark;

    private final ZoneId zone;
    Exams(JdbcClient jdbc, InspectionService inspections, AuditTrail audit, Clock clock,
          InspectionProperties properties, DistrictProperties district) {
        this.zone = district.zone();
        this.jdbc = jdbc;
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

    public record NewExam(String examineeName, ExamineeRole examineeRole, Integer count) {
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
            added += jdbc.sql("""
                    insert into inspection_question (id, sector, examinee_role, text, options, correct, source, created_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (sector, examinee_role, text) do nothing""")
                    .params(UUID.randomUUID(), q.sector().name(), q.examineeRole().name(), q.text().trim(),
                            q.options().stream().map(String::trim).toArray(String[]::new), q.correct(), q.source().trim(),
                            OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).update();
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
        return jdbc.sql("""
                select * from inspection_question where (cast(:sector as text) is null or sector = :sector)
                and (cast(:role as text) is null or examinee_role = :role) order by sector, examinee_role, text""")
                .param("sector", sector == null ? null : sector.name()).param("role", role == null ? null : role.name())
                .query((rs, n) -> question(rs)).list();
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
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        long seed = SEEDS.nextLong();
        List<UUID> drawn = draw(i.sector(), n.examineeRole(), count, seed);
        if (drawn.size() < count) {
            throw DomainException.conflict("inspection.exam.notEnoughQuestions", "题库中该行业的题目不足 " + count + " 道");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into inspection_exam (id, inspection_id, examinee_name, examinee_role, seed, question_ids, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, inspectionId, n.examineeName().trim(), n.examineeRole().name(), seed, drawn.toArray(UUID[]::new), user.getUsername(),
                        OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).update();
        audit.record("INSPECTION_EXAM_STARTED", "inspection", inspectionId, null,
                Map.of("examId", id, "examinee", n.examineeName().trim(), "role", n.examineeRole(), "seed", seed, "questions", drawn));
        return exam(id);
    }

    List<UUID> draw(Sector sector, ExamineeRole role, int count, long seed) {
        List<UUID> own = jdbc.sql("select id from inspection_question where sector = ? and examinee_role = ? order by id")
                .params(sector.name(), role.name()).query(UUID.class).list();
        List<UUID> others = jdbc.sql("select id from inspection_question where sector = ? and examinee_role <> ? order by id")
                .params(sector.name(), role.name()).query(UUID.class).list();
        Random random = new Random(seed);
        List<UUID> a = new ArrayList<>(own);
        Collections.shuffle(a, random);
        List<UUID> b = new ArrayList<>(others);
        Collections.shuffle(b, random);
        a.addAll(b);
        return a.subList(0, Math.min(count, a.size()));
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
        jdbc.sql("""
                update inspection_exam set answers = ?, correct_count = ?, score = ?, passed = ?, finding_id = ?, answered_by = ?, answered_at = ?
                where id = ?""")
                .params(answers.stream().map(a -> a == null ? -1 : a).toArray(Integer[]::new), correct, score, passed, findingId, user.getUsername(),
                        OffsetDateTime.ofInstant(now, ZoneOffset.UTC), examId).update();
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
        return jdbc.sql("select id from inspection_exam where inspection_id = ? order by created_at, id").param(inspectionId).query(UUID.class).list()
                .stream().map(this::exam).toList();
    }

    private Exam exam(UUID id) {
        return jdbc.sql("select * from inspection_exam where id = ?").param(id).query((rs, n) -> {
            List<UUID> ids = Arrays.asList((UUID[]) rs.getArray("question_ids").getArray());
            Integer[] given = rs.getArray("answers") == null ? null : (Integer[]) rs.getArray("answers").getArray();
            Instant answeredAt = rs.getObject("answered_at", OffsetDateTime.class) == null ? null
                    : rs.getObject("answered_at", OffsetDateTime.class).toInstant();
            Map<UUID, Question> byId = new LinkedHashMap<>();
            jdbc.sql("select * from inspection_question where id = any(?)").param(ids.toArray(UUID[]::new)).query((r, k) -> question(r)).list()
                    .forEach(q -> byId.put(q.id(), q));
            List<AskedQuestion> asked = ids.stream().map(byId::get).map(q -> new AskedQuestion(q.id(), q.text(), q.options())).toList();
            List<Integer> key = ids.stream().map(q -> byId.get(q).correct()).toList();
            return new Exam(id, rs.getObject("inspection_id", UUID.class), rs.getString("examinee_name"), ExamineeRole.valueOf(rs.getString("examinee_role")),
                    rs.getLong("seed"), asked, given == null ? null : Arrays.stream(given).map(a -> a == null || a < 0 ? null : a).toList(),
                    answeredAt == null ? null : key, (Integer) rs.getObject("correct_count"), (Integer) rs.getObject("score"),
                    (Boolean) rs.getObject("passed"), passMark, rs.getObject("finding_id", UUID.class), rs.getString("created_by"),
                    rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("answered_by"), answeredAt);
        }).optional().orElseThrow(() -> DomainException.notFound("exam"));
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
        Map<UUID, Integer> correct = new LinkedHashMap<>();
        jdbc.sql("select id, correct from inspection_question where id = any(?)")
                .param(e.questions().stream().map(AskedQuestion::id).toArray(UUID[]::new))
                .query((rs, n) -> correct.put(rs.getObject("id", UUID.class), rs.getInt("correct"))).list();
        return e.questions().stream().map(q -> correct.get(q.id())).toList();
    }

    private static Question question(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Question(rs.getObject("id", UUID.class), Sector.valueOf(rs.getString("sector")), ExamineeRole.valueOf(rs.getString("examinee_role")),
                rs.getString("text"), List.of((String[]) rs.getArray("options").getArray()), rs.getInt("correct"), rs.getString("source"));
    }
}
