package org.anjian.penalty.domain;

/**
 * The circumstances of a case the discretion rules look at (自由裁量情节).
 *
 * @param majorHazard      the violation is a 重大事故隐患
 * @param selfReported     the enterprise found and reported it itself (自查自报)
 * @param rectifying       and was rectifying it when it was found
 * @param hidden           it was not reported and the inspection found it (隐瞒不报)
 * @param firstOffence     首次违法
 * @param minor            危害后果轻微
 * @param correctedPromptly 及时改正
 * @param refusedToRectify 拒不执行整改指令
 */
public record CaseFacts(boolean majorHazard, boolean selfReported, boolean rectifying, boolean hidden, boolean firstOffence, boolean minor,
                        boolean correctedPromptly, boolean refusedToRectify) {

    /** No circumstance at all. */
    public static final CaseFacts NONE = new CaseFacts(false, false, false, false, false, false, false, false);

    /** Whether any circumstance is present. */
    public boolean any() {
        return majorHazard || selfReported || rectifying || hidden || firstOffence || minor || correctedPromptly || refusedToRectify;
    }
}
