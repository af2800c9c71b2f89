package org.anjian.hazard.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.anjian.enterprise.EnterpriseLookup;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.hazard.HazardGrade;
import org.anjian.hazard.domain.CheckCadence;
import org.anjian.hazard.domain.CheckLevel;
import org.anjian.organization.ScopeConditions;
import org.anjian.risk.RiskControls;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.config.DistrictProperties;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.error.DomainException.FieldError;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.Role;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 日周月排查 (DP-2): check lists per post and level, the tasks their cadence generates, working a
 * task item by item on a phone (a failed item becomes a hazard), missed tasks, and the share of
 * checks done on time per enterprise and town.
 */
@Service
@Transactional
public class CheckService {

    private static final Logger log = LoggerFactory.getLogger(CheckService.class);
    private final JdbcClient jdbc;
    private final EnterpriseLookup enterprises;
    private final HazardService hazards;
    private final MajorHazardCriteria criteria;
    private final AuditTrail audit;
    private final Clock clock;
    private final RiskControls riskControls;
    private final ZoneId zone;

    CheckService(JdbcClient jdbc, EnterpriseLookup enterprises, HazardService hazards, MajorHazardCriteria criteria, AuditTrail audit,
                 Clock clock, RiskControls riskControls, DistrictProperties district) {
        this.zone = district.zone();
        this.riskControls = riskControls;
        this.jdbc = jdbc;
        this.enterprises = enterprises;
        this.hazards = hazards;
        this.criteria = criteria;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @param includeCriteria     add the sector's major-hazard criteria as items
     * @param includeRiskControls add the control measures of the post's risk points (all posts' when the post has none)
     */
    public record NewCheckList(UUID enterpriseId, String name, String post, CheckLevel level, CheckCadence cadence, List<String> items,
                               Boolean includeCriteria, Boolean includeRiskControls) {
    }

    public record Item(UUID id, int position, String content, String criterionCode) {
    }

    public record Task(UUID id, UUID checkListId, String listName, String post, CheckLevel level, CheckCadence cadence, UUID enterpriseId,
                       LocalDate periodStart, LocalDate dueDate, String state, Instant doneAt, String doneBy, int hazardsFound) {
    }

    public record ItemResult(UUID itemId, String outcome, String note) {
    }

