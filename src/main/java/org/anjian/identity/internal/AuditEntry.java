package org.anjian.identity.internal;

import java.time.Instant;
import java.util.UUID;

/** One link of the audit chain as stored. */
record AuditEntry(long seq, UUID id, Instant occurredAt, UUID actorId, String actor, String action, String entityType,
                  String entityId, String beforeJson, String afterJson, String clientAddress, String prevHash, String hash) {

    static final String GENESIS = "0".repeat(64);
    private static final char SEP = '\u001f';

    /** The exact text the hash covers: every column but the hash, in a fixed order. */
    String content() {
        StringBuilder sb = new StringBuilder(256);
        append(sb, Long.toString(seq));
        append(sb, id.toString());
        append(sb, occurredAt.toString());
        append(sb, actorId == null ? null : actorId.toString());
        append(sb, actor);
        append(sb, action);
        append(sb, entityType);
        append(sb, entityId);
        append(sb, beforeJson);
        append(sb, afterJson);
        append(sb, clientAddress);
        sb.append(prevHash);
        return sb.toString();
    }

    String computeHash() {
        return Sm3.hex(content());
    }

    private static void append(StringBuilder sb, String value) {
        // null and "" hash differently, so an emptied field is not mistaken for a missing one
        sb.append(value == null ? "\u2400" : value).append(SEP);
    }
}
