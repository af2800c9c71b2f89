package org.anjian.chemical.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anjian.chemical.domain.PipelineHazardKind;
import org.anjian.chemical.domain.PressureClass;
import org.anjian.chemical.internal.PipelineRepository.FuelUserRow;
import org.anjian.chemical.internal.PipelineRepository.HazardRow;
import org.anjian.chemical.internal.PipelineRepository.PipelineRow;
import org.anjian.enterprise.EnterpriseLookup;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.hazard.HazardGrade;
import org.anjian.hazard.HazardManagement;
import org.anjian.hazard.HazardSource;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.organization.Region;
import org.anjian.organization.ScopeConditions;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.config.DistrictProperties;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.error.DomainException.FieldError;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.Role;
import org.anjian.shared.security.ScopeKind;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * CHM-2: oil and gas pipeline segments with their line, operator and pressure class (GB 50028-2006
 * table 6.1.6), the hazards found on them (external: 占压, 第三方施工; body: 腐蚀, 泄漏) fed into the
 * hazard loop as hazards of the operator enterprise (the hazard module keeps enterprise hazards
 * only; a segment whose operator is not in the registry keeps its hazards here, marked as outside
 * the loop), and the gas and alcohol-based fuel users (燃气/醇基燃料使用单位) listed for supervision.
 * One scope rule for lists and single records: the segment's town, its operator, its sector.
 */
@Service
public class Pipelines {

    static final List<String> MEDIA = List.of("NATURAL_GAS", "LPG", "CRUDE_OIL", "REFINED_OIL", "OTHER");
    static final List<String> FUELS = List.of("PIPED_GAS", "LPG", "ALCOHOL_FUEL");
    static final List<String> USAGES = List.of("CATERING", "INDUSTRIAL", "OTHER");
    static final int MAX_POINTS = 2000;
    /** How far (degrees) a line's points may lie from the district's map centre: 江津 spans about 1°. */
    static final double MAX_OFFSET_DEGREES = 2.0;

    private final PipelineRepository repository;
    private final EnterpriseLookup enterprises;
    private final OrganizationDirectory organization;
    private final ScopeConditions scopes;
    private final HazardManagement hazards;
    private final AuditTrail audit;
    private final Clock clock;
    private final DistrictProperties district;
    private final JsonMapper json = JsonMapper.builder().build();

    Pipelines(PipelineRepository repository, EnterpriseLookup enterprises, OrganizationDirectory organization, ScopeConditions scopes,
              HazardManagement hazards, AuditTrail audit, Clock clock, DistrictProperties district) {
        this.repository = repository;
        this.enterprises = enterprises;
        this.organization = organization;
        this.scopes = scopes;
        this.hazards = hazards;
        this.audit = audit;
        this.clock = clock;
        this.district = district;
    }

    public record PipelineInput(String name, UUID operatorEnterpriseId, String operatorName, UUID townId, String medium, PressureClass pressureClass,
                                BigDecimal designPressureMpa, Integer diameterMm, BigDecimal lengthKm, Map<String, Object> geometry) {
    }

    public record PipelineView(UUID id, String name, UUID operatorEnterpriseId, String operatorName, UUID townId, String townName, String medium,
                               PressureClass pressureClass, BigDecimal designPressureMpa, int diameterMm, BigDecimal lengthKm,
                               Object geometry, int openHazards) {
    }

    public record HazardInput(PipelineHazardKind kind, String place, String description, HazardGrade grade, LocalDate foundOn, LocalDate deadline) {
    }

    public record PipelineHazardView(UUID id, UUID pipelineId, PipelineHazardKind kind, String category, String place, String description,
                                     String grade, LocalDate foundOn, LocalDate deadline, UUID hazardId, boolean inHazardLoop, boolean closed) {
    }

    public record Filter(UUID townId, PressureClass pressureClass, String medium, Boolean withOpenHazards, UUID enterpriseId) {
    }

    public record FuelUserInput(String name, UUID enterpriseId, UUID townId, String address, String fuel, String usage, Boolean gasAlarm,
                                LocalDate lastChecked) {
    }

    public record FuelUserView(UUID id, String name, UUID enterpriseId, UUID townId, String townName, String address, String fuel, String usage,
                               boolean gasAlarm, LocalDate lastChecked) {
    }

