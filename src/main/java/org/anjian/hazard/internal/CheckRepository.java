package org.anjian.hazard.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.hazard.domain.CheckCadence;
import org.anjian.hazard.domain.CheckLevel;
import org.anjian.hazard.domain.CheckTask;
import org.anjian.hazard.internal.CheckService.Item;
import org.anjian.hazard.internal.CheckService.OnTime;
import org.anjian.hazard.internal.CheckService.Task;
import org.anjian.hazard.internal.CheckService.TaskFilter;
import org.anjian.organization.ScopeConditions;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** 日周月排查: check lists with their items, the tasks each period opens, and the items' results. */
@Repository
class CheckRepository {

    private static final String TASK_WITH_LIST = "select t.*, l.name, l.post, l.level, l.cadence"
            + " from hazard_check_task t join hazard_check_list l on l.id = t.check_list_id";

    private final JdbcClient jdbc;

    CheckRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insertList(UUID id, EnterpriseSummary e, String name, String post, CheckLevel level, CheckCadence cadence, List<Item> items) {
        jdbc.sql("""
                insert into hazard_check_list (id, enterprise_id, town_id, park_id, sector, name, post, level, cadence)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, e.id(), e.townId(), e.parkId(), e.sector().name(), name, post, level.name(), cadence.name()).update();
        for (Item i : items) {
            jdbc.sql("insert into hazard_check_item (id, check_list_id, position, content, criterion_code) values (?, ?, ?, ?, ?)")
                    .params(i.id(), id, i.position(), i.content(), i.criterionCode()).update();
        }
    }

    List<UUID> activeLists() {
        return jdbc.sql("select id from hazard_check_list where active").query(UUID.class).list();
    }

    /** Opens the list's task for the period {@code day} falls in, once; returns 1 when it opened one. */
    int openTask(UUID listId, LocalDate day) {
        Map<String, Object> l = jdbc.sql("select * from hazard_check_list where id = ?").param(listId).query().singleRow();
        CheckCadence.Period period = CheckCadence.valueOf((String) l.get("cadence")).periodOf(day);
        CheckTask task = CheckTask.open(UUID.randomUUID(), period);
        return jdbc.sql("""
                insert into hazard_check_task (id, check_list_id, enterprise_id, town_id, park_id, sector, period_start, due_date, state)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (check_list_id, period_start) do nothing""")
                .params(task.id(), listId, l.get("enterprise_id"), l.get("town_id"), l.get("park_id"), l.get("sector"),
                        period.start(), task.dueDate(), task.state().name())
                .update();
    }

    /**
     * {@link CheckTask}'s rule applied to every task at once: a pending task whose due date is before {@code today} is
     * missed. Returns how many were.
     */
    int markMissed(LocalDate today) {
        return jdbc.sql("update hazard_check_task set state = 'MISSED' where state = 'PENDING' and due_date < ?").param(today).update();
    }

    Optional<Task> task(UUID id) {
        return jdbc.sql(TASK_WITH_LIST + " where t.id = ?").param(id).query((rs, n) -> task(rs)).optional();
    }

    /** The tasks the scope condition (alias {@code t}) and the filter select, counted and paged. */
    PageResult<Task> tasks(ScopeConditions.Condition scope, TaskFilter f, PageRequest page) {
        Map<String, Object> params = new HashMap<>(scope.params());
        StringBuilder where = new StringBuilder(" where (" + scope.sql() + ")");
        if (f.enterpriseId() != null) {
            where.append(" and t.enterprise_id = :enterpriseId");
            params.put("enterpriseId", f.enterpriseId());
        }
        if (f.enterpriseIds() != null) {
            if (f.enterpriseIds().isEmpty()) {
                return new PageResult<>(List.of(), 0, page.page(), page.size());
            }
            where.append(" and t.enterprise_id in (:enterpriseIds)");
            params.put("enterpriseIds", f.enterpriseIds());
        }
        if (f.townId() != null) {
            where.append(" and t.town_id = :townId");
            params.put("townId", f.townId());
        }
        if (f.state() != null) {
            where.append(" and t.state = :state");
            params.put("state", f.state());
        }
        String from = " from hazard_check_task t join hazard_check_list l on l.id = t.check_list_id";
        if (f.cadence() != null) {
            where.append(" and l.cadence = :cadence");
            params.put("cadence", f.cadence().name());
        }
        long total = jdbc.sql("select count(*)" + from + where).params(params).query(Long.class).single();
        params.put("limit", page.size());
        params.put("offset", page.offset());
        // what is still to do first, soonest due; then what is past, newest first
        List<Task> items = jdbc.sql("select t.*, l.name, l.post, l.level, l.cadence" + from
                        + where + " order by case t.state when 'PENDING' then 0 else 1 end,"
                        + " case when t.state = 'PENDING' then t.due_date end, t.due_date desc, l.name, t.id limit :limit offset :offset")
                .params(params).query((rs, n) -> task(rs)).list();
        return new PageResult<>(items, total, page.page(), page.size());
    }

    List<Item> items(UUID checkListId) {
        return jdbc.sql("select * from hazard_check_item where check_list_id = ? order by position").param(checkListId)
                .query((rs, n) -> new Item(rs.getObject("id", UUID.class), rs.getInt("position"), rs.getString("content"),
                        rs.getString("criterion_code"))).list();
    }

    void insertResult(UUID taskId, UUID itemId, String outcome, String note, UUID hazardId) {
        jdbc.sql("insert into hazard_check_result (task_id, item_id, outcome, note, hazard_id) values (?, ?, ?, ?, ?)")
                .params(taskId, itemId, outcome, note, hazardId).update();
    }

    /** Stores the task's state after a step of {@link CheckTask}, if it was still in state {@code from}; false when it was not. */
    boolean saveState(CheckTask t, CheckTask.State from) {
        return jdbc.sql("update hazard_check_task set state = ?, done_at = ?, done_by = ?, hazards_found = ? where id = ? and state = ?")
                .params(t.state().name(), t.doneAt() == null ? null : OffsetDateTime.ofInstant(t.doneAt(), ZoneOffset.UTC), t.doneBy(),
                        t.hazardsFound(), t.id(), from.name())
                .update() == 1;
    }

    /**
     * Tasks due in [from, to] in the scope (alias {@code t}), per town or enterprise: how many were due by {@code today}, done
     * on time (by the due date in the district's zone) and missed (including pending ones past their due date).
     */
    List<OnTime> onTime(ScopeConditions.Condition scope, LocalDate from, LocalDate to, LocalDate today, String zone, boolean byEnterprise) {
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("from", from);
        params.put("to", to);
        params.put("today", today);
        params.put("zone", zone);
        String key = byEnterprise ? "cast(t.enterprise_id as text)" : "cast(t.town_id as text)";
        return jdbc.sql("select " + key + " as k,"
                        + " count(*) filter (where t.state <> 'PENDING' or t.due_date < :today) as due,"
                        + " count(*) filter (where t.state = 'DONE' and (t.done_at at time zone :zone)::date <= t.due_date) as on_time,"
                        + " count(*) filter (where t.state = 'MISSED' or (t.state = 'PENDING' and t.due_date < :today)) as missed"
                        + " from hazard_check_task t where t.due_date between :from and :to and (" + scope.sql() + ")"
                        + " group by k order by missed desc, k")
                .params(params).query((rs, n) -> new OnTime(rs.getString("k"), rs.getString("k"), rs.getLong("due"), rs.getLong("on_time"),
                        rs.getLong("missed"))).list();
    }

    private static Task task(ResultSet rs) throws SQLException {
        OffsetDateTime done = rs.getObject("done_at", OffsetDateTime.class);
        return new Task(rs.getObject("id", UUID.class), rs.getObject("check_list_id", UUID.class), rs.getString("name"), rs.getString("post"),
                CheckLevel.valueOf(rs.getString("level")), CheckCadence.valueOf(rs.getString("cadence")), rs.getObject("enterprise_id", UUID.class),
                rs.getObject("period_start", LocalDate.class), rs.getObject("due_date", LocalDate.class), rs.getString("state"),
                done == null ? null : done.toInstant(), rs.getString("done_by"), rs.getInt("hazards_found"));
    }
}
