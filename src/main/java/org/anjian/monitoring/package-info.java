/**
 * Monitoring and early warning (MON-1 … MON-5): sensors of major hazard sources, tanks, pipelines
 * and mine slopes; readings over MQTT and HTTP into monthly partitions; alarms for thresholds, rate
 * of change and silence with exactly one open alarm per sensor and condition (a partial unique
 * index, not luck); the alarm's life cycle raised → acknowledged → disposed → cleared with
 * escalation to town and district when the enterprise's reply is late; an alarm can become a hazard.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Monitoring and early warning",
        allowedDependencies = {"shared", "enterprise", "organization", "chemical", "hazard"})
package org.anjian.monitoring;
