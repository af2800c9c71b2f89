package org.anjian.chemical.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.anjian.chemical.domain.CustodianRole;
import org.anjian.chemical.domain.MajorHazardIdentification.Stock;
import org.anjian.chemical.internal.HazardUnits.Computed;
import org.anjian.chemical.internal.HazardUnits.Custodian;
import org.anjian.chemical.internal.HazardUnits.CustodianView;
import org.anjian.chemical.internal.HazardUnits.Filter;
import org.anjian.chemical.internal.HazardUnits.InventoryView;
import org.anjian.chemical.internal.HazardUnits.UnitView;
import org.anjian.chemical.internal.MajorHazardAssessment.SubstanceInput;
import org.anjian.organization.ScopeConditions.Condition;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Units, their inventories and their computed GB 18218 outcome, in SQL. */
@Repository
class HazardUnitRepository {

    private final JdbcClient jdbc;

    HazardUnitRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Computed c, Instant now) {
        jdbc.sql("""
                insert into chemical_unit (id, enterprise_id, town_id, park_id, sector, name, kind, people_within_500m,
                  principal_name, principal_phone, technical_name, technical_phone, operational_name, operational_phone,
                  s, r, alpha, grade, major, tables_version, created_at, updated_at)
                values (:id, :enterprise, :town, :park, :sector, :name, :kind, :people, :pn, :pp, :tn, :tp, :on, :op,
                  :s, :r, :alpha, :grade, :major, :version, :now, :now)""")
                .params(values(c)).param("enterprise", c.enterpriseId()).param("town", c.townId()).param("park", c.parkId())
                .param("sector", c.sector()).param("now", java.time.OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC)).update();
        inventories(c);
    }

    void update(Computed c, Instant now) {
        jdbc.sql("""
                update chemical_unit set name = :name, kind = :kind, people_within_500m = :people, principal_name = :pn, principal_phone = :pp,
                  technical_name = :tn, technical_phone = :tp, operational_name = :on, operational_phone = :op, s = :s, r = :r, alpha = :alpha,
                  grade = :grade, major = :major, tables_version = :version, updated_at = :now where id = :id""")
                .params(values(c)).param("now", java.time.OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC)).update();
        jdbc.sql("delete from chemical_inventory where unit_id = :id").param("id", c.id()).update();
        inventories(c);
    }

    private void inventories(Computed c) {
        List<SubstanceInput> inputs = c.input().inventories();
        for (int i = 0; i < c.stocks().size(); i++) {
            Stock stock = c.stocks().get(i);
            SubstanceInput in = inputs.get(i);
            jdbc.sql("""
                    insert into chemical_inventory (id, unit_id, position, substance, cas, hazard_class, max_tonnes, critical_quantity, beta)
                    values (:id, :unit, :position, :substance, :cas, :class, :tonnes, :q, :beta)""")
                    .param("id", UUID.randomUUID()).param("unit", c.id()).param("position", i)
                    .param("substance", stock.criterion().substance())
                    .param("cas", in.cas() == null || in.cas().isBlank() ? null : in.cas().strip())
                    .param("class", in.hazardClass() == null || in.hazardClass().isBlank() ? null : in.hazardClass().strip())
                    .param("tonnes", stock.tonnes()).param("q", stock.criterion().criticalQuantity()).param("beta", stock.criterion().beta())
                    .update();
        }
    }

    private static Map<String, Object> values(Computed c) {
        Map<String, Object> v = new HashMap<>();
        v.put("id", c.id());
        v.put("name", c.input().name().strip());
        v.put("kind", c.input().kind());
        v.put("people", c.input().peopleWithin500m());
        HazardUnits.Custodians cs = c.input().custodians();
        put(v, "p", cs == null ? null : cs.principal());
        put(v, "t", cs == null ? null : cs.technical());
        put(v, "o", cs == null ? null : cs.operational());
        v.put("s", c.outcome().s());
        v.put("r", c.outcome().r());
        v.put("alpha", c.outcome().alpha());
        v.put("grade", c.outcome().grade());
        v.put("major", c.outcome().major());
        v.put("version", c.tablesVersion());
        return v;
    }

    private static void put(Map<String, Object> v, String prefix, Custodian c) {
        v.put(prefix + "n", c == null || c.name() == null || c.name().isBlank() ? null : c.name().strip());
        v.put(prefix + "p", c == null || c.phone() == null || c.phone().isBlank() ? null : c.phone().strip());
    }

    boolean hasUnits(UUID enterpriseId) {
        return jdbc.sql("select exists (select 1 from chemical_unit where enterprise_id = :id)").param("id", enterpriseId).query(Boolean.class).single();
    }

    Optional<UnitView> find(UUID id) {
        return jdbc.sql("select * from chemical_unit u where u.id = :id").param("id", id).query(this::map).optional().map(this::withInventories);
    }

    /** The major hazard sources within the scope, without their inventories (one query). */
    List<org.anjian.chemical.HazardUnitDirectory.HazardUnitRef> majorSources(Condition scope) {
        return jdbc.sql("select u.id, u.enterprise_id, u.name, u.kind, u.grade from chemical_unit u where u.major and " + scope.sql() + " order by u.enterprise_id, u.id")
                .params(scope.params())
                .query((rs, n) -> new org.anjian.chemical.HazardUnitDirectory.HazardUnitRef(rs.getObject("id", UUID.class), rs.getObject("enterprise_id", UUID.class),
                        rs.getString("name"), rs.getString("kind"), true, rs.getObject("grade") == null ? null : ((Number) rs.getObject("grade")).intValue()))
                .list();
    }

    PageResult<UnitView> search(Condition scope, boolean majorOnly, Filter f, PageRequest page) {
        StringBuilder where = new StringBuilder(" where ").append(scope.sql());
        Map<String, Object> params = new HashMap<>(scope.params());
        if (majorOnly) {
            where.append(" and u.major");
        }
        if (f.grade() != null) {
            where.append(" and u.grade = :grade");
            params.put("grade", f.grade());
        }
        if (f.enterpriseId() != null) {
            where.append(" and u.enterprise_id = :enterprise");
            params.put("enterprise", f.enterpriseId());
        }
        long total = jdbc.sql("select count(*) from chemical_unit u" + where).params(params).query(Long.class).single();
        List<UnitView> items = jdbc.sql("select * from chemical_unit u" + where + " order by u.grade nulls last, u.r desc, u.id limit :limit offset :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset()).query(this::map).list()
                .stream().map(this::withInventories).toList();
        return new PageResult<>(items, total, page.page(), page.size());
    }

    private UnitView withInventories(UnitView u) {
        List<InventoryView> inventories = jdbc.sql("select * from chemical_inventory where unit_id = :id order by position").param("id", u.id())
                .query((rs, n) -> new InventoryView(rs.getString("substance"), rs.getString("cas"), rs.getString("hazard_class"),
                        rs.getBigDecimal("max_tonnes").stripTrailingZeros(), rs.getBigDecimal("critical_quantity").stripTrailingZeros(),
                        rs.getBigDecimal("beta").stripTrailingZeros(),
                        rs.getBigDecimal("max_tonnes").divide(rs.getBigDecimal("critical_quantity"), MathContext.DECIMAL64)))
                .list();
        return new UnitView(u.id(), u.enterpriseId(), u.enterpriseName(), u.name(), u.kind(), u.peopleWithin500m(), u.s(), u.r(), u.alpha(),
                u.grade(), u.major(), u.tablesVersion(), u.custodians(), inventories);
    }

    private UnitView map(ResultSet rs, int row) throws SQLException {
        List<CustodianView> custodians = new ArrayList<>();
        for (CustodianRole role : CustodianRole.values()) {
            String prefix = role.name().toLowerCase(java.util.Locale.ROOT);
            String name = rs.getString(prefix + "_name");
            if (name != null) {
                custodians.add(new CustodianView(role, name, rs.getString(prefix + "_phone"), role.cadence()));
            }
        }
        Number grade = (Number) rs.getObject("grade");
        return new UnitView(rs.getObject("id", UUID.class), rs.getObject("enterprise_id", UUID.class), null, rs.getString("name"),
                rs.getString("kind"), rs.getInt("people_within_500m"), plain(rs.getBigDecimal("s")), plain(rs.getBigDecimal("r")),
                plain(rs.getBigDecimal("alpha")), grade == null ? null : grade.intValue(), rs.getBoolean("major"), rs.getString("tables_version"),
                custodians, List.of());
    }

    private static BigDecimal plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
