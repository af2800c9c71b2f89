package org.anjian.hazard.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.anjian.hazard.domain.ListedSupervision;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.organization.Region;
import org.anjian.organization.ScopeConditions;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.config.DistrictProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Escalation of overdue major hazards (DP-3): a major hazard past its rectification deadline is
 * listed for supervision by its town, with the town's safety office as supervisor and a new
 * deadline; one still open past the town's deadline goes up to the district. Runs every hour, on
 * one node, and on demand.
 */
@Component
public class HazardDeadlines {

    private static final Logger log = LoggerFactory.getLogger(HazardDeadlines.class);
    private final JdbcClient jdbc;
    private final HazardRepository repository;
    private final OrganizationDirectory organization;
    private final AuditTrail audit;
    private final Clock clock;
    private final int supervisionDays;
    private final ZoneId zone;

    HazardDeadlines(JdbcClient jdbc, HazardRepository repository, OrganizationDirectory organization, AuditTrail audit, Clock clock,
                    HazardProperties properties, DistrictProperties district) {
        this.zone = district.zone();
        this.jdbc = jdbc;
        this.repository = repository;
        this.organization = organization;
        this.audit = audit;
        this.clock = clock;
        this.supervisionDays = properties.supervisionDays();
    }

    @Scheduled(cron = "${anjian.hazard.escalation-cron:0 5 * * * *}", zone = "${anjian.district.zone:Asia/Shanghai}")
    @SchedulerLock(name = "hazard.escalateOverdue", lockAtMostFor = "PT10M")
    public void scheduled() {
        int n = escalateOverdue();
        if (n > 0) {
            log.info("Escalated {} overdue major hazards to listed supervision", n);
        }
    }

    /** Escalates what is due; answers how many hazards were listed or moved up. */
    @Transactional
    public int escalateOverdue() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        OffsetDateTime utcNow = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        List<UUID> toTown = jdbc.sql("""
                select id from hazard_hazard where grade = 'MAJOR' and supervision_level is null and deadline < ?
                  and state in ('REPORTED', 'PLANNED', 'RECTIFYING')""").param(utcNow).query(UUID.class).list();
        List<UUID> toDistrict = jdbc.sql("""
                select id from hazard_hazard where grade = 'MAJOR' and supervision_level = 'TOWN' and supervision_deadline < ?
                  and state in ('REPORTED', 'PLANNED', 'RECTIFYING')""").param(today).query(UUID.class).list();
        int done = 0;
        for (UUID id : toTown) {
            done += escalate(id, ListedSupervision.Level.TOWN, today, now);
        }
        for (UUID id : toDistrict) {
            done += escalate(id, ListedSupervision.Level.DISTRICT, today, now);
        }
        return done;
    }

    private int escalate(UUID id, ListedSupervision.Level level, LocalDate today, Instant now) {
        HazardRecord r = repository.find(id).orElseThrow();
        String supervisor = level == ListedSupervision.Level.TOWN
                ? organization.region(r.townId()).map(Region::name).orElse("镇街") + "安全生产委员会办公室"
                : organization.district().name() + "安全生产委员会办公室";
        ListedSupervision before = r.hazard().listedSupervision();
        r.hazard().listSupervision(new ListedSupervision(level, supervisor, today.plusDays(supervisionDays)));
        repository.saveState(r.hazard(), r.version());
        repository.addStep(id, "list-supervision", r.hazard().state(), r.hazard().state(), null, "系统（逾期自动挂牌）", now,
                level == ListedSupervision.Level.TOWN ? "整改逾期" : "镇街督办逾期，升级区级督办");
        audit.recordAs("system", null, "HAZARD_ESCALATED", "hazard", id, before, r.hazard().listedSupervision());
        return 1;
    }

    /** Hazards due within the given days and not yet rectified, for reminders on the dashboards. */
    @Transactional(readOnly = true)
    public long dueWithin(ScopeConditions.Condition scope, int days) {
        var params = new java.util.HashMap<String, Object>(scope.params());
        Instant now = clock.instant();
        params.put("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
        params.put("until", OffsetDateTime.ofInstant(now.plus(java.time.Duration.ofDays(days)), ZoneOffset.UTC));
        return jdbc.sql("select count(*) from hazard_hazard h where h.deadline >= :now and h.deadline < :until"
                        + " and h.state in ('REPORTED', 'PLANNED', 'RECTIFYING') and " + scope.sql())
                .params(params).query(Long.class).single();
    }

}
