package org.anjian.monitoring.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Readings in monthly range partitions (UTC months), written with PostgreSQL {@code COPY}. A batch
 * is copied into a session-local staging table and moved with {@code insert … on conflict do
 * nothing}, so a redelivered reading (same sensor, same time) is stored once and never fails the batch.
 */
@Repository
class ReadingRepository {

    static final String TABLE = "monitoring_reading";
    private static final Pattern PARTITION = Pattern.compile("monitoring_reading_y(\\d{4})m(\\d{2})");

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    ReadingRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    record Row(UUID sensorId, Instant readAt, double value, Instant receivedAt) {
    }

    record Key(UUID sensorId, Instant readAt) {
    }

    /** Stores the rows in the current transaction; answers the keys of those that were new (not redelivered). */
    java.util.Set<Key> store(List<Row> rows) {
        if (rows.isEmpty()) {
            return java.util.Set.of();
        }
        jdbc.sql("""
                create temp table if not exists monitoring_reading_stage
                  (sensor_id uuid, read_at timestamptz, value double precision, received_at timestamptz) on commit delete rows""").update();
        copy("monitoring_reading_stage", rows);
        return new java.util.HashSet<>(jdbc.sql("insert into monitoring_reading select * from monitoring_reading_stage on conflict do nothing "
                + "returning sensor_id, read_at")
                .query((rs, n) -> new Key(rs.getObject("sensor_id", UUID.class), rs.getObject("read_at", OffsetDateTime.class).toInstant())).list());
    }

    /**
     * A raw {@code COPY} straight into the readings table: ingestion's path for readings later than
     * their sensor's last one (they cannot be stored yet), and the benchmark's yardstick. A reading
     * that is stored already fails it with a {@link org.springframework.dao.DuplicateKeyException}.
     */
    void copyRaw(List<Row> rows) {
        if (!rows.isEmpty()) {
            copy(TABLE, rows);
        }
    }

    private void copy(String table, List<Row> rows) {
        StringBuilder csv = new StringBuilder(rows.size() * 90);
        for (Row r : rows) {
            csv.append(r.sensorId()).append(',').append(OffsetDateTime.ofInstant(r.readAt(), ZoneOffset.UTC)).append(',')
                    .append(r.value()).append(',').append(OffsetDateTime.ofInstant(r.receivedAt(), ZoneOffset.UTC)).append('\n');
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy " + table + " (sensor_id, read_at, value, received_at) from stdin with (format csv)", new StringReader(csv.toString()));
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                throw new org.springframework.dao.DuplicateKeyException("COPY into " + table + ": a reading is stored already", e);
            }
            throw new org.springframework.dao.DataAccessResourceFailureException("COPY into " + table + " failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    long count(UUID sensorId) {
        return jdbc.sql("select count(*) from monitoring_reading where sensor_id = :s").param("s", sensorId).query(Long.class).single();
    }

    record Point(Instant at, double value) {
    }

    List<Point> recent(UUID sensorId, Instant since, int limit) {
        return jdbc.sql("select read_at, value from monitoring_reading where sensor_id = :s and read_at >= :since order by read_at desc limit :limit")
                .param("s", sensorId).param("since", SensorRepository.at(since)).param("limit", limit)
                .query((rs, n) -> new Point(rs.getObject("read_at", OffsetDateTime.class).toInstant(), rs.getDouble("value"))).list();
    }

    static String partitionName(YearMonth month) {
        return "monitoring_reading_y%04dm%02d".formatted(month.getYear(), month.getMonthValue());
    }

    /** Creates the month's partition unless it exists; the advisory lock keeps two nodes from racing. */
    void ensurePartition(YearMonth month) {
        jdbc.sql("select 1 from (select pg_advisory_xact_lock(hashtext('monitoring_reading_partitions'))) l").query(Integer.class).single();
        LocalDate from = month.atDay(1);
        LocalDate to = month.plusMonths(1).atDay(1);
        jdbc.sql("create table if not exists " + partitionName(month) + " partition of monitoring_reading for values from ('"
                + from + " 00:00:00+00') to ('" + to + " 00:00:00+00')").update();
    }

    List<YearMonth> partitions() {
        List<YearMonth> months = new ArrayList<>();
        for (String name : jdbc.sql("""
                select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent
                where p.relname = 'monitoring_reading'""").query(String.class).list()) {
            Matcher m = PARTITION.matcher(name);
            if (m.matches()) {
                months.add(YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
            }
        }
        months.sort(null);
        return months;
    }

    void dropPartition(YearMonth month) {
        jdbc.sql("select 1 from (select pg_advisory_xact_lock(hashtext('monitoring_reading_partitions'))) l").query(Integer.class).single();
        jdbc.sql("drop table if exists " + partitionName(month)).update();
    }

    /** A refused reading for the log. */
    record Refused(UUID enterpriseId, String channel, String sensor, String reason, String detail, Instant at) {
    }

    /** The refusals of a batch in one statement. */
    void refusedAll(List<Refused> refusals) {
        if (refusals.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into monitoring_refusal (enterprise_id, channel, sensor_code, reason, detail, refused_at)
                select * from unnest(cast(:e as uuid[]), cast(:channel as text[]), cast(:sensor as text[]), cast(:reason as text[]),
                  cast(:detail as text[]), cast(:at as timestamptz[]))""")
                .param("e", refusals.stream().map(r -> r.enterpriseId() == null ? null : r.enterpriseId().toString()).toArray(String[]::new))
                .param("channel", refusals.stream().map(r -> cut(r.channel(), 8)).toArray(String[]::new))
                .param("sensor", refusals.stream().map(r -> cut(r.sensor(), 64)).toArray(String[]::new))
                .param("reason", refusals.stream().map(Refused::reason).toArray(String[]::new))
                .param("detail", refusals.stream().map(r -> cut(r.detail(), 300)).toArray(String[]::new))
                .param("at", refusals.stream().map(r -> SensorRepository.at(r.at()).toString()).toArray(String[]::new)).update();
    }

    private static String cut(String s, int max) {
        return s == null ? null : s.length() > max ? s.substring(0, max) : s;
    }

    void refused(UUID enterpriseId, String channel, String sensor, String reason, String detail, Instant at) {
        jdbc.sql("""
                insert into monitoring_refusal (enterprise_id, channel, sensor_code, reason, detail, refused_at)
                values (:e, :channel, :sensor, :reason, :detail, :at)""")
                .param("e", enterpriseId).param("channel", channel)
                .param("sensor", sensor == null ? null : sensor.length() > 64 ? sensor.substring(0, 64) : sensor)
                .param("reason", reason).param("detail", detail == null ? null : detail.length() > 300 ? detail.substring(0, 300) : detail)
                .param("at", SensorRepository.at(at)).update();
    }
}
