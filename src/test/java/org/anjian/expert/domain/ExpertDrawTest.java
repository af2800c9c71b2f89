package org.anjian.expert.domain;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.anjian.expert.Field;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExpertDrawTest {

    static UUID id(int n) {
        return UUID.fromString(String.format("00000000-0000-0000-0000-%012d", n));
    }

    static ExpertDraw.Candidate c(int n, long load, Field... fields) {
        return new ExpertDraw.Candidate(id(n), EnumSet.of(fields[0], fields), load);
    }

    static List<ExpertDraw.Candidate> tenChemists() {
        List<ExpertDraw.Candidate> list = new ArrayList<>();
        for (int n = 1; n <= 10; n++) {
            list.add(c(n, 0, Field.HAZARDOUS_CHEMICALS));
        }
        return list;
    }

    @Test
    void theSameSeedOverTheSamePoolPicksTheSameExpertsWhateverTheOrderTheyArriveIn() {
        List<ExpertDraw.Candidate> pool = tenChemists();
        List<ExpertDraw.Pick> first = ExpertDraw.draw(pool, Set.of(Field.HAZARDOUS_CHEMICALS), 3, "2026-insp-7");
        List<ExpertDraw.Candidate> reversed = new ArrayList<>(pool);
        java.util.Collections.reverse(reversed);
        assertThat(ExpertDraw.draw(reversed, Set.of(Field.HAZARDOUS_CHEMICALS), 3, "2026-insp-7")).isEqualTo(first);
        assertThat(first).hasSize(3).extracting(ExpertDraw.Pick::expertId).doesNotHaveDuplicates();
        // another seed gives another selection for at least one of twenty seeds (10 choose 3 = 120 outcomes)
        long different = java.util.stream.IntStream.range(0, 20)
                .mapToObj(i -> ExpertDraw.draw(pool, Set.of(Field.HAZARDOUS_CHEMICALS), 3, "seed-" + i)).filter(p -> !p.equals(first)).count();
        assertThat(different).isGreaterThan(0);
    }

    @Test
    void theExpertsWithFewestServicesThisYearGoFirst() {
        List<ExpertDraw.Candidate> pool = List.of(c(1, 4, Field.FIRE), c(2, 0, Field.FIRE), c(3, 1, Field.FIRE), c(4, 0, Field.FIRE), c(5, 9, Field.FIRE));
        for (String seed : List.of("a", "b", "c", "d")) {
            List<ExpertDraw.Pick> picks = ExpertDraw.draw(pool, Set.of(Field.FIRE), 3, seed);
            // the two with 0 services, then the one with 1; never those with 4 or 9
            assertThat(picks.subList(0, 2)).extracting(ExpertDraw.Pick::expertId).containsExactlyInAnyOrder(id(2), id(4));
            assertThat(picks.get(2).expertId()).isEqualTo(id(3));
        }
    }

    @Test
    void eachFieldGetsItsOwnExpertsAndNobodyIsPickedTwice() {
        // 1 knows both fields; 2 only electrical; 3 only chemicals
        List<ExpertDraw.Candidate> pool = List.of(c(1, 0, Field.HAZARDOUS_CHEMICALS, Field.ELECTRICAL), c(2, 0, Field.ELECTRICAL),
                c(3, 0, Field.HAZARDOUS_CHEMICALS));
        List<ExpertDraw.Pick> picks = ExpertDraw.draw(pool, EnumSet.of(Field.ELECTRICAL, Field.HAZARDOUS_CHEMICALS), 1, "x");
        assertThat(picks).hasSize(2);
        assertThat(picks.get(0).field()).isEqualTo(Field.HAZARDOUS_CHEMICALS); // declared order, not the set's
        assertThat(picks.get(1).field()).isEqualTo(Field.ELECTRICAL);
        assertThat(picks).extracting(ExpertDraw.Pick::expertId).doesNotHaveDuplicates();
    }

    @Test
    void tooFewExpertsInAFieldNamesTheField() {
        List<ExpertDraw.Candidate> pool = List.of(c(1, 0, Field.MINE), c(2, 0, Field.MINE), c(3, 0, Field.FIREWORKS));
        assertThat(ExpertDraw.draw(pool, Set.of(Field.MINE), 2, "s")).hasSize(2);
        assertThatThrownBy(() -> ExpertDraw.draw(pool, EnumSet.of(Field.MINE, Field.FIREWORKS), 2, "s"))
                .isInstanceOfSatisfying(ExpertDraw.Shortage.class, s -> {
                    assertThat(s.field()).isEqualTo(Field.FIREWORKS);
                    assertThat(s.available()).isEqualTo(1);
                });
        assertThatThrownBy(() -> ExpertDraw.draw(pool, Set.of(Field.CONSTRUCTION), 1, "s"))
                .isInstanceOfSatisfying(ExpertDraw.Shortage.class, s -> assertThat(s.available()).isZero());
    }
}
