package org.anjian.chemical.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.anjian.chemical.internal.ChemicalCatalogue.Chemical;
import org.anjian.chemical.internal.ChemicalCatalogue.ChemicalInput;
import org.anjian.chemical.internal.ChemicalCatalogue.Filter;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The district catalogue of chemicals in SQL. */
@Repository
class ChemicalRepository {

    private final JdbcClient jdbc;

    ChemicalRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    PageResult<Chemical> search(Filter f, PageRequest page) {
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new HashMap<>();
        if (f.q() != null && !f.q().isBlank()) {
            where.append(" and (name like :q escape '\\' or cas = :exact or un_number = :exact)");
            params.put("q", "%" + f.q().trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            params.put("exact", f.q().trim());
        }
        flag(where, params, "restricted", f.restricted());
        flag(where, params, "forbidden", f.forbidden());
        flag(where, params, "key_supervised", f.keySupervised());
        long total = jdbc.sql("select count(*) from chemical_chemical" + where).params(params).query(Long.class).single();
        List<Chemical> items = jdbc.sql("select * from chemical_chemical" + where + " order by name, id limit :limit offset :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset()).query(this::map).list();
        return new PageResult<>(items, total, page.page(), page.size());
    }

    private static void flag(StringBuilder where, Map<String, Object> params, String column, Boolean value) {
        if (value != null) {
            where.append(" and ").append(column).append(" = :").append(column);
            params.put(column, value);
        }
    }

    Optional<Chemical> find(UUID id) {
        return jdbc.sql("select * from chemical_chemical where id = :id").param("id", id).query(this::map).optional();
    }

    boolean casTaken(String cas, UUID self) {
        return jdbc.sql("select count(*) from chemical_chemical where cas = :cas and (cast(:self as uuid) is null or id <> :self)")
                .param("cas", cas).param("self", self).query(Long.class).single() > 0;
    }

    void insert(UUID id, ChemicalInput in, Instant now) {
        jdbc.sql("""
                insert into chemical_chemical (id, name, cas, un_number, hazard_classes, restricted, forbidden, key_supervised, created_at, updated_at)
                values (:id, :name, :cas, :un, :classes, :restricted, :forbidden, :key, :now, :now)""")
                .params(values(in)).param("id", id).param("now", java.time.OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC)).update();
    }

    void update(UUID id, ChemicalInput in, Instant now) {
        jdbc.sql("""
                update chemical_chemical set name = :name, cas = :cas, un_number = :un, hazard_classes = :classes, restricted = :restricted,
                forbidden = :forbidden, key_supervised = :key, updated_at = :now where id = :id""")
                .params(values(in)).param("id", id).param("now", java.time.OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC)).update();
    }

    private static Map<String, Object> values(ChemicalInput in) {
        Map<String, Object> v = new HashMap<>();
        v.put("name", in.name().strip());
        v.put("cas", blank(in.cas()) ? null : in.cas().strip());
        v.put("un", blank(in.unNumber()) ? null : in.unNumber().strip());
        v.put("classes", (in.hazardClasses() == null ? List.<String>of() : in.hazardClasses().stream().map(String::strip).toList()).toArray(String[]::new));
        v.put("restricted", Boolean.TRUE.equals(in.restricted()));
        v.put("forbidden", Boolean.TRUE.equals(in.forbidden()));
        v.put("key", Boolean.TRUE.equals(in.keySupervised()));
        return v;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private Chemical map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        java.sql.Array classes = rs.getArray("hazard_classes");
        return new Chemical(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("cas"), rs.getString("un_number"),
                classes == null ? List.of() : List.of((String[]) classes.getArray()), rs.getBoolean("restricted"), rs.getBoolean("forbidden"),
                rs.getBoolean("key_supervised"));
    }
}
