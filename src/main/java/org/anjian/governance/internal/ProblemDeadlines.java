package org.anjian.governance.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.anjian.governance.ProblemEscalation;
import org.anjian.governance.domain.Problem;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.config.DistrictProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Overdue escalation of the 八张问题清单: every problem past its deadline and not yet reported
 * rectified goes up to where {@link Problem#escalationDue} says it belongs (an enterprise's to its
 * town's 安委办 first, then the district's; a town's or department's own at once to the district).
 * Runs every hour on one node (ShedLock), and on demand.
 */
@Component
public class ProblemDeadlines {

    private static final Logger log = LoggerFactory.getLogger(ProblemDeadlines.class);
    private final ProblemRepository repository;
    private final AuditTrail audit;
    private final Clock clock;
    private final ZoneId zone;

    ProblemDeadlines(ProblemRepository repository, AuditTrail audit, Clock clock, DistrictProperties district) {
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
        this.zone = district.zone();
    }

    @Scheduled(cron = "${anjian.governance.problem-escalation-cron:0 10 * * * *}", zone = "${anjian.district.zone:Asia/Shanghai}")
    @SchedulerLock(name = "governance.escalateOverdueProblems", lockAtMostFor = "PT10M")
    public void scheduled() {
        int n = escalateOverdue();
        if (n > 0) {
            log.info("Escalated {} overdue problems", n);
        }
    }

    /** Escalates what is due today; answers how many problems moved up. */
    @Transactional
    public int escalateOverdue() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        int moved = 0;
        for (UUID id : repository.overdueCandidates(today)) {
            ProblemRecord r = repository.find(id).orElseThrow();
            Problem p = r.problem();
            ProblemEscalation before = p.escalation();
            if (!p.escalate(today)) {
                continue;
            }
            repository.save(p, r.version(), now);
            repository.addStep(id, "escalate", p.state(), p.state(), "系统（逾期自动升级）", now,
                    p.escalation() == ProblemEscalation.TOWN ? "逾期未整改，镇街督办" : "逾期未整改，升级区级督办");
            audit.recordAs("system", null, "PROBLEM_ESCALATED", "problem", id, Map.of("escalation", before),
                    Map.of("escalation", p.escalation(), "deadline", p.deadline()));
            moved++;
        }
        return moved;
    }
}
