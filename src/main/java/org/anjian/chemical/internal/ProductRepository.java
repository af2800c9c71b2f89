package org.anjian.chemical.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.anjian.chemical.domain.ProductStatus;
import org.anjian.chemical.internal.EnterpriseProducts.Filter;
import org.anjian.chemical.internal.EnterpriseProducts.Stored;
import org.anjian.organization.ScopeConditions.Condition;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Enterprise products (一企一品) with their public codes, in SQL. */
@Repository
class ProductRepository {

    private static final String SELECT = """
            select p.*, c.name as chemical_name, c.cas as chemical_cas, c.un_number as chemical_un
            from chemical_product p join chemical_chemical c on c.id = p.chemical_id""";

    private final JdbcClient jdbc;

    ProductRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean codeTaken(String code) {
        return jdbc.sql("select exists (select 1 from chemical_product where code = :code)").param("code", code).query(Boolean.class).single();
    }

    void insert(Stored p, Instant now) {
        jdbc.sql("""
                insert into chemical_product (id, code, enterprise_id, town_id, park_id, sector, chemical_id, product_name, specification, roles,
                  emergency_phone, status, withdrawn_on, withdrawn_reason, created_at, updated_at)
                values (:id, :code, :enterprise, :town, :park, :sector, :chemical, :name, :spec, :roles, :phone, :status, :on, :reason, :now, :now)""")
                .params(values(p)).param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).update();
    }

    void update(Stored p, Instant now) {
        jdbc.sql("""
                update chemical_product set chemical_id = :chemical, product_name = :name, specification = :spec, roles = :roles,
                  emergency_phone = :phone, status = :status, withdrawn_on = :on, withdrawn_reason = :reason, updated_at = :now where id = :id""")
                .params(values(p)).param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).update();
    }

    private static Map<String, Object> values(Stored p) {
        Map<String, Object> v = new HashMap<>();
        v.put("id", p.id());
        v.put("code", p.code());
        v.put("enterprise", p.enterpriseId());
        v.put("town", p.townId());
        v.put("park", p.parkId());
        v.put("sector", p.sector());
        v.put("chemical", p.chemicalId());
        v.put("name", p.productName());
        v.put("spec", p.specification());
        v.put("roles", p.roles().toArray(String[]::new));
        v.put("phone", p.emergencyPhone());
        v.put("status", p.status().name());
        v.put("on", p.withdrawnOn());
        v.put("reason", p.withdrawnReason());
        return v;
    }

    Optional<Stored> find(UUID id) {
        return jdbc.sql(SELECT + " where p.id = :id").param("id", id).query(this::map).optional();
    }

    Optional<Stored> findByCode(String code) {
        return jdbc.sql(SELECT + " where p.code = :code").param("code", code).query(this::map).optional();
    }

    boolean hasProducts(UUID enterpriseId) {
        return jdbc.sql("select exists (select 1 from chemical_product where enterprise_id = :id)").param("id", enterpriseId).query(Boolean.class).single();
    }

    PageResult<Stored> search(Condition scope, Filter f, PageRequest page) {
        StringBuilder where = new StringBuilder(" where ").append(scope.sql());
        Map<String, Object> params = new HashMap<>(scope.params());
        where(f, where, params);
        long total = jdbc.sql("select count(*) from chemical_product p join chemical_chemical c on c.id = p.chemical_id" + where)
                .params(params).query(Long.class).single();
        List<Stored> items = jdbc.sql(SELECT + where + " order by p.product_name, p.id limit :limit offset :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset()).query(this::map).list();
        return new PageResult<>(items, total, page.page(), page.size());
    }

    void forEach(Condition scope, Filter f, Consumer<Stored> each) {
        StringBuilder where = new StringBuilder(" where ").append(scope.sql());
        Map<String, Object> params = new HashMap<>(scope.params());
        where(f, where, params);
        jdbc.sql(SELECT + where + " order by p.product_name, p.id").params(params).query(this::map).stream().forEach(each);
    }

    private static void where(Filter f, StringBuilder where, Map<String, Object> params) {
        if (f.enterpriseId() != null) {
            where.append(" and p.enterprise_id = :enterprise");
            params.put("enterprise", f.enterpriseId());
        }
        if (f.status() != null) {
            where.append(" and p.status = :status");
            params.put("status", f.status().name());
        }
        if (f.q() != null && !f.q().isBlank()) {
            where.append(" and (p.product_name like :q escape '\\' or c.name like :q escape '\\' or c.cas = :exact)");
            params.put("q", "%" + f.q().trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            params.put("exact", f.q().trim());
        }
    }

    private Stored map(ResultSet rs, int row) throws SQLException {
        java.sql.Array roles = rs.getArray("roles");
        return new Stored(rs.getObject("id", UUID.class), rs.getString("code"), rs.getObject("enterprise_id", UUID.class),
                rs.getObject("town_id", UUID.class), rs.getObject("park_id", UUID.class), rs.getString("sector"),
                rs.getObject("chemical_id", UUID.class), rs.getString("chemical_name"), rs.getString("chemical_cas"), rs.getString("chemical_un"),
                rs.getString("product_name"), rs.getString("specification"), roles == null ? List.of() : List.of((String[]) roles.getArray()),
                rs.getString("emergency_phone"), ProductStatus.valueOf(rs.getString("status")), rs.getObject("withdrawn_on", LocalDate.class),
                rs.getString("withdrawn_reason"));
    }

    boolean chemicalExists(UUID id) {
        return jdbc.sql("select exists (select 1 from chemical_chemical where id = :id)").param("id", id).query(Boolean.class).single();
    }

    List<String> hazardClasses(UUID chemicalId) {
        return jdbc.sql("select hazard_classes from chemical_chemical where id = :id").param("id", chemicalId)
                .query((rs, n) -> {
                    java.sql.Array a = rs.getArray(1);
                    return a == null ? List.<String>of() : List.of((String[]) a.getArray());
                }).optional().orElse(List.of());
    }
}
