package org.anjian.enterprise.internal;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.anjian.enterprise.EnterpriseRegistered;
import org.anjian.enterprise.OperatingStatus;
import org.anjian.enterprise.RiskFlag;
import org.anjian.enterprise.Scale;
import org.anjian.enterprise.Sector;
import org.anjian.enterprise.SubSector;
import org.anjian.enterprise.domain.CreditCode;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.organization.Region;
import org.anjian.organization.RegionKind;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.error.DomainException.FieldError;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.core.task.TaskExecutor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Excel import as a background job (ENT-1): every row lands whole or is listed with its row
 * number and reason in an error sheet; rows are matched by credit code, so importing the same file
 * again updates and never duplicates. Rows are written 1,000 at a time, each chunk one transaction
 * with one audit entry naming every enterprise it created or changed.
 */
@Service
public class ImportService {

    private static final Logger log = LoggerFactory.getLogger(ImportService.class);
    static final int CHUNK = 1000;

    private final EnterpriseExcel excel;
    private final EnterpriseRepository repository;
    private final EnterpriseValidator validator;
    private final EnterpriseScopes scopes;
    private final ClassificationService classification;
    private final OrganizationDirectory organization;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final ImportJobRepository jobs;
    private final TransactionTemplate tx;
    private final TaskExecutor executor;
    private final Clock clock;

    ImportService(EnterpriseExcel excel, EnterpriseRepository repository, EnterpriseValidator validator, EnterpriseScopes scopes,
                  ClassificationService classification, OrganizationDirectory organization, AuditTrail audit, ApplicationEventPublisher events,
                  MessageSource messages, ImportJobRepository jobs, PlatformTransactionManager txManager,
                  @Qualifier("applicationTaskExecutor") TaskExecutor executor, Clock clock) {
        this.excel = excel;
        this.repository = repository;
        this.validator = validator;
        this.scopes = scopes;
        this.classification = classification;
        this.organization = organization;
        this.audit = audit;
        this.events = events;
        this.messages = messages;
        this.jobs = jobs;
        this.tx = new TransactionTemplate(txManager);
        this.executor = executor;
        this.clock = clock;
    }

    public record Job(UUID id, String status, String fileName, int total, int processed, int created, int updated, int failed,
                      boolean hasErrorSheet, String message, String createdBy, Instant createdAt, Instant finishedAt) {

        public boolean finished() {
            return "DONE".equals(status) || "FAILED".equals(status);
        }

        /** The share of rows processed: 100 only for a job that is done, never for one that failed. */
        public int percent() {
            if (total == 0) {
                return "DONE".equals(status) ? 100 : 0;
            }
            return (int) Math.floor(processed * 100.0 / total);
        }
    }

