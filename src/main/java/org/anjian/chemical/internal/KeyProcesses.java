package org.anjian.chemical.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anjian.chemical.domain.KeyProcess;
import org.anjian.chemical.domain.KeyProcessCatalogue;
import org.anjian.chemical.internal.SupervisionRepository.EnterpriseColumns;
import org.anjian.chemical.internal.SupervisionRepository.ProcessFilter;
import org.anjian.chemical.internal.SupervisionRepository.ProcessRow;
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
 * The key supervised processes (重点监管危险化工工艺) each enterprise runs (ENT-7), with whether the
 * plant is under automatic control and has a safety instrumented system (安监总管三〔2009〕116号:
 * 自动化控制; 安监总管三〔2014〕116号: SIS for key processes), and the key supervised chemicals among
 * its inventories. A change announces the enterprise's chemical facts for its supervision class.
 */
@Service
public class KeyProcesses {

    private final KeyProcessCatalogue catalogue;
    private final SupervisionRepository repository;
    private final EnterpriseLookup enterprises;
    private final ScopeConditions scopes;
    private final AuditTrail audit;
    private final ChemicalFacts facts;
    private final Clock clock;

    KeyProcesses(KeyProcessCatalogue catalogue, SupervisionRepository repository, EnterpriseLookup enterprises, ScopeConditions scopes,
                 AuditTrail audit, ChemicalFacts facts, Clock clock) {
        this.catalogue = catalogue;
        this.repository = repository;
        this.enterprises = enterprises;
        this.scopes = scopes;
        this.audit = audit;
        this.facts = facts;
        this.clock = clock;
    }

    public record ProcessInput(UUID enterpriseId, String processCode, String plant, Boolean automated, Boolean sis) {
    }

    public record ProcessView(UUID id, UUID enterpriseId, String enterpriseName, String processCode, String processName, String keyUnits,
                              String plant, boolean automated, boolean sis, boolean gap) {
    }

    public record EnterpriseProcesses(List<ProcessView> processes, List<String> keySupervisedChemicals) {
    }

    public record Filter(String processCode, UUID townId, Boolean automated, Boolean sis) {
    }

    public KeyProcessCatalogue catalogue() {
        return catalogue;
    }

