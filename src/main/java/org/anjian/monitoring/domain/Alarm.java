package org.anjian.monitoring.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * An alarm's life cycle (MON-2): raised → acknowledged (the enterprise replies before
 * {@code replyDueAt}) → disposed (what was done) → cleared. A reply that is late escalates the
 * alarm to the town, and after a second period to the district. An open alarm can become a hazard
 * once. Each method returns the alarm after the step or refuses the step for the state it is in.
 */
public record Alarm(UUID id, UUID sensorId, UUID enterpriseId, AlarmCondition condition, AlarmLevel level, AlarmState state,
                    Escalation escalation, Instant raisedAt, Instant replyDueAt, Instant acknowledgedAt, String acknowledgedBy,
                    String reply, Instant disposedAt, String disposedBy, String disposal, Instant clearedAt, String clearedBy,
                    Instant escalatedAt, UUID hazardId, int version) {

    public Alarm acknowledge(String by, String text, Instant now) {
        if (state != AlarmState.RAISED) {
            throw new AlarmTransitionRefused(state, "响应");
        }
        return new Alarm(id, sensorId, enterpriseId, condition, level, AlarmState.ACKNOWLEDGED, escalation, raisedAt, replyDueAt, now, by,
                text, null, null, null, null, null, escalatedAt, hazardId, version);
    }

    public Alarm dispose(String by, String text, Instant now) {
        if (state != AlarmState.ACKNOWLEDGED) {
            throw new AlarmTransitionRefused(state, "处置");
        }
        return new Alarm(id, sensorId, enterpriseId, condition, level, AlarmState.DISPOSED, escalation, raisedAt, replyDueAt, acknowledgedAt,
                acknowledgedBy, reply, now, by, text, null, null, escalatedAt, hazardId, version);
    }

    public Alarm clear(String by, Instant now) {
        if (state != AlarmState.DISPOSED) {
            throw new AlarmTransitionRefused(state, "消警");
        }
        return new Alarm(id, sensorId, enterpriseId, condition, level, AlarmState.CLEARED, escalation, raisedAt, replyDueAt, acknowledgedAt,
                acknowledgedBy, reply, disposedAt, disposedBy, disposal, now, by, escalatedAt, hazardId, version);
    }

    /**
     * The escalation a still unanswered alarm has reached at {@code now}: the town once the reply is
     * late, the district once it is late by a further reply period. An answered alarm stays where it is.
     */
    public Escalation escalationAt(Instant now, Duration replyPeriod) {
        if (state != AlarmState.RAISED || !now.isAfter(replyDueAt)) {
            return escalation;
        }
        Escalation due = now.isAfter(replyDueAt.plus(replyPeriod)) ? Escalation.DISTRICT : Escalation.TOWN;
        return due.ordinal() > escalation.ordinal() ? due : escalation;
    }

    public Alarm escalate(Instant now, Duration replyPeriod) {
        Escalation due = escalationAt(now, replyPeriod);
        if (due == escalation) {
            return this;
        }
        return new Alarm(id, sensorId, enterpriseId, condition, level, state, due, raisedAt, replyDueAt, acknowledgedAt, acknowledgedBy, reply,
                disposedAt, disposedBy, disposal, clearedAt, clearedBy, now, hazardId, version);
    }

    public Alarm becameHazard(UUID hazard) {
        if (state == AlarmState.CLEARED) {
            throw new AlarmTransitionRefused(state, "转为隐患");
        }
        if (hazardId != null) {
            throw new AlarmTransitionRefused(state, "再次转为隐患");
        }
        return new Alarm(id, sensorId, enterpriseId, condition, level, state, escalation, raisedAt, replyDueAt, acknowledgedAt, acknowledgedBy,
                reply, disposedAt, disposedBy, disposal, clearedAt, clearedBy, escalatedAt, hazard, version);
    }

    public boolean replyLate(Instant now) {
        return acknowledgedAt == null ? now.isAfter(replyDueAt) : acknowledgedAt.isAfter(replyDueAt);
    }
}
