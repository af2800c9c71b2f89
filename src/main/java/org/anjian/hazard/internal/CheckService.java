package org.anjian.hazard.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
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
import org.anjian.hazard.domain.CheckTask;
import org.anjian.hazard.domain.HazardRuleViolation;
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
    private final CheckRepository repository;
    private final EnterpriseLookup enterprises;
    private final HazardService hazards;
    private final MajorHazardCriteria criteria;
    private final AuditTrail audit;
    private final Clock clock;
    private final RiskControls riskControls;
    private final ZoneId zone;

    CheckService(CheckRepository repository, EnterpriseLookup enterprises, HazardService hazards, MajorHazardCriteria criteria, AuditTrail audit,
                 Clock clock, RiskControls riskControls, DistrictProperties district) {
        this.zone = district.zone();
        this.riskControls = riskControls;
        this.repository = repository;
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
        repository.insertList(id, ent, n.name().trim(), n.post().trim(), n.level(), n.cadence(), items);
        audit.record("CHECK_LIST_CREATED", "check-list", id, null,
                Map.of("enterpriseId", ent.id(), "name", n.name().trim(), "post", n.post().trim(), "level", n.level(), "cadence", n.cadence(),
                        "items", items.size()));
        repository.openTask(id, today());
        return id;
    }

    /** Opens each active list's task for the period of the day, and closes what ran out as missed. Daily at 00:05. */
    @Scheduled(cron = "${anjian.hazard.checks-cron:0 5 0 * * *}", zone = "${anjian.district.zone:Asia/Shanghai}")
    @SchedulerLock(name = "hazard.generateCheckTasks", lockAtMostFor = "PT30M")
    public void generate() {
        LocalDate today = today();
        int missed = repository.markMissed(today);
        int created = 0;
        for (UUID list : repository.activeLists()) {
            created += repository.openTask(list, today);
        }
        log.info("Check tasks: {} opened, {} missed", created, missed);
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
        return repository.tasks(scope, f, page);
    }

    @Transactional(readOnly = true)
    public Task task(AnjianUser user, UUID id) {
        Task t = repository.task(id).orElseThrow(() -> DomainException.notFound("check task"));
        if (!enterprises.inScope(user.scope(), t.enterpriseId())) {
            throw DomainException.notFound("check task");
        }
        return t;
    }

    @Transactional(readOnly = true)
    public List<Item> items(UUID checkListId) {
        return repository.items(checkListId);
    }

    /** Records every item's outcome; each failed item becomes a hazard of the enterprise's own check. */
    public Task complete(AnjianUser user, UUID taskId, List<ItemResult> results) {
        Task t = task(user, taskId);
        if (!user.hasAnyRole(Role.ENTERPRISE_USER, Role.AGENCY_USER)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "hazard.check.enterpriseOnly", "the enterprise works its own checks");
        }
        CheckTask task = new CheckTask(t.id(), t.dueDate(), CheckTask.State.valueOf(t.state()), t.doneAt(), t.doneBy(), t.hazardsFound());
        try {
            task.requireWorkable(today());
        } catch (HazardRuleViolation v) {
            throw DomainException.conflict(v.reason(), v.getMessage());
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
            repository.insertResult(taskId, i.id(), r.outcome(), r.note() == null || r.note().isBlank() ? null : r.note().trim(), hazardId);
        }
        task.complete(today(), clock.instant(), user.displayName(), found);
        if (!repository.saveState(task, CheckTask.State.PENDING)) {
            // a second submission of the same task committed first: this one's results roll back with the refusal
            throw DomainException.conflict("hazard.check.notPending", "the task was completed meanwhile");
        }
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
        return repository.onTime(scope, from, to, today(), zone.getId(), byEnterprise);
    }
}
