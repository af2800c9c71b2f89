package org.anjian.inspection.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.anjian.enterprise.EnterpriseLookup;
import org.anjian.expert.ExpertPool;
import org.anjian.expert.ExpertSummary;
import org.anjian.expert.Field;
import org.anjian.expert.ServiceKind;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.error.DomainException.FieldError;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 执法+专家 (ENF-3): experts selected from the pool to go along on an inspection, at random but
 * reproducibly from a recorded seed, never one employed by the inspected enterprise.
 *
 * <p>The expert's service (陪同执法) is recorded in the expert's record at selection, dated on the
 * inspection's planned day and rateable by the inspectors of the inspection; hours and a summary are
 * filled in after the inspection through {@code PUT /api/v1/expert-services/{id}}. Recording at
 * selection rather than on finishing is deliberate: the inspection publishes no event when it
 * finishes, and a selected expert who did not go is removed from the inspection by the district
 * (the service record keeps the truth either way through its rating).
 *
 * <p>An expert selected for an inspection may read it: {@link #isSelectedExpert} is the check.
 */
@Service
@Transactional
public class InspectionExperts {

    static final int MAX_COUNT = 3;
    static final int MAX_FIELDS = 5;

    private final InspectionExpertRepository repository;
    private final ExpertPool pool;
    private final EnterpriseLookup enterprises;
    private final AuditTrail audit;
    private final Clock clock;

    InspectionExperts(InspectionExpertRepository repository, ExpertPool pool, EnterpriseLookup enterprises, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.pool = pool;
        this.enterprises = enterprises;
        this.audit = audit;
        this.clock = clock;
    }

    /** Which fields, how many per field, and optionally the seed; the document names the limits {@link #select} applies. */
    public record Request(
            @io.swagger.v3.oas.annotations.media.ArraySchema(minItems = 1, maxItems = 5, arraySchema =
                    @io.swagger.v3.oas.annotations.media.Schema(requiredMode = io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED)) List<Field> fields,
            @io.swagger.v3.oas.annotations.media.Schema(requiredMode = io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED,
                    minimum = "1", maximum = "3") Integer count,
            @io.swagger.v3.oas.annotations.media.Schema(minLength = 1, maxLength = 100) String seed) {
    }

    /** An expert on the inspection; the phone only for the district and the inspectors. */
    public record SelectedExpert(UUID expertId, String name, String title, Field field, List<Field> fields, String employerName, String phone,
                                 Instant selectedAt, String selectedBy, String seed) {
    }

    private InspectionExpertRepository.InspectionRef inspection(UUID id) {
        return repository.inspection(id).orElseThrow(() -> DomainException.notFound("inspection"));
    }

    /** Selects experts for the inspection: the district or an inspector on it; more may be added later, never twice the same. */
    public List<SelectedExpert> select(AnjianUser user, UUID inspectionId, Request r) {
        if (!user.hasAnyRole(Role.DISTRICT_ADMIN, Role.INSPECTOR)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "inspection.forbidden", "only the district and its inspectors select experts");
        }
        List<FieldError> errors = new ArrayList<>();
        if (r == null || r.fields() == null || r.fields().isEmpty() || r.fields().stream().anyMatch(java.util.Objects::isNull) || r.fields().size() > MAX_FIELDS) {
            errors.add(new FieldError("fields", "inspection.experts.fields", "选择 1–5 个专业领域"));
        }
        if (r == null || r.count() == null || r.count() < 1 || r.count() > MAX_COUNT) {
            errors.add(new FieldError("count", "inspection.experts.count", "每个领域 1–3 名专家"));
        }
        if (r != null && r.seed() != null && (r.seed().isBlank() || r.seed().length() > 100)) {
            errors.add(new FieldError("seed", "inspection.draw.seed", "随机种子为 1–100 个字符"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        InspectionExpertRepository.InspectionRef i = inspection(inspectionId);
        if (!user.hasRole(Role.DISTRICT_ADMIN) && !i.inspectorIds().contains(user.id())) {
            throw new DomainException(HttpStatus.FORBIDDEN, "inspection.notOnTeam", "only the inspectors of this inspection select its experts");
        }
        if ("DONE".equals(i.state())) {
            throw DomainException.conflict("inspection.done", "the inspection is finished");
        }
        Set<UUID> already = new HashSet<>(repository.expertIds(inspectionId));
        String seed = r.seed() != null ? r.seed().trim() : "inspection:" + inspectionId + ":" + (already.size() + 1);
        Set<Field> fields = EnumSet.copyOf(r.fields());
        List<ExpertSummary> picked = pool.select(fields, r.count(), i.enterpriseId(), seed, already);
        List<Field> order = fields.stream().sorted().toList();
        Instant now = clock.instant();
        List<Map<String, Object>> audited = new ArrayList<>();
        for (int n = 0; n < picked.size(); n++) {
            ExpertSummary e = picked.get(n);
            Field field = order.get(n / r.count());
            repository.insert(inspectionId, new InspectionExpertRepository.Selection(e.id(), field, now, user.displayName(), seed));
            pool.recordService(e.id(), new ExpertPool.NewService(ServiceKind.INSPECTION_ALONGSIDE, i.plannedOn(), i.enterpriseId(),
                    "inspection:" + inspectionId, null, null, Set.copyOf(i.inspectorIds())), user.displayName());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("expertId", e.id());
            m.put("name", e.name());
            m.put("field", field);
            audited.add(m);
        }
        audit.record("INSPECTION_EXPERTS_SELECTED", "inspection", inspectionId, null, Map.of("seed", seed, "experts", audited));
        return selected(user, inspectionId);
    }

    /** The experts of an inspection, for whoever may read the inspection. */
    @Transactional(readOnly = true)
    public List<SelectedExpert> list(AnjianUser user, UUID inspectionId) {
        InspectionExpertRepository.InspectionRef i = inspection(inspectionId);
        boolean regulator = user.hasAnyRole(Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.AUDITOR);
        // an expert's district-wide scope does not open every inspection: only those they were selected for
        boolean inScope = !user.hasRole(Role.EXPERT) && enterprises.inScope(user.scope(), i.enterpriseId());
        if (!regulator && !inScope && !isSelectedExpert(user, inspectionId)) {
            throw DomainException.notFound("inspection");
        }
        return selected(user, inspectionId);
    }

    /**
     * Whether the user is an expert selected for the inspection, so that they may read it. For the
     * integrator: {@code InspectionService.get(user, id)} can let an EXPERT read only these, with
     * {@code regulator = user.hasAnyRole(DISTRICT_ADMIN, INSPECTOR, AUDITOR) || inspectionExperts.isSelectedExpert(user, id)}.
     */
    @Transactional(readOnly = true)
    public boolean isSelectedExpert(AnjianUser user, UUID inspectionId) {
        if (!user.hasRole(Role.EXPERT)) {
            return false;
        }
        return pool.findByUser(user.id()).map(e -> repository.isSelected(inspectionId, e.id())).orElse(false);
    }

    /** The inspections an expert user was selected for, newest plans first (for their list of inspections). */
    @Transactional(readOnly = true)
    public List<UUID> inspectionsOf(AnjianUser user) {
        if (!user.hasRole(Role.EXPERT)) {
            return List.of();
        }
        return pool.findByUser(user.id()).map(e -> repository.inspectionsOf(e.id())).orElse(List.of());
    }

    /** For the inspection page, which has checked access already. */
    @Transactional(readOnly = true)
    public List<SelectedExpert> forPage(UUID inspectionId) {
        return org.anjian.shared.security.CurrentUser.get().map(u -> selected(u, inspectionId)).orElse(List.of());
    }

    public List<Field> fields() {
        return List.of(Field.values());
    }

    private List<SelectedExpert> selected(AnjianUser user, UUID inspectionId) {
        boolean phones = user.hasAnyRole(Role.DISTRICT_ADMIN, Role.INSPECTOR);
        return repository.selections(inspectionId).stream().map(s -> {
            ExpertSummary e = pool.find(s.expertId()).orElse(null);
            return new SelectedExpert(s.expertId(), e == null ? "" : e.name(), e == null ? null : e.title(), s.field(),
                    e == null ? List.<Field>of() : e.fields().stream().sorted().toList(), e == null ? null : e.employerName(),
                    phones && e != null ? e.phone() : null, s.selectedAt(), s.selectedBy(), s.seed());
        }).toList();
    }
}
