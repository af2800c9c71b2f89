package org.anjian;

/** Waits for what an asynchronous event listener does after the commit, up to ten seconds. */
public final class Eventually {

    private Eventually() {
    }

    public interface Check {
        void run() throws Exception;
    }

    public static void eventually(Check check) throws Exception {
        AssertionError last = null;
        for (int i = 0; i < 100; i++) {
            try {
                check.run();
                return;
            } catch (AssertionError e) {
                last = e;
                Thread.sleep(100);
            }
        }
        throw last;
    }
}
