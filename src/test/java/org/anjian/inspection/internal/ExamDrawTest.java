package org.anjian.inspection.internal;

import java.util.List;
import java.util.UUID;
import org.anjian.AnjianIntegrationTest;
import org.anjian.enterprise.Sector;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** 逢查必考 draws are reproducible from the recorded seed, and take the examinee's role first. */
@AnjianIntegrationTest
class ExamDrawTest {

    @Autowired Exams exams;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void theSameSeedDrawsTheSameQuestionsAndTheRoleComesFirst() {
        List<UUID> first = exams.draw(Sector.NON_COAL_MINE, Exams.ExamineeRole.PRINCIPAL, 10, 20261129L);
        assertThat(exams.draw(Sector.NON_COAL_MINE, Exams.ExamineeRole.PRINCIPAL, 10, 20261129L)).isEqualTo(first);
        assertThat(exams.draw(Sector.NON_COAL_MINE, Exams.ExamineeRole.PRINCIPAL, 10, 7L)).isNotEqualTo(first);
        assertThat(first).hasSize(10).doesNotHaveDuplicates();
        long principalQuestions = jdbc.sql("select count(*) from inspection_question where sector = 'NON_COAL_MINE' and examinee_role = 'PRINCIPAL'")
                .query(Long.class).single();
        assertThat(principalQuestions).isGreaterThanOrEqualTo(10);
        for (UUID id : first) {
            assertThat(jdbc.sql("select examinee_role from inspection_question where id = ?").param(id).query(String.class).single())
                    .isEqualTo("PRINCIPAL");
        }
        // more questions than the role has: the role's all come first, then the sector's others
        int all = (int) principalQuestions + 3;
        List<UUID> wide = exams.draw(Sector.NON_COAL_MINE, Exams.ExamineeRole.PRINCIPAL, all, 1L);
        assertThat(wide).hasSize(all);
        for (UUID id : wide.subList((int) principalQuestions, all)) {
            assertThat(jdbc.sql("select examinee_role from inspection_question where id = ?").param(id).query(String.class).single())
                    .isNotEqualTo("PRINCIPAL");
        }
    }
}
