package org.anjian.inspection.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.inspection.domain.InspectionPlan;
import org.anjian.inspection.domain.PlanItem;
import org.anjian.inspection.domain.PlanState;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Annual plans and their items ({@code inspection_plan}, {@code inspection_plan_item}), the
 * unplanned inspections admitted ({@code inspection_unplanned}), and what the plan reads of the
 * inspections to measure its progress.
 */
@Repository
class InspectionPlanRepository {

    /** A new plan as generated, with what it was generated from. */
    record NewPlan(UUID id, int year, int capacityPerInspectorMonth, int certifiedInspectors, int monthlyCapacity, String ruleSetNote,
                   InspectionPlans.Priorities priorities, String createdBy, Instant createdAt) {
    }

    /** An item to insert: the enterprise as it is now, the month and why it is planned. */
    record NewItem(UUID id, UUID planId, EnterpriseSummary enterprise, int month, Integer generatedMonth, String basis, String campaign,
                   boolean priority, String note) {
    }

    /** A finished inspection, where it was and when it was finished. */
    record Finished(UUID inspectionId, UUID enterpriseId, UUID townId, UUID parkId, String sector, OffsetDateTime finishedAt) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final JsonMapper json;

    InspectionPlanRepository(JdbcClient jdbc, JdbcTemplate batch, JsonMapper json) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.json = json;
    }

    // ------------------------------------------------------------------ the aggregate

    void insert(NewPlan p, List<NewItem> items) {
        jdbc.sql("""
                insert into inspection_plan (id, year, state, capacity_per_inspector_month, certified_inspectors, monthly_capacity, rule_set_note,
                  priorities, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?)""")
                .params(p.id(), p.year(), PlanState.DRAFT.name(), p.capacityPerInspectorMonth(), p.certifiedInspectors(), p.monthlyCapacity(),
                        p.ruleSetNote(), json.writeValueAsString(p.priorities()), p.createdBy(), InspectionRepository.utc(p.createdAt())).update();
        List<Object[]> rows = new ArrayList<>();
        for (NewItem i : items) {
            EnterpriseSummary e = i.enterprise();
            rows.add(new Object[] {i.id(), i.planId(), e.id(), e.name(), e.townId(), e.parkId(), e.sector().name(),
                    e.supervisionClass() == null ? null : e.supervisionClass().name(), i.month(), i.generatedMonth(), i.basis(), i.campaign(), i.priority()});
        }
        batch.batchUpdate("""
                insert into inspection_plan_item (id, plan_id, enterprise_id, enterprise_name, town_id, park_id, sector, supervision_class, month,
                  generated_month, basis, campaign, priority) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    Optional<InspectionPlan> load(UUID id) {
        return jdbc.sql("select * from inspection_plan where id = ?").param(id).query((rs, n) -> new InspectionPlan(id, rs.getInt("year"),
                PlanState.valueOf(rs.getString("state")), rs.getString("approved_by"), InspectionRepository.instant(rs, "approved_at"),
                rs.getString("published_by"), InspectionRepository.instant(rs, "published_at"))).optional();
    }

    /** Stores the plan's state; a second published plan of a year is refused here too when two were published at the same moment. */
    void save(InspectionPlan p) {
        try {
            jdbc.sql("update inspection_plan set state = ?, approved_by = ?, approved_at = ?, published_by = ?, published_at = ? where id = ?")
                    .params(p.state().name(), p.approvedBy(), InspectionRepository.utc(p.approvedAt()), p.publishedBy(),
                            InspectionRepository.utc(p.publishedAt()), p.id()).update();
        } catch (DuplicateKeyException race) {
            throw InspectionPlan.alreadyPublished();
        }
    }

    Optional<PlanItem> loadItem(UUID planId, UUID itemId) {
        return jdbc.sql("select * from inspection_plan_item where plan_id = ? and id = ?").params(planId, itemId)
                .query((rs, n) -> new PlanItem(itemId, planId, rs.getInt("month"), rs.getBoolean("priority"), rs.getBoolean("removed"),
                        rs.getString("note"))).optional();
    }

    void saveItem(PlanItem i) {
        jdbc.sql("update inspection_plan_item set month = ?, removed = ?, note = ? where id = ?").params(i.month(), i.removed(), i.note(), i.id()).update();
    }

    void insertItem(NewItem i) {
        EnterpriseSummary e = i.enterprise();
        jdbc.sql("""
                insert into inspection_plan_item (id, plan_id, enterprise_id, enterprise_name, town_id, park_id, sector, supervision_class, month,
                  basis, priority, note) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(i.id(), i.planId(), e.id(), e.name(), e.townId(), e.parkId(), e.sector().name(),
                        e.supervisionClass() == null ? null : e.supervisionClass().name(), i.month(), i.basis(), i.priority(), i.note()).update();
    }

    // ------------------------------------------------------------------ unplanned inspections

    long itemsOf(UUID planId, UUID enterpriseId) {
        return jdbc.sql("select count(*) from inspection_plan_item where plan_id = ? and enterprise_id = ? and not removed")
                .params(planId, enterpriseId).query(Long.class).single();
    }

    long itemsOf(UUID planId) {
        return jdbc.sql("select count(*) from inspection_plan_item where plan_id = ? and not removed").param(planId).query(Long.class).single();
    }

    /** The inspections of the enterprise planned in the period, the one just planned included. */
    long inspectionsOf(UUID enterpriseId, LocalDate from, LocalDate to) {
        return jdbc.sql("select count(*) from inspection_inspection where enterprise_id = ? and planned_on between ? and ?")
                .params(enterpriseId, from, to).query(Long.class).single();
    }

    /** The inspections planned in the period beyond the plan's items of their enterprise. */
    long unplanned(UUID planId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                with i as (select enterprise_id, count(*) n from inspection_inspection where planned_on between ? and ? group by enterprise_id),
                     p as (select enterprise_id, count(*) n from inspection_plan_item where plan_id = ? and not removed group by enterprise_id)
                select coalesce(sum(greatest(0, i.n - coalesce(p.n, 0))), 0) from i left join p on p.enterprise_id = i.enterprise_id""")
                .params(from, to, planId).query(Long.class).single();
    }

    void recordUnplanned(UUID inspectionId, int year, String reason, Instant at) {
        jdbc.sql("insert into inspection_unplanned (inspection_id, year, reason, recorded_at) values (?, ?, ?, ?)")
                .params(inspectionId, year, reason, InspectionRepository.utc(at)).update();
    }

    // ------------------------------------------------------------------ what is read

    Optional<UUID> published(int year) {
        return jdbc.sql("select id from inspection_plan where year = ? and state = 'PUBLISHED'").param(year).query(UUID.class).optional();
    }

    /** The newest plans (of a year, if given). */
    List<UUID> ids(Integer year) {
        return jdbc.sql("select id from inspection_plan where (cast(? as int) is null or year = ?) order by year desc, created_at desc limit 50")
                .params(year, year).query(UUID.class).list();
    }

    List<InspectionPlans.Item> activeItems(UUID planId) {
        return jdbc.sql("select * from inspection_plan_item where plan_id = ? and not removed").param(planId).query(this::item).list();
    }

    List<InspectionPlans.Item> removedItems(UUID planId) {
        return jdbc.sql("select * from inspection_plan_item where plan_id = ? and removed").param(planId).query(this::item).list();
    }

    Optional<InspectionPlans.Item> item(UUID planId, UUID itemId) {
        return jdbc.sql("select * from inspection_plan_item where plan_id = ? and id = ?").params(planId, itemId).query(this::item).optional();
    }

    /** The inspections finished in the period. */
    List<Finished> finished(OffsetDateTime from, OffsetDateTime to) {
        return jdbc.sql("select id, enterprise_id, town_id, park_id, sector, finished_at from inspection_inspection where state = 'DONE' and finished_at >= ? and finished_at < ?")
                .params(from, to).query((rs, n) -> new Finished(rs.getObject("id", UUID.class), rs.getObject("enterprise_id", UUID.class),
                        rs.getObject("town_id", UUID.class), rs.getObject("park_id", UUID.class), rs.getString("sector"),
                        rs.getObject("finished_at", OffsetDateTime.class))).list();
    }

    /** The enterprises with an inspection finished in the period. */
    List<UUID> inspectedEnterprises(OffsetDateTime from, OffsetDateTime to) {
        return jdbc.sql("select distinct enterprise_id from inspection_inspection where state = 'DONE' and finished_at >= ? and finished_at < ?")
                .params(from, to).query(UUID.class).list();
    }

    Optional<InspectionPlans.Plan> find(UUID id) {
        return jdbc.sql("select * from inspection_plan where id = ?").param(id).query(this::plan).optional();
    }

    private InspectionPlans.Plan plan(ResultSet rs, int n) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        int capacity = rs.getInt("monthly_capacity");
        List<Integer> planned = new ArrayList<>(Collections.nCopies(12, 0));
        jdbc.sql("select month, count(*) from inspection_plan_item where plan_id = ? and not removed group by month").param(id)
                .query(r -> {
                    planned.set(r.getInt(1) - 1, r.getInt(2));
                });
        int enterprises = jdbc.sql("select count(distinct enterprise_id) from inspection_plan_item where plan_id = ? and not removed").param(id)
                .query(Integer.class).single();
        List<Integer> shortfall = planned.stream().map(p -> Math.max(0, p - capacity)).toList();
        return new InspectionPlans.Plan(id, rs.getInt("year"), rs.getString("state"), rs.getInt("capacity_per_inspector_month"),
                rs.getInt("certified_inspectors"), capacity, json.readValue(rs.getString("priorities"), InspectionPlans.Priorities.class),
                planned.stream().mapToInt(Integer::intValue).sum(), enterprises, planned, shortfall, shortfall.stream().mapToInt(Integer::intValue).sum(),
                rs.getString("created_by"), InspectionRepository.instant(rs, "created_at"), rs.getString("approved_by"),
                InspectionRepository.instant(rs, "approved_at"), rs.getString("published_by"), InspectionRepository.instant(rs, "published_at"));
    }

    private InspectionPlans.Item item(ResultSet rs, int n) throws SQLException {
        return new InspectionPlans.Item(rs.getObject("id", UUID.class), rs.getObject("plan_id", UUID.class), rs.getObject("enterprise_id", UUID.class),
                rs.getString("enterprise_name"), rs.getObject("town_id", UUID.class), rs.getObject("park_id", UUID.class), rs.getString("sector"),
                rs.getString("supervision_class") == null ? null : rs.getString("supervision_class").trim(), rs.getInt("month"),
                rs.getObject("generated_month", Integer.class), rs.getString("basis"), rs.getString("campaign"), rs.getBoolean("priority"),
                rs.getBoolean("removed"), rs.getString("note"), null, null);
    }

    /** Items still in play of plans not yet published take the enterprise's current name and place (ADR 0009); returns the rows changed. */
    int followEnterprise(UUID enterpriseId, String name, UUID townId, UUID parkId, String sector) {
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        p.put("id", enterpriseId);
        p.put("name", name);
        p.put("town", townId);
        p.put("park", parkId);
        p.put("sector", sector);
        return jdbc.sql("""
                        update inspection_plan_item i set enterprise_name = :name, town_id = :town, park_id = :park, sector = :sector
                        from inspection_plan p
                        where p.id = i.plan_id and p.state <> 'PUBLISHED' and not i.removed and i.enterprise_id = :id
                          and (i.enterprise_name, i.town_id, i.park_id, i.sector) is distinct from (:name, :town, :park, :sector)""")
                .params(p).update();
    }
}
