package org.anjian.shared.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Gives the application a PostgreSQL when none is configured, so that one command runs the
 * platform on a fresh machine.
 *
 * <ul>
 *   <li>{@code spring.datasource.url} set (production, {@code SPRING_DATASOURCE_URL}): nothing happens.</li>
 *   <li>{@code ANJIAN_TEST_DB_URL} set and {@code anjian.embedded-db.mode=test}: tests use that server.</li>
 *   <li>otherwise an embedded PostgreSQL 17 starts, once per JVM. Its data directory persists under
 *       {@code anjian.embedded-db.data-dir} (default {@code ./data/postgres}); tests set
 *       {@code mode=test} to get a throw-away directory instead.</li>
 * </ul>
 * An environment post-processor rather than a bean: the URL must be known before Flyway, the
 * session store and ShedLock are configured.
 */
public class EmbeddedPostgresEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String DATABASE = "anjian";
    private static EmbeddedPostgres instance;
    private static final CountDownLatch STOPPED = new CountDownLatch(1);

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (StringUtils.hasText(env.getProperty("spring.datasource.url"))) {
            return;
        }
        if (!env.getProperty("anjian.embedded-db.enabled", Boolean.class, true)) {
            return;
        }
        boolean testMode = "test".equals(env.getProperty("anjian.embedded-db.mode"));
        Map<String, Object> props = new HashMap<>();
        String external = env.getProperty("ANJIAN_TEST_DB_URL");
        if (testMode && StringUtils.hasText(external)) {
            props.put("spring.datasource.url", external);
            putIfPresent(env, props, "ANJIAN_TEST_DB_USERNAME", "spring.datasource.username");
            putIfPresent(env, props, "ANJIAN_TEST_DB_PASSWORD", "spring.datasource.password");
        } else {
            EmbeddedPostgres pg = start(env, testMode);
            props.put("spring.datasource.url", pg.getJdbcUrl("postgres", DATABASE));
            props.put("spring.datasource.username", "postgres");
            props.put("spring.datasource.password", "");
        }
        env.getPropertySources().addFirst(new MapPropertySource("anjianEmbeddedDatabase", props));
    }

    private static void putIfPresent(ConfigurableEnvironment env, Map<String, Object> props, String from, String to) {
        String value = env.getProperty(from);
        if (StringUtils.hasText(value)) {
            props.put(to, value);
        }
    }

    private static synchronized EmbeddedPostgres start(ConfigurableEnvironment env, boolean testMode) {
        if (instance != null) {
            return instance;
        }
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPGStartupWait(java.time.Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("timezone", "UTC")
                    .setLocaleConfig("locale", "C.UTF-8")
                    .setLocaleConfig("encoding", "UTF8");
            if (testMode) {
                builder.setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off");
            } else {
                Path dataDir = Path.of(env.getProperty("anjian.embedded-db.data-dir", "./data/postgres")).toAbsolutePath();
                Files.createDirectories(dataDir.getParent());
                builder.setDataDirectory(dataDir).setCleanDataDirectory(false)
                        .setPort(env.getProperty("anjian.embedded-db.port", Integer.class, 54329));
            }
            // PostgreSQL must outlive the application contexts: their last act (the event registry's
            // check for unfinished publications, closing the pool) still needs the database. Spring's
            // shutdown hook stops it after every context has closed; the JVM hook is the fallback when
            // no Spring hook runs (some test set-ups), and waits for contexts to close first.
            builder.setRegisterShutdownHook(false);
            instance = builder.start();
            SpringApplication.getShutdownHandlers().add(EmbeddedPostgresEnvironmentPostProcessor::stop);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    STOPPED.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                stop();
            }, "embedded-postgres-stop"));
            createDatabaseIfMissing(instance);
            return instance;
        } catch (IOException e) {
            throw new UncheckedIOException("无法启动内嵌 PostgreSQL (embedded PostgreSQL failed to start)", e);
        }
    }

    private static synchronized void stop() {
        if (instance != null) {
            try {
                instance.close();
            } catch (IOException e) {
                // the process is going away either way; nothing to recover
            }
            instance = null;
        }
        STOPPED.countDown();
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres pg) {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            st.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + DATABASE, e);
        }
    }
}
