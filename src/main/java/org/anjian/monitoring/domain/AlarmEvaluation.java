package org.anjian.monitoring.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which conditions a new reading raises and which it shows back to normal (MON-2): thresholds
 * HH/H/L/LL, and the rate of change against the previous reading, in units per minute.
 */
public final class AlarmEvaluation {

    private AlarmEvaluation() {
    }

    /** A condition the reading is in, with its level, the value and the limit crossed. */
    public record Trigger(AlarmCondition condition, AlarmLevel level, double value, Double limit) {
    }

    public record Outcome(List<Trigger> raised, Set<AlarmCondition> normal) {
    }

    /**
     * @param previousValue the sensor's last reading before this one, or null
     * @param previousAt    when it was read, or null
     * @param ratePerMinute the largest change per minute that is not an alarm, or null for no rate alarm
     */
    public static Outcome evaluate(Thresholds t, Double ratePerMinute, Double previousValue, Instant previousAt, double value, Instant at) {
        List<Trigger> raised = new ArrayList<>();
        Set<AlarmCondition> normal = EnumSet.noneOf(AlarmCondition.class);
        AlarmLevel high = t.high(value);
        if (high != null) {
            raised.add(new Trigger(AlarmCondition.HIGH, high, value, t.limit(high)));
        } else {
            normal.add(AlarmCondition.HIGH);
        }
        AlarmLevel low = t.low(value);
        if (low != null) {
            raised.add(new Trigger(AlarmCondition.LOW, low, value, t.limit(low)));
        } else {
            normal.add(AlarmCondition.LOW);
        }
        if (ratePerMinute != null && previousValue != null && previousAt != null && at.isAfter(previousAt)) {
            double minutes = Duration.between(previousAt, at).toMillis() / 60_000.0;
            double rate = Math.abs(value - previousValue) / minutes;
            if (rate > ratePerMinute) {
                raised.add(new Trigger(AlarmCondition.RATE, AlarmLevel.RATE, value, ratePerMinute));
            } else {
                normal.add(AlarmCondition.RATE);
            }
        }
        normal.add(AlarmCondition.OFFLINE);
        return new Outcome(raised, normal);
    }

    /** Silence: a sensor is offline once it has missed {@code missed} reporting intervals. */
    public static boolean offline(Instant lastReadAt, Instant since, Duration interval, int missed, Instant now) {
        Instant reference = lastReadAt != null ? lastReadAt : since;
        return reference.plus(interval.multipliedBy(missed)).isBefore(now);
    }
}
