package org.anjian.shared.live.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node's ear on the database: a daemon thread with its own connection (not one of the pool's) doing
 * {@code LISTEN} on a channel and handing every payload to a consumer. A broken connection is closed and
 * opened again after a pause that grows from one second to half a minute; a quiet connection is probed with
 * {@code select 1} so a dead network is noticed too.
 */
public final class PgNotificationListener implements AutoCloseable {

    /** Opens a new connection to the shared database. */
    @FunctionalInterface
    public interface ConnectionSource {
        Connection open() throws SQLException;
    }

    private static final Logger log = LoggerFactory.getLogger(PgNotificationListener.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration PROBE = Duration.ofSeconds(30);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

    private final ConnectionSource source;
    private final String channel;
    private final Consumer<String> onPayload;
    private final Thread thread;
    private volatile boolean running;
    private volatile boolean listening;
    private volatile Connection current;

    public PgNotificationListener(ConnectionSource source, String channel, Consumer<String> onPayload) {
        if (!channel.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("channel must be a plain lower-case identifier: " + channel);
        }
        this.source = source;
        this.channel = channel;
        this.onPayload = onPayload;
        this.thread = new Thread(this::run, "live-listener-" + channel);
        this.thread.setDaemon(true);
    }

    public void start() {
        running = true;
        thread.start();
    }

    /** Whether the LISTEN is in place now (tests wait for it before they publish). */
    public boolean listening() {
        return listening;
    }

    /** Waits up to {@code timeout} for the LISTEN to be in place. */
    public boolean awaitListening(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!listening && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        return listening;
    }

    @Override
    public void close() {
        running = false;
        Connection c = current;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        Duration pause = Duration.ofSeconds(1);
        while (running) {
            try (Connection c = source.open()) {
                current = c;
                try (Statement st = c.createStatement()) {
                    st.execute("LISTEN " + channel);
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                listening = true;
                pause = Duration.ofSeconds(1);
                long lastProbe = System.nanoTime();
                while (running) {
                    PGNotification[] ns = pg.getNotifications((int) POLL.toMillis());
                    if (ns != null) {
                        for (PGNotification n : ns) {
                            deliver(n.getParameter());
                        }
                    }
                    if (System.nanoTime() - lastProbe > PROBE.toNanos()) {
                        try (Statement st = c.createStatement()) {
                            st.execute("select 1");
                        }
                        lastProbe = System.nanoTime();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("Live updates: listening on '{}' failed ({}); trying again in {} s", channel, e.getMessage(), pause.toSeconds());
                }
            } finally {
                listening = false;
                current = null;
            }
            if (running) {
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            }
        }
    }

    private void deliver(String payload) {
        try {
            onPayload.accept(payload);
        } catch (RuntimeException e) {
            log.warn("Live updates: a message on '{}' could not be handled: {}", channel, e.toString());
        }
    }
}
