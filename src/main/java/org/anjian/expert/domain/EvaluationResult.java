package org.anjian.expert.domain;

/** The outcome of an expert's annual evaluation (考核). */
public enum EvaluationResult {
    EXCELLENT,
    QUALIFIED,
    UNQUALIFIED,
    /** Too few services in the year to judge. */
    NOT_ASSESSED
}
