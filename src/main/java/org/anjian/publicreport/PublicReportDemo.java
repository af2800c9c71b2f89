package org.anjian.publicreport;

import java.util.List;
import java.util.UUID;

/** The public-report module's part of the demo district; the {@code demo} module decides when it runs. */
public interface PublicReportDemo {

    /**
     * Once: a dozen 12350 reports in every state of handling, some anonymous and some named (identity
     * encrypted), about these demo enterprises or free-text sites, one overdue, one with an inspection
     * lead, and one whose reward was paid (listed anonymously on the public page).
     */
    void load(List<UUID> enterpriseIds);
}
