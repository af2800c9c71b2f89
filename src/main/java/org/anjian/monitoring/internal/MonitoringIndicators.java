package org.anjian.monitoring.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.anjian.enterprise.EnterpriseLookup;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.organization.ScopeConditions;
import org.anjian.organization.ScopeConditions.Condition;
import org.anjian.shared.config.DistrictProperties;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.security.AnjianUser;
import org.springframework.stereotype.Service;

/**
 * MON-4 indicators within the reader's scope, per enterprise and per town: online rate (sensors online
 * now ÷ active sensors), commitment rate (monitored enterprises with an on-time commitment today ÷
 * monitored enterprises), alarm reply rate (alarms of the last 30 days answered within the reply
 * period ÷ alarms raised), 包保 duty rate (over EVERY major hazard source in scope and every role with a cadence: those whose
 * latest duty is within the cadence ÷ all of them, 应急厅〔2021〕12号; an enterprise with major hazard sources and no sensor
 * counts here too).
 */
@Service
public class MonitoringIndicators {

    private final SensorRepository sensors;
    private final AlarmRepository alarms;
    private final CommitmentRepository commitments;
    private final Duties duties;
    private final EnterpriseLookup enterprises;
    private final ScopeConditions scopes;
    private final MonitoringProperties properties;
    private final DistrictProperties district;
    private final Clock clock;

    MonitoringIndicators(SensorRepository sensors, AlarmRepository alarms, CommitmentRepository commitments, Duties duties, EnterpriseLookup enterprises,
                         ScopeConditions scopes, MonitoringProperties properties, DistrictProperties district, Clock clock) {
        this.sensors = sensors;
        this.alarms = alarms;
        this.commitments = commitments;
        this.duties = duties;
        this.enterprises = enterprises;
        this.scopes = scopes;
        this.properties = properties;
        this.district = district;
        this.clock = clock;
    }

    public record Row(UUID id, String name, long sensors, long online, Double onlineRate, long enterprises, long committed, Double commitmentRate,
                      long alarms, long repliedInTime, Double replyRate, long custodians, long dutiesCurrent, Double dutyRate) {
    }

    /** {@code past}: a month before the current one, on its last day, without online figures. */
    public record Indicators(LocalDate day, YearMonth month, boolean past, Row district, List<Row> towns, List<Row> enterprises) {
    }

    private static Double rate(long part, long whole) {
        return whole == 0 ? null : Math.round(1000.0 * part / whole) / 10.0;
    }

    public Indicators of(AnjianUser user) {
        return of(user, null);
    }

    /**
     * The month is parsed here so that the API and the page refuse the same way: {@code YYYY-MM}, not after the current
     * month; null or blank is the current month.
     */
    public static YearMonth month(String month, LocalDate today) {
        if (month == null || month.isBlank()) {
            return null;
        }
        YearMonth m;
        try {
            m = YearMonth.parse(month.strip());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("month", "monitoring.bulletin.month", "月份格式应为 YYYY-MM，例如 2026-11");
        }
        if (m.isAfter(YearMonth.from(today))) {
            throw DomainException.invalid("month", "monitoring.bulletin.future", "不能选择未来的月份");
        }
        return m;
    }

    /**
     * The indicators of a month (null: now). For the current month: on today, the reply rate over the last 30 days. For a
     * past month: on its last day (commitments of that day, duties current on that day over every major hazard source)
     * and the reply rate of the alarms raised in the month; the online rate is a figure of the present (sensors online
     * now) and is not kept for the past, so it is left out (null) rather than shown with today's value.
     */
    public Indicators of(AnjianUser user, YearMonth month) {
        Sensors.requireReader(user);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, district.zone());
        boolean past = month != null && month.isBefore(YearMonth.from(today));
        LocalDate day = past ? month.atEndOfMonth() : today;
        Instant replyFrom = past ? month.atDay(1).atStartOfDay(district.zone()).toInstant() : now.minus(Duration.ofDays(30));
        Instant replyTo = past ? month.plusMonths(1).atDay(1).atStartOfDay(district.zone()).toInstant() : now;
        Condition sensorScope = scopes.of(user.scope(), "s");
        Condition alarmScope = scopes.of(user.scope(), "a");
        Set<UUID> committed = new HashSet<>(commitments.onTime(scopes.of(user.scope(), "c"), day));
        Map<UUID, AlarmRepository.ReplyCount> replies = new HashMap<>();
        for (AlarmRepository.ReplyCount r : alarms.replyCounts(alarmScope, replyFrom, replyTo)) {
            replies.put(r.enterpriseId(), r);
        }
        Map<UUID, Duties.DutyCount> dutyCounts = new LinkedHashMap<>(duties.counts(user.scope(), day));
        List<Row> rows = new ArrayList<>();
        Map<UUID, long[]> towns = new LinkedHashMap<>();
        long[] all = new long[8];
        List<SensorRepository.OnlineCount> monitored = new ArrayList<>(sensors.onlineCounts(sensorScope, now, properties.missedIntervals()));
        Set<UUID> withSensors = new HashSet<>();
        monitored.forEach(c -> withSensors.add(c.enterpriseId()));
        // enterprises with major hazard sources but no sensor still owe their 包保 duties: they count in the duty rate only
        for (UUID e : dutyCounts.keySet()) {
            if (!withSensors.contains(e)) {
                monitored.add(new SensorRepository.OnlineCount(e, enterprises.find(e).map(EnterpriseSummary::townId).orElse(null), 0, 0));
            }
        }
        for (SensorRepository.OnlineCount c : monitored) {
            boolean hasSensors = withSensors.contains(c.enterpriseId());
            AlarmRepository.ReplyCount r = replies.get(c.enterpriseId());
            long raised = r == null ? 0 : r.raised();
            long replied = r == null ? 0 : r.repliedInTime();
            long monitoredEnterprise = hasSensors ? 1 : 0;
            boolean done = hasSensors && committed.contains(c.enterpriseId());
            long online = past ? 0 : c.online();
            long sensorCount = past ? 0 : c.sensors();
            Duties.DutyCount duty = dutyCounts.getOrDefault(c.enterpriseId(), new Duties.DutyCount(0, 0));
            String name = enterprises.find(c.enterpriseId()).map(EnterpriseSummary::name).orElse(String.valueOf(c.enterpriseId()));
            rows.add(new Row(c.enterpriseId(), name, sensorCount, online, rate(online, sensorCount), monitoredEnterprise, done ? 1 : 0,
                    hasSensors ? (done ? 100.0 : 0.0) : null, raised, replied, rate(replied, raised), duty.custodians(), duty.current(),
                    rate(duty.current(), duty.custodians())));
            long[] t = towns.computeIfAbsent(c.townId(), k -> new long[8]);
            long[] add = {sensorCount, online, monitoredEnterprise, done ? 1 : 0, raised, replied, duty.custodians(), duty.current()};
            for (int i = 0; i < 8; i++) {
                t[i] += add[i];
                all[i] += add[i];
            }
        }
        List<Row> townRows = new ArrayList<>();
        towns.forEach((town, t) -> townRows.add(row(town, null, t)));
        return new Indicators(day, past ? month : YearMonth.from(today), past, row(null, district.authority(), all), townRows, rows);
    }

    private static Row row(UUID id, String name, long[] t) {
        return new Row(id, name, t[0], t[1], rate(t[1], t[0]), t[2], t[3], rate(t[3], t[2]), t[4], t[5], rate(t[5], t[4]), t[6], t[7],
                rate(t[7], t[6]));
    }
}
