package org.anjian.chemical.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.anjian.chemical.domain.FourSystems;
import org.anjian.chemical.domain.StorageSystem;
import org.anjian.chemical.domain.SystemState;
import org.anjian.chemical.internal.SupervisionRepository.GapHazardRow;
import org.anjian.chemical.internal.SupervisionRepository.SiteFilter;
import org.anjian.chemical.internal.SupervisionRepository.SiteRow;
import org.anjian.chemical.internal.SupervisionRepository.TankRow;
import org.anjian.enterprise.EnterpriseLookup;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.hazard.HazardGrade;
import org.anjian.hazard.HazardManagement;
import org.anjian.hazard.HazardSource;
import org.anjian.organization.ScopeConditions;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.config.DistrictProperties;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.error.DomainException.FieldError;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.Role;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Liquefied-hydrocarbon tank farms and oil and gas storage sites (ENT-7): their tanks and the 四个系统
 * checklist, the district's list of gaps, and turning a gap into a hazard of the enterprise in the
 * hazard loop (through the hazard module's {@link HazardManagement}). The enterprise and the district
 * keep sites; regulators turn gaps into hazards; everyone reads within their scope, and a site
 * outside it is answered as not found.
 */
@Service
public class StorageSites {

    static final int MAX_TANKS = 200;
    /** 30 days to put a general gap right; a major one is planned under the five assurances in the hazard loop. */
    static final int GAP_DEADLINE_DAYS = 30;

    private final SupervisionRepository repository;
    private final EnterpriseLookup enterprises;
    private final ScopeConditions scopes;
    private final HazardManagement hazards;
    private final AuditTrail audit;
    private final Clock clock;
    private final ZoneId zone;

    StorageSites(SupervisionRepository repository, EnterpriseLookup enterprises, ScopeConditions scopes, HazardManagement hazards,
                 AuditTrail audit, Clock clock, DistrictProperties district) {
        this.repository = repository;
        this.enterprises = enterprises;
        this.scopes = scopes;
        this.hazards = hazards;
        this.audit = audit;
        this.clock = clock;
        this.zone = district.zone();
    }

    public record TankInput(String name, String medium, BigDecimal capacityM3, String pressure) {
    }

    public record SiteInput(UUID enterpriseId, String name, String kind, UUID unitId, SystemState gasDetection, SystemState video,
                            SystemState emergencyShutoff, SystemState lightningWarning, LocalDate checkedOn, List<TankInput> tanks) {
    }

    public record GapView(StorageSystem system, SystemState state, String criterion, UUID hazardId) {
    }

    public record SiteView(UUID id, UUID enterpriseId, String enterpriseName, UUID townId, String name, String kind, UUID unitId,
                           Integer majorHazardSourceGrade, Map<StorageSystem, SystemState> systems, List<GapView> gaps, LocalDate checkedOn,
                           List<TankRow> tanks, BigDecimal totalCapacityM3) {
    }

    public record Filter(UUID enterpriseId, UUID townId, StorageSystem gap, Boolean gapsOnly, String kind) {
    }

    public record HazardRequest(java.time.LocalDate deadline) {
    }

    public record GapHazard(UUID siteId, StorageSystem system, UUID hazardId, boolean major, String criterion) {
    }

    @Transactional
    public SiteView create(AnjianUser user, SiteInput in) {
        KeyProcesses.requireKeeper(user);
        if (in == null || in.enterpriseId() == null) {
            throw DomainException.invalid("enterpriseId", "chemical.site.enterprise", "请选择企业");
        }
        EnterpriseSummary e = enterpriseInScope(user, in.enterpriseId());
        Valid v = validate(e.id(), in);
        UUID id = UUID.randomUUID();
        repository.insertSite(id, KeyProcesses.columns(e), v.name, in.kind(), in.unitId(), v.systems, in.checkedOn(), v.tanks, clock.instant());
        SiteView after = view(repository.findSite(id).orElseThrow());
        audit.record("CHEMICAL_STORAGE_SITE_CREATED", "chemical-storage-site", id, null, after);
        return after;
    }

    @Transactional
    public SiteView update(AnjianUser user, UUID id, SiteInput in) {
        KeyProcesses.requireKeeper(user);
        SiteView before = get(user, id);
        if (in == null) {
            throw DomainException.invalid("name", "chemical.site.name", "请填写储存场所名称");
        }
        Valid v = validate(before.enterpriseId(), in);
        repository.updateSite(id, v.name, in.kind(), in.unitId(), v.systems, in.checkedOn(), v.tanks, clock.instant());
        SiteView after = view(repository.findSite(id).orElseThrow());
        audit.record("CHEMICAL_STORAGE_SITE_UPDATED", "chemical-storage-site", id, before, after);
        return after;
    }

    private record Valid(String name, FourSystems systems, List<TankRow> tanks) {
    }

    private Valid validate(UUID enterpriseId, SiteInput in) {
        List<FieldError> errors = new ArrayList<>();
        String name = in.name() == null ? "" : in.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            errors.add(new FieldError("name", "chemical.site.name", "请填写储存场所名称（200字以内）"));
        }
        if (!List.of("LIQUEFIED_HYDROCARBON", "OIL", "GAS").contains(String.valueOf(in.kind()))) {
            errors.add(new FieldError("kind", "chemical.site.kind", "场所类型为液化烃罐区、油品储存或气体储存"));
        }
        if (in.unitId() != null && repository.unitGrade(enterpriseId, in.unitId()).isEmpty()) {
            errors.add(new FieldError("unitId", "chemical.site.unit", "所属单元须为本企业的生产储存单元"));
        }
        String[] fields = {"gasDetection", "video", "emergencyShutoff", "lightningWarning"};
        SystemState[] states = {in.gasDetection(), in.video(), in.emergencyShutoff(), in.lightningWarning()};
        for (int i = 0; i < 4; i++) {
            if (states[i] == null) {
                errors.add(new FieldError(fields[i], "chemical.site." + fields[i], "请填写四个系统的配备情况（有/无/故障）"));
            }
        }
        if (in.checkedOn() != null && in.checkedOn().isAfter(LocalDate.now(clock.withZone(zone)))) {
            errors.add(new FieldError("checkedOn", "chemical.site.checkedOn", "检查日期不能晚于今天"));
        }
        List<TankRow> tanks = new ArrayList<>();
        List<TankInput> inputs = in.tanks() == null ? List.of() : in.tanks();
        if (inputs.isEmpty() || inputs.size() > MAX_TANKS) {
            errors.add(new FieldError("tanks", "chemical.site.tanks", "请至少填写一个储罐（200个以内）"));
        }
        for (int i = 0; i < Math.min(inputs.size(), MAX_TANKS); i++) {
            TankInput t = inputs.get(i);
            String p = "tanks[" + i + "].";
            if (t == null) {
                errors.add(new FieldError(p + "name", "chemical.tank.name", "请填写储罐位号（100字以内）"));
                continue;
            }
            String tn = t.name() == null ? "" : t.name().strip();
            String medium = t.medium() == null ? "" : t.medium().strip();
            if (tn.isEmpty() || tn.length() > 100) {
                errors.add(new FieldError(p + "name", "chemical.tank.name", "请填写储罐位号（100字以内）"));
            }
            if (medium.isEmpty() || medium.length() > 100) {
                errors.add(new FieldError(p + "medium", "chemical.tank.medium", "请填写储存介质（100字以内）"));
            }
            if (t.capacityM3() == null || t.capacityM3().signum() <= 0 || t.capacityM3().compareTo(new BigDecimal("9999999999")) > 0) {
                errors.add(new FieldError(p + "capacityM3", "chemical.tank.capacity", "罐容（立方米）须大于0"));
            }
            if (!"PRESSURE".equals(t.pressure()) && !"ATMOSPHERIC".equals(t.pressure())) {
                errors.add(new FieldError(p + "pressure", "chemical.tank.pressure", "储罐形式为压力罐或常压罐"));
            }
            tanks.add(new TankRow(tn, medium, t.capacityM3(), t.pressure()));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        return new Valid(name, new FourSystems(in.gasDetection(), in.video(), in.emergencyShutoff(), in.lightningWarning()), tanks);
    }

    public SiteView get(AnjianUser user, UUID id) {
        KeyProcesses.requireReader(user);
        SiteRow row = repository.findSite(id).orElseThrow(() -> DomainException.notFound("storage site"));
        if (!enterprises.inScope(user.scope(), row.enterpriseId())) {
            throw DomainException.notFound("storage site");
        }
        return view(row);
    }

    public PageResult<SiteView> list(AnjianUser user, Filter f, PageRequest page) {
        KeyProcesses.requireReader(user);
        if (f.kind() != null && !List.of("LIQUEFIED_HYDROCARBON", "OIL", "GAS").contains(f.kind())) {
            throw DomainException.invalid("kind", "chemical.site.kind", "场所类型为液化烃罐区、油品储存或气体储存");
        }
        return repository.searchSites(scopes.of(user.scope(), "s"), new SiteFilter(f.enterpriseId(), f.townId(), f.gap(), f.gapsOnly(), f.kind()), page)
                .map(this::view);
    }

    /** The enterprise file's view: the profile has checked the enterprise's scope. */
    public List<SiteView> ofEnterprise(UUID enterpriseId) {
        return repository.sitesOf(enterpriseId).stream().map(this::view).toList();
    }

    /**
     * Turns a gap of the checklist into a hazard of the enterprise. A gap that meets an item of the
     * 重大事故隐患判定标准 goes in as a major hazard (the hazard module grades by the criterion);
     * the others as general hazards. A gap whose hazard is still open is not registered twice.
     */
    @Transactional
    public GapHazard toHazard(AnjianUser user, UUID siteId, StorageSystem system, HazardRequest request) {
        if (!user.hasAnyRole(Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.ENTERPRISE_USER)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "chemical.supervision.forbidden", "regulators and the enterprise register hazards");
        }
        SiteView site = get(user, siteId);
        if (system == null) {
            throw DomainException.invalid("system", "chemical.site.system", "请选择四个系统之一");
        }
        SystemState state = site.systems().get(system);
        if (!state.isGap()) {
            throw DomainException.conflict("chemical.site.noGap", "the system is present and working: no gap to register", system.name());
        }
        Optional<GapView> open = site.gaps().stream().filter(g -> g.system() == system && g.hazardId() != null).findFirst();
        if (open.isPresent()) {
            throw DomainException.conflict("chemical.site.hazardOpen", "the gap's hazard is still open", open.get().hazardId());
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate deadline = request == null || request.deadline() == null ? today.plusDays(GAP_DEADLINE_DAYS) : request.deadline();
        if (deadline.isBefore(today)) {
            throw DomainException.invalid("deadline", "chemical.hazard.deadline", "整改期限不能早于今天");
        }
        String criterion = FourSystems.criterion(system, site.majorHazardSourceGrade());
        UUID id = UUID.randomUUID();
        boolean regulator = user.hasAnyRole(Role.DISTRICT_ADMIN, Role.INSPECTOR);
        UUID hazardId = hazards.registerFrom(regulator ? HazardSource.INSPECTION : HazardSource.SELF_CHECK, "chemical-gap:" + id,
                site.enterpriseId(), criterion == null ? HazardGrade.GENERAL : HazardGrade.MAJOR, site.name(),
                description(site, system, state), criterion, user.displayName(), deadline.atTime(18, 0).atZone(zone).toInstant());
        repository.insertGapHazard(id, siteId, system, hazardId, criterion != null, clock.instant());
        GapHazard result = new GapHazard(siteId, system, hazardId, criterion != null, criterion);
        audit.record("CHEMICAL_GAP_HAZARD_REGISTERED", "chemical-storage-site", siteId, null, result);
        return result;
    }

    static String description(SiteView site, StorageSystem system, SystemState state) {
        String name = switch (system) {
            case GAS_DETECTION -> "可燃有毒气体检测报警系统";
            case VIDEO -> "视频监控系统";
            case EMERGENCY_SHUTOFF -> "紧急切断系统";
            case LIGHTNING_WARNING -> "雷电预警系统";
        };
        return site.name() + "：" + name + (state == SystemState.ABSENT ? "未配备" : "故障未投用") + "（油气储存“四个系统”排查）";
    }

    SiteView view(SiteRow r) {
        List<GapView> gaps = new ArrayList<>();
        for (StorageSystem s : r.systems().gaps()) {
            GapHazardRow open = r.openHazards().get(s);
            gaps.add(new GapView(s, r.systems().state(s), FourSystems.criterion(s, r.unitGrade()), open == null ? null : open.hazardId()));
        }
        BigDecimal total = r.tanks().stream().map(TankRow::capacityM3).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new SiteView(r.id(), r.enterpriseId(), enterprises.find(r.enterpriseId()).map(EnterpriseSummary::name).orElse(null), r.townId(),
                r.name(), r.kind(), r.unitId(), r.unitGrade(), r.systems().states(), gaps, r.checkedOn(), r.tanks(), total);
    }

    private EnterpriseSummary enterpriseInScope(AnjianUser user, UUID enterpriseId) {
        return enterprises.find(enterpriseId).filter(e -> enterprises.inScope(user.scope(), e.id()))
                .orElseThrow(() -> DomainException.notFound("enterprise"));
    }

    /** For the demo: without a user. */
    UUID createForDemo(EnterpriseSummary e, SiteInput in) {
        Valid v = validate(e.id(), in);
        UUID id = UUID.randomUUID();
        repository.insertSite(id, KeyProcesses.columns(e), v.name, in.kind(), in.unitId(), v.systems, in.checkedOn(), v.tanks, clock.instant());
        return id;
    }
}