    public record OnTime(String key, String name, long due, long onTime, long missed) {
        public double share() {
            return due == 0 ? 0 : Math.round(1000.0 * onTime / due) / 10.0;
        }
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    public UUID createList(AnjianUser user, NewCheckList n) {
        if (!user.hasAnyRole(Role.ENTERPRISE_USER, Role.AGENCY_USER, Role.DISTRICT_ADMIN, Role.TOWN_OFFICIAL, Role.INSPECTOR)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "hazard.check.forbidden", "this role does not keep check lists");
        }
        List<FieldError> errors = new ArrayList<>();
        if (n.enterpriseId() == null) {
            throw DomainException.invalid("enterpriseId", "shared.validation.required", "必填");
        }
        Optional<EnterpriseSummary> e = Optional.of(enterprises.find(n.enterpriseId())
                .filter(x -> enterprises.inScope(user.scope(), x.id())).orElseThrow(() -> DomainException.notFound("enterprise")));
        if (n.name() == null || n.name().isBlank() || n.name().length() > 100) {
            errors.add(new FieldError("name", "shared.validation.required", "必填"));
        }
        if (n.post() == null || n.post().isBlank() || n.post().length() > 100) {
            errors.add(new FieldError("post", "shared.validation.required", "必填"));
        }
        if (n.level() == null) {
            errors.add(new FieldError("level", "shared.validation.required", "必填"));
        }
        if (n.cadence() == null) {
            errors.add(new FieldError("cadence", "shared.validation.required", "必填"));
        }
        List<Item> items = new ArrayList<>();
        for (String s : n.items() == null ? List.<String>of() : n.items()) {
            if (s != null && !s.isBlank()) {
                items.add(new Item(UUID.randomUUID(), items.size() + 1, s.trim(), null));
            }
        }
        if (Boolean.TRUE.equals(n.includeRiskControls()) && e.isPresent()) {
            List<RiskControls.ControlItem> controls = riskControls.controlItems(e.get().id(), n.post());
            if (controls.isEmpty()) {
                controls = riskControls.controlItems(e.get().id(), null);
            }
            for (RiskControls.ControlItem c : controls) {
                items.add(new Item(UUID.randomUUID(), items.size() + 1, c.riskPoint() + "：" + c.measure(), null));
            }
        }
        if (Boolean.TRUE.equals(n.includeCriteria()) && e.isPresent()) {
            for (MajorHazardCriteria.Criterion c : criteria.search(e.get().sector().name(), null)) {
                items.add(new Item(UUID.randomUUID(), items.size() + 1, c.text(), c.code()));
            }
        }
        if (items.isEmpty()) {
            errors.add(new FieldError("items", "hazard.check.items", "至少一个检查项"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        EnterpriseSummary ent = e.get();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into hazard_check_list (id, enterprise_id, town_id, park_id, sector, name, post, level, cadence)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, ent.id(), ent.townId(), ent.parkId(), ent.sector().name(), n.name().trim(), n.post().trim(), n.level().name(),
                        n.cadence().name()).update();
        for (Item i : items) {
            jdbc.sql("insert into hazard_check_item (id, check_list_id, position, content, criterion_code) values (?, ?, ?, ?, ?)")
                    .params(i.id(), id, i.position(), i.content(), i.criterionCode()).update();
        }
        audit.record("CHECK_LIST_CREATED", "check-list", id, null,
                Map.of("enterpriseId", ent.id(), "name", n.name().trim(), "post", n.post().trim(), "level", n.level(), "cadence", n.cadence(),
                        "items", items.size()));
        ensureTask(id, today());
        return id;
    }

    /** Opens each active list's task for the period of the day, and closes what ran out as missed. Daily at 00:05. */
    @Scheduled(cron = "${anjian.hazard.checks-cron:0 5 0 * * *}", zone = "${anjian.district.zone:Asia/Shanghai}")
    @SchedulerLock(name = "hazard.generateCheckTasks", lockAtMostFor = "PT30M")
    public void generate() {
        LocalDate today = today();
        int missed = jdbc.sql("update hazard_check_task set state = 'MISSED' where state = 'PENDING' and due_date < ?").param(today).update();
        int created = 0;
        for (UUID list : jdbc.sql("select id from hazard_check_list where active").query(UUID.class).list()) {
            created += ensureTask(list, today);
        }
        log.info("Check tasks: {} opened, {} missed", created, missed);
    }

    private int ensureTask(UUID listId, LocalDate day) {
        Map<String, Object> l = jdbc.sql("select * from hazard_check_list where id = ?").param(listId).query().singleRow();
        CheckCadence.Period p = CheckCadence.valueOf((String) l.get("cadence")).periodOf(day);
        return jdbc.sql("""
                insert into hazard_check_task (id, check_list_id, enterprise_id, town_id, park_id, sector, period_start, due_date, state)
                values (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING') on conflict (check_list_id, period_start) do nothing""")
                .params(UUID.randomUUID(), listId, l.get("enterprise_id"), l.get("town_id"), l.get("park_id"), l.get("sector"), p.start(), p.due())
                .update();
    }

    @Transactional(readOnly = true)
    public PageResult<Task> tasks(AnjianUser user, UUID enterpriseId, String state, PageRequest page) {
        return tasks(user, new TaskFilter(enterpriseId, null, null, state, null), page);
    }

    /**
     * What the task list filters by; every part may be null. {@code enterpriseIds} is the set a name search found (an empty
     * set matches nothing); {@code townId} the enterprise's town as the task recorded it.
     */
    public record TaskFilter(UUID enterpriseId, java.util.Collection<UUID> enterpriseIds, UUID townId, String state, CheckCadence cadence) {
    }

    /** The tasks in the caller's scope, filtered, counted and paged. */
    @Transactional(readOnly = true)
    public PageResult<Task> tasks(AnjianUser user, TaskFilter f, PageRequest page) {
        hazards.requireReader(user);
        ScopeConditions.Condition scope = hazards.scopeCondition(user.scope(), "t");
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

    @Transactional(readOnly = true)
    public Task task(AnjianUser user, UUID id) {
        Task t = jdbc.sql("select t.*, l.name, l.post, l.level, l.cadence from hazard_check_task t join hazard_check_list l on l.id = t.check_list_id where t.id = ?")
                .param(id).query((rs, n) -> task(rs)).optional().orElseThrow(() -> DomainException.notFound("check task"));
        if (!enterprises.inScope(user.scope(), t.enterpriseId())) {
            throw DomainException.notFound("check task");
        }
        return t;
    }

    @Transactional(readOnly = true)
    public List<Item> items(UUID checkListId) {
        return jdbc.sql("select * from hazard_check_item where check_list_id = ? order by position").param(checkListId)
                .query((rs, n) -> new Item(rs.getObject("id", UUID.class), rs.getInt("position"), rs.getString("content"),
                        rs.getString("criterion_code"))).list();
    }

    /** Records every item's outcome; each failed item becomes a hazard of the enterprise's own check. */
    public Task complete(AnjianUser user, UUID taskId, List<ItemResult> results) {
        Task t = task(user, taskId);
        if (!user.hasAnyRole(Role.ENTERPRISE_USER, Role.AGENCY_USER)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "hazard.check.enterpriseOnly", "the enterprise works its own checks");
        }
        if (!t.state().equals("PENDING")) {
            throw DomainException.conflict("hazard.check.notPending", "the task is " + t.state());
        }
        if (today().isAfter(t.dueDate())) {
            throw DomainException.conflict("hazard.check.periodOver", "the check period ended on " + t.dueDate());
        }
        List<Item> items = items(t.checkListId());
        Map<UUID, ItemResult> byItem = (results == null ? List.<ItemResult>of() : results).stream()
                .filter(r -> r.itemId() != null).collect(Collectors.toMap(ItemResult::itemId, r -> r, (a, b) -> b, LinkedHashMap::new));
        Set<UUID> known = items.stream().map(Item::id).collect(Collectors.toSet());
        List<FieldError> errors = new ArrayList<>();
        for (Item i : items) {
            ItemResult r = byItem.get(i.id());
            if (r == null || !(("PASS").equals(r.outcome()) || "HAZARD".equals(r.outcome()))) {
                errors.add(new FieldError("results[" + (i.position() - 1) + "]", "hazard.check.outcome", "请选择检查结果"));
            } else if ("HAZARD".equals(r.outcome()) && (r.note() == null || r.note().isBlank())) {
                errors.add(new FieldError("results[" + (i.position() - 1) + "].note", "hazard.check.note", "请描述发现的隐患"));
            }
        }
        if (byItem.keySet().stream().anyMatch(k -> !known.contains(k))) {
            errors.add(new FieldError("results", "hazard.check.unknownItem", "检查项不属于此清单"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        int found = 0;
        LocalDate deadline = today().plusDays(7);
        for (Item i : items) {
            ItemResult r = byItem.get(i.id());
            UUID hazardId = null;
            if ("HAZARD".equals(r.outcome())) {
                HazardRecord h = hazards.report(user, new HazardService.NewHazard(t.enterpriseId(), t.post(), i.content() + "：" + r.note().trim(),
                        "日周月排查", i.criterionCode() != null ? HazardGrade.MAJOR : HazardGrade.GENERAL, i.criterionCode(), deadline, null, null));
                hazardId = h.hazard().id();
                found++;
            }
            jdbc.sql("insert into hazard_check_result (task_id, item_id, outcome, note, hazard_id) values (?, ?, ?, ?, ?)")
                    .params(taskId, i.id(), r.outcome(), r.note() == null || r.note().isBlank() ? null : r.note().trim(), hazardId).update();
        }
        Instant now = clock.instant();
        jdbc.sql("update hazard_check_task set state = 'DONE', done_at = ?, done_by = ?, hazards_found = ? where id = ?")
                .params(OffsetDateTime.ofInstant(now, ZoneOffset.UTC), user.displayName(), found, taskId).update();
        audit.record("CHECK_TASK_DONE", "check-task", taskId, Map.of("state", "PENDING"),
                Map.of("state", "DONE", "items", items.size(), "hazardsFound", found));
        return task(user, taskId);
    }

    /**
     * The share of checks done on time for tasks due in [from, to], per town or per enterprise. A
     * task still pending before its due date does not count yet.
     */
    @Transactional(readOnly = true)
    public List<OnTime> onTime(AnjianUser user, LocalDate from, LocalDate to, boolean byEnterprise) {
        hazards.requireReader(user);
        ScopeConditions.Condition scope = hazards.scopeCondition(user.scope(), "t");
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("from", from);
        params.put("to", to);
        params.put("today", today());
        params.put("zone", zone.getId());
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

    private static Task task(java.sql.ResultSet rs) throws java.sql.SQLException {
        OffsetDateTime done = rs.getObject("done_at", OffsetDateTime.class);
        return new Task(rs.getObject("id", UUID.class), rs.getObject("check_list_id", UUID.class), rs.getString("name"), rs.getString("post"),
                CheckLevel.valueOf(rs.getString("level")), CheckCadence.valueOf(rs.getString("cadence")), rs.getObject("enterprise_id", UUID.class),
                rs.getObject("period_start", LocalDate.class), rs.getObject("due_date", LocalDate.class), rs.getString("state"),
                done == null ? null : done.toInstant(), rs.getString("done_by"), rs.getInt("hazards_found"));
    }
}
