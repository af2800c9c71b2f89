package org.anjian.inspection.domain;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** 逢查必考 (ENF-3): the examinee's own role first, the other roles only to make up the count, repeatable from the seed. */
class ExamQuestionDrawTest {

    static List<UUID> ids(int n, int base) {
        return IntStream.range(0, n).mapToObj(i -> new UUID(base, i)).toList();
    }

    @Test
    void theSameSeedDrawsTheSameQuestionsAndAnotherSeedOthers() {
        List<UUID> own = ids(20, 1);
        List<UUID> first = ExamQuestionDraw.draw(own, List.of(), 10, 20261129L);
        assertThat(ExamQuestionDraw.draw(own, List.of(), 10, 20261129L)).isEqualTo(first);
        assertThat(ExamQuestionDraw.draw(own, List.of(), 10, 7L)).isNotEqualTo(first);
    }

    @Test
    void questionsForTheOwnRoleComeFirstWhileTheBankHasEnough() {
        List<UUID> own = ids(10, 1);
        List<UUID> others = ids(10, 2);
        assertThat(ExamQuestionDraw.draw(own, others, 10, 1L)).containsExactlyInAnyOrderElementsOf(own);
    }

    @Test
    void otherRolesOfTheSectorMakeUpTheCountWhenTheOwnRoleHasTooFew() {
        List<UUID> own = ids(3, 1);
        List<UUID> others = ids(10, 2);
        List<UUID> drawn = ExamQuestionDraw.draw(own, others, 5, 1L);
        assertThat(drawn).hasSize(5);
        assertThat(drawn.subList(0, 3)).containsExactlyInAnyOrderElementsOf(own);
        assertThat(others).containsAll(drawn.subList(3, 5));
    }

    @Test
    void aBankWithTooFewQuestionsGivesAllItHas() {
        assertThat(ExamQuestionDraw.draw(ids(2, 1), ids(1, 2), 10, 1L)).hasSize(3);
        assertThat(ExamQuestionDraw.draw(List.of(), List.of(), 1, 1L)).isEmpty();
    }
}
