package org.anjian.hazard.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.anjian.AnjianIntegrationTest;
import org.anjian.hazard.HazardMonthTotals;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The per-month hazard totals ({@code hazard_month_count}, kept by statement triggers) stay exact when hazards are
 * inserted, closed, moved to another month, town or deadline, edited and deleted; months are months of Asia/Shanghai
 * (the district's zone), so 16:00 UTC on the last day of a month is already the next month. The hazards are in a town
 * of their own, so the rows read here are this test's only.
 */
@AnjianIntegrationTest
class HazardMonthCountTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    HazardStatistics statistics;

    final UUID town = UUID.randomUUID();
    final UUID otherTown = UUID.randomUUID();

    /** found / closed / closed on time of the town's month, "0/0/0" when it has no row. */
    String month(UUID townId, String month) {
        return jdbc.sql("select coalesce(sum(found), 0) || '/' || coalesce(sum(closed), 0) || '/' || coalesce(sum(closed_on_time), 0)"
                        + " from hazard_month_count where town_id = :t and month = cast(:m as date)")
                .param("t", townId).param("m", month + "-01").query(String.class).single();
    }

    UUID insert(String foundAt, String deadline, String closedAt) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into hazard_hazard (id, enterprise_id, enterprise_name, town_id, sector, place, description, grade, source, finder_name,
                  found_at, deadline, state, closed_at)
                values (:id, :e, '月度测试企业', :town, 'HAZCHEM', '车间', '月度合计', 'GENERAL', 'SELF_CHECK', '测试', :found, :deadline, :state, :closed)""")
                .param("id", id).param("e", UUID.randomUUID()).param("town", town).param("found", OffsetDateTime.parse(foundAt))
                .param("deadline", OffsetDateTime.parse(deadline)).param("state", closedAt == null ? "REPORTED" : "CLOSED")
                .param("closed", closedAt == null ? null : OffsetDateTime.parse(closedAt)).update();
        return id;
    }

    long drift() {
        return HazardMonthTotals.drift(jdbc);
    }

    @Test
    void monthTotalsFollowInsertsUpdatesMovesAndDeletes() {
        // 23:59:59 on 31 March in Shanghai, and one second later (1 April)
        UUID a = insert("2026-03-31T15:59:59Z", "2026-04-30T00:00:00Z", null);
        UUID b = insert("2026-03-31T16:00:00Z", "2026-04-15T00:00:00Z", "2026-04-10T00:00:00Z");
        // closed at 08:00 on 1 May in Shanghai, after its deadline of 5 April
        UUID c = insert("2026-04-02T00:00:00Z", "2026-04-05T00:00:00Z", "2026-05-01T00:00:00Z");
        assertThat(month(town, "2026-03")).isEqualTo("1/0/0");
        assertThat(month(town, "2026-04")).isEqualTo("2/1/1");
        assertThat(month(town, "2026-05")).isEqualTo("0/1/0");

        // found a month earlier, then closed by its deadline in February
        jdbc.sql("update hazard_hazard set found_at = '2026-02-10T00:00:00Z', deadline = '2026-02-25T00:00:00Z' where id = ?").param(a).update();
        assertThat(month(town, "2026-02")).isEqualTo("1/0/0");
        assertThat(month(town, "2026-03")).isEqualTo("0/0/0");
        jdbc.sql("update hazard_hazard set state = 'CLOSED', closed_at = '2026-02-25T00:00:00Z' where id = ?").param(a).update();
        assertThat(month(town, "2026-02")).isEqualTo("1/1/1");
        // one second past its deadline is late
        jdbc.sql("update hazard_hazard set closed_at = '2026-02-25T00:00:01Z' where id = ?").param(a).update();
        assertThat(month(town, "2026-02")).isEqualTo("1/1/0");

        // a later deadline makes the May closing on time; a text edit changes nothing
        jdbc.sql("update hazard_hazard set deadline = '2026-05-02T00:00:00Z' where id = ?").param(c).update();
        assertThat(month(town, "2026-05")).isEqualTo("0/1/1");
        jdbc.sql("update hazard_hazard set description = '改了描述' where id in (?, ?)").params(b, c).update();
        assertThat(month(town, "2026-04")).isEqualTo("2/1/1");

        // two hazards moved to another town in one statement
        jdbc.sql("update hazard_hazard set town_id = ? where id in (?, ?)").params(otherTown, b, c).update();
        assertThat(month(town, "2026-04")).isEqualTo("0/0/0");
        assertThat(month(town, "2026-05")).isEqualTo("0/0/0");
        assertThat(month(otherTown, "2026-04")).isEqualTo("2/1/1");
        assertThat(month(otherTown, "2026-05")).isEqualTo("0/1/1");

        jdbc.sql("delete from hazard_hazard where id in (?, ?)").params(a, c).update();
        assertThat(month(town, "2026-02")).isEqualTo("0/0/0");
        assertThat(month(otherTown, "2026-04")).isEqualTo("1/1/1");
        assertThat(month(otherTown, "2026-05")).isEqualTo("0/0/0");
        assertThat(drift()).isZero();

        jdbc.sql("delete from hazard_hazard where id = ?").param(b).update();
        assertThat(month(otherTown, "2026-04")).isEqualTo("0/0/0");
        assertThat(drift()).isZero();
    }

    /** The dashboard's figures read from the totals equal the hazards counted, for the district (whatever other tests wrote). */
    @Test
    void dashboardFiguresFromTheTotalsEqualTheCountedHazards() {
        insert("2026-01-01T00:00:00Z", "2026-01-05T00:00:00Z", "2026-01-04T00:00:00Z");
        insert("2025-12-31T15:59:59Z", "2026-01-01T00:00:00Z", "2025-12-31T15:59:59Z");
        java.time.Instant now = java.time.Instant.now();
        HazardStatistics.Overview o = statistics.overview(org.anjian.organization.ScopeConditions.Condition.ALWAYS, now);
        long closedThisYear = jdbc.sql("select count(*) from hazard_hazard where state = 'CLOSED'"
                        + " and closed_at >= date_trunc('year', cast(:now as timestamptz) at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai'")
                .param("now", now.atOffset(java.time.ZoneOffset.UTC)).query(Long.class).single();
        assertThat(o.closedThisYear()).isEqualTo(closedThisYear);
        assertThat(o.open()).isEqualTo(jdbc.sql("select count(*) from hazard_hazard where state <> 'CLOSED'").query(Long.class).single());
        for (HazardStatistics.Month m : statistics.months(org.anjian.organization.ScopeConditions.Condition.ALWAYS, now)) {
            String counted = jdbc.sql("""
                    select (select count(*) from hazard_hazard where to_char(found_at at time zone 'Asia/Shanghai', 'YYYY-MM') = :m) || '/'
                      || (select count(*) from hazard_hazard where state = 'CLOSED' and to_char(closed_at at time zone 'Asia/Shanghai', 'YYYY-MM') = :m) || '/'
                      || (select count(*) from hazard_hazard where state = 'CLOSED' and closed_at <= deadline
                            and to_char(closed_at at time zone 'Asia/Shanghai', 'YYYY-MM') = :m)""").param("m", m.month()).query(String.class).single();
            assertThat(m.found() + "/" + m.closed() + "/" + m.closedOnTime()).as(m.month()).isEqualTo(counted);
        }
        assertThat(statistics.months(org.anjian.organization.ScopeConditions.Condition.ALWAYS, now)).hasSize(12);
    }
}
