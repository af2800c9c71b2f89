package org.anjian.governance;

/** The assessment's part of the demo district; the {@code demo} module decides when it runs. */
public interface GovernanceDemo {

    /** Targets for the demo year and this month's scores from the facts received so far, once. */
    void load();
}
