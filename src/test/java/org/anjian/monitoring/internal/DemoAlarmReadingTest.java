package org.anjian.monitoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The demo's alarm reading never falls on a stored reading's time (the demo once failed in
 * {@code alarmsInEachState} when it reached that step within 30 s of the minute its normal readings ended on).
 */
class DemoAlarmReadingTest {

    private static final Instant LAST = Instant.parse("2026-12-02T04:00:00Z"); // the last normal reading, on the minute

    @Test
    void thirtySecondsAgoWhenThatIsAfterTheLastReading() {
        assertThat(DemoSensors.alarmReadingAt(Instant.parse("2026-12-02T04:00:31Z"), LAST)).isEqualTo("2026-12-02T04:00:01Z");
        assertThat(DemoSensors.alarmReadingAt(Instant.parse("2026-12-02T04:05:00Z"), null)).isEqualTo("2026-12-02T04:04:30Z");
    }

    @Test
    void oneSecondAfterTheLastReadingWhenThirtySecondsAgoWouldHitOrPrecedeIt() {
        // 04:00:30 - 30 s = 04:00:00, exactly the stored reading: that one was taken for a redelivery and raised nothing
        assertThat(DemoSensors.alarmReadingAt(Instant.parse("2026-12-02T04:00:30Z"), LAST)).isEqualTo("2026-12-02T04:00:01Z");
        assertThat(DemoSensors.alarmReadingAt(Instant.parse("2026-12-02T04:00:10Z"), LAST)).isEqualTo("2026-12-02T04:00:01Z");
    }
}
