package org.anjian;

import com.jayway.jsonpath.PathNotFoundException;

/**
 * Waits for what an asynchronous event listener does after the commit, up to ten seconds. A JSON path
 * that is not there yet counts as not yet, like a failed assertion: a list answer reads its page and
 * its total in two statements, so a listener committing between them gives {@code "items":[]} with
 * {@code "total":1} for a moment.
 */
public final class Eventually {

    private Eventually() {
    }

    public interface Check {
        void run() throws Exception;
    }

    public static void eventually(Check check) throws Exception {
        Throwable last = null;
        for (int i = 0; i < 100; i++) {
            try {
                check.run();
                return;
            } catch (AssertionError | PathNotFoundException e) {
                last = e;
                Thread.sleep(100);
            }
        }
        if (last instanceof AssertionError a) {
            throw a;
        }
        throw (PathNotFoundException) last;
    }
}
