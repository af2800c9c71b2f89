package org.anjian.chemical.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.anjian.chemical.domain.PipelineHazardKind;
import org.anjian.chemical.domain.PressureClass;
import org.anjian.organization.ScopeConditions.Condition;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Oil and gas pipeline segments, their hazards, and the gas and alcohol-based fuel users. */
@Repository
class PipelineRepository {

    private final JdbcClient jdbc;

    PipelineRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record PipelineRow(UUID id, UUID enterpriseId, String operatorName, UUID townId, UUID parkId, String sector, String name, String medium,
                       PressureClass pressureClass, BigDecimal designPressureMpa, int diameterMm, BigDecimal lengthKm, String geometry,
                       int openHazards) {
    }

    record HazardRow(UUID id, UUID pipelineId, PipelineHazardKind kind, String place, String description, String grade, LocalDate foundOn,
                     LocalDate deadline, UUID hazardId, Instant closedAt) {
    }

    void insert(PipelineRow p, Instant now) {
        jdbc.sql("""
                insert into chemical_pipeline (id, enterprise_id, operator_name, town_id, park_id, sector, name, medium, pressure_class,
                  design_pressure, diameter_mm, length_km, geometry, created_at, updated_at)
                values (:id, :e, :operator, :town, :park, :sector, :name, :medium, :class, :pressure, :diameter, :length, cast(:geometry as jsonb), :now, :now)""")
                .params(values(p)).param("now", SupervisionRepository.ts(now)).update();
    }

    void update(PipelineRow p, Instant now) {
        jdbc.sql("""
                update chemical_pipeline set enterprise_id = :e, operator_name = :operator, town_id = :town, park_id = :park, sector = :sector,
                  name = :name, medium = :medium, pressure_class = :class, design_pressure = :pressure, diameter_mm = :diameter,
                  length_km = :length, geometry = cast(:geometry as jsonb), updated_at = :now where id = :id""")
                .params(values(p)).param("now", SupervisionRepository.ts(now)).update();
    }

    private static Map<String, Object> values(PipelineRow p) {
        Map<String, Object> v = new HashMap<>();
        v.put("id", p.id());
        v.put("e", p.enterpriseId());
        v.put("operator", p.operatorName());
        v.put("town", p.townId());
        v.put("park", p.parkId());
        v.put("sector", p.sector());
        v.put("name", p.name());
        v.put("medium", p.medium());
        v.put("class", p.pressureClass().name());
        v.put("pressure", p.designPressureMpa());
        v.put("diameter", p.diameterMm());
        v.put("length", p.lengthKm());
        v.put("geometry", p.geometry());
        return v;
    }

    private static final String SELECT = """
            select p.*, p.geometry::text as geometry_text,
              (select count(*) from chemical_pipeline_hazard h where h.pipeline_id = p.id and h.closed_at is null) as open_hazards
            from chemical_pipeline p""";

    /** The segment if the scope reaches it: one rule for lists and single records. */
    Optional<PipelineRow> find(UUID id, Condition scope) {
        return jdbc.sql(SELECT + " where p.id = :id and " + scope.sql()).params(scope.params()).param("id", id).query(this::pipeline).optional();
    }

    record Filter(UUID townId, PressureClass pressureClass, String medium, Boolean withOpenHazards, UUID enterpriseId) {
    }