    /** Records the job and runs it in the background; the caller polls {@link #job}. */
    public Job start(AnjianUser user, String fileName, byte[] content) {
        if (!scopes.canRegister(user)) {
            throw new AccessDeniedException("may not import enterprises");
        }
        if (content == null || content.length == 0) {
            throw DomainException.invalid("file", "enterprise.import.fileRequired", "请选择 .xlsx 文件");
        }
        UUID id = UUID.randomUUID();
        jobs.queued(id, fileName == null ? null : org.anjian.shared.web.Uploads.baseName(fileName), user.getUsername(), clock.instant());
        var auth = new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities());
        executor.execute(() -> {
            SecurityContextHolder.getContext().setAuthentication(auth);
            try {
                run(id, user, content);
            } catch (RuntimeException e) {
                log.warn("import {} failed", id, e);
                finish(id, true, e instanceof DomainException de ? de.reason() : "enterprise.import.unreadable", null);
            } finally {
                SecurityContextHolder.clearContext();
            }
        });
        return job(user, id);
    }

    /** The job, for its creator or the district administrator; anyone else is told it does not exist. */
    public Job job(AnjianUser user, UUID id) {
        Job j = jobs.find(id).orElseThrow(() -> DomainException.notFound("import job"));
        if (!j.createdBy().equals(user.getUsername()) && !user.hasRole(Role.DISTRICT_ADMIN)) {
            throw DomainException.notFound("import job");
        }
        return j;
    }

    public Optional<byte[]> errorSheet(AnjianUser user, UUID id) {
        job(user, id);
        return jobs.errorSheet(id);
    }

    void run(UUID id, AnjianUser user, byte[] content) {
        List<org.anjian.shared.excel.SheetRows.RawRow> rows;
        try {
            rows = excel.read(new ByteArrayInputStream(content));
        } catch (Exception e) {
            finish(id, true, "enterprise.import.unreadable", null);
            return;
        }
        jobs.running(id, rows.size());
        Lookups lookups = new Lookups();
        List<String[]> errors = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        int created = 0;
        int updated = 0;
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<org.anjian.shared.excel.SheetRows.RawRow> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
            int[] counts = tx.execute(s -> importChunk(id, user, chunk, lookups, seen, errors));
            created += counts[0];
            updated += counts[1];
            jobs.progress(id, Math.min(rows.size(), from + CHUNK), created, updated, errors.size());
        }
        byte[] sheet = null;
        if (!errors.isEmpty()) {
            try {
                sheet = excel.errorSheet(errors);
            } catch (Exception e) {
                log.warn("import {}: error sheet not written", id, e);
            }
        }
        finish(id, false, null, sheet);
    }

    private void finish(UUID id, boolean failed, String messageKey, byte[] sheet) {
        jobs.finished(id, failed, messageKey, sheet, clock.instant());
    }

    /** Parses, validates and upserts one chunk; returns {created, updated}. */
    private int[] importChunk(UUID jobId, AnjianUser user, List<org.anjian.shared.excel.SheetRows.RawRow> chunk, Lookups lookups, Map<String, Integer> seen,
                              List<String[]> errors) {
        Instant now = clock.instant();
        List<String> codes = chunk.stream().map(r -> CreditCode.normalize(r.get(0))).toList();
        Map<String, Enterprise> existing = new HashMap<>();
        repository.findAllByCreditCodes(codes.stream().filter(c -> c != null && !c.isEmpty()).distinct().toList())
                .forEach(e -> existing.put(e.creditCode(), e));
        List<Enterprise> good = new ArrayList<>();
        List<Map<String, String>> changes = new ArrayList<>();
        int created = 0;
        for (org.anjian.shared.excel.SheetRows.RawRow row : chunk) {
            List<String> reasons = new ArrayList<>();
            EnterpriseForm form = lookups.form(row, reasons);
            String code = CreditCode.normalize(row.get(0));
            if (form != null) {
                for (FieldError fe : validator.validate(form, null, false, lookups.regions)) {
                    reasons.add(text(fe.code()) + "（" + excel.header(fe.field().equals("townId") ? "town" : fe.field().equals("parkId") ? "park" : fe.field()) + "）");
                }
            }
            Enterprise before = code == null ? null : existing.get(code);
            if (reasons.isEmpty() && code != null) {
                Integer first = seen.putIfAbsent(code, row.rowNumber());
                if (first != null) {
                    reasons.add(messages.getMessage("enterprise.import.duplicateInFile", new Object[] {first}, EnterpriseExcel.ZH));
                } else if (before != null && !scopes.canEditProfile(user, before)) {
                    // Registered outside the importer's scope: say only that it is registered, not where.
                    reasons.add(text("enterprise.creditCode.taken"));
                } else if (!scopes.canPlaceIn(user, form.townId(), form.parkId())) {
                    reasons.add(text("enterprise.town.outOfScope"));
                }
            }
            if (!reasons.isEmpty()) {
                errors.add(new String[] {String.valueOf(row.rowNumber()), row.get(0), row.get(1), String.join("；", reasons)});
                continue;
            }
            UUID id = before == null ? UUID.randomUUID() : before.id();
            Enterprise e = new Enterprise(id, code, form.name().trim(), blank(form.legalRepresentative()), blank(form.address()), blank(form.phone()),
                    form.latitude(), form.longitude(), form.townId(), form.parkId(), form.sector(), form.subSector(), form.scale(),
                    form.employees() == null ? 0 : form.employees(), form.status(), form.flags(), null, 0, 0, 0, 0, null, null, null,
                    before == null ? now : before.createdAt(), now);
            good.add(e);
            changes.add(Map.of("id", id.toString(), "creditCode", code, "action", before == null ? "CREATED" : "UPDATED"));
            if (before == null) {
                created++;
            }
        }
        if (good.isEmpty()) {
            return new int[] {0, 0};
        }
        repository.upsertBatch(good);
        audit.record("ENTERPRISES_IMPORTED", "enterprise-import", jobId, null, Map.of("rows", changes));
        for (Enterprise e : good) {
            Enterprise before = existing.get(e.creditCode());
            if (before == null) {
                events.publishEvent(new EnterpriseRegistered(e.id(), e.creditCode(), e.name(), e.townId(), e.sector()));
            } else {
                EnterpriseService.updated(before, e).ifPresent(events::publishEvent);
            }
        }
        classification.reclassify(good.stream().map(Enterprise::id).toList(), "IMPORTED");
        return new int[] {created, good.size() - created};
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, EnterpriseExcel.ZH);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** Name and label maps built once per job. */
    private final class Lookups {
        final Map<String, Region> towns = new HashMap<>();
        final Map<String, Region> parks = new HashMap<>();
        final Map<String, Sector> sectors = excel.sectors();
        final Map<String, SubSector> subSectors = excel.subSectors();
        final Map<String, Scale> scales = excel.scales();
        final Map<String, OperatingStatus> statuses = excel.statuses();
        final EnterpriseValidator.Regions regions = validator.regions();

        Lookups() {
            for (Region r : organization.regions()) {
                if (r.kind() == RegionKind.TOWN) {
                    towns.put(r.name(), r);
                    towns.put(r.code(), r);
                } else if (r.kind() == RegionKind.PARK) {
                    parks.put(r.name(), r);
                    parks.put(r.code(), r);
                }
            }
        }

        EnterpriseForm form(org.anjian.shared.excel.SheetRows.RawRow row, List<String> reasons) {
            Region town = row.get(7).isEmpty() ? null : towns.get(row.get(7));
            if (!row.get(7).isEmpty() && town == null) {
                reasons.add(messages.getMessage("enterprise.import.unknownTown", new Object[] {row.get(7)}, EnterpriseExcel.ZH));
            }
            Region park = row.get(8).isEmpty() ? null : parks.get(row.get(8));
            if (!row.get(8).isEmpty() && park == null) {
                reasons.add(messages.getMessage("enterprise.import.unknownPark", new Object[] {row.get(8)}, EnterpriseExcel.ZH));
            }
            Sector sector = value(sectors, row, 9, reasons);
            SubSector sub = value(subSectors, row, 10, reasons);
            Scale scale = value(scales, row, 11, reasons);
            OperatingStatus status = value(statuses, row, 13, reasons);
            Double lon = number(row, 5, reasons);
            Double lat = number(row, 6, reasons);
            Double employees = number(row, 12, reasons);
            Set<RiskFlag> flags = EnumSet.noneOf(RiskFlag.class);
            RiskFlag[] all = RiskFlag.values();
            for (int i = 0; i < all.length; i++) {
                String v = row.get(14 + i).toUpperCase(Locale.ROOT);
                if (v.equals("是") || v.equals("Y") || v.equals("YES") || v.equals("1") || v.equals("TRUE") || v.equals("√")) {
                    flags.add(all[i]);
                }
            }
            return new EnterpriseForm(row.get(0), row.get(1), row.get(2), row.get(3), row.get(4), lat, lon, town == null ? null : town.id(),
                    park == null ? null : park.id(), sector, sub, scale, employees == null ? null : employees.intValue(), status, flags);
        }

        private <E> E value(Map<String, E> map, org.anjian.shared.excel.SheetRows.RawRow row, int col, List<String> reasons) {
            String v = row.get(col);
            if (v.isEmpty()) {
                return null;
            }
            E e = map.get(v);
            if (e == null) {
                e = map.get(v.toUpperCase(Locale.ROOT));
            }
            if (e == null) {
                reasons.add(messages.getMessage("enterprise.import.unknownValue", new Object[] {excel.header(EnterpriseExcel.COLUMNS.get(col)), v},
                        EnterpriseExcel.ZH));
            }
            return e;
        }

        private Double number(org.anjian.shared.excel.SheetRows.RawRow row, int col, List<String> reasons) {
            String v = row.get(col);
            if (v.isEmpty()) {
                return null;
            }
            try {
                return Double.valueOf(v);
            } catch (NumberFormatException e) {
                reasons.add(messages.getMessage("enterprise.import.unknownValue", new Object[] {excel.header(EnterpriseExcel.COLUMNS.get(col)), v},
                        EnterpriseExcel.ZH));
                return null;
            }
        }
    }
}
