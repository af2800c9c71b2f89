package org.anjian.enterprise.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anjian.enterprise.internal.OutletService.Outlet;
import org.anjian.enterprise.internal.OutletService.Plan;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Fireworks retail outlets and each town's layout plan (quota and plan points). */
@Repository
class OutletRepository {

    private final JdbcClient jdbc;

    OutletRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every outlet of the district, by town, in the order they were licensed (the layout check counts the quota in that order). */
    List<Outlet> all() {
        return jdbc.sql("select * from ent_fireworks_outlet order by town_id, licensed_on nulls last, name")
                .query((rs, n) -> new Outlet(rs.getObject("id", UUID.class), rs.getString("name"), rs.getObject("town_id", UUID.class),
                        rs.getString("plan_point_code"), (Double) rs.getObject("latitude"), (Double) rs.getObject("longitude"),
                        rs.getString("licence_no"), rs.getObject("licensed_on", LocalDate.class), rs.getObject("licence_valid_to", LocalDate.class)))
                .list();
    }

    void insert(Outlet o, Instant now) {
        jdbc.sql("""
                insert into ent_fireworks_outlet (id, name, town_id, plan_point_code, latitude, longitude, licence_no, licensed_on, licence_valid_to, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(o.id(), o.name(), o.townId(), o.planPointCode(), o.latitude(), o.longitude(), o.licenceNo(), o.licensedOn(),
                        o.licenceValidTo(), EnterpriseRepository.ts(now)).update();
    }

    /** Every town's plan, by town. */
    Map<UUID, Plan> plans() {
        Map<UUID, Plan> plans = new HashMap<>();
        jdbc.sql("select town_id, quota, array_to_string(points, ',') from ent_outlet_plan").query(rs -> {
            String csv = rs.getString(3);
            plans.put(rs.getObject(1, UUID.class), new Plan(rs.getObject(1, UUID.class), rs.getInt(2),
                    csv == null || csv.isEmpty() ? List.of() : Arrays.asList(csv.split(","))));
        });
        return plans;
    }

    /** Replaces the town's plan. */
    void savePlan(Plan p) {
        jdbc.sql("""
                insert into ent_outlet_plan (town_id, quota, points) values (?, ?, string_to_array(?, ','))
                on conflict (town_id) do update set quota = excluded.quota, points = excluded.points""")
                .params(p.townId(), p.quota(), String.join(",", p.points())).update();
    }
}
