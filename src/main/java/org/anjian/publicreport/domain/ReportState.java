package org.anjian.publicreport.domain;

/** Where a public report (举报) stands, from receipt to closing. */
public enum ReportState {
    /** 已接收: waiting for the district to accept or reject it. */
    RECEIVED,
    /** 已受理. */
    ACCEPTED,
    /** 不予受理 (the reporter sees the reason). */
    REJECTED,
    /** 已交办 to a town or department. */
    ASSIGNED,
    /** 核查中. */
    VERIFYING,
    /** 已核查: substantiated or not. */
    VERIFIED,
    /** 已反馈 to the reporter under the query code. */
    FEEDBACK_GIVEN,
    /** 已办结. */
    CLOSED
}
