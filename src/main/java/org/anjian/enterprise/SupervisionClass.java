package org.anjian.enterprise;

/** 分级分类监管: A is the highest risk and the most frequent inspection, D the lowest. */
public enum SupervisionClass {
    A, B, C, D;

    /** True when this class is of higher risk than {@code other}. */
    public boolean isHigherThan(SupervisionClass other) {
        return ordinal() < other.ordinal();
    }
}
