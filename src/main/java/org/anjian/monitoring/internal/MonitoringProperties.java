package org.anjian.monitoring.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The monitoring module's settings ({@code anjian.monitoring.*}).
 *
 * @param retentionMonths  readings are kept this many whole months before the current one; older partitions are dropped
 * @param monthsAhead      partitions created ahead of the current month
 * @param futureTolerance  a reading dated later than now plus this is refused (device clock skew)
 * @param maxAge           a reading dated earlier than now minus this is refused (late replays)
 * @param missedIntervals  a sensor is offline (silence alarm) after missing this many reporting intervals
 * @param replyPeriod      the enterprise replies to an alarm within this; late → town, late by another period → district
 * @param maxBatch         the most readings one HTTP request or MQTT message may carry
 * @param mqtt             the MQTT ingestion
 * @param simulator        the demo's live simulator
 * @param dutyCadence      per 包保 role (PRINCIPAL, TECHNICAL, OPERATIONAL) the longest time between two duties; a role
 *                         without a period is not counted in the duty rate. Defaults from 应急厅〔2021〕12号 as
 *                         REFERENCE-RULES §2 read it: TECHNICAL a quarter (Art. 5(5)), OPERATIONAL a week (Art. 6);
 *                         the principal's duties (Art. 4) set no period
 */
@ConfigurationProperties("anjian.monitoring")
public record MonitoringProperties(Integer retentionMonths, Integer monthsAhead, Duration futureTolerance, Duration maxAge,
                                   Integer missedIntervals, Duration replyPeriod, Integer maxBatch, Mqtt mqtt, Simulator simulator,
                                   java.util.Map<String, java.time.Period> dutyCadence) {

    public MonitoringProperties {
        retentionMonths = retentionMonths == null ? 13 : retentionMonths;
        monthsAhead = monthsAhead == null ? 2 : monthsAhead;
        futureTolerance = futureTolerance == null ? Duration.ofMinutes(5) : futureTolerance;
        maxAge = maxAge == null ? Duration.ofDays(7) : maxAge;
        missedIntervals = missedIntervals == null ? 3 : missedIntervals;
        replyPeriod = replyPeriod == null ? Duration.ofMinutes(30) : replyPeriod;
        maxBatch = maxBatch == null ? 5000 : maxBatch;
        mqtt = mqtt == null ? new Mqtt(null, null, null, null, null, null, null, null, null, null, null) : mqtt;
        simulator = simulator == null ? new Simulator(null, null) : simulator;
        dutyCadence = dutyCadence == null ? java.util.Map.of("TECHNICAL", java.time.Period.ofMonths(3), "OPERATIONAL", java.time.Period.ofDays(7))
                : java.util.Map.copyOf(dutyCadence);
    }

    /** The role's cadence; {@code null} where none is set. */
    public org.anjian.monitoring.domain.DutyCadence cadence(String role) {
        java.time.Period p = dutyCadence.get(role);
        return p == null ? null : new org.anjian.monitoring.domain.DutyCadence(p);
    }

    /**
     * @param enabled      subscribe to the readings topics at all
     * @param embedded     start the embedded broker (Moquette) on {@code embeddedPort}; the default run needs nothing else
     * @param embeddedPort the embedded broker's port (not 1883, which a machine's own Mosquitto may hold)
     * @param url          the broker to connect to; unset → the embedded broker
     * @param username     the platform's own account on an external broker
     * @param password     its password
     * @param sharedGroup  with an external broker, subscribe as {@code $share/<group>/...} so the nodes split the load; blank → plain
     * @param topicPrefix  devices publish to {@code <prefix>/<enterpriseId>}
     * @param linger       group commit ({@link IngestionQueue}, MQTT messages and HTTP requests): after the first submission of a
     *                     batch wait this long for more (0: take what is queued; under load batches grow while the previous commits)
     * @param batchMessages the most submissions in one transaction
     * @param batchReadings the most readings in one transaction (a batch is closed once it reaches this)
     */
    public record Mqtt(Boolean enabled, Boolean embedded, Integer embeddedPort, String url, String username, String password,
                       String sharedGroup, String topicPrefix, Duration linger, Integer batchMessages, Integer batchReadings) {
        public Mqtt {
            enabled = enabled == null || enabled;
            embedded = embedded == null || embedded;
            embeddedPort = embeddedPort == null ? 18830 : embeddedPort;
            sharedGroup = sharedGroup == null ? "anjian" : sharedGroup;
            topicPrefix = topicPrefix == null ? "anjian/readings" : topicPrefix;
            linger = linger == null ? Duration.ZERO : linger;
            batchMessages = batchMessages == null ? 500 : batchMessages;
            batchReadings = batchReadings == null ? 20_000 : batchReadings;
        }

        public String brokerUrl() {
            return url == null || url.isBlank() ? "tcp://127.0.0.1:" + embeddedPort : url;
        }
    }

    /** @param enabled the demo simulator publishes readings; @param period how often */
    public record Simulator(Boolean enabled, Duration period) {
        public Simulator {
            enabled = enabled != null && enabled;
            period = period == null ? Duration.ofSeconds(10) : period;
        }
    }
}
