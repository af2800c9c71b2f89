package org.anjian.identity.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.security.AnjianUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bearer tokens for machines. The token is shown once; only its SM3 hash is stored, so a copy of
 * the database does not hand out working tokens. Tokens expire and can be revoked.
 */
@Service
public class ApiTokenService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final JdbcClient jdbc;
    private final UserAccountRepository accounts;
    private final AuditTrail audit;
    private final IdentityProperties properties;
    private final Clock clock;

    ApiTokenService(JdbcClient jdbc, UserAccountRepository accounts, AuditTrail audit, IdentityProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** How stale a token's last-use date may be. */
    static final java.time.Duration LAST_USE_PRECISION = java.time.Duration.ofMinutes(1);

    private record Used(UUID userId, OffsetDateTime lastUsedAt) {
    }

    public record IssuedToken(UUID id, String token, Instant expiresAt) {
    }

    @Transactional
    public IssuedToken issue(AnjianUser user, String client) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = "aj_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        Instant expires = now.plus(properties.tokenValidity());
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into identity_api_token (id, user_id, token_hash, created_at, expires_at, client) values (?, ?, ?, ?, ?, ?)")
                .params(id, user.id(), Sm3.hex(token), utc(now), utc(expires), client == null ? null : client.substring(0, Math.min(100, client.length())))
                .update();
        audit.recordAs(user.getUsername(), user.id(), "TOKEN_ISSUED", "api-token", id, null, Map.of("expiresAt", expires.toString()));
        return new IssuedToken(id, token, expires);
    }

    /** The user a presented token belongs to, if the token is known, unexpired, unrevoked and its user may sign in. */
    @Transactional
    public Optional<AnjianUser> authenticate(String token) {
        if (token == null || !token.startsWith("aj_") || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String hash = Sm3.hex(token);
        // a read on every request; the write (and its commit's WAL flush) at most once a minute per token: a device
        // posting readings several times a second paid one synchronous commit per request for a last-use date
        Optional<Used> used = jdbc.sql("select user_id, last_used_at from identity_api_token where token_hash = ? and revoked_at is null and expires_at > ?")
                .params(hash, utc(now))
                .query((rs, n) -> new Used(rs.getObject("user_id", UUID.class), rs.getObject("last_used_at", OffsetDateTime.class)))
                .optional();
        used.filter(u -> u.lastUsedAt() == null || u.lastUsedAt().toInstant().isBefore(now.minus(LAST_USE_PRECISION)))
                .ifPresent(u -> jdbc.sql("update identity_api_token set last_used_at = ? where token_hash = ?").params(utc(now), hash).update());
        return used.map(Used::userId).flatMap(accounts::findById)
                .filter(a -> a.enabled() && !a.isLockedAt(now))
                .map(a -> a.principal(now));
    }

    @Transactional
    public boolean revoke(String token, AnjianUser by) {
        Optional<UUID> id = jdbc.sql("update identity_api_token set revoked_at = ? where token_hash = ? and revoked_at is null returning id")
                .params(utc(clock.instant()), Sm3.hex(token)).query(UUID.class).optional();
        id.ifPresent(t -> audit.recordAs(by.getUsername(), by.id(), "TOKEN_REVOKED", "api-token", t, null, null));
        return id.isPresent();
    }

    /** Revokes every live token of a user (disabled account, reset password, suspected leak). */
    @Transactional
    public int revokeAll(UUID userId) {
        int n = jdbc.sql("update identity_api_token set revoked_at = ? where user_id = ? and revoked_at is null")
                .params(utc(clock.instant()), userId).update();
        if (n > 0) {
            audit.record("TOKENS_REVOKED", "user", userId, null, Map.of("tokens", n));
        }
        return n;
    }

    /**
     * Tokens dead for 30 days are removed; their issue and revocation stay in the audit trail.
     * Once a night, on one node only.
     */
    @Scheduled(cron = "${anjian.identity.token-purge-cron:0 30 3 * * *}", zone = "${anjian.district.zone:Asia/Shanghai}")
    @SchedulerLock(name = "identity.purgeDeadTokens", lockAtMostFor = "PT10M")
    @Transactional
    public void purgeDeadTokens() {
        // ShedLock can only wrap methods without a result: a skipped run would have none to give
        OffsetDateTime cutoff = utc(clock.instant().minus(java.time.Duration.ofDays(30)));
        int purged = jdbc.sql("delete from identity_api_token where expires_at < ? or revoked_at < ?").params(cutoff, cutoff).update();
        if (purged > 0) {
            org.slf4j.LoggerFactory.getLogger(ApiTokenService.class).info("Purged {} API tokens dead for 30 days", purged);
        }
    }

    private static OffsetDateTime utc(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
