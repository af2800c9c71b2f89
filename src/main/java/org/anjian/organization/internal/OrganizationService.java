package org.anjian.organization.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.anjian.organization.Department;
import org.anjian.organization.OrganizationManagement;
import org.anjian.organization.Region;
import org.anjian.organization.RegionKind;
import org.anjian.organization.SpecialOffice;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.error.DomainException.FieldError;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

@Service
@Transactional
@PreAuthorize("hasAnyRole('DISTRICT_ADMIN', 'SYSTEM_ADMIN')")
class OrganizationService implements OrganizationManagement {

    static final Set<String> SECTORS = Set.of("INDUSTRY_TRADE", "NON_COAL_MINE", "HAZCHEM", "FIREWORKS");

    private final OrganizationRepository repository;
    private final AuditTrail audit;

    OrganizationService(OrganizationRepository repository, AuditTrail audit) {
        this.repository = repository;
        this.audit = audit;
    }

    @Override
    public Region saveRegion(RegionForm f) {
        List<FieldError> errors = new ArrayList<>();
        UUID id = f.id() == null ? UUID.randomUUID() : f.id();
        Region before = f.id() == null ? null : repository.region(f.id()).orElseThrow(() -> DomainException.notFound("region"));
        requireText(errors, "code", f.code(), 12);
        requireText(errors, "name", f.name(), 100);
        if (StringUtils.hasText(f.code()) && !f.code().matches("\\d{6,12}")) {
            errors.add(new FieldError("code", "organization.region.code.format", "区划代码为 6–12 位数字"));
        } else if (StringUtils.hasText(f.code()) && repository.regionCodeTaken(f.code(), id)) {
            errors.add(new FieldError("code", "organization.code.taken", "代码已被使用"));
        }
        RegionKind kind = f.kind();
        if (kind == null) {
            errors.add(new FieldError("kind", "organization.region.kind.required", "请选择层级"));
        } else if (kind == RegionKind.DISTRICT && (before == null || before.kind() != RegionKind.DISTRICT)) {
            errors.add(new FieldError("kind", "organization.region.kind.district", "区县只有一个，不能新增"));
        }
        Region parent = f.parentId() == null ? null : repository.region(f.parentId()).orElse(null);
        if (kind != null && kind != RegionKind.DISTRICT) {
            RegionKind expected = kind == RegionKind.TOWN ? RegionKind.DISTRICT : RegionKind.TOWN;
            if (parent == null || parent.kind() != expected) {
                errors.add(kind == RegionKind.TOWN
                        ? new FieldError("parentId", "organization.region.parent.town", "镇街的上级必须是区县")
                        : new FieldError("parentId", "organization.region.parent.park", "园区的上级必须是镇街"));
            } else if (before != null && repository.regionAndDescendants(id).contains(parent.id())) {
                errors.add(new FieldError("parentId", "organization.region.parent.cycle", "上级不能是自身或下级"));
            }
        }
        if (f.latitude() != null && (f.latitude() < -90 || f.latitude() > 90)) {
            errors.add(new FieldError("latitude", "organization.region.latitude.range", "纬度应在 -90 到 90 之间"));
        }
        if (f.longitude() != null && (f.longitude() < -180 || f.longitude() > 180)) {
            errors.add(new FieldError("longitude", "organization.region.longitude.range", "经度应在 -180 到 180 之间"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        Region after = new Region(id, f.code().trim(), f.name().trim(), kind, kind == RegionKind.DISTRICT ? null : parent.id(),
                f.latitude(), f.longitude(), f.sortOrder() == null ? (before == null ? 999 : before.sortOrder()) : f.sortOrder());
        repository.upsertRegion(after);
        audit.record(before == null ? "REGION_CREATED" : "REGION_UPDATED", "region", id, before, after);
        return after;
    }

    @Override
    public Department saveDepartment(DepartmentForm f) {
        List<FieldError> errors = new ArrayList<>();
        UUID id = f.id() == null ? UUID.randomUUID() : f.id();
        Department before = f.id() == null ? null : repository.department(f.id()).orElseThrow(() -> DomainException.notFound("department"));
        requireText(errors, "code", f.code(), 32);
        requireText(errors, "name", f.name(), 100);
        requireText(errors, "shortName", f.shortName(), 50);
        if (StringUtils.hasText(f.code()) && repository.departmentCodeTaken(f.code(), id)) {
            errors.add(new FieldError("code", "organization.code.taken", "代码已被使用"));
        }
        for (String s : f.sectors()) {
            if (!SECTORS.contains(s)) {
                errors.add(new FieldError("sectors", "organization.department.sector.unknown", "未知的监管行业"));
            }
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        Department after = new Department(id, f.code().trim(), f.name().trim(), f.shortName().trim(), List.copyOf(f.sectors()),
                f.sortOrder() == null ? (before == null ? 999 : before.sortOrder()) : f.sortOrder());
        repository.upsertDepartment(after);
        audit.record(before == null ? "DEPARTMENT_CREATED" : "DEPARTMENT_UPDATED", "department", id, before, after);
        return after;
    }

    @Override
    public SpecialOffice saveSpecialOffice(SpecialOfficeForm f) {
        List<FieldError> errors = new ArrayList<>();
        UUID id = f.id() == null ? UUID.randomUUID() : f.id();
        SpecialOffice before = f.id() == null ? null : repository.specialOffice(f.id()).orElseThrow(() -> DomainException.notFound("special office"));
        requireText(errors, "code", f.code(), 32);
        requireText(errors, "name", f.name(), 100);
        if (f.leadDepartmentId() != null && repository.department(f.leadDepartmentId()).isEmpty()) {
            errors.add(new FieldError("leadDepartmentId", "organization.office.lead.unknown", "牵头部门不存在"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        SpecialOffice after = new SpecialOffice(id, f.code().trim(), f.name().trim(), f.leadDepartmentId(),
                f.sortOrder() == null ? (before == null ? 999 : before.sortOrder()) : f.sortOrder());
        repository.upsertSpecialOffice(after);
        audit.record(before == null ? "SPECIAL_OFFICE_CREATED" : "SPECIAL_OFFICE_UPDATED", "special-office", id, before, after);
        return after;
    }

    private static void requireText(List<FieldError> errors, String field, String value, int max) {
        if (!StringUtils.hasText(value)) {
            errors.add(new FieldError(field, "shared.validation.required", "必填"));
        } else if (value.trim().length() > max) {
            errors.add(new FieldError(field, "shared.validation.tooLong", "过长"));
        }
    }
}
