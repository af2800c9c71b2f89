package org.anjian.chemical.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.anjian.chemical.domain.CustodianRole;
import org.anjian.chemical.domain.MajorHazardIdentification.Stock;
import org.anjian.chemical.domain.MajorHazardIdentification.UnitAssessment;
import org.anjian.chemical.internal.MajorHazardAssessment.SubstanceInput;
import org.anjian.enterprise.EnterpriseLookup;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.organization.ScopeConditions;
import org.anjian.shared.audit.AuditTrail;
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
 * Each enterprise's production and storage units with their maximum inventories (ENT-7). The
 * GB 18218-2018 outcome is computed from the inventories on every change and stored beside them,
 * never typed in; a unit that comes out major is a 重大危险源 and must name its three 包保责任人.
 * The enterprise itself and the district keep units; everyone reads within their scope, and a
 * record outside it is answered as not found.
 */
@Service
public class HazardUnits {

    private final HazardUnitRepository repository;
    private final MajorHazardAssessment assessment;
    private final EnterpriseLookup enterprises;
    private final ScopeConditions scopes;
    private final AuditTrail audit;
    private final java.time.Clock clock;
    private final ChemicalFacts facts;

    HazardUnits(HazardUnitRepository repository, MajorHazardAssessment assessment, EnterpriseLookup enterprises, ScopeConditions scopes,
                AuditTrail audit, java.time.Clock clock, ChemicalFacts facts) {
        this.facts = facts;
        this.repository = repository;
        this.assessment = assessment;
        this.enterprises = enterprises;
        this.scopes = scopes;
        this.audit = audit;
        this.clock = clock;
    }

    public record Custodian(String name, String phone) {
    }

    public record Custodians(Custodian principal, Custodian technical, Custodian operational) {
    }

    public record UnitInput(UUID enterpriseId, String name, String kind, Integer peopleWithin500m, Custodians custodians,
                            List<SubstanceInput> inventories) {
    }

    public record CustodianView(CustodianRole role, String name, String phone, CustodianRole.DutyCadence cadence) {
    }

    public record InventoryView(String substance, String cas, String hazardClass, BigDecimal tonnes, BigDecimal criticalQuantity,
                                BigDecimal beta, BigDecimal ratio) {
    }

    public record UnitView(UUID id, UUID enterpriseId, String enterpriseName, String name, String kind, int peopleWithin500m,
                           BigDecimal s, BigDecimal r, BigDecimal alpha, Integer grade, boolean major, String tablesVersion,
                           List<CustodianView> custodians, List<InventoryView> inventories) {
    }

    /** What the repository stores for a unit: the input and the computed outcome. */
    record Computed(UUID id, UUID enterpriseId, UUID townId, UUID parkId, String sector, UnitInput input, UnitAssessment outcome,
                    List<Stock> stocks, String tablesVersion) {
    }

    public record Filter(Integer grade, UUID enterpriseId) {
    }

