package org.anjian.penalty.domain;

/**
 * One row of the discretion table (自由裁量基准): every condition that is not null must equal the
 * case's fact; the first matching rule by priority gives the recommendation and the band.
 */
public record DiscretionRule(String code, int priority, Boolean majorHazard, Boolean selfReported, Boolean rectifying, Boolean hidden,
                             Boolean firstOffence, Boolean minor, Boolean correctedPromptly, Boolean refusedToRectify,
                             Recommendation recommendation, long minYuan, long maxYuan, String description, String legalBasis) {

    public enum Recommendation {
        /** 指导服务，不予罚款. */
        GUIDANCE,
        /** 不予处罚. */
        NO_PENALTY,
        /** 从轻、减轻. */
        LIGHTER,
        /** 一般. */
        STANDARD,
        /** 从重. */
        HEAVIER
    }

    public boolean matches(CaseFacts f) {
        return eq(majorHazard, f.majorHazard()) && eq(selfReported, f.selfReported()) && eq(rectifying, f.rectifying()) && eq(hidden, f.hidden())
                && eq(firstOffence, f.firstOffence()) && eq(minor, f.minor()) && eq(correctedPromptly, f.correctedPromptly())
                && eq(refusedToRectify, f.refusedToRectify());
    }

    public boolean inBand(long fineYuan) {
        return fineYuan >= minYuan && fineYuan <= maxYuan;
    }

    private static boolean eq(Boolean condition, boolean fact) {
        return condition == null || condition == fact;
    }

    /** The first rule (lowest priority number) that matches, if any. */
    public static java.util.Optional<DiscretionRule> first(java.util.List<DiscretionRule> rules, CaseFacts facts) {
        return rules.stream().sorted(java.util.Comparator.comparingInt(DiscretionRule::priority)).filter(r -> r.matches(facts)).findFirst();
    }
}
