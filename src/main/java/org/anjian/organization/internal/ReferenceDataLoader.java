package org.anjian.organization.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anjian.organization.Department;
import org.anjian.organization.Region;
import org.anjian.organization.RegionKind;
import org.anjian.organization.SpecialOffice;
import org.anjian.shared.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the district's reference data from {@code anjian.organization.reference-file} at first
 * start (empty tables). Afterwards the district administrator edits it in the application; the
 * file is not read again. Another district replaces the file.
 */
@Component
@Order(0)
public class ReferenceDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ReferenceDataLoader.class);

    private final OrganizationRepository repository;
    private final Resource file;
    private final AuditTrail audit;
    private final JsonMapper json = JsonMapper.builder().build();

    ReferenceDataLoader(OrganizationRepository repository, AuditTrail audit,
                        OrganizationProperties properties) {
        this.repository = repository;
        this.audit = audit;
        this.file = properties.referenceFile();
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!repository.isEmpty()) {
            return;
        }
        ReferenceFile data;
        try (InputStream in = file.getInputStream()) {
            data = json.readValue(in, ReferenceFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read reference data " + file, e);
        }
        Map<String, UUID> regionIds = new HashMap<>();
        int order = 0;
        for (RegionEntry r : data.regions()) {
            UUID id = stableId("region", r.code());
            regionIds.put(r.code(), id);
            UUID parent = r.parent() == null ? null : regionIds.get(r.parent());
            if (r.parent() != null && parent == null) {
                throw new IllegalStateException("region " + r.code() + " names unknown parent " + r.parent() + " (parents must come first)");
            }
            repository.upsertRegion(new Region(id, r.code(), r.name(), RegionKind.valueOf(r.kind()), parent, r.latitude(), r.longitude(), order++));
        }
        Map<String, UUID> departmentIds = new HashMap<>();
        order = 0;
        for (DepartmentEntry d : data.departments()) {
            UUID id = stableId("department", d.code());
            departmentIds.put(d.code(), id);
            repository.upsertDepartment(new Department(id, d.code(), d.name(), d.shortName(), d.sectors() == null ? List.of() : d.sectors(), order++));
        }
        order = 0;
        for (OfficeEntry o : data.specialOffices()) {
            repository.upsertSpecialOffice(new SpecialOffice(stableId("special-office", o.code()), o.code(), o.name(),
                    departmentIds.get(o.leadDepartment()), order++));
        }
        audit.recordAs("system", null, "REFERENCE_DATA_LOADED", "organization", file.getFilename(), null,
                Map.of("regions", data.regions().size(), "departments", data.departments().size(),
                        "specialOffices", data.specialOffices().size()));
        log.info("Loaded reference data from {}: {} regions, {} departments, {} special offices", file.getFilename(),
                data.regions().size(), data.departments().size(), data.specialOffices().size());
    }

    /** Ids derived from codes, so that a re-created database gets the same ids for the same district. */
    public static UUID stableId(String kind, String code) {
        return UUID.nameUUIDFromBytes((kind + ":" + code).getBytes(StandardCharsets.UTF_8));
    }

    record ReferenceFile(String description, List<RegionEntry> regions, List<DepartmentEntry> departments, List<OfficeEntry> specialOffices) {
    }

    record RegionEntry(String code, String name, String kind, String parent, Double latitude, Double longitude) {
    }

    record DepartmentEntry(String code, String name, String shortName, List<String> sectors) {
    }

    record OfficeEntry(String code, String name, String leadDepartment) {
    }
}
