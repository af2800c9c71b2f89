package org.anjian.monitoring.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether a reading may be stored (MON-2): a known sensor of the sender's enterprise, the sensor's
 * unit, a finite value, and a time neither far in the future (clock skew tolerated) nor older than
 * the oldest reading still accepted.
 */
public final class ReadingCheck {

    private ReadingCheck() {
    }

    /** Why a reading is refused; the names are the counter tags and the API's reasons. */
    public enum Refusal {
        MALFORMED("格式错误"), UNKNOWN_SENSOR("未知传感器"), NOT_OWNED("不属于发送企业的传感器"), WRONG_UNIT("单位与传感器不符"),
        FUTURE("时间超前"), TOO_OLD("时间过早"), DUPLICATE_IN_BATCH("同批重复");

        private final String label;

        Refusal(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The refusal for a reading of a known, owned sensor, or null when it may be stored. */
    public static Refusal check(SensorKind kind, String sensorUnit, String unit, Double value, Instant at, Instant now,
                                Duration futureTolerance, Duration maxAge) {
        if (value == null || value.isNaN() || value.isInfinite() || at == null) {
            return Refusal.MALFORMED;
        }
        if (unit == null || !unit.equals(sensorUnit) || !kind.accepts(unit)) {
            return Refusal.WRONG_UNIT;
        }
        if (at.isAfter(now.plus(futureTolerance))) {
            return Refusal.FUTURE;
        }
        if (at.isBefore(now.minus(maxAge))) {
            return Refusal.TOO_OLD;
        }
        return null;
    }
}
