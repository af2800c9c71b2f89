package org.anjian.governance.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.anjian.governance.TaskState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The 挂图作战 board ({@code governance_task}). */
@Repository
public class TaskRepository {

    private final JdbcClient jdbc;

    TaskRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Task(UUID id, int year, int quarter, String project, String content, String ownerUnit, TaskState state, String note,
                       int sortOrder, Instant updatedAt, int version) {
    }

    public record Filter(int year, String ownerUnit, TaskState state, Integer quarter) {
    }

    public List<Task> board(Filter f) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(" where year = :year");
        params.put("year", f.year());
        if (f.ownerUnit() != null) {
            where.append(" and owner_unit = :owner");
            params.put("owner", f.ownerUnit());
        }
        if (f.state() != null) {
            where.append(" and state = :state");
            params.put("state", f.state().name());
        }
        if (f.quarter() != null) {
            where.append(" and quarter = :quarter");
            params.put("quarter", f.quarter());
        }
        return jdbc.sql("select * from governance_task" + where + " order by quarter, sort_order, project").params(params).query(TaskRepository::map).list();
    }

    public List<String> owners(int year) {
        return jdbc.sql("select distinct owner_unit from governance_task where year = ? order by 1").param(year).query(String.class).list();
    }

    public Optional<Task> find(UUID id) {
        return jdbc.sql("select * from governance_task where id = ?").param(id).query(TaskRepository::map).optional();
    }

    public void insert(Task t) {
        jdbc.sql("""
                insert into governance_task (id, year, quarter, project, content, owner_unit, state, note, sort_order, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(t.id(), t.year(), t.quarter(), t.project(), t.content(), t.ownerUnit(), t.state().name(), t.note(), t.sortOrder(),
                        ProblemRepository.utc(t.updatedAt()))
                .update();
    }

    /** Moves a task; false when someone else changed it in between. */
    public boolean changeState(UUID id, TaskState state, String note, Instant at, int expectedVersion) {
        return jdbc.sql("update governance_task set state = ?, note = ?, updated_at = ?, version = version + 1 where id = ? and version = ?")
                .params(state.name(), note, ProblemRepository.utc(at), id, expectedVersion).update() == 1;
    }

    public long count(int year) {
        return jdbc.sql("select count(*) from governance_task where year = ?").param(year).query(Long.class).single();
    }

    static Task map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Task(rs.getObject("id", UUID.class), rs.getInt("year"), rs.getInt("quarter"), rs.getString("project"), rs.getString("content"),
                rs.getString("owner_unit"), TaskState.valueOf(rs.getString("state")), rs.getString("note"), rs.getInt("sort_order"),
                ProblemRepository.instant(rs, "updated_at"), rs.getInt("version"));
    }
}
