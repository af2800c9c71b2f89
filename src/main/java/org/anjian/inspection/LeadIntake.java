package org.anjian.inspection;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Leads as other modules hand them in and follow them: a public report (12350) under verification may
 * need an inspection outside the plan, so its handler hands the inspection module a lead; the district
 * assigns it like any lead (a registered enterprise gets an unplanned inspection with reason LEAD), and
 * {@link LeadClosed} tells the report the outcome. No reporter identity crosses: it stays with the report.
 */
public interface LeadIntake {

    /**
     * What a public report says. {@code enterpriseId} is a registered enterprise or null; then
     * {@code siteName} names the site. {@code reference} is the report's own reference, kept in the description.
     */
    record ReportedLead(UUID enterpriseId, String siteName, String siteAddress, UUID townId, String description, String reference) {
    }

    /** A lead as the report shows it: its state, the inspection it planned (when assigned) and the outcome (when closed). */
    record LeadStatus(UUID leadId, String state, UUID inspectionId, String outcome, String result, Instant closedAt) {
    }

    /** Receives the lead for the report's handler, who the caller has checked may verify the report; answers the lead's id. */
    UUID receiveFromPublicReport(String handler, ReportedLead lead);

    /** The lead's status, whoever asks: the caller shows it only to those who may read the report. */
    Optional<LeadStatus> status(UUID leadId);
}
