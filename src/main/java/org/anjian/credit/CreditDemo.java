package org.anjian.credit;

/** The credit module's part of the demo district; the {@code demo} module decides when it runs. */
public interface CreditDemo {

    /** A handful of decided, published and removed credit entries, once. */
    void load();

    /**
     * Once: credit repair (信用修复) for the first demo enterprise (the demo enterprise user's): one entry with
     * a pending application, one removed early on an approved application, one in force it may still apply for.
     */
    void loadRepairs(java.util.List<java.util.UUID> enterpriseIds);
}
