package org.anjian.enterprise.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.anjian.enterprise.Sector;
import org.anjian.enterprise.domain.MineGaps;
import org.anjian.enterprise.domain.MineGaps.MonthReport;
import org.anjian.enterprise.domain.MineGaps.Permit;
import org.anjian.enterprise.domain.MineGaps.PermitKind;
import org.anjian.enterprise.domain.MineGaps.Slope;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.config.DistrictProperties;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.error.DomainException.FieldError;
import org.anjian.shared.security.AnjianUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/** Non-coal mine records (ENT-6) and their gaps by {@link MineGaps}. */
@Service
@Transactional
public class MineService {

    private final MineRepository repository;
    private final EnterpriseService enterprises;
    private final EnterpriseScopes scopes;
    private final AuditTrail audit;
    private final Clock clock;
    private final ZoneId zone;

    MineService(MineRepository repository, EnterpriseService enterprises, EnterpriseScopes scopes, AuditTrail audit, Clock clock, DistrictProperties district) {
        this.zone = district.zone();
        this.repository = repository;
        this.enterprises = enterprises;
        this.scopes = scopes;
        this.audit = audit;
        this.clock = clock;
    }

    /** @param outputMtPerYear million tonnes a year */
    public record MineProfile(String mineral, PermitKind permitKind, @jakarta.validation.constraints.DecimalMax("99999.999") BigDecimal outputMtPerYear, Integer permitTermYears, boolean crusherMechanized) {
    }

    public record SlopeRecord(UUID id, String kind, String name, @jakarta.validation.constraints.DecimalMax("999999.9") BigDecimal heightM, boolean onlineMonitoring, LocalDate lastStabilityAnalysis) {
    }

    public record Month(YearMonth month, Integer controllerDays, Integer chiefEngineerDays, boolean principalCheckSigned) {
    }

    public record MineView(MineProfile profile, List<SlopeRecord> slopes, List<Month> months, List<MineGaps.Finding> gaps) {
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    @Transactional(readOnly = true)
    public MineView view(AnjianUser user, UUID enterpriseId) {
        Enterprise e = mine(user, enterpriseId);
        return viewOf(e.id(), today());
    }

    MineView viewOf(UUID id, LocalDate today) {
        Optional<MineProfile> profile = repository.profile(id);
        List<SlopeRecord> slopes = repository.slopes(id);
        List<Month> months = repository.lastMonths(id);
        // Presence is judged on the last complete month: the current one is still running.
        YearMonth last = YearMonth.from(today).minusMonths(1);
        MonthReport report = months.stream().filter(m -> m.month().equals(last)).findFirst()
                .map(m -> new MonthReport(m.controllerDays(), m.chiefEngineerDays(), m.principalCheckSigned())).orElse(null);
        MineProfile p = profile.orElse(new MineProfile(null, null, null, null, false));
        List<MineGaps.Finding> gaps = MineGaps.gaps(
                slopes.stream().map(s -> new Slope(s.name(), s.kind(), s.heightM(), s.onlineMonitoring(), s.lastStabilityAnalysis())).toList(),
                report, new Permit(p.permitKind(), p.mineral(), p.outputMtPerYear(), p.permitTermYears()), p.crusherMechanized(), today);
        return new MineView(profile.orElse(null), slopes, months, gaps);
    }

    public MineProfile saveProfile(AnjianUser user, UUID enterpriseId, MineProfile p) {
        Enterprise e = editable(user, enterpriseId);
        List<FieldError> errors = new ArrayList<>();
        if (p.outputMtPerYear() != null && (p.outputMtPerYear().signum() < 0 || p.outputMtPerYear().compareTo(new BigDecimal("10000")) > 0)) {
            errors.add(new FieldError("outputMtPerYear", "enterprise.count.invalid", "应为 0 或正整数"));
        }
        if (p.permitTermYears() != null && (p.permitTermYears() < 0 || p.permitTermYears() > 100)) {
            errors.add(new FieldError("permitTermYears", "enterprise.count.invalid", "应为 0 或正整数"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        repository.upsertProfile(e.id(), p);
        audit.record("MINE_PROFILE_SAVED", "enterprise", e.id(), null, p);
        return p;
    }

    public SlopeRecord addSlope(AnjianUser user, UUID enterpriseId, SlopeRecord s) {
        Enterprise e = editable(user, enterpriseId);
        List<FieldError> errors = new ArrayList<>();
        if (s.kind() == null || !List.of("SLOPE", "DUMP").contains(s.kind())) {
            errors.add(new FieldError("kind", "shared.validation.invalid", "无效的值"));
        }
        if (!StringUtils.hasText(s.name())) {
            errors.add(new FieldError("name", "shared.validation.required", "必填"));
        }
        if (s.heightM() == null || s.heightM().signum() <= 0 || s.heightM().compareTo(new BigDecimal("2000")) > 0) {
            errors.add(new FieldError("heightM", "shared.validation.invalid", "无效的值"));
        }
        if (s.lastStabilityAnalysis() != null && s.lastStabilityAnalysis().isAfter(today())) {
            errors.add(new FieldError("lastStabilityAnalysis", "enterprise.date.future", "日期不能晚于今天"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        SlopeRecord saved = new SlopeRecord(UUID.randomUUID(), s.kind(), s.name().trim(), s.heightM(), s.onlineMonitoring(), s.lastStabilityAnalysis());
        repository.insertSlope(e.id(), saved);
        audit.record("MINE_SLOPE_ADDED", "enterprise-mine-slope", saved.id(), null, saved);
        return saved;
    }

    public Month saveMonth(AnjianUser user, UUID enterpriseId, Month m) {
        Enterprise e = editable(user, enterpriseId);
        List<FieldError> errors = new ArrayList<>();
        if (m.month() == null || m.month().isAfter(YearMonth.from(today()))) {
            errors.add(new FieldError("month", "enterprise.date.future", "日期不能晚于今天"));
        }
        int days = m.month() == null ? 31 : m.month().lengthOfMonth();
        if (m.controllerDays() != null && (m.controllerDays() < 0 || m.controllerDays() > days)) {
            errors.add(new FieldError("controllerDays", "shared.validation.invalid", "无效的值"));
        }
        if (m.chiefEngineerDays() != null && (m.chiefEngineerDays() < 0 || m.chiefEngineerDays() > days)) {
            errors.add(new FieldError("chiefEngineerDays", "shared.validation.invalid", "无效的值"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        repository.upsertMonth(e.id(), m);
        audit.record("MINE_MONTH_SAVED", "enterprise", e.id(), null, m);
        return m;
    }

    private Enterprise mine(AnjianUser user, UUID enterpriseId) {
        Enterprise e = enterprises.get(user, enterpriseId);
        if (e.sector() != Sector.NON_COAL_MINE) {
            throw DomainException.notFound("mine");
        }
        return e;
    }

    private Enterprise editable(AnjianUser user, UUID enterpriseId) {
        Enterprise e = mine(user, enterpriseId);
        if (!scopes.canEditDuties(user, e)) {
            throw new AccessDeniedException("may not change this mine's records");
        }
        return e;
    }
}
