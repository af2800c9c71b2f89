package org.anjian.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Walks the chain from the first entry and reports the first broken link: an entry whose content
 * no longer matches its hash (changed), whose previous hash does not match its predecessor
 * (changed or re-hashed predecessor), a missing sequence number (deleted), or a head that does not
 * match the last entry (newest entries removed).
 */
@Component
public class AuditChainVerifier {

    private static final int BATCH = 5_000;
    private final JdbcClient jdbc;
    private final Clock clock;

    AuditChainVerifier(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Verification verify() {
        String prev = AuditEntry.GENESIS;
        long expected = 1;
        long checked = 0;
        while (true) {
            List<AuditEntry> batch = jdbc.sql("select * from identity_audit_entry where seq >= ? order by seq limit ?")
                    .params(expected, BATCH).query(JdbcAuditTrail::map).list();
            for (AuditEntry e : batch) {
                if (e.seq() != expected) {
                    return Verification.broken(checked, expected, null, Problem.ENTRY_MISSING, clock.instant());
                }
                if (!e.computeHash().equals(e.hash())) {
                    return Verification.broken(checked, e.seq(), e.id(), Problem.CONTENT_CHANGED, clock.instant());
                }
                if (!e.prevHash().equals(prev)) {
                    return Verification.broken(checked, e.seq(), e.id(), Problem.LINK_BROKEN, clock.instant());
                }
                prev = e.hash();
                expected++;
                checked++;
            }
            if (batch.size() < BATCH) {
                break;
            }
        }
        final long total = checked;
        final String last = prev;
        Optional<Long> headSeq = jdbc.sql("select last_seq from identity_audit_head where id = 1").query(Long.class).optional();
        Optional<String> headHash = jdbc.sql("select last_hash from identity_audit_head where id = 1").query(String.class).optional();
        boolean headMatches = headSeq.map(s -> s == total).orElse(total == 0)
                && headHash.map(last::equals).orElse(total == 0);
        if (!headMatches) {
            return Verification.broken(checked, checked + 1, null, Problem.ENTRIES_REMOVED_AT_END, clock.instant());
        }
        return new Verification(true, checked, null, null, null, clock.instant());
    }

    public enum Problem {
        CONTENT_CHANGED, LINK_BROKEN, ENTRY_MISSING, ENTRIES_REMOVED_AT_END
    }

    /**
     * @param valid         whether every link holds
     * @param entries       entries checked before the first break (all of them when valid)
     * @param brokenSeq     the sequence number of the first broken link
     * @param brokenEntryId the entry at that link, when it still exists
     * @param problem       what is wrong there
     */
    public record Verification(boolean valid, long entries, Long brokenSeq, UUID brokenEntryId, Problem problem, Instant verifiedAt) {
        static Verification broken(long entries, long seq, UUID id, Problem problem, Instant at) {
            return new Verification(false, entries, seq, id, problem, at);
        }
    }
}
