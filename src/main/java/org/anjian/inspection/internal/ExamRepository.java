package org.anjian.inspection.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.anjian.enterprise.Sector;
import org.anjian.inspection.internal.Exams.ExamineeRole;
import org.anjian.inspection.internal.Exams.NewQuestion;
import org.anjian.inspection.internal.Exams.Question;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The question bank ({@code inspection_question}) and the exams taken on site ({@code inspection_exam}). */
@Repository
class ExamRepository {

    /** An exam as stored: the question ids in the order asked, the answers given (-1 or null for none) and the marks. */
    record ExamRow(UUID id, UUID inspectionId, String examineeName, ExamineeRole examineeRole, long seed, List<UUID> questionIds,
                   Integer[] answers, Integer correctCount, Integer score, Boolean passed, UUID findingId, String createdBy,
                   Instant createdAt, String answeredBy, Instant answeredAt) {
    }

    private final JdbcClient jdbc;

    ExamRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the question unless the bank has it (same sector, role and text); whether it was added. */
    boolean insertQuestion(NewQuestion q, Instant at) {
        return jdbc.sql("""
                insert into inspection_question (id, sector, examinee_role, text, options, correct, source, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (sector, examinee_role, text) do nothing""")
                .params(UUID.randomUUID(), q.sector().name(), q.examineeRole().name(), q.text().trim(),
                        q.options().stream().map(String::trim).toArray(String[]::new), q.correct(), q.source().trim(),
                        InspectionRepository.utc(at)).update() == 1;
    }

    List<Question> questions(Sector sector, ExamineeRole role) {
        return jdbc.sql("""
                select * from inspection_question where (cast(:sector as text) is null or sector = :sector)
                and (cast(:role as text) is null or examinee_role = :role) order by sector, examinee_role, text""")
                .param("sector", sector == null ? null : sector.name()).param("role", role == null ? null : role.name())
                .query((rs, n) -> question(rs)).list();
    }

    /** The ids of the sector's questions for the role, ordered by id. */
    List<UUID> questionIdsFor(Sector sector, ExamineeRole role) {
        return jdbc.sql("select id from inspection_question where sector = ? and examinee_role = ? order by id")
                .params(sector.name(), role.name()).query(UUID.class).list();
    }

    /** The ids of the sector's questions for the other roles, ordered by id. */
    List<UUID> questionIdsForOtherRoles(Sector sector, ExamineeRole role) {
        return jdbc.sql("select id from inspection_question where sector = ? and examinee_role <> ? order by id")
                .params(sector.name(), role.name()).query(UUID.class).list();
    }

    /** The questions by id. */
    Map<UUID, Question> questionsById(List<UUID> ids) {
        Map<UUID, Question> byId = new LinkedHashMap<>();
        jdbc.sql("select * from inspection_question where id = any(?)").param(ids.toArray(UUID[]::new)).query((r, k) -> question(r)).list()
                .forEach(q -> byId.put(q.id(), q));
        return byId;
    }

    /** The correct answers (0–3) by question id. */
    Map<UUID, Integer> correctAnswers(List<UUID> ids) {
        Map<UUID, Integer> correct = new LinkedHashMap<>();
        jdbc.sql("select id, correct from inspection_question where id = any(?)")
                .param(ids.toArray(UUID[]::new))
                .query((rs, n) -> correct.put(rs.getObject("id", UUID.class), rs.getInt("correct"))).list();
        return correct;
    }

    void insertExam(UUID id, UUID inspectionId, String examineeName, ExamineeRole role, long seed, List<UUID> questionIds, String createdBy,
                    Instant createdAt) {
        jdbc.sql("""
                insert into inspection_exam (id, inspection_id, examinee_name, examinee_role, seed, question_ids, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, inspectionId, examineeName, role.name(), seed, questionIds.toArray(UUID[]::new), createdBy,
                        InspectionRepository.utc(createdAt)).update();
    }

    /** Records the marks; a blank answer is stored as -1. */
    void updateMarks(UUID examId, List<Integer> answers, int correct, int score, boolean passed, UUID findingId, String answeredBy, Instant answeredAt) {
        jdbc.sql("""
                update inspection_exam set answers = ?, correct_count = ?, score = ?, passed = ?, finding_id = ?, answered_by = ?, answered_at = ?
                where id = ?""")
                .params(answers.stream().map(a -> a == null ? -1 : a).toArray(Integer[]::new), correct, score, passed, findingId, answeredBy,
                        InspectionRepository.utc(answeredAt), examId).update();
    }

    List<UUID> examIdsOf(UUID inspectionId) {
        return jdbc.sql("select id from inspection_exam where inspection_id = ? order by created_at, id").param(inspectionId).query(UUID.class).list();
    }

    Optional<ExamRow> exam(UUID id) {
        return jdbc.sql("select * from inspection_exam where id = ?").param(id).query((rs, n) -> {
            List<UUID> ids = Arrays.asList((UUID[]) rs.getArray("question_ids").getArray());
            Integer[] given = rs.getArray("answers") == null ? null : (Integer[]) rs.getArray("answers").getArray();
            return new ExamRow(id, rs.getObject("inspection_id", UUID.class), rs.getString("examinee_name"),
                    ExamineeRole.valueOf(rs.getString("examinee_role")), rs.getLong("seed"), ids, given, (Integer) rs.getObject("correct_count"),
                    (Integer) rs.getObject("score"), (Boolean) rs.getObject("passed"), rs.getObject("finding_id", UUID.class),
                    rs.getString("created_by"), InspectionRepository.instant(rs, "created_at"),
                    rs.getString("answered_by"), InspectionRepository.instant(rs, "answered_at"));
        }).optional();
    }

    private static Question question(ResultSet rs) throws SQLException {
        return new Question(rs.getObject("id", UUID.class), Sector.valueOf(rs.getString("sector")), ExamineeRole.valueOf(rs.getString("examinee_role")),
                rs.getString("text"), List.of((String[]) rs.getArray("options").getArray()), rs.getInt("correct"), rs.getString("source"));
    }
}
