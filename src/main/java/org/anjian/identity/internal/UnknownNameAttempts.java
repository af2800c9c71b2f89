package org.anjian.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The failed-attempt count of a name that is no account, kept like an account's so that the
 * lockout answers alike for both: the same count, the same lock, the same lock duration.
 */
@Component
class UnknownNameAttempts {

    record Attempts(int failed, Instant lockedUntil) {
        boolean isLockedAt(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }

    private final JdbcClient jdbc;

    UnknownNameAttempts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The attempts under this name, locked for update within the caller's transaction. */
    Optional<Attempts> find(String username) {
        return jdbc.sql("select failed_attempts, locked_until from identity_unknown_name_attempt where name_hash = ? for update")
                .param(key(username))
                .query((rs, n) -> new Attempts(rs.getInt(1),
                        rs.getObject(2, OffsetDateTime.class) == null ? null : rs.getObject(2, OffsetDateTime.class).toInstant()))
                .optional();
    }

    void recordFailure(String username, int attempts, Instant lockedUntil, Instant now) {
        jdbc.sql("""
                insert into identity_unknown_name_attempt (name_hash, failed_attempts, locked_until, last_attempt_at) values (?, ?, ?, ?)
                on conflict (name_hash) do update set failed_attempts = excluded.failed_attempts, locked_until = excluded.locked_until,
                  last_attempt_at = excluded.last_attempt_at""")
                .params(key(username), attempts, lockedUntil == null ? null : OffsetDateTime.ofInstant(lockedUntil, ZoneOffset.UTC),
                        OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .update();
    }

    static String key(String username) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(username.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
