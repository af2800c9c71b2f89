package org.anjian.penalty.domain;

/** What can be done to a case; each is one API action and one row of the timeline. */
public enum CaseAction {
    INVESTIGATE("investigation-records"),
    PROPOSE("proposal"),
    SUBMIT_REVIEW("legal-review"),
    APPROVE_REVIEW("legal-review/decision"),
    RETURN_REVIEW("legal-review/decision"),
    NOTIFY("notice"),
    REQUEST_HEARING("hearing-request"),
    RECORD_HEARING("hearing"),
    DECIDE("decision"),
    RECORD_PAYMENT("payments"),
    APPLY_ENFORCEMENT("enforcement-application"),
    CLOSE("close"),
    NO_PENALTY("no-penalty"),
    TRANSFER("transfer");

    private final String path;

    CaseAction(String path) {
        this.path = path;
    }

    /** The last part of {@code POST /api/v1/penalty-cases/{id}/...}. */
    public String path() {
        return path;
    }
}
