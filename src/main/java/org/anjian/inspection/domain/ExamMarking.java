package org.anjian.inspection.domain;

import java.util.List;

/**
 * 逢查必考 marking: an exam is marked once; the answers are one per question, each A–D (0–3) or
 * left blank (null). The score is the rounded percentage of correct answers, but the exam is
 * passed on the exact share: 15 of 19 (78.9 %) fails a pass mark of 80 whatever the rounding.
 */
public final class ExamMarking {

    /** The result: how many were right, the score out of 100 and whether the pass mark was reached. */
    public record Result(int correct, int score, boolean passed) {
    }

    private ExamMarking() {
    }

    /**
     * Marks the answers against the key.
     *
     * @param alreadyMarked whether the exam was marked before
     * @param passMark      the pass mark out of 100
     */
    public static Result mark(boolean alreadyMarked, List<Integer> key, List<Integer> answers, int passMark) {
        if (alreadyMarked) {
            throw InspectionRuleViolation.refused("inspection.exam.answered", "该考核已评分");
        }
        if (answers.size() != key.size() || answers.stream().anyMatch(a -> a != null && (a < 0 || a > 3))) {
            throw InspectionRuleViolation.invalid("answers", "inspection.exam.answers", "答案数量须与题目数量一致，每题为 A–D");
        }
        int correct = 0;
        for (int k = 0; k < key.size(); k++) {
            if (key.get(k).equals(answers.get(k))) {
                correct++;
            }
        }
        int score = Math.round(100f * correct / key.size());
        boolean passed = correct * 100 >= passMark * key.size();
        return new Result(correct, score, passed);
    }
}
