package org.anjian.hazard.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.error.DomainException.FieldError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalogue of official major-hazard criteria (重大事故隐患判定标准). Catalogues are loaded from
 * {@code anjian.hazard.criteria-file} at start and from files the administrator uploads; a
 * catalogue version already present is left as it is, so a new version is added beside the old one.
 */
@Component
public class MajorHazardCriteria implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(MajorHazardCriteria.class);
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Resource file;
    private final JsonMapper json = JsonMapper.builder().build();

    MajorHazardCriteria(JdbcClient jdbc, AuditTrail audit,
                        HazardProperties properties) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.file = properties.criteriaFile();
    }

    record CatalogueFile(String description, List<CatalogueEntry> catalogues) {
    }

    record CatalogueEntry(String code, String version, String name, String basis, LocalDate effectiveFrom, List<String> sectors,
                          boolean complete, String note, List<ItemEntry> items) {
    }

    record ItemEntry(String code, String section, String text) {
    }

    public record Criterion(String code, String section, String text, String catalogueName, String catalogueVersion, String basis) {
    }

    public record Catalogue(UUID id, String code, String version, String name, String basis, LocalDate effectiveFrom, List<String> sectors,
                            boolean complete, String note, long items) {
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        try (InputStream in = file.getInputStream()) {
            int added = load(in.readAllBytes());
            if (added > 0) {
                log.info("Loaded {} major-hazard criteria catalogue(s) from {}", added, file.getFilename());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Adds the catalogues of a file that are not there yet; answers how many were added. */
    @Transactional
    public int load(byte[] content) {
        CatalogueFile data;
        try {
            data = json.readValue(new String(content, StandardCharsets.UTF_8), CatalogueFile.class);
        } catch (JacksonException e) {
            throw DomainException.invalid("file", "hazard.criteria.format", "文件格式不正确");
        }
        List<FieldError> errors = new ArrayList<>();
        if (data.catalogues() == null || data.catalogues().isEmpty()) {
            errors.add(new FieldError("file", "hazard.criteria.empty", "文件中没有目录"));
        } else {
            for (CatalogueEntry c : data.catalogues()) {
                if (blank(c.code()) || blank(c.version()) || blank(c.name()) || blank(c.basis()) || c.items() == null) {
                    errors.add(new FieldError("file", "hazard.criteria.incomplete", "目录缺少代码、版本、名称、依据或条目"));
                    break;
                }
                for (ItemEntry i : c.items()) {
                    if (blank(i.code()) || blank(i.section()) || blank(i.text())) {
                        errors.add(new FieldError("file", "hazard.criteria.incomplete", "条目缺少代码、章节或内容"));
                        break;
                    }
                }
            }
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        int added = 0;
        for (CatalogueEntry c : data.catalogues()) {
            boolean present = jdbc.sql("select count(*) from hazard_criteria_catalogue where code = ? and version = ?")
                    .params(c.code(), c.version()).query(Long.class).single() > 0;
            if (present) {
                continue;
            }
            UUID id = UUID.randomUUID();
            jdbc.sql("""
                    insert into hazard_criteria_catalogue (id, code, version, name, basis, effective_from, sectors, complete, note)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, c.code(), c.version(), c.name(), c.basis(), c.effectiveFrom(),
                            (c.sectors() == null ? List.<String>of() : c.sectors()).toArray(String[]::new), c.complete(), c.note())
                    .update();
            for (ItemEntry i : c.items()) {
                jdbc.sql("insert into hazard_criterion (code, catalogue_id, section, text) values (?, ?, ?, ?)")
                        .params(i.code(), id, i.section(), i.text()).update();
            }
            audit.record("HAZARD_CRITERIA_LOADED", "hazard-criteria", c.code() + "-" + c.version(), null,
                    Map.of("name", c.name(), "basis", c.basis(), "items", c.items().size()));
            added++;
        }
        return added;
    }

    @Transactional(readOnly = true)
    public Optional<Criterion> criterion(String code) {
        return jdbc.sql("""
                select i.code, i.section, i.text, c.name, c.version, c.basis from hazard_criterion i
                join hazard_criteria_catalogue c on c.id = i.catalogue_id where i.code = ?""").param(code)
                .query((rs, n) -> new Criterion(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6))).optional();
    }

    /** Items whose catalogue covers the sector (all sectors when null), optionally matching a text. */
    @Transactional(readOnly = true)
    public List<Criterion> search(String sector, String text) {
        return jdbc.sql("""
                select i.code, i.section, i.text, c.name, c.version, c.basis from hazard_criterion i
                join hazard_criteria_catalogue c on c.id = i.catalogue_id
                where (cast(:sector as text) is null or :sector = any(c.sectors))
                  and (cast(:text as text) is null or i.text like '%' || :text || '%' or i.code = :text)
                order by c.code, c.version desc, i.code""")
                .param("sector", sector).param("text", blank(text) ? null : text.trim())
                .query((rs, n) -> new Criterion(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6))).list();
    }

    @Transactional(readOnly = true)
    public List<Catalogue> catalogues() {
        return jdbc.sql("""
                select c.*, (select count(*) from hazard_criterion i where i.catalogue_id = c.id) as items
                from hazard_criteria_catalogue c order by c.code, c.version desc""")
                .query((rs, n) -> new Catalogue(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("version"),
                        rs.getString("name"), rs.getString("basis"), rs.getObject("effective_from", LocalDate.class),
                        List.of((String[]) rs.getArray("sectors").getArray()), rs.getBoolean("complete"), rs.getString("note"),
                        rs.getLong("items")))
                .list();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