    PageResult<PipelineRow> search(Condition scope, Filter f, PageRequest page) {
        StringBuilder where = new StringBuilder(" where ").append(scope.sql());
        Map<String, Object> params = new HashMap<>(scope.params());
        if (f.townId() != null) {
            where.append(" and p.town_id = :town");
            params.put("town", f.townId());
        }
        if (f.pressureClass() != null) {
            where.append(" and p.pressure_class = :class");
            params.put("class", f.pressureClass().name());
        }
        if (f.medium() != null) {
            where.append(" and p.medium = :medium");
            params.put("medium", f.medium());
        }
        if (f.enterpriseId() != null) {
            where.append(" and p.enterprise_id = :enterprise");
            params.put("enterprise", f.enterpriseId());
        }
        if (Boolean.TRUE.equals(f.withOpenHazards())) {
            where.append(" and exists (select 1 from chemical_pipeline_hazard h where h.pipeline_id = p.id and h.closed_at is null)");
        }
        long total = jdbc.sql("select count(*) from chemical_pipeline p" + where).params(params).query(Long.class).single();
        List<PipelineRow> items = jdbc.sql(SELECT + where + " order by p.pressure_class, p.name, p.id limit :limit offset :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset()).query(this::pipeline).list();
        return new PageResult<>(items, total, page.page(), page.size());
    }

    private PipelineRow pipeline(ResultSet rs, int n) throws SQLException {
        BigDecimal pressure = rs.getBigDecimal("design_pressure");
        return new PipelineRow(rs.getObject("id", UUID.class), rs.getObject("enterprise_id", UUID.class), rs.getString("operator_name"),
                rs.getObject("town_id", UUID.class), rs.getObject("park_id", UUID.class), rs.getString("sector"), rs.getString("name"),
                rs.getString("medium"), PressureClass.valueOf(rs.getString("pressure_class")),
                pressure == null ? null : pressure.stripTrailingZeros().max(BigDecimal.ZERO).stripTrailingZeros(),
                rs.getInt("diameter_mm"), rs.getBigDecimal("length_km").stripTrailingZeros(), rs.getString("geometry_text"),
                rs.getInt("open_hazards"));
    }

    boolean hasPipelines() {
        return jdbc.sql("select exists (select 1 from chemical_pipeline)").query(Boolean.class).single();
    }

    void insertHazard(HazardRow h, Instant now) {
        jdbc.sql("""
                insert into chemical_pipeline_hazard (id, pipeline_id, kind, place, description, grade, found_on, deadline, hazard_id, created_at)
                values (:id, :p, :kind, :place, :description, :grade, :found, :deadline, :hazard, :now)""")
                .param("id", h.id()).param("p", h.pipelineId()).param("kind", h.kind().name()).param("place", h.place())
                .param("description", h.description()).param("grade", h.grade()).param("found", h.foundOn()).param("deadline", h.deadline())
                .param("hazard", h.hazardId()).param("now", SupervisionRepository.ts(now)).update();
    }

    List<HazardRow> hazards(UUID pipelineId) {
        return jdbc.sql("select * from chemical_pipeline_hazard where pipeline_id = :p order by found_on desc, created_at desc")
                .param("p", pipelineId).query(this::hazard).list();
    }

    Optional<HazardRow> hazard(UUID pipelineId, UUID id) {
        return jdbc.sql("select * from chemical_pipeline_hazard where pipeline_id = :p and id = :id").param("p", pipelineId).param("id", id)
                .query(this::hazard).optional();
    }

    private HazardRow hazard(ResultSet rs, int n) throws SQLException {
        return new HazardRow(rs.getObject("id", UUID.class), rs.getObject("pipeline_id", UUID.class),
                PipelineHazardKind.valueOf(rs.getString("kind")), rs.getString("place"), rs.getString("description"), rs.getString("grade"),
                rs.getObject("found_on", LocalDate.class), rs.getObject("deadline", LocalDate.class), rs.getObject("hazard_id", UUID.class),
                SupervisionRepository.instant(rs, "closed_at"));
    }

    // ---- fuel users

    record FuelUserRow(UUID id, UUID enterpriseId, UUID townId, String name, String address, String fuel, String usage, boolean gasAlarm,
                       LocalDate lastChecked) {
    }

    void insertFuelUser(FuelUserRow f, UUID parkId, String sector, Instant now) {
        jdbc.sql("""
                insert into chemical_fuel_user (id, enterprise_id, town_id, park_id, sector, name, address, fuel, usage, gas_alarm, last_checked,
                  created_at, updated_at) values (:id, :e, :town, :park, :sector, :name, :address, :fuel, :usage, :alarm, :checked, :now, :now)""")
                .param("id", f.id()).param("e", f.enterpriseId()).param("town", f.townId()).param("park", parkId).param("sector", sector)
                .param("name", f.name()).param("address", f.address()).param("fuel", f.fuel()).param("usage", f.usage())
                .param("alarm", f.gasAlarm()).param("checked", f.lastChecked()).param("now", SupervisionRepository.ts(now)).update();
    }

    Optional<FuelUserRow> findFuelUser(UUID id, Condition scope) {
        return jdbc.sql("select * from chemical_fuel_user f where f.id = :id and " + scope.sql()).params(scope.params()).param("id", id)
                .query(this::fuelUser).optional();
    }

    PageResult<FuelUserRow> searchFuelUsers(Condition scope, UUID townId, String fuel, Boolean withoutAlarm, PageRequest page) {
        StringBuilder where = new StringBuilder(" where ").append(scope.sql());
        Map<String, Object> params = new HashMap<>(scope.params());
        if (townId != null) {
            where.append(" and f.town_id = :town");
            params.put("town", townId);
        }
        if (fuel != null) {
            where.append(" and f.fuel = :fuel");
            params.put("fuel", fuel);
        }
        if (Boolean.TRUE.equals(withoutAlarm)) {
            where.append(" and not f.gas_alarm");
        }
        long total = jdbc.sql("select count(*) from chemical_fuel_user f" + where).params(params).query(Long.class).single();
        List<FuelUserRow> items = jdbc.sql("select * from chemical_fuel_user f" + where + " order by f.fuel, f.name, f.id limit :limit offset :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset()).query(this::fuelUser).list();
        return new PageResult<>(items, total, page.page(), page.size());
    }

    private FuelUserRow fuelUser(ResultSet rs, int n) throws SQLException {
        return new FuelUserRow(rs.getObject("id", UUID.class), rs.getObject("enterprise_id", UUID.class), rs.getObject("town_id", UUID.class),
                rs.getString("name"), rs.getString("address"), rs.getString("fuel"), rs.getString("usage"), rs.getBoolean("gas_alarm"),
                rs.getObject("last_checked", LocalDate.class));
    }
}
