package org.anjian.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends to the SM3 chain. Appends are serialised by a transaction-scoped advisory lock, so the
 * chain stays linear with N nodes on one database; the entry joins the caller's transaction and is
 * rolled back with the change it describes.
 */
@Component
class JdbcAuditTrail implements AuditTrail {

    private static final long CHAIN_LOCK = 0x414E4A49414EL; // "ANJIAN"

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final Clock clock;

    JdbcAuditTrail(JdbcClient jdbc, PlatformTransactionManager txManager, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(txManager);
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void record(String action, String entityType, Object entityId, Object before, Object after) {
        Optional<AnjianUser> user = CurrentUser.get();
        recordAs(user.map(AnjianUser::getUsername).orElse("system"), user.map(AnjianUser::id).orElse(null),
                action, entityType, entityId, before, after);
    }

    @Override
    public void recordAs(String actor, UUID actorId, String action, String entityType, Object entityId, Object before, Object after) {
        String beforeJson = before == null ? null : json.writeValueAsString(before);
        String afterJson = after == null ? null : json.writeValueAsString(after);
        String client = clientAddress();
        tx.executeWithoutResult(status -> {
            jdbc.sql("select pg_advisory_xact_lock(?)").param(CHAIN_LOCK).query(Object.class).single();
            Optional<Head> head = jdbc.sql("select last_seq, last_hash from identity_audit_head where id = 1")
                    .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).optional();
            long seq = head.map(h -> h.seq() + 1).orElse(1L);
            String prev = head.map(Head::hash).orElse(AuditEntry.GENESIS);
            // timestamptz keeps microseconds; hash what will be read back
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            AuditEntry e = new AuditEntry(seq, UUID.randomUUID(), now, actorId, truncate(actor, 64), action, entityType,
                    entityId == null ? null : truncate(entityId.toString(), 64), beforeJson, afterJson, client, prev, null);
            String hash = e.computeHash();
            jdbc.sql("""
                    insert into identity_audit_entry (seq, id, occurred_at, actor_id, actor, action, entity_type, entity_id,
                      before_json, after_json, client_address, prev_hash, hash)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(e.seq(), e.id(), OffsetDateTime.ofInstant(now, ZoneOffset.UTC), e.actorId(), e.actor(), e.action(),
                            e.entityType(), e.entityId(), e.beforeJson(), e.afterJson(), e.clientAddress(), e.prevHash(), hash)
                    .update();
            jdbc.sql("""
                    insert into identity_audit_head (id, last_seq, last_hash) values (1, ?, ?)
                    on conflict (id) do update set last_seq = excluded.last_seq, last_hash = excluded.last_hash""")
                    .params(seq, hash).update();
        });
    }

    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            HttpServletRequest request = attrs.getRequest();
            return truncate(request.getRemoteAddr(), 64);
        }
        return null;
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    static AuditEntry map(ResultSet rs, int n) throws SQLException {
        return new AuditEntry(rs.getLong("seq"), rs.getObject("id", UUID.class),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getObject("actor_id", UUID.class),
                rs.getString("actor"), rs.getString("action"), rs.getString("entity_type"), rs.getString("entity_id"),
                rs.getString("before_json"), rs.getString("after_json"), rs.getString("client_address"),
                rs.getString("prev_hash"), rs.getString("hash"));
    }

    private record Head(long seq, String hash) {
    }
}
