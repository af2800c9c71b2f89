package org.anjian.credit;

/** The credit module's part of the demo district; the {@code demo} module decides when it runs. */
public interface CreditDemo {

    /** A handful of decided, published and removed credit entries, once. */
    void load();
}
