package org.anjian.inspection.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExamMarkingTest {

    /** A key of {@code n} questions all answered A, and answers with the first {@code right} right and the rest blank. */
    static List<Integer> key(int n) {
        return Collections.nCopies(n, 0);
    }

    static List<Integer> answers(int n, int right) {
        List<Integer> a = new ArrayList<>(Collections.nCopies(right, 0));
        a.addAll(Collections.nCopies(n - right, null));
        return a;
    }

    @Test
    void fifteenOfNineteenFailsAPassMarkOfEightyThoughItRoundsToSeventyNine() {
        ExamMarking.Result r = ExamMarking.mark(false, key(19), answers(19, 15), 80);
        assertThat(r.correct()).isEqualTo(15);
        assertThat(r.score()).isEqualTo(79);
        assertThat(r.passed()).isFalse();
    }

    @Test
    void eightOfTenReachesAPassMarkOfEighty() {
        assertThat(ExamMarking.mark(false, key(10), answers(10, 8), 80)).isEqualTo(new ExamMarking.Result(8, 80, true));
        assertThat(ExamMarking.mark(false, key(10), answers(10, 7), 80).passed()).isFalse();
    }

    @Test
    void anExamIsMarkedOnce() {
        assertThatThrownBy(() -> ExamMarking.mark(true, key(10), answers(10, 10), 80)).isInstanceOfSatisfying(InspectionRuleViolation.class, v -> {
            assertThat(v.reason()).isEqualTo("inspection.exam.answered");
            assertThat(v.isInvalidInput()).isFalse();
        });
    }

    @Test
    void everyQuestionIsAnsweredAToDOrLeftBlank() {
        assertThatThrownBy(() -> ExamMarking.mark(false, key(3), answers(2, 2), 80)).hasFieldOrPropertyWithValue("reason", "inspection.exam.answers");
        assertThatThrownBy(() -> ExamMarking.mark(false, key(3), Arrays.asList(0, 4, null), 80)).hasFieldOrPropertyWithValue("reason", "inspection.exam.answers");
        assertThat(ExamMarking.mark(false, key(3), Arrays.asList(3, null, 0), 80).correct()).isEqualTo(1);
    }
}
