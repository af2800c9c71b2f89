package org.anjian.enterprise.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.anjian.enterprise.domain.CreditCode;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.organization.Region;
import org.anjian.organization.RegionKind;
import org.anjian.shared.error.DomainException.FieldError;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The field rules of a profile, shared by the page, the API and the import so that each refuses
 * the same input with the same reason.
 */
@Component
public class EnterpriseValidator {

    /** How far beyond the outermost town centre a site may lie and still be in the district. */
    static final double MARGIN_DEGREES = 0.2;

    private final OrganizationDirectory organization;
    private final EnterpriseRepository repository;

    EnterpriseValidator(OrganizationDirectory organization, EnterpriseRepository repository) {
        this.organization = organization;
        this.repository = repository;
    }

    /** Field errors of {@code f}; {@code selfId} is the enterprise being edited (null when new), {@code checkUnique} off for imports that upsert. */
    public List<FieldError> validate(EnterpriseForm f, UUID selfId, boolean checkUnique) {
        return validate(f, selfId, checkUnique, regions());
    }

    /** The region tree read once: an import validates thousands of rows against the same tree. */
    public record Regions(java.util.Map<UUID, Region> byId, double minLat, double maxLat, double minLon, double maxLon) {

        public boolean inside(double lat, double lon) {
            return lat >= minLat && lat <= maxLat && lon >= minLon && lon <= maxLon;
        }
    }

    public Regions regions() {
        List<Region> all = organization.regions();
        double minLat = 90, maxLat = -90, minLon = 180, maxLon = -180;
        boolean any = false;
        for (Region r : all) {
            if (r.latitude() != null && r.longitude() != null) {
                any = true;
                minLat = Math.min(minLat, r.latitude());
                maxLat = Math.max(maxLat, r.latitude());
                minLon = Math.min(minLon, r.longitude());
                maxLon = Math.max(maxLon, r.longitude());
            }
        }
        java.util.Map<UUID, Region> byId = new java.util.HashMap<>();
        all.forEach(r -> byId.put(r.id(), r));
        return any ? new Regions(byId, minLat - MARGIN_DEGREES, maxLat + MARGIN_DEGREES, minLon - MARGIN_DEGREES, maxLon + MARGIN_DEGREES)
                : new Regions(byId, -90, 90, -180, 180);
    }

    public List<FieldError> validate(EnterpriseForm f, UUID selfId, boolean checkUnique, Regions regions) {
        List<FieldError> errors = new ArrayList<>();
        String code = CreditCode.normalize(f.creditCode());
        Optional<CreditCode.Problem> problem = CreditCode.problem(code);
        if (problem.isPresent()) {
            String key = switch (problem.get()) {
                case REQUIRED -> "shared.validation.required";
                case LENGTH -> "enterprise.creditCode.length";
                case CHARACTER -> "enterprise.creditCode.character";
                case CHECK_DIGIT -> "enterprise.creditCode.checkDigit";
            };
            errors.add(new FieldError("creditCode", key, "统一社会信用代码无效"));
        } else if (checkUnique) {
            repository.idByCreditCode(code).filter(id -> !id.equals(selfId))
                    .ifPresent(id -> errors.add(new FieldError("creditCode", "enterprise.creditCode.taken", "统一社会信用代码已登记")));
        }
        text(errors, "name", f.name(), 200, true);
        text(errors, "legalRepresentative", f.legalRepresentative(), 50, false);
        text(errors, "address", f.address(), 300, false);
        text(errors, "phone", f.phone(), 30, false);
        if (StringUtils.hasText(f.phone()) && !f.phone().trim().matches("[0-9+\\- ]{5,30}")) {
            errors.add(new FieldError("phone", "enterprise.phone.format", "电话号码格式不正确"));
        }
        Region town = f.townId() == null ? null : regions.byId().get(f.townId());
        if (f.townId() == null) {
            errors.add(new FieldError("townId", "enterprise.town.required", "请选择镇街"));
        } else if (town == null || town.kind() != RegionKind.TOWN) {
            errors.add(new FieldError("townId", "enterprise.town.unknown", "镇街不在本区区划内"));
        }
        if (f.parkId() != null) {
            Region park = regions.byId().get(f.parkId());
            if (park == null || park.kind() != RegionKind.PARK || town == null || !town.id().equals(park.parentId())) {
                errors.add(new FieldError("parkId", "enterprise.park.invalid", "园区不属于所选镇街"));
            }
        }
        if (f.sector() == null) {
            errors.add(new FieldError("sector", "enterprise.sector.required", "请选择行业"));
        }
        if (f.subSector() == null) {
            errors.add(new FieldError("subSector", "enterprise.subSector.required", "请选择子行业"));
        } else if (f.sector() != null && f.subSector().sector() != f.sector()) {
            errors.add(new FieldError("subSector", "enterprise.subSector.mismatch", "子行业不属于所选行业"));
        }
        if (f.scale() == null) {
            errors.add(new FieldError("scale", "enterprise.scale.required", "请选择规模"));
        }
        if (f.status() == null) {
            errors.add(new FieldError("status", "enterprise.status.required", "请选择经营状态"));
        }
        if (f.employees() != null && (f.employees() < 0 || f.employees() > 1_000_000)) {
            errors.add(new FieldError("employees", "enterprise.employees.invalid", "从业人员数应在 0 到 1000000 之间"));
        }
        if ((f.latitude() == null) != (f.longitude() == null)) {
            errors.add(new FieldError(f.latitude() == null ? "latitude" : "longitude", "enterprise.coordinates.pair", "经纬度须同时填写"));
        } else if (f.latitude() != null && !regions.inside(f.latitude(), f.longitude())) {
            errors.add(new FieldError("latitude", "enterprise.coordinates.outside", "坐标不在本区范围内"));
            errors.add(new FieldError("longitude", "enterprise.coordinates.outside", "坐标不在本区范围内"));
        }
        return errors;
    }

    /** Inside the box around every region centre, widened by {@link #MARGIN_DEGREES}: WGS-84 degrees. */
    public boolean insideDistrict(double lat, double lon) {
        return regions().inside(lat, lon);
    }

    private static void text(List<FieldError> errors, String field, String value, int max, boolean required) {
        if (!StringUtils.hasText(value)) {
            if (required) {
                errors.add(new FieldError(field, "shared.validation.required", "必填"));
            }
        } else if (value.trim().length() > max) {
            errors.add(new FieldError(field, "shared.validation.tooLong", "内容过长"));
        }
    }
}
