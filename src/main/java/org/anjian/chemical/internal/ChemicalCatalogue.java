package org.anjian.chemical.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.anjian.chemical.domain.CasNumber;
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
 * The district catalogue of chemicals (CHM-1): every business role reads it (it is the district's
 * common reference, not any one enterprise's record), the district keeps it, every change audited.
 * CAS numbers are check-digit validated and unique.
 */
@Service
public class ChemicalCatalogue {

    private final ChemicalRepository repository;
    private final AuditTrail audit;
    private final Clock clock;

    ChemicalCatalogue(ChemicalRepository repository, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
    }

    public record Chemical(UUID id, String name, String cas, String unNumber, List<String> hazardClasses, boolean restricted,
                           boolean forbidden, boolean keySupervised) {
    }

    public record ChemicalInput(String name, String cas, String unNumber, List<String> hazardClasses, Boolean restricted,
                                Boolean forbidden, Boolean keySupervised) {
    }

    public record Filter(String q, Boolean restricted, Boolean forbidden, Boolean keySupervised) {
    }

    private static void requireReader(AnjianUser user) {
        if (!user.hasRole(Role.DISTRICT_ADMIN) && user.hasAnyRole(Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "chemical.forbidden", "business roles read the chemical catalogue");
        }
    }

    private static void requireKeeper(AnjianUser user) {
        if (!user.hasRole(Role.DISTRICT_ADMIN)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "chemical.forbidden", "only the district keeps the chemical catalogue");
        }
    }

    public PageResult<Chemical> search(AnjianUser user, Filter f, PageRequest page) {
        requireReader(user);
        return repository.search(f, page);
    }

    public Chemical get(AnjianUser user, UUID id) {
        requireReader(user);
        return find(id);
    }

    private Chemical find(UUID id) {
        return repository.find(id).orElseThrow(() -> DomainException.notFound("chemical"));
    }

    @Transactional
    public Chemical create(AnjianUser user, ChemicalInput in) {
        requireKeeper(user);
        validate(in, null);
        UUID id = UUID.randomUUID();
        repository.insert(id, in, clock.instant());
        Chemical created = find(id);
        audit.record("CHEMICAL_CREATED", "chemical", id, null, created);
        return created;
    }

    @Transactional
    public Chemical update(AnjianUser user, UUID id, ChemicalInput in) {
        requireKeeper(user);
        Chemical before = find(id);
        validate(in, id);
        repository.update(id, in, clock.instant());
        Chemical after = find(id);
        audit.record("CHEMICAL_UPDATED", "chemical", id, before, after);
        return after;
    }

    private void validate(ChemicalInput in, UUID self) {
        if (in == null) {
            throw DomainException.invalid("name", "chemical.catalogue.name", "请填写名称（200字以内）");
        }
        List<FieldError> errors = new ArrayList<>();
        if (blank(in.name()) || in.name().strip().length() > 200) {
            errors.add(new FieldError("name", "chemical.catalogue.name", "请填写名称（200字以内）"));
        }
        if (!blank(in.cas())) {
            if (!CasNumber.isValid(in.cas().strip())) {
                errors.add(new FieldError("cas", "chemical.catalogue.cas", "CAS号格式或校验位不正确"));
            } else if (repository.casTaken(in.cas().strip(), self)) {
                errors.add(new FieldError("cas", "chemical.catalogue.casTaken", "该CAS号已在目录中"));
            }
        }
        if (!blank(in.unNumber()) && !in.unNumber().strip().matches("\\d{4}")) {
            errors.add(new FieldError("unNumber", "chemical.catalogue.un", "UN编号为4位数字"));
        }
        if (in.hazardClasses() != null && (in.hazardClasses().size() > 20
                || in.hazardClasses().stream().anyMatch(c -> blank(c) || c.strip().length() > 100))) {
            errors.add(new FieldError("hazardClasses", "chemical.catalogue.classes", "危险性类别最多20项，每项100字以内"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
