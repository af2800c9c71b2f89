package org.anjian.monitoring.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.anjian.enterprise.EnterpriseLookup;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.monitoring.domain.CommitmentDeadline;
import org.anjian.organization.ScopeConditions;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.config.DistrictProperties;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.error.DomainException.FieldError;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * MON-3: the enterprise's daily safety commitment (安全承诺公告). Its principal commits for today; one per
 * enterprise and day (a second is a 409); on time before 10:00 local time. Read within scope.
 */
@Service
public class Commitments {

    private final CommitmentRepository repository;
    private final EnterpriseLookup enterprises;
    private final ScopeConditions scopes;
    private final AuditTrail audit;
    private final DistrictProperties district;
    private final Clock clock;

    Commitments(CommitmentRepository repository, EnterpriseLookup enterprises, ScopeConditions scopes, AuditTrail audit, DistrictProperties district,
                Clock clock) {
        this.repository = repository;
        this.enterprises = enterprises;
        this.scopes = scopes;
        this.audit = audit;
        this.district = district;
        this.clock = clock;
    }

    public record CommitmentInput(String principalName, Integer unitsRunning, Integer unitsStopped, Integer hotWork, Integer confinedSpace,
                                  Boolean sourcesControlled, String statement) {
    }

    public record CommitmentView(UUID id, UUID enterpriseId, LocalDate day, String principalName, int unitsRunning, int unitsStopped, int hotWork,
                                 int confinedSpace, boolean sourcesControlled, String statement, Instant submittedAt, boolean onTime) {
    }

    @Transactional
    public CommitmentView commit(AnjianUser user, CommitmentInput in) {
        if (!user.hasRole(Role.ENTERPRISE_USER) || user.scope().id() == null) {
            throw new DomainException(HttpStatus.FORBIDDEN, "monitoring.commitment.forbidden", "安全承诺由企业主要负责人每日填报");
        }
        List<FieldError> errors = new ArrayList<>();
        if (in == null || in.principalName() == null || in.principalName().isBlank() || in.principalName().strip().length() > 50) {
            errors.add(new FieldError("principalName", "monitoring.commitment.principal", "请填写承诺人（主要负责人）姓名"));
        }
        Integer[] counts = in == null ? new Integer[4] : new Integer[] {in.unitsRunning(), in.unitsStopped(), in.hotWork(), in.confinedSpace()};
        String[] fields = {"unitsRunning", "unitsStopped", "hotWork", "confinedSpace"};
        for (int i = 0; i < 4; i++) {
            if (counts[i] == null || counts[i] < 0 || counts[i] > 10_000) {
                errors.add(new FieldError(fields[i], "monitoring.commitment.count", "请填写0以上的数量"));
            }
        }
        if (in == null || in.sourcesControlled() == null) {
            errors.add(new FieldError("sourcesControlled", "monitoring.commitment.controlled", "请确认重大危险源是否处于可控状态"));
        }
        String statement = in == null || in.statement() == null ? "" : in.statement().strip();
        if (statement.isEmpty() || statement.length() > 500) {
            errors.add(new FieldError("statement", "monitoring.commitment.statement", "请填写承诺内容（500字以内）"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        EnterpriseSummary e = enterprises.find(user.scope().id()).orElseThrow(() -> DomainException.notFound("enterprise"));
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, district.zone());
        CommitmentView view = new CommitmentView(UUID.randomUUID(), e.id(), today, in.principalName().strip(), in.unitsRunning(), in.unitsStopped(),
                in.hotWork(), in.confinedSpace(), in.sourcesControlled(), statement, now, CommitmentDeadline.onTime(today, now, district.zone()));
        if (!repository.insert(view, e.townId(), e.parkId(), e.sector() == null ? null : e.sector().name())) {
            throw DomainException.conflict("monitoring.commitment.exists", "今日已作出安全承诺");
        }
        audit.record("MONITORING_COMMITMENT_MADE", "monitoring-commitment", view.id(), null, view);
        return view;
    }

    public List<CommitmentView> search(AnjianUser user, UUID enterpriseId, LocalDate from, LocalDate to) {
        Sensors.requireReader(user);
        LocalDate today = LocalDate.ofInstant(clock.instant(), district.zone());
        LocalDate f = from == null ? today.minusDays(6) : from;
        LocalDate t = to == null ? today : to;
        if (t.isBefore(f) || f.plusDays(366).isBefore(t)) {
            throw DomainException.invalid("from", "monitoring.commitment.period", "查询期间为1天到1年");
        }
        return repository.search(scopes.of(user.scope(), "c"), enterpriseId, f, t);
    }
}