    private static void requireKeeper(AnjianUser user) {
        KeyProcesses.requireKeeper(user);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(district.zone()));
    }

    @Transactional
    public PipelineView create(AnjianUser user, PipelineInput in) {
        requireKeeper(user);
        PipelineRow row = validate(user, UUID.randomUUID(), in);
        repository.insert(row, clock.instant());
        PipelineView after = view(repository.find(row.id(), ScopeConditions.Condition.ALWAYS).orElseThrow());
        audit.record("CHEMICAL_PIPELINE_CREATED", "chemical-pipeline", row.id(), null, after);
        return after;
    }

    @Transactional
    public PipelineView update(AnjianUser user, UUID id, PipelineInput in) {
        requireKeeper(user);
        PipelineView before = get(user, id);
        PipelineRow row = validate(user, id, in);
        repository.update(row, clock.instant());
        PipelineView after = view(repository.find(id, ScopeConditions.Condition.ALWAYS).orElseThrow());
        audit.record("CHEMICAL_PIPELINE_UPDATED", "chemical-pipeline", id, before, after);
        return after;
    }

    private PipelineRow validate(AnjianUser user, UUID id, PipelineInput in) {
        if (in == null) {
            throw DomainException.invalid("name", "chemical.pipeline.name", "请填写管段名称（200字以内）");
        }
        List<FieldError> errors = new ArrayList<>();
        String name = in.name() == null ? "" : in.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            errors.add(new FieldError("name", "chemical.pipeline.name", "请填写管段名称（200字以内）"));
        }
        EnterpriseSummary operator = null;
        if (in.operatorEnterpriseId() != null) {
            operator = enterprises.find(in.operatorEnterpriseId()).filter(e -> enterprises.inScope(user.scope(), e.id())).orElse(null);
            if (operator == null) {
                errors.add(new FieldError("operatorEnterpriseId", "chemical.pipeline.operator", "请选择管辖范围内的运营企业，或填写运营单位名称"));
            }
        }
        String operatorName = in.operatorName() == null || in.operatorName().isBlank() ? null : in.operatorName().strip();
        if (in.operatorEnterpriseId() == null && (operatorName == null || operatorName.length() > 200)) {
            errors.add(new FieldError("operatorName", "chemical.pipeline.operatorName", "请选择运营企业或填写运营单位名称（200字以内）"));
        }
        if (user.scope().kind() == ScopeKind.ENTERPRISE && !user.scope().id().equals(in.operatorEnterpriseId())) {
            errors.add(new FieldError("operatorEnterpriseId", "chemical.pipeline.ownOperator", "企业只能登记本企业运营的管段"));
        }
        Region town = in.townId() == null ? null : organization.region(in.townId()).orElse(null);
        if (town == null) {
            errors.add(new FieldError("townId", "chemical.pipeline.town", "请选择管段所在镇街"));
        }
        if (!MEDIA.contains(String.valueOf(in.medium()))) {
            errors.add(new FieldError("medium", "chemical.pipeline.medium", "输送介质为天然气、液化石油气、原油、成品油或其他"));
        }
        if (in.pressureClass() == null) {
            errors.add(new FieldError("pressureClass", "chemical.pipeline.pressureClass", "请选择压力级制（高压/次高压/中压/低压）"));
        }
        if (in.designPressureMpa() != null) {
            if (in.designPressureMpa().signum() < 0 || in.designPressureMpa().compareTo(new BigDecimal("20")) > 0) {
                errors.add(new FieldError("designPressureMpa", "chemical.pipeline.designPressure", "设计压力（MPa）应在0到20之间"));
            } else if (in.pressureClass() != null && PressureClass.of(in.designPressureMpa()) != in.pressureClass()) {
                errors.add(new FieldError("pressureClass", "chemical.pipeline.pressureMismatch",
                        "压力级制与设计压力不符（GB 50028-2006 表6.1.6）"));
            }
        }
        if (in.diameterMm() == null || in.diameterMm() <= 0 || in.diameterMm() > 3000) {
            errors.add(new FieldError("diameterMm", "chemical.pipeline.diameter", "管径（毫米）应在1到3000之间"));
        }
        if (in.lengthKm() == null || in.lengthKm().signum() <= 0 || in.lengthKm().compareTo(new BigDecimal("10000")) > 0) {
            errors.add(new FieldError("lengthKm", "chemical.pipeline.length", "长度（公里）须大于0"));
        }
        String geometry = lineString(in.geometry(), errors);
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        return new PipelineRow(id, operator == null ? null : operator.id(), operator == null ? operatorName : null, town.id(),
                operator == null ? null : operator.parkId(), operator == null || operator.sector() == null ? null : operator.sector().name(),
                name, in.medium(), in.pressureClass(), in.designPressureMpa(), in.diameterMm(), in.lengthKm(), geometry, 0);
    }

    /** A GeoJSON LineString (RFC 7946 3.1.4): two or more [lon, lat] positions, within reach of the district. */
    String lineString(Map<String, Object> geometry, List<FieldError> errors) {
        FieldError error = new FieldError("geometry", "chemical.pipeline.geometry",
                "线路须为 GeoJSON LineString：至少两个 [经度, 纬度] 坐标点，且位于本区范围内");
        if (geometry == null || !"LineString".equals(geometry.get("type")) || !(geometry.get("coordinates") instanceof List<?> coordinates)
                || coordinates.size() < 2 || coordinates.size() > MAX_POINTS) {
            errors.add(error);
            return null;
        }
        List<List<Double>> points = new ArrayList<>();
        for (Object c : coordinates) {
            if (!(c instanceof List<?> position) || position.size() < 2 || position.size() > 3
                    || !(position.get(0) instanceof Number lon) || !(position.get(1) instanceof Number lat)
                    || Math.abs(lon.doubleValue() - district.map().longitude()) > MAX_OFFSET_DEGREES
                    || Math.abs(lat.doubleValue() - district.map().latitude()) > MAX_OFFSET_DEGREES) {
                errors.add(error);
                return null;
            }
            points.add(List.of(lon.doubleValue(), lat.doubleValue()));
        }
        return json.writeValueAsString(Map.of("type", "LineString", "coordinates", points));
    }

    public PipelineView get(AnjianUser user, UUID id) {
        KeyProcesses.requireReader(user);
        return view(repository.find(id, scopes.of(user.scope(), "p")).orElseThrow(() -> DomainException.notFound("pipeline")));
    }

    public PageResult<PipelineView> list(AnjianUser user, Filter f, PageRequest page) {
        KeyProcesses.requireReader(user);
        if (f.medium() != null && !MEDIA.contains(f.medium())) {
            throw DomainException.invalid("medium", "chemical.pipeline.medium", "输送介质为天然气、液化石油气、原油、成品油或其他");
        }
        return repository.search(scopes.of(user.scope(), "p"),
                new PipelineRepository.Filter(f.townId(), f.pressureClass(), f.medium(), f.withOpenHazards(), f.enterpriseId()), page).map(this::view);
    }

    /** The segments an enterprise operates, for its file: the profile has checked the enterprise's scope. */
    public List<PipelineView> ofOperator(UUID enterpriseId) {
        return repository.search(ScopeConditions.Condition.ALWAYS, new PipelineRepository.Filter(null, null, null, null, enterpriseId),
                PageRequest.of(0, PageRequest.MAX_SIZE)).items().stream().map(this::view).toList();
    }

    public List<PipelineHazardView> hazards(AnjianUser user, UUID pipelineId) {
        get(user, pipelineId);
        return repository.hazards(pipelineId).stream().map(Pipelines::view).toList();
    }

    /**
     * Records a hazard on a segment. When the segment has an operator enterprise, the hazard enters
     * the hazard loop as that enterprise's hazard (found → plan → rectify → verify → close); its
     * closing closes the segment's record. Otherwise it stays on the segment, outside the loop.
     */
    @Transactional
    public PipelineHazardView recordHazard(AnjianUser user, UUID pipelineId, HazardInput in) {
        if (!user.hasAnyRole(Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.ENTERPRISE_USER)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "chemical.supervision.forbidden", "regulators and the operator record pipeline hazards");
        }
        PipelineView pipeline = get(user, pipelineId);
        List<FieldError> errors = new ArrayList<>();
        if (in == null) {
            throw DomainException.invalid("kind", "chemical.pipelineHazard.kind", "请选择隐患类型（占压、第三方施工、腐蚀、泄漏）");
        }
        if (in.kind() == null) {
            errors.add(new FieldError("kind", "chemical.pipelineHazard.kind", "请选择隐患类型（占压、第三方施工、腐蚀、泄漏）"));
        }
        String place = in.place() == null ? "" : in.place().strip();
        String description = in.description() == null ? "" : in.description().strip();
        if (place.isEmpty() || place.length() > 200) {
            errors.add(new FieldError("place", "chemical.pipelineHazard.place", "请填写隐患位置（桩号或地点，200字以内）"));
        }
        if (description.isEmpty() || description.length() > 500) {
            errors.add(new FieldError("description", "chemical.pipelineHazard.description", "请填写隐患描述（500字以内）"));
        }
        if (in.grade() == null) {
            errors.add(new FieldError("grade", "chemical.pipelineHazard.grade", "请选择隐患等级（一般/重大）"));
        }
        LocalDate today = today();
        LocalDate foundOn = in.foundOn() == null ? today : in.foundOn();
        if (foundOn.isAfter(today)) {
            errors.add(new FieldError("foundOn", "chemical.pipelineHazard.foundOn", "发现日期不能晚于今天"));
        }
        if (in.deadline() == null || in.deadline().isBefore(today)) {
            errors.add(new FieldError("deadline", "chemical.hazard.deadline", "整改期限不能早于今天"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        UUID id = UUID.randomUUID();
        UUID hazardId = null;
        if (pipeline.operatorEnterpriseId() != null) {
            boolean regulator = user.hasAnyRole(Role.DISTRICT_ADMIN, Role.INSPECTOR);
            hazardId = hazards.registerFrom(regulator ? HazardSource.INSPECTION : HazardSource.SELF_CHECK, "chemical-pipeline-hazard:" + id,
                    pipeline.operatorEnterpriseId(), in.grade(), pipeline.name() + " " + place,
                    "【油气管道" + (in.kind().external() ? "外部" : "本体") + "隐患】" + description, null, user.displayName(),
                    in.deadline().atTime(18, 0).atZone(district.zone()).toInstant());
        }
        HazardRow row = new HazardRow(id, pipelineId, in.kind(), place, description, in.grade().name(), foundOn, in.deadline(), hazardId, null);
        repository.insertHazard(row, clock.instant());
        PipelineHazardView after = view(row);
        audit.record("CHEMICAL_PIPELINE_HAZARD_RECORDED", "chemical-pipeline", pipelineId, null, after);
        return after;
    }

    PipelineView view(PipelineRow r) {
        String operator = r.enterpriseId() == null ? r.operatorName() : enterprises.find(r.enterpriseId()).map(EnterpriseSummary::name).orElse(null);
        return new PipelineView(r.id(), r.name(), r.enterpriseId(), operator, r.townId(), organization.region(r.townId()).map(Region::name).orElse(null),
                r.medium(), r.pressureClass(), r.designPressureMpa(), r.diameterMm(), r.lengthKm(), json.readValue(r.geometry(), Map.class),
                r.openHazards());
    }

    static PipelineHazardView view(HazardRow h) {
        return new PipelineHazardView(h.id(), h.pipelineId(), h.kind(), h.kind().category(), h.place(), h.description(), h.grade(), h.foundOn(),
                h.deadline(), h.hazardId(), h.hazardId() != null, h.closedAt() != null);
    }

    // ---- gas and alcohol-based fuel users

    private static void requireFuelKeeper(AnjianUser user) {
        if (!user.hasAnyRole(Role.DISTRICT_ADMIN, Role.TOWN_OFFICIAL)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "chemical.supervision.forbidden", "the district and the towns keep the fuel users");
        }
    }

    @Transactional
    public FuelUserView addFuelUser(AnjianUser user, FuelUserInput in) {
        requireFuelKeeper(user);
        if (in == null) {
            throw DomainException.invalid("name", "chemical.fuelUser.name", "请填写单位名称（200字以内）");
        }
        List<FieldError> errors = new ArrayList<>();
        String name = in.name() == null ? "" : in.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            errors.add(new FieldError("name", "chemical.fuelUser.name", "请填写单位名称（200字以内）"));
        }
        String address = in.address() == null || in.address().isBlank() ? null : in.address().strip();
        if (address != null && address.length() > 300) {
            errors.add(new FieldError("address", "chemical.fuelUser.address", "地址300字以内"));
        }
        Region town = in.townId() == null ? null : organization.region(in.townId()).orElse(null);
        if (town == null) {
            errors.add(new FieldError("townId", "chemical.fuelUser.town", "请选择所在镇街"));
        } else if (user.scope().kind() == ScopeKind.REGION && !organization.regionAndDescendants(user.scope().id()).contains(town.id())) {
            errors.add(new FieldError("townId", "chemical.fuelUser.townScope", "该镇街不在您的管辖范围内"));
        }
        EnterpriseSummary enterprise = null;
        if (in.enterpriseId() != null) {
            enterprise = enterprises.find(in.enterpriseId()).filter(e -> enterprises.inScope(user.scope(), e.id())).orElse(null);
            if (enterprise == null) {
                errors.add(new FieldError("enterpriseId", "chemical.fuelUser.enterprise", "请选择管辖范围内的企业"));
            }
        }
        if (!FUELS.contains(String.valueOf(in.fuel()))) {
            errors.add(new FieldError("fuel", "chemical.fuelUser.fuel", "燃料种类为管道燃气、液化石油气或醇基液体燃料"));
        }
        if (!USAGES.contains(String.valueOf(in.usage()))) {
            errors.add(new FieldError("usage", "chemical.fuelUser.usage", "用途为餐饮、工业或其他"));
        }
        if (in.gasAlarm() == null) {
            errors.add(new FieldError("gasAlarm", "chemical.fuelUser.gasAlarm", "请填写是否安装可燃气体报警器"));
        }
        if (in.lastChecked() != null && in.lastChecked().isAfter(today())) {
            errors.add(new FieldError("lastChecked", "chemical.fuelUser.lastChecked", "检查日期不能晚于今天"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        FuelUserRow row = new FuelUserRow(UUID.randomUUID(), enterprise == null ? null : enterprise.id(), town.id(), name, address, in.fuel(),
                in.usage(), in.gasAlarm(), in.lastChecked());
        repository.insertFuelUser(row, enterprise == null ? null : enterprise.parkId(),
                enterprise == null || enterprise.sector() == null ? null : enterprise.sector().name(), clock.instant());
        FuelUserView after = view(row);
        audit.record("CHEMICAL_FUEL_USER_ADDED", "chemical-fuel-user", row.id(), null, after);
        return after;
    }

    public FuelUserView fuelUser(AnjianUser user, UUID id) {
        KeyProcesses.requireReader(user);
        return view(repository.findFuelUser(id, scopes.of(user.scope(), "f")).orElseThrow(() -> DomainException.notFound("fuel user")));
    }

    public PageResult<FuelUserView> fuelUsers(AnjianUser user, UUID townId, String fuel, Boolean withoutAlarm, PageRequest page) {
        KeyProcesses.requireReader(user);
        if (fuel != null && !FUELS.contains(fuel)) {
            throw DomainException.invalid("fuel", "chemical.fuelUser.fuel", "燃料种类为管道燃气、液化石油气或醇基液体燃料");
        }
        return repository.searchFuelUsers(scopes.of(user.scope(), "f"), townId, fuel, withoutAlarm, page).map(this::view);
    }

    FuelUserView view(FuelUserRow f) {
        return new FuelUserView(f.id(), f.name(), f.enterpriseId(), f.townId(), organization.region(f.townId()).map(Region::name).orElse(null),
                f.address(), f.fuel(), f.usage(), f.gasAlarm(), f.lastChecked());
    }

    // ---- demo

    UUID createForDemo(PipelineRow row) {
        repository.insert(row, clock.instant());
        return row.id();
    }

    boolean hasPipelines() {
        return repository.hasPipelines();
    }

    void addFuelUserForDemo(FuelUserRow row) {
        repository.insertFuelUser(row, null, null, clock.instant());
    }
}
