package org.anjian.identity.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/** Reads the audit trail for auditors: filters, paging, export. */
@Component
public class AuditQuery {

    private final JdbcClient jdbc;

    AuditQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Filter(String actor, String action, String entityType, String entityId, Instant from, Instant to) {
    }

    public record Row(long seq, UUID id, Instant occurredAt, String actor, String action, String entityType, String entityId,
                      String before, String after, String clientAddress, String hash) {
    }

    @Transactional(readOnly = true)
    public PageResult<Row> search(Filter f, PageRequest page) {
        List<Object> params = new ArrayList<>();
        String where = where(f, params);
        long total = jdbc.sql("select count(*) from identity_audit_entry" + where).params(params).query(Long.class).single();
        List<Object> p = new ArrayList<>(params);
        p.add(page.size());
        p.add(page.offset());
        List<Row> rows = jdbc.sql("select * from identity_audit_entry" + where + " order by seq desc limit ? offset ?")
                .params(p).query(JdbcAuditTrail::map).list().stream().map(AuditQuery::row).toList();
        return new PageResult<>(rows, total, page.page(), page.size());
    }

    /** Streams every matching row, oldest first, for export. */
    @Transactional(readOnly = true)
    public void forEach(Filter f, Consumer<Row> sink) {
        List<Object> params = new ArrayList<>();
        String where = where(f, params);
        try (var stream = jdbc.sql("select * from identity_audit_entry" + where + " order by seq").params(params)
                .query(JdbcAuditTrail::map).stream()) {
            stream.map(AuditQuery::row).forEach(sink);
        }
    }

    @Transactional(readOnly = true)
    public long countSince(Instant since) {
        return jdbc.sql("select count(*) from identity_audit_entry where occurred_at >= ?")
                .param(OffsetDateTime.ofInstant(since, ZoneOffset.UTC)).query(Long.class).single();
    }

    @Transactional(readOnly = true)
    public List<String> actions() {
        return jdbc.sql("select distinct action from identity_audit_entry order by action").query(String.class).list();
    }

    private static String where(Filter f, List<Object> params) {
        StringBuilder w = new StringBuilder(" where 1=1");
        if (StringUtils.hasText(f.actor())) {
            w.append(" and actor = ?");
            params.add(f.actor().trim());
        }
        if (StringUtils.hasText(f.action())) {
            w.append(" and action = ?");
            params.add(f.action().trim());
        }
        if (StringUtils.hasText(f.entityType())) {
            w.append(" and entity_type = ?");
            params.add(f.entityType().trim());
        }
        if (StringUtils.hasText(f.entityId())) {
            w.append(" and entity_id = ?");
            params.add(f.entityId().trim());
        }
        if (f.from() != null) {
            w.append(" and occurred_at >= ?");
            params.add(OffsetDateTime.ofInstant(f.from(), ZoneOffset.UTC));
        }
        if (f.to() != null) {
            w.append(" and occurred_at < ?");
            params.add(OffsetDateTime.ofInstant(f.to(), ZoneOffset.UTC));
        }
        return w.toString();
    }

    private static Row row(AuditEntry e) {
        return new Row(e.seq(), e.id(), e.occurredAt(), e.actor(), e.action(), e.entityType(), e.entityId(), e.beforeJson(),
                e.afterJson(), e.clientAddress(), e.hash());
    }
}
