package org.anjian.inspection.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * 逢查必考 question draw: the questions for the examinee's own role come first, and only when the
 * bank has too few are those for the other roles of the sector added. Each group is ordered by id
 * and shuffled by the recorded seed, so the same seed draws the same questions again.
 */
public final class ExamQuestionDraw {

    private ExamQuestionDraw() {
    }

    /**
     * Draws up to {@code count} questions.
     *
     * @param ownRole    the ids of the questions for the examinee's role, ordered by id
     * @param otherRoles the ids of the questions for the other roles of the sector, ordered by id
     */
    public static List<UUID> draw(List<UUID> ownRole, List<UUID> otherRoles, int count, long seed) {
        Random random = new Random(seed);
        List<UUID> a = new ArrayList<>(ownRole);
        Collections.shuffle(a, random);
        List<UUID> b = new ArrayList<>(otherRoles);
        Collections.shuffle(b, random);
        a.addAll(b);
        return a.subList(0, Math.min(count, a.size()));
    }
}
