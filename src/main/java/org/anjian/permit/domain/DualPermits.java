package org.anjian.permit.domain;

/**
 * GB 30871-2022 4.6: when one job involves two or more special works, each keeps its own requirements
 * and its own permit, and each permit names the linked ones. Hot work inside a confined space thus
 * needs both a 动火作业票 and a 受限空间作业票.
 */
public final class DualPermits {

    static final String MESSAGE = "受限空间内动火须同时办理受限空间作业票，并在动火作业票上填写关联的受限空间作业票编号（GB 30871-2022 4.6）";

    private DualPermits() {
    }

    public static boolean needsALinkedConfinedSpacePermit(WorkType type, boolean insideConfinedSpace) {
        return type == WorkType.HOT_WORK && insideConfinedSpace;
    }
}
