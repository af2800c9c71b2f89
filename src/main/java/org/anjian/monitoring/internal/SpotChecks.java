package org.anjian.monitoring.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.anjian.enterprise.EnterpriseLookup;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.organization.ScopeConditions;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.error.DomainException.FieldError;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * MON-5 video spot checks (视频巡查抽查): a supervisor of the district, a town or a department looks at one of an
 * enterprise in scope's cameras and records the camera reference, when, the result (normal, problem found, video not
 * available) and the problem found (required with a problem). An enterprise outside the recorder's scope is a 404.
 */
@Service
public class SpotChecks {

    static final Set<String> RESULTS = Set.of("NORMAL", "PROBLEM", "UNAVAILABLE");

    private final SpotCheckRepository repository;
    private final EnterpriseLookup enterprises;
    private final ScopeConditions scopes;
    private final AuditTrail audit;
    private final Clock clock;

    SpotChecks(SpotCheckRepository repository, EnterpriseLookup enterprises, ScopeConditions scopes, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.enterprises = enterprises;
        this.scopes = scopes;
        this.audit = audit;
        this.clock = clock;
    }

    public record SpotCheckInput(UUID enterpriseId, String cameraRef, Instant checkedAt, String result, String problems) {
    }

    public record SpotCheckView(UUID id, UUID enterpriseId, String cameraRef, Instant checkedAt, String result, String problems, String checker,
                                Instant recordedAt) {
    }

    @Transactional
    public SpotCheckView record(AnjianUser user, SpotCheckInput in) {
        if (!user.hasAnyRole(Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.TOWN_OFFICIAL, Role.DEPARTMENT_OFFICIAL)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "monitoring.spotCheck.forbidden", "视频抽查由监管人员记录");
        }
        List<FieldError> errors = new ArrayList<>();
        if (in == null || in.enterpriseId() == null) {
            errors.add(new FieldError("enterpriseId", "monitoring.spotCheck.enterprise", "请选择企业"));
        }
        String camera = in == null || in.cameraRef() == null ? "" : in.cameraRef().strip();
        if (camera.isEmpty() || camera.length() > 100) {
            errors.add(new FieldError("cameraRef", "monitoring.spotCheck.camera", "请填写摄像头编号或名称（100字以内）"));
        }
        Instant now = clock.instant();
        if (in == null || in.checkedAt() == null || in.checkedAt().isAfter(now.plus(Duration.ofMinutes(5)))
                || in.checkedAt().isBefore(now.minus(Duration.ofDays(366)))) {
            errors.add(new FieldError("checkedAt", "monitoring.spotCheck.time", "抽查时间不能晚于现在，也不能早于一年前"));
        }
        String result = in == null || in.result() == null ? null : in.result().strip().toUpperCase(Locale.ROOT);
        if (result == null || !RESULTS.contains(result)) {
            errors.add(new FieldError("result", "monitoring.spotCheck.result", "抽查结果为正常、发现问题或视频无法调阅"));
        }
        String problems = in == null || in.problems() == null || in.problems().isBlank() ? null : in.problems().strip();
        if ("PROBLEM".equals(result) && problems == null || problems != null && problems.length() > 1000) {
            errors.add(new FieldError("problems", "monitoring.spotCheck.problems", "发现问题时请填写问题（1000字以内）"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        EnterpriseSummary e = enterprises.find(in.enterpriseId()).filter(x -> enterprises.inScope(user.scope(), x.id()))
                .orElseThrow(() -> DomainException.notFound("enterprise"));
        SpotCheckView view = new SpotCheckView(UUID.randomUUID(), e.id(), camera, in.checkedAt(), result, problems, user.displayName(), now);
        repository.insert(view, e.townId(), e.parkId(), e.sector() == null ? null : e.sector().name(), user.id());
        audit.record("MONITORING_SPOT_CHECK_RECORDED", "monitoring-spot-check", view.id(), null, view);
        return view;
    }

    public List<SpotCheckView> search(AnjianUser user, UUID enterpriseId, String result, Instant from, Instant to) {
        Sensors.requireReader(user);
        Instant now = clock.instant();
        Instant f = from == null ? now.minus(Duration.ofDays(30)) : from;
        Instant t = to == null ? now.plus(Duration.ofMinutes(5)) : to;
        if (!t.isAfter(f) || f.plus(Duration.ofDays(367)).isBefore(t)) {
            throw DomainException.invalid("from", "monitoring.spotCheck.period", "查询期间为1天到1年");
        }
        String r = result == null || result.isBlank() ? null : result.strip().toUpperCase(Locale.ROOT);
        if (r != null && !RESULTS.contains(r)) {
            throw DomainException.invalid("result", "monitoring.spotCheck.result", "抽查结果为正常、发现问题或视频无法调阅");
        }
        return repository.search(scopes.of(user.scope(), "v"), enterpriseId, r, f, t);
    }
}
