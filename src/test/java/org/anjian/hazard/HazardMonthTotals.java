package org.anjian.hazard;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Test support: how far {@code hazard_month_count} has drifted from the hazards it totals. */
public final class HazardMonthTotals {

    private HazardMonthTotals() {
    }

    /** The (town, park, sector, month) groups whose found, closed or closed-on-time total differs from a recount in Chongqing time. */
    public static long drift(JdbcClient jdbc) {
        return jdbc.sql("""
                select count(*) from (
                  select town_id, park_id, sector, month, sum(f) as f, sum(c) as c, sum(t) as t from (
                    select town_id, park_id, sector, (date_trunc('month', found_at at time zone 'Asia/Shanghai'))::date as month, 1 as f, 0 as c, 0 as t from hazard_hazard
                    union all
                    select town_id, park_id, sector, (date_trunc('month', closed_at at time zone 'Asia/Shanghai'))::date, 0, 1,
                      case when closed_at <= deadline then 1 else 0 end from hazard_hazard where state = 'CLOSED' and closed_at is not null) x
                  group by 1, 2, 3, 4) g
                full join (select * from hazard_month_count where found <> 0 or closed <> 0 or closed_on_time <> 0) k
                  on k.town_id is not distinct from g.town_id and k.park_id is not distinct from g.park_id and k.sector = g.sector and k.month = g.month
                where coalesce(g.f, 0) <> coalesce(k.found, 0) or coalesce(g.c, 0) <> coalesce(k.closed, 0) or coalesce(g.t, 0) <> coalesce(k.closed_on_time, 0)""")
                .query(Long.class).single();
    }
}
