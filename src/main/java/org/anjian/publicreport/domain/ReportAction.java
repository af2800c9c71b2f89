package org.anjian.publicreport.domain;

/** What the handlers may do to a report; each is allowed only in the states listed. */
public enum ReportAction {
    ACCEPT, REJECT, ASSIGN, VERIFY, RESULT, FEEDBACK, CLOSE, EXTEND;

    /** The action as written in the API path ({@code /api/v1/public-reports/{id}/{action}}). */
    public String path() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static java.util.Optional<ReportAction> fromPath(String path) {
        for (ReportAction a : values()) {
            if (a.path().equals(path)) {
                return java.util.Optional.of(a);
            }
        }
        return java.util.Optional.empty();
    }
}