    private static void requireKeeper(AnjianUser user) {
        if (!user.hasAnyRole(Role.DISTRICT_ADMIN, Role.ENTERPRISE_USER)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "chemical.unit.forbidden", "only the enterprise and the district keep units");
        }
    }

    private static void requireReader(AnjianUser user) {
        if (!user.hasRole(Role.DISTRICT_ADMIN) && user.hasAnyRole(Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "chemical.unit.forbidden", "business roles read units");
        }
    }

    private EnterpriseSummary enterpriseInScope(AnjianUser user, UUID enterpriseId) {
        return enterprises.find(enterpriseId).filter(e -> enterprises.inScope(user.scope(), e.id()))
                .orElseThrow(() -> DomainException.notFound("enterprise"));
    }

    @Transactional
    public UnitView create(AnjianUser user, UnitInput in) {
        requireKeeper(user);
        if (in == null || in.enterpriseId() == null) {
            throw DomainException.invalid("enterpriseId", "chemical.unit.enterprise", "请选择企业");
        }
        EnterpriseSummary enterprise = enterpriseInScope(user, in.enterpriseId());
        Computed computed = compute(UUID.randomUUID(), enterprise, in);
        repository.insert(computed, clock.instant());
        UnitView view = view(computed.id());
        audit.record("CHEMICAL_UNIT_CREATED", "chemical-unit", computed.id(), null, view);
        facts.announce(enterprise.id());
        return view;
    }

    @Transactional
    public UnitView update(AnjianUser user, UUID id, UnitInput in) {
        requireKeeper(user);
        UnitView before = get(user, id);
        if (in == null) {
            throw DomainException.invalid("name", "chemical.unit.name", "请填写单元名称");
        }
        EnterpriseSummary enterprise = enterpriseInScope(user, before.enterpriseId());
        Computed computed = compute(id, enterprise, in);
        repository.update(computed, clock.instant());
        UnitView after = view(id);
        audit.record("CHEMICAL_UNIT_UPDATED", "chemical-unit", id, before, after);
        facts.announce(enterprise.id());
        return after;
    }

    private Computed compute(UUID id, EnterpriseSummary enterprise, UnitInput in) {
        List<FieldError> errors = new ArrayList<>();
        if (in.name() == null || in.name().isBlank() || in.name().strip().length() > 200) {
            errors.add(new FieldError("name", "chemical.unit.name", "请填写单元名称（200字以内）"));
        }
        if (!"PRODUCTION".equals(in.kind()) && !"STORAGE".equals(in.kind())) {
            errors.add(new FieldError("kind", "chemical.unit.kind", "单元类型为生产单元或储存单元"));
        }
        assessment.people(in.peopleWithin500m(), "peopleWithin500m", errors);
        List<Stock> stocks = assessment.stocks(in.inventories(), "inventories", errors);
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        UnitAssessment outcome = assessment.assess(stocks, in.peopleWithin500m());
        if (outcome.major()) {
            custodiansNamed(in.custodians(), errors);
            if (!errors.isEmpty()) {
                throw DomainException.invalid(errors);
            }
        }
        return new Computed(id, enterprise.id(), enterprise.townId(), enterprise.parkId(),
                enterprise.sector() == null ? null : enterprise.sector().name(), in, outcome, stocks, assessment.tablesVersion());
    }

    /** The demo district's units: computed as any other, written without a user. Answers whether the unit is major. */
    boolean recordForDemo(EnterpriseSummary enterprise, UnitInput in) {
        Computed computed = compute(UUID.randomUUID(), enterprise, in);
        repository.insert(computed, clock.instant());
        return computed.outcome().major();
    }

    boolean hasUnits(UUID enterpriseId) {
        return repository.hasUnits(enterpriseId);
    }

    /** 应急厅〔2021〕12号 Art. 3: every major hazard source has its principal, technical and operational person. */
    private static void custodiansNamed(Custodians c, List<FieldError> errors) {
        Custodian[] people = c == null ? new Custodian[3] : new Custodian[] {c.principal(), c.technical(), c.operational()};
        String[] fields = {"principal", "technical", "operational"};
        for (int i = 0; i < 3; i++) {
            Custodian p = people[i];
            if (p == null || p.name() == null || p.name().isBlank() || p.name().strip().length() > 50) {
                errors.add(new FieldError("custodians." + fields[i] + ".name", "chemical.unit.custodian", "重大危险源须明确包保责任人"));
            } else if (p.phone() != null && p.phone().strip().length() > 30) {
                errors.add(new FieldError("custodians." + fields[i] + ".phone", "chemical.unit.phone", "电话30字以内"));
            }
        }
    }

    public UnitView get(AnjianUser user, UUID id) {
        requireReader(user);
        UnitView view = repository.find(id).orElseThrow(() -> DomainException.notFound("unit"));
        if (!enterprises.inScope(user.scope(), view.enterpriseId())) {
            throw DomainException.notFound("unit");
        }
        return named(view);
    }

    /** A major hazard source: a unit that the standard identifies as one. */
    public UnitView source(AnjianUser user, UUID id) {
        UnitView view = get(user, id);
        if (!view.major()) {
            throw DomainException.notFound("major hazard source");
        }
        return view;
    }

    public PageResult<UnitView> sources(AnjianUser user, Filter filter, PageRequest page) {
        requireReader(user);
        if (filter.grade() != null && (filter.grade() < 1 || filter.grade() > 4)) {
            throw DomainException.invalid("grade", "chemical.unit.grade", "等级为1到4");
        }
        return repository.search(scopes.of(user.scope(), "u"), true, filter, page).map(this::named);
    }

    public PageResult<UnitView> units(AnjianUser user, Filter filter, PageRequest page) {
        requireReader(user);
        return repository.search(scopes.of(user.scope(), "u"), false, filter, page).map(this::named);
    }

    /** The enterprise file's view: the enterprise has been scope-checked by the profile before this is asked. */
    public List<UnitView> ofEnterprise(UUID enterpriseId) {
        return repository.search(ScopeConditions.Condition.ALWAYS, false, new Filter(null, enterpriseId), PageRequest.of(0, PageRequest.MAX_SIZE)).items();
    }

    private UnitView view(UUID id) {
        return named(repository.find(id).orElseThrow());
    }

    private UnitView named(UnitView v) {
        String name = enterprises.find(v.enterpriseId()).map(EnterpriseSummary::name).orElse(null);
        return new UnitView(v.id(), v.enterpriseId(), name, v.name(), v.kind(), v.peopleWithin500m(), v.s(), v.r(), v.alpha(), v.grade(),
                v.major(), v.tablesVersion(), v.custodians(), v.inventories());
    }
}
