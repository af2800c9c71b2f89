package org.anjian.enterprise.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.anjian.enterprise.OperatingStatus;
import org.anjian.enterprise.RiskFlag;
import org.anjian.enterprise.Scale;
import org.anjian.enterprise.Sector;
import org.anjian.enterprise.SubSector;
import org.anjian.enterprise.SupervisionClass;
import org.anjian.organization.ScopeConditions.Condition;
import org.anjian.shared.web.Cursor;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.util.StringUtils;

@Repository
public class EnterpriseRepository {

    static final String COLUMNS = """
            e.id, e.credit_code, e.name, e.legal_representative, e.address, e.phone, e.latitude, e.longitude, e.town_id, e.park_id,
            e.sector, e.sub_sector, e.scale, e.employees, e.status, array_to_string(e.flags, ',') as flags_csv,
            e.standardization_grade, e.accidents_3y, e.open_major_hazards, e.enforcement_count, e.major_hazard_sources,
            e.supervision_class, e.class_score, e.classified_at, e.created_at, e.updated_at, e.major_hazard_source_grade, e.key_processes""";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;

    EnterpriseRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }


    public Optional<Enterprise> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from ent_enterprise e where e.id = ?").param(id).query(EnterpriseRepository::map).optional();
    }

    public Optional<Enterprise> find(UUID id, Condition scope) {
        return jdbc.sql("select " + COLUMNS + " from ent_enterprise e where e.id = :id and (" + scope.sql() + ")")
                .params(scope.params()).param("id", id).query(EnterpriseRepository::map).optional();
    }

    /** The ids of every enterprise within the scope condition. */
    public Set<UUID> ids(Condition scope) {
        return new java.util.HashSet<>(jdbc.sql("select e.id from ent_enterprise e where (" + scope.sql() + ")").params(scope.params())
                .query(UUID.class).list());
    }

    public List<Enterprise> findAll(java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from ent_enterprise e where e.id in (:ids)").param("ids", ids)
                .query(EnterpriseRepository::map).list();
    }

    public List<Enterprise> findAllByCreditCodes(java.util.Collection<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from ent_enterprise e where e.credit_code in (:codes)").param("codes", codes)
                .query(EnterpriseRepository::map).list();
    }

    /** At most {@code limit} enterprises whose name contains {@code text}, names starting with it first, then by name. */
    public List<UUID> idsByName(String text, int limit) {
        String like = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return jdbc.sql("select id from ent_enterprise where name ilike ? order by (name ilike ?) desc, name, id limit ?")
                .params("%" + like + "%", like + "%", limit).query(UUID.class).list();
    }

    public Optional<UUID> idByCreditCode(String code) {
        return jdbc.sql("select id from ent_enterprise where credit_code = ?").param(code).query(UUID.class).optional();
    }

    public boolean isEmpty() {
        return jdbc.sql("select not exists (select 1 from ent_enterprise)").query(Boolean.class).single();
    }

    public PageResult<Enterprise> search(EnterpriseFilter f, Set<UUID> regionIds, Condition scope, PageRequest page) {
        Map<String, Object> params = new HashMap<>(scope.params());
        String where = where(f, regionIds, scope, params);
        long total = jdbc.sql("select count(*) from ent_enterprise e where " + where).params(params).query(Long.class).single();
        params.put("limit", page.size());
        params.put("offset", page.offset());
        if (page.after() != null) {
            // keyset on the list's sort key and the id: with the default order, a range of ent_enterprise_name_order_idx
            Cursor c = Cursor.parse(page.after(), 2);
            String key = "cast(:afterKey as " + f.sortType() + ")";
            where += f.descending() ? " and " + f.sortKey() + " <= " + key + " and not (" + f.sortKey() + " = " + key + " and e.id <= :afterId)"
                    : " and (" + f.sortKey() + ", e.id) > (" + key + ", :afterId)";
            params.put("afterKey", c.text(0));
            params.put("afterId", c.uuid(1));
        }
        List<Enterprise> items = jdbc.sql("select " + COLUMNS + " from ent_enterprise e where " + where + " order by " + f.orderBy()
                + " limit :limit offset :offset").params(params).query(EnterpriseRepository::map).list();
        // the cursor holds the last row's key as the database writes it, so that it compares back exactly
        return new PageResult<>(items, total, page.page(), page.size()).withNext(e -> Cursor.of(
                jdbc.sql("select cast(" + f.sortKey() + " as text) from ent_enterprise e where e.id = ?").param(e.id()).query(String.class).single(), e.id()));
    }

    /** Every match, in pages of the database's choosing: for export and the map. */
    public void forEach(EnterpriseFilter f, Set<UUID> regionIds, Condition scope, java.util.function.Consumer<Enterprise> each) {
        Map<String, Object> params = new HashMap<>(scope.params());
        String where = where(f, regionIds, scope, params);
        jdbc.sql("select " + COLUMNS + " from ent_enterprise e where " + where + " order by " + f.orderBy()).params(params)
                .query(rs -> {
                    each.accept(map(rs, 0));
                });
    }

    private static String where(EnterpriseFilter f, Set<UUID> regionIds, Condition scope, Map<String, Object> params) {
        List<String> and = new ArrayList<>();
        and.add("(" + scope.sql() + ")");
        if (regionIds != null) {
            and.add("(e.town_id in (:regions) or e.park_id in (:regions))");
            params.put("regions", regionIds.isEmpty() ? List.of(new UUID(0, 0)) : regionIds);
        }
        if (f.sector() != null) {
            and.add("e.sector = :sector");
            params.put("sector", f.sector().name());
        }
        if (f.subSector() != null) {
            and.add("e.sub_sector = :subSector");
            params.put("subSector", f.subSector().name());
        }
        if (f.scale() != null) {
            and.add("e.scale = :scale");
            params.put("scale", f.scale().name());
        }
        if (f.flag() != null) {
            and.add("e.flags @> array[cast(:flag as text)]");
            params.put("flag", f.flag().name());
        }
        if (f.supervisionClass() != null) {
            and.add("e.supervision_class = :class");
            params.put("class", f.supervisionClass().name());
        }
        if (f.status() != null) {
            and.add("e.status = :status");
            params.put("status", f.status().name());
        }
        if (StringUtils.hasText(f.q())) {
            and.add("(e.name ilike :q or e.credit_code ilike :q or e.legal_representative ilike :q or e.address ilike :q)");
            params.put("q", "%" + f.q().trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return String.join(" and ", and);
    }

    public void insert(Enterprise e) {
        jdbc.sql("""
                insert into ent_enterprise (id, credit_code, name, legal_representative, address, phone, latitude, longitude, town_id, park_id,
                  sector, sub_sector, scale, employees, status, flags, created_at, updated_at)
                values (:id, :creditCode, :name, :legal, :address, :phone, :lat, :lon, :town, :park, :sector, :subSector, :scale,
                  :employees, :status, string_to_array(:flags, ','), :created, :updated)""")
                .params(profileParams(e)).update();
    }

    public void updateProfile(Enterprise e) {
        jdbc.sql("""
                update ent_enterprise set credit_code = :creditCode, name = :name, legal_representative = :legal, address = :address,
                  phone = :phone, latitude = :lat, longitude = :lon, town_id = :town, park_id = :park, sector = :sector,
                  sub_sector = :subSector, scale = :scale, employees = :employees, status = :status,
                  flags = string_to_array(:flags, ','), updated_at = :updated
                where id = :id""").params(profileParams(e)).update();
    }

    /** Insert or update by credit code, many rows at once: the import's path (ENT-1). */
    public int[] upsertBatch(List<Enterprise> rows) {
        List<Map<String, Object>> batch = rows.stream().map(EnterpriseRepository::profileParams).toList();
        return named.batchUpdate("""
                insert into ent_enterprise (id, credit_code, name, legal_representative, address, phone, latitude, longitude, town_id, park_id,
                  sector, sub_sector, scale, employees, status, flags, created_at, updated_at)
                values (:id, :creditCode, :name, :legal, :address, :phone, :lat, :lon, :town, :park, :sector, :subSector, :scale,
                  :employees, :status, string_to_array(:flags, ','), :created, :updated)
                on conflict (credit_code) do update set name = excluded.name, legal_representative = excluded.legal_representative,
                  address = excluded.address, phone = excluded.phone, latitude = excluded.latitude, longitude = excluded.longitude,
                  town_id = excluded.town_id, park_id = excluded.park_id, sector = excluded.sector, sub_sector = excluded.sub_sector,
                  scale = excluded.scale, employees = excluded.employees, status = excluded.status, flags = excluded.flags,
                  updated_at = excluded.updated_at""",
                SqlParameterSourceUtils.createBatch(batch));
    }

    public void updateInputs(UUID id, String grade, int accidents, int openMajorHazards, int enforcement, int majorHazardSources, Instant now) {
        jdbc.sql("""
                update ent_enterprise set standardization_grade = ?, accidents_3y = ?, open_major_hazards = ?, enforcement_count = ?,
                  major_hazard_sources = ?, updated_at = ? where id = ?""")
                .params(grade, accidents, openMajorHazards, enforcement, majorHazardSources, ts(now), id).update();
    }

    /** The chemical module's facts (ENT-7): major hazard sources, the highest grade among them, key processes. */
    public void updateChemicalInputs(UUID id, int majorHazardSources, Integer highestGrade, int keyProcesses, Instant now) {
        jdbc.sql("update ent_enterprise set major_hazard_sources = ?, major_hazard_source_grade = ?, key_processes = ?, updated_at = ? where id = ?")
                .params(majorHazardSources, highestGrade, keyProcesses, ts(now), id).update();
    }

    public List<UUID> allIds() {
        return jdbc.sql("select id from ent_enterprise order by id").query(UUID.class).list();
    }

    /** Counts per class and sector for the list page's header. */
    public Map<String, Long> countByClass(Condition scope) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("select coalesce(e.supervision_class, '-'), count(*) from ent_enterprise e where " + scope.sql() + " group by 1")
                .params(scope.params()).query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    private static Map<String, Object> profileParams(Enterprise e) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", e.id());
        p.put("creditCode", e.creditCode());
        p.put("name", e.name());
        p.put("legal", e.legalRepresentative());
        p.put("address", e.address());
        p.put("phone", e.phone());
        p.put("lat", e.latitude());
        p.put("lon", e.longitude());
        p.put("town", e.townId());
        p.put("park", e.parkId());
        p.put("sector", e.sector().name());
        p.put("subSector", e.subSector().name());
        p.put("scale", e.scale().name());
        p.put("employees", e.employees());
        p.put("status", e.status().name());
        p.put("flags", e.flags().stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
        p.put("created", ts(e.createdAt()));
        p.put("updated", ts(e.updatedAt()));
        return p;
    }

    static OffsetDateTime ts(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static Enterprise map(ResultSet rs, int n) throws SQLException {
        String csv = rs.getString("flags_csv");
        Set<RiskFlag> flags = csv == null || csv.isEmpty() ? EnumSet.noneOf(RiskFlag.class)
                : Arrays.stream(csv.split(",")).map(RiskFlag::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(RiskFlag.class)));
        String cls = rs.getString("supervision_class");
        return new Enterprise(rs.getObject("id", UUID.class), rs.getString("credit_code"), rs.getString("name"),
                rs.getString("legal_representative"), rs.getString("address"), rs.getString("phone"),
                (Double) rs.getObject("latitude"), (Double) rs.getObject("longitude"), rs.getObject("town_id", UUID.class),
                rs.getObject("park_id", UUID.class), Sector.valueOf(rs.getString("sector")), SubSector.valueOf(rs.getString("sub_sector")),
                Scale.valueOf(rs.getString("scale")), rs.getInt("employees"), OperatingStatus.valueOf(rs.getString("status")), flags,
                rs.getString("standardization_grade"), rs.getInt("accidents_3y"), rs.getInt("open_major_hazards"),
                rs.getInt("enforcement_count"), rs.getInt("major_hazard_sources"),
                cls == null ? null : SupervisionClass.valueOf(cls.trim()), (Integer) rs.getObject("class_score"),
                instant(rs, "classified_at"), instant(rs, "created_at"), instant(rs, "updated_at"),
                (Integer) rs.getObject("major_hazard_source_grade", Integer.class), rs.getInt("key_processes"));
    }
}
