package org.anjian.enterprise;

/** Statistical size class: 规上 (industry above designated size), 限上 (trade above quota), 小微. */
public enum Scale {
    ABOVE_SIZE, ABOVE_QUOTA, SMALL_MICRO
}
