package org.anjian.monitoring;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.anjian.shared.security.DataScope;

/**
 * Monitoring's alarms as the command view (一张图) reads them: the alarms not cleared in a scope, each with whether
 * its reply is overdue (raised, not acknowledged, past its reply deadline).
 */
public interface OpenAlarms {

    /** The live-update topic on which new and changed alarms are published (shared.live). */
    String LIVE_TOPIC = "alarm";

    /** An alarm not cleared (RAISED, ACKNOWLEDGED or DISPOSED) of a sensor of the enterprise. */
    record OpenAlarm(UUID id, UUID enterpriseId, UUID townId, String sector, String sensorName, String condition, String level, String state,
                     Instant raisedAt, Instant replyDueAt) {

        /** Not replied to by its deadline (未按时回复). */
        public boolean unrepliedAt(Instant now) {
            return "RAISED".equals(state) && replyDueAt != null && replyDueAt.isBefore(now);
        }
    }

    /** The alarms in the scope not cleared, newest first. */
    List<OpenAlarm> open(DataScope scope);
}
