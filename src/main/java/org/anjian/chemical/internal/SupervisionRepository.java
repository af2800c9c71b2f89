package org.anjian.chemical.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.anjian.chemical.ChemicalFactsChanged;
import org.anjian.chemical.domain.FourSystems;
import org.anjian.chemical.domain.StorageSystem;
import org.anjian.chemical.domain.SystemState;
import org.anjian.organization.ScopeConditions.Condition;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Key supervised processes, key supervised chemicals, storage sites with their tanks and 四个系统, and gap hazards. */
@Repository
class SupervisionRepository {

    private final JdbcClient jdbc;

    SupervisionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static java.time.OffsetDateTime ts(Instant i) {
        return java.time.OffsetDateTime.ofInstant(i, java.time.ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        java.time.OffsetDateTime t = rs.getObject(column, java.time.OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    ChemicalFactsChanged facts(UUID enterpriseId) {
        Map<String, Object> row = jdbc.sql("""
                select (select count(*) from chemical_unit where enterprise_id = :e and major) as sources,
                       (select min(grade) from chemical_unit where enterprise_id = :e and major) as grade,
                       (select count(*) from chemical_enterprise_process where enterprise_id = :e) as processes""")
                .param("e", enterpriseId).query().singleRow();
        Number grade = (Number) row.get("grade");
        return new ChemicalFactsChanged(enterpriseId, ((Number) row.get("sources")).intValue(), grade == null ? null : grade.intValue(),
                ((Number) row.get("processes")).intValue());
    }

    // ---- key supervised processes

    record ProcessRow(UUID id, UUID enterpriseId, String processCode, String plant, boolean automated, boolean sis, Instant updatedAt) {
    }

    Optional<ProcessRow> findProcess(UUID enterpriseId, String code) {
        return jdbc.sql("select * from chemical_enterprise_process where enterprise_id = :e and process_code = :c")
                .param("e", enterpriseId).param("c", code).query(this::process).optional();
    }

    void upsertProcess(UUID id, EnterpriseColumns e, String code, String plant, boolean automated, boolean sis, Instant now) {
        jdbc.sql("""
                insert into chemical_enterprise_process (id, enterprise_id, town_id, park_id, sector, process_code, plant, automated, sis,
                  created_at, updated_at) values (:id, :e, :town, :park, :sector, :code, :plant, :automated, :sis, :now, :now)
                on conflict (enterprise_id, process_code) do update set plant = excluded.plant, automated = excluded.automated,
                  sis = excluded.sis, town_id = excluded.town_id, park_id = excluded.park_id, sector = excluded.sector, updated_at = excluded.updated_at""")
                .param("id", id).param("e", e.enterpriseId()).param("town", e.townId()).param("park", e.parkId()).param("sector", e.sector())
                .param("code", code).param("plant", plant).param("automated", automated).param("sis", sis).param("now", ts(now)).update();
    }

    boolean deleteProcess(UUID enterpriseId, String code) {
        return jdbc.sql("delete from chemical_enterprise_process where enterprise_id = :e and process_code = :c")
                .param("e", enterpriseId).param("c", code).update() > 0;
    }

    List<ProcessRow> processesOf(UUID enterpriseId) {
        return jdbc.sql("select * from chemical_enterprise_process where enterprise_id = :e order by process_code").param("e", enterpriseId)
                .query(this::process).list();
    }

    record ProcessFilter(String processCode, UUID townId, Boolean automated, Boolean sis) {
    }

    PageResult<ProcessRow> searchProcesses(Condition scope, ProcessFilter f, PageRequest page) {
        StringBuilder where = new StringBuilder(" where ").append(scope.sql());
        Map<String, Object> params = new HashMap<>(scope.params());
        if (f.processCode() != null) {
            where.append(" and p.process_code = :code");
            params.put("code", f.processCode());
        }
        if (f.townId() != null) {
            where.append(" and p.town_id = :town");
            params.put("town", f.townId());
        }
        if (f.automated() != null) {
            where.append(" and p.automated = :automated");
            params.put("automated", f.automated());
        }
        if (f.sis() != null) {
            where.append(" and p.sis = :sis");
            params.put("sis", f.sis());
        }
        long total = jdbc.sql("select count(*) from chemical_enterprise_process p" + where).params(params).query(Long.class).single();
        List<ProcessRow> items = jdbc.sql("select * from chemical_enterprise_process p" + where
                        + " order by (p.automated and p.sis), p.enterprise_id, p.process_code limit :limit offset :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset()).query(this::process).list();
        return new PageResult<>(items, total, page.page(), page.size());
    }

    private ProcessRow process(ResultSet rs, int n) throws SQLException {
        return new ProcessRow(rs.getObject("id", UUID.class), rs.getObject("enterprise_id", UUID.class), rs.getString("process_code"),
                rs.getString("plant"), rs.getBoolean("automated"), rs.getBoolean("sis"), SupervisionRepository.instant(rs, "updated_at"));
    }

    /** The key supervised chemicals (catalogue flag) among the enterprise's inventories, matched by CAS or name. */
    List<String> keySupervisedChemicals(UUID enterpriseId) {
        return jdbc.sql("""
                select distinct c.name from chemical_inventory i join chemical_unit u on u.id = i.unit_id
                  join chemical_chemical c on c.key_supervised and ((i.cas is not null and c.cas = i.cas) or c.name = i.substance)
                where u.enterprise_id = :e order by c.name""").param("e", enterpriseId).query(String.class).list();
    }

    /** The grade of a unit of this enterprise, empty when it is not one of its units; the inner optional is the grade (null if not major). */
    Optional<Optional<Integer>> unitGrade(UUID enterpriseId, UUID unitId) {
        return jdbc.sql("select grade from chemical_unit where id = :u and enterprise_id = :e").param("u", unitId).param("e", enterpriseId)
                .query((rs, n) -> Optional.ofNullable((Integer) rs.getObject("grade", Integer.class))).optional();
    }

    /** The enterprise's first storage unit whose inventory holds one of these substances, for the demo's tank farms. */
    Optional<UUID> storageUnit(UUID enterpriseId) {
        return jdbc.sql("select u.id from chemical_unit u where u.enterprise_id = :e and u.kind = 'STORAGE' order by u.major desc, u.grade nulls last, u.id limit 1")
                .param("e", enterpriseId).query(UUID.class).optional();
    }

    // ---- storage sites

    record EnterpriseColumns(UUID enterpriseId, UUID townId, UUID parkId, String sector) {
    }

    record TankRow(String name, String medium, BigDecimal capacityM3, String pressure) {
    }

    record SiteRow(UUID id, UUID enterpriseId, UUID townId, String name, String kind, UUID unitId, Integer unitGrade, FourSystems systems,
                   int gaps, LocalDate checkedOn, List<TankRow> tanks, Map<StorageSystem, GapHazardRow> openHazards) {
    }

    record GapHazardRow(UUID id, StorageSystem system, UUID hazardId, boolean major, Instant closedAt) {
    }

    void insertSite(UUID id, EnterpriseColumns e, String name, String kind, UUID unitId, FourSystems s, LocalDate checkedOn,
                    List<TankRow> tanks, Instant now) {
        jdbc.sql("""
                insert into chemical_storage_site (id, enterprise_id, town_id, park_id, sector, name, kind, unit_id, gas_detection, video,
                  emergency_shutoff, lightning_warning, gaps, checked_on, created_at, updated_at)
                values (:id, :e, :town, :park, :sector, :name, :kind, :unit, :gas, :video, :shutoff, :lightning, :gaps, :checked, :now, :now)""")
                .params(siteValues(id, name, kind, unitId, s, checkedOn, now)).param("e", e.enterpriseId()).param("town", e.townId())
                .param("park", e.parkId()).param("sector", e.sector()).update();
        tanks(id, tanks);
    }

    void updateSite(UUID id, String name, String kind, UUID unitId, FourSystems s, LocalDate checkedOn, List<TankRow> tanks, Instant now) {
        jdbc.sql("""
                update chemical_storage_site set name = :name, kind = :kind, unit_id = :unit, gas_detection = :gas, video = :video,
                  emergency_shutoff = :shutoff, lightning_warning = :lightning, gaps = :gaps, checked_on = :checked, updated_at = :now
                where id = :id""").params(siteValues(id, name, kind, unitId, s, checkedOn, now)).update();
        jdbc.sql("delete from chemical_tank where site_id = :id").param("id", id).update();
        tanks(id, tanks);
    }

    private static Map<String, Object> siteValues(UUID id, String name, String kind, UUID unitId, FourSystems s, LocalDate checkedOn, Instant now) {
        Map<String, Object> v = new HashMap<>();
        v.put("id", id);
        v.put("name", name);
        v.put("kind", kind);
        v.put("unit", unitId);
        v.put("gas", s.gasDetection().name());
        v.put("video", s.video().name());
        v.put("shutoff", s.emergencyShutoff().name());
        v.put("lightning", s.lightningWarning().name());
        v.put("gaps", s.gaps().size());
        v.put("checked", checkedOn);
        v.put("now", ts(now));
        return v;
    }

    private void tanks(UUID siteId, List<TankRow> tanks) {
        for (int i = 0; i < tanks.size(); i++) {
            TankRow t = tanks.get(i);
            jdbc.sql("""
                    insert into chemical_tank (id, site_id, position, name, medium, capacity_m3, pressure)
                    values (:id, :site, :position, :name, :medium, :capacity, :pressure)""")
                    .param("id", UUID.randomUUID()).param("site", siteId).param("position", i).param("name", t.name())
                    .param("medium", t.medium()).param("capacity", t.capacityM3()).param("pressure", t.pressure()).update();
        }
    }

    Optional<SiteRow> findSite(UUID id) {
        return jdbc.sql(SITE_SELECT + " where s.id = :id").param("id", id).query(this::site).optional().map(this::withDetails);
    }

    private static final String SITE_SELECT = "select s.*, u.grade as unit_grade from chemical_storage_site s left join chemical_unit u on u.id = s.unit_id";

    record SiteFilter(UUID enterpriseId, UUID townId, StorageSystem gap, Boolean gapsOnly, String kind) {
    }

    PageResult<SiteRow> searchSites(Condition scope, SiteFilter f, PageRequest page) {
        StringBuilder where = new StringBuilder(" where ").append(scope.sql());
        Map<String, Object> params = new HashMap<>(scope.params());
        if (f.enterpriseId() != null) {
            where.append(" and s.enterprise_id = :enterprise");
            params.put("enterprise", f.enterpriseId());
        }
        if (f.townId() != null) {
            where.append(" and s.town_id = :town");
            params.put("town", f.townId());
        }
        if (f.kind() != null) {
            where.append(" and s.kind = :kind");
            params.put("kind", f.kind());
        }
        if (f.gap() != null) {
            where.append(" and s.").append(column(f.gap())).append(" <> 'PRESENT'");
        } else if (Boolean.TRUE.equals(f.gapsOnly())) {
            where.append(" and s.gaps > 0");
        }
        long total = jdbc.sql("select count(*) from chemical_storage_site s" + where).params(params).query(Long.class).single();
        List<SiteRow> items = jdbc.sql(SITE_SELECT + where + " order by s.gaps desc, s.enterprise_id, s.name, s.id limit :limit offset :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset()).query(this::site).list()
                .stream().map(this::withDetails).toList();
        return new PageResult<>(items, total, page.page(), page.size());
    }

    List<SiteRow> sitesOf(UUID enterpriseId) {
        return jdbc.sql(SITE_SELECT + " where s.enterprise_id = :e order by s.name, s.id").param("e", enterpriseId).query(this::site).list()
                .stream().map(this::withDetails).toList();
    }

    boolean hasSites(UUID enterpriseId) {
        return jdbc.sql("select exists (select 1 from chemical_storage_site where enterprise_id = :e)").param("e", enterpriseId)
                .query(Boolean.class).single();
    }

    /** A fixed column name per system: never built from input. */
    static String column(StorageSystem system) {
        return switch (system) {
            case GAS_DETECTION -> "gas_detection";
            case VIDEO -> "video";
            case EMERGENCY_SHUTOFF -> "emergency_shutoff";
            case LIGHTNING_WARNING -> "lightning_warning";
        };
    }

    private SiteRow site(ResultSet rs, int n) throws SQLException {
        FourSystems s = new FourSystems(SystemState.valueOf(rs.getString("gas_detection")), SystemState.valueOf(rs.getString("video")),
                SystemState.valueOf(rs.getString("emergency_shutoff")), SystemState.valueOf(rs.getString("lightning_warning")));
        return new SiteRow(rs.getObject("id", UUID.class), rs.getObject("enterprise_id", UUID.class), rs.getObject("town_id", UUID.class),
                rs.getString("name"), rs.getString("kind"), rs.getObject("unit_id", UUID.class), (Integer) rs.getObject("unit_grade", Integer.class),
                s, rs.getInt("gaps"), rs.getObject("checked_on", LocalDate.class), List.of(), Map.of());
    }

    private SiteRow withDetails(SiteRow s) {
        List<TankRow> tanks = jdbc.sql("select * from chemical_tank where site_id = :id order by position").param("id", s.id())
                .query((rs, n) -> new TankRow(rs.getString("name"), rs.getString("medium"), rs.getBigDecimal("capacity_m3").stripTrailingZeros(),
                        rs.getString("pressure"))).list();
        Map<StorageSystem, GapHazardRow> open = new java.util.EnumMap<>(StorageSystem.class);
        for (GapHazardRow g : gapHazards(s.id())) {
            if (g.closedAt() == null) {
                open.put(g.system(), g);
            }
        }
        return new SiteRow(s.id(), s.enterpriseId(), s.townId(), s.name(), s.kind(), s.unitId(), s.unitGrade(), s.systems(), s.gaps(),
                s.checkedOn(), tanks, open);
    }

    List<GapHazardRow> gapHazards(UUID siteId) {
        return jdbc.sql("select * from chemical_gap_hazard where site_id = :id order by created_at").param("id", siteId)
                .query((rs, n) -> new GapHazardRow(rs.getObject("id", UUID.class), StorageSystem.valueOf(rs.getString("system")),
                        rs.getObject("hazard_id", UUID.class), rs.getBoolean("major"),
                        SupervisionRepository.instant(rs, "closed_at"))).list();
    }

    void insertGapHazard(UUID id, UUID siteId, StorageSystem system, UUID hazardId, boolean major, Instant now) {
        jdbc.sql("insert into chemical_gap_hazard (id, site_id, system, hazard_id, major, created_at) values (:id, :site, :system, :hazard, :major, :now)")
                .param("id", id).param("site", siteId).param("system", system.name()).param("hazard", hazardId).param("major", major)
                .param("now", ts(now)).update();
    }

    /** The hazard loop closed a hazard: a gap hazard or pipeline hazard it came from is closed too. Answers the rows closed. */
    int closeFromHazard(UUID hazardId, Instant at) {
        return jdbc.sql("update chemical_gap_hazard set closed_at = :at where hazard_id = :h and closed_at is null")
                .param("h", hazardId).param("at", ts(at)).update()
                + jdbc.sql("update chemical_pipeline_hazard set closed_at = :at where hazard_id = :h and closed_at is null")
                .param("h", hazardId).param("at", ts(at)).update();
    }

    /** Gap counts by town for the district list's summary. */
    List<Map<String, Object>> gapsByTown(Condition scope) {
        return new ArrayList<>(jdbc.sql("select s.town_id, count(*) as sites, count(*) filter (where s.gaps > 0) as with_gaps from chemical_storage_site s where "
                + scope.sql() + " group by s.town_id").params(scope.params()).query().listOfRows());
    }
}
