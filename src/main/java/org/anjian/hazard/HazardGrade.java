package org.anjian.hazard;

/** 一般隐患 / 重大事故隐患. */
public enum HazardGrade {
    GENERAL, MAJOR
}