    static void requireKeeper(AnjianUser user) {
        if (!user.hasAnyRole(Role.DISTRICT_ADMIN, Role.ENTERPRISE_USER)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "chemical.supervision.forbidden", "only the enterprise and the district keep these records");
        }
    }

    static void requireReader(AnjianUser user) {
        if (!user.hasRole(Role.DISTRICT_ADMIN) && user.hasAnyRole(Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "chemical.supervision.forbidden", "business roles read these records");
        }
    }

    /** For the catalogue endpoint: the same readers as the records. */
    public static void requireReaderOf(AnjianUser user) {
        requireReader(user);
    }

    static EnterpriseColumns columns(EnterpriseSummary e) {
        return new EnterpriseColumns(e.id(), e.townId(), e.parkId(), e.sector() == null ? null : e.sector().name());
    }

    EnterpriseSummary enterpriseInScope(AnjianUser user, UUID enterpriseId) {
        return enterprises.find(enterpriseId).filter(e -> enterprises.inScope(user.scope(), e.id()))
                .orElseThrow(() -> DomainException.notFound("enterprise"));
    }

    /** Records (or changes) that the enterprise runs a key process. */
    @Transactional
    public ProcessView set(AnjianUser user, ProcessInput in) {
        requireKeeper(user);
        List<FieldError> errors = new ArrayList<>();
        if (in == null || in.enterpriseId() == null) {
            throw DomainException.invalid("enterpriseId", "chemical.process.enterprise", "请选择企业");
        }
        KeyProcess process = catalogue.process(in.processCode()).orElse(null);
        if (process == null) {
            errors.add(new FieldError("processCode", "chemical.process.code", "请选择重点监管危险化工工艺（18种之一）"));
        }
        String plant = in.plant() == null || in.plant().isBlank() ? null : in.plant().strip();
        if (plant != null && plant.length() > 200) {
            errors.add(new FieldError("plant", "chemical.process.plant", "装置名称200字以内"));
        }
        if (in.automated() == null) {
            errors.add(new FieldError("automated", "chemical.process.automated", "请填写是否实现自动化控制"));
        }
        if (in.sis() == null) {
            errors.add(new FieldError("sis", "chemical.process.sis", "请填写是否设置安全仪表系统"));
        }
        EnterpriseSummary enterprise = enterpriseInScope(user, in.enterpriseId());
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        var before = repository.findProcess(enterprise.id(), process.code()).map(r -> view(r, enterprise.name())).orElse(null);
        repository.upsertProcess(UUID.randomUUID(), columns(enterprise), process.code(), plant, in.automated(), in.sis(), clock.instant());
        ProcessView after = view(repository.findProcess(enterprise.id(), process.code()).orElseThrow(), enterprise.name());
        audit.record(before == null ? "CHEMICAL_PROCESS_ADDED" : "CHEMICAL_PROCESS_UPDATED", "chemical-process", after.id(), before, after);
        facts.announce(enterprise.id());
        return after;
    }

    /** The enterprise no longer runs the process. */
    @Transactional
    public void remove(AnjianUser user, UUID enterpriseId, String processCode) {
        requireKeeper(user);
        EnterpriseSummary enterprise = enterpriseInScope(user, enterpriseId);
        ProcessRow row = repository.findProcess(enterprise.id(), processCode == null ? "" : processCode.strip())
                .orElseThrow(() -> DomainException.notFound("process"));
        repository.deleteProcess(enterprise.id(), row.processCode());
        audit.record("CHEMICAL_PROCESS_REMOVED", "chemical-process", row.id(), view(row, enterprise.name()), null);
        facts.announce(enterprise.id());
    }

    public PageResult<ProcessView> list(AnjianUser user, Filter f, PageRequest page) {
        requireReader(user);
        if (f.processCode() != null && catalogue.process(f.processCode()).isEmpty()) {
            throw DomainException.invalid("processCode", "chemical.process.code", "请选择重点监管危险化工工艺（18种之一）");
        }
        return repository.searchProcesses(scopes.of(user.scope(), "p"), new ProcessFilter(f.processCode(), f.townId(), f.automated(), f.sis()), page)
                .map(r -> view(r, enterprises.find(r.enterpriseId()).map(EnterpriseSummary::name).orElse(null)));
    }

    public EnterpriseProcesses ofEnterprise(AnjianUser user, UUID enterpriseId) {
        requireReader(user);
        EnterpriseSummary e = enterpriseInScope(user, enterpriseId);
        return ofEnterprise(e);
    }

    /** The enterprise file's view: the profile has checked the enterprise's scope. */
    public EnterpriseProcesses ofEnterprise(EnterpriseSummary e) {
        return new EnterpriseProcesses(repository.processesOf(e.id()).stream().map(r -> view(r, e.name())).toList(),
                repository.keySupervisedChemicals(e.id()));
    }

    ProcessView view(ProcessRow r, String enterpriseName) {
        KeyProcess p = catalogue.process(r.processCode()).orElse(new KeyProcess(r.processCode(), r.processCode(), 1, null));
        return new ProcessView(r.id(), r.enterpriseId(), enterpriseName, p.code(), p.name(), p.keyUnits(), r.plant(), r.automated(), r.sis(),
                // automatic control and SIS are both required of a key process; either missing is a gap
                !r.automated() || !r.sis());
    }

    /** For the demo: without a user, as any other change. */
    void setForDemo(EnterpriseSummary e, String code, String plant, boolean automated, boolean sis) {
        repository.upsertProcess(UUID.randomUUID(), columns(e), code, plant, automated, sis, clock.instant());
    }

    Map<String, String> names() {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        catalogue.processes().forEach(p -> m.put(p.code(), p.name()));
        return m;
    }
}
