package org.anjian.accident;

/** The grades of State Council Decree 493, Article 3. */
public enum AccidentGrade {
    /** 一般事故. */
    ORDINARY,
    /** 较大事故. */
    LARGER,
    /** 重大事故. */
    MAJOR,
    /** 特别重大事故. */
    EXTRAORDINARY;

    public boolean atLeast(AccidentGrade other) {
        return compareTo(other) >= 0;
    }
}
