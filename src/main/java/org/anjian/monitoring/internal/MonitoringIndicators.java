package org.anjian.monitoring.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
import org.anjian.shared.security.AnjianUser;
import org.springframework.stereotype.Service;

/**
 * MON-4 indicators within the reader's scope, per enterprise and per town: online rate (sensors online
 * now ÷ active sensors), commitment rate (monitored enterprises with an on-time commitment today ÷
 * monitored enterprises), alarm reply rate (alarms of the last 30 days answered within the reply
 * period ÷ alarms raised), 包保 duty rate (custodians of the major hazard sources whose latest duty is within their role's
 * cadence today ÷ custodians whose role has a cadence, 应急厅〔2021〕12号).
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

    public record Indicators(LocalDate day, Row district, List<Row> towns, List<Row> enterprises) {
    }

    private static Double rate(long part, long whole) {
        return whole == 0 ? null : Math.round(1000.0 * part / whole) / 10.0;
    }

    public Indicators of(AnjianUser user) {
        Sensors.requireReader(user);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, district.zone());
        Condition sensorScope = scopes.of(user.scope(), "s");
        Condition alarmScope = scopes.of(user.scope(), "a");
        Set<UUID> committed = new HashSet<>(commitments.onTime(scopes.of(user.scope(), "c"), today));
        Map<UUID, AlarmRepository.ReplyCount> replies = new HashMap<>();
        for (AlarmRepository.ReplyCount r : alarms.replyCounts(alarmScope, now.minus(Duration.ofDays(30)), now)) {
            replies.put(r.enterpriseId(), r);
        }
        List<Row> rows = new ArrayList<>();
        Map<UUID, long[]> towns = new LinkedHashMap<>();
        long[] all = new long[8];
        for (SensorRepository.OnlineCount c : sensors.onlineCounts(sensorScope, now, properties.missedIntervals())) {
            AlarmRepository.ReplyCount r = replies.get(c.enterpriseId());
            long raised = r == null ? 0 : r.raised();
            long replied = r == null ? 0 : r.repliedInTime();
            boolean done = committed.contains(c.enterpriseId());
            Duties.DutyCount duty = duties.count(c.enterpriseId(), today);
            String name = enterprises.find(c.enterpriseId()).map(EnterpriseSummary::name).orElse(String.valueOf(c.enterpriseId()));
            rows.add(new Row(c.enterpriseId(), name, c.sensors(), c.online(), rate(c.online(), c.sensors()), 1, done ? 1 : 0, done ? 100.0 : 0.0,
                    raised, replied, rate(replied, raised), duty.custodians(), duty.current(), rate(duty.current(), duty.custodians())));
            long[] t = towns.computeIfAbsent(c.townId(), k -> new long[8]);
            long[] add = {c.sensors(), c.online(), 1, done ? 1 : 0, raised, replied, duty.custodians(), duty.current()};
            for (int i = 0; i < 8; i++) {
                t[i] += add[i];
                all[i] += add[i];
            }
        }
        List<Row> townRows = new ArrayList<>();
        towns.forEach((town, t) -> townRows.add(row(town, null, t)));
        return new Indicators(today, row(null, district.authority(), all), townRows, rows);
    }

    private static Row row(UUID id, String name, long[] t) {
        return new Row(id, name, t[0], t[1], rate(t[1], t[0]), t[2], t[3], rate(t[3], t[2]), t[4], t[5], rate(t[5], t[4]), t[6], t[7],
                rate(t[7], t[6]));
    }
}
