package org.anjian.accident;

/** 已报告 → 调查中 → 结案. */
public enum AccidentState {
    REPORTED, INVESTIGATING, CLOSED
}
