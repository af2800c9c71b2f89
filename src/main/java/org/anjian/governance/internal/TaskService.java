package org.anjian.governance.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anjian.governance.TaskState;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.config.DistrictProperties;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.error.DomainException.FieldError;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 挂图作战 (GOV-2): the year's tasks as projects on a board, dispatched by quarter in the seed's
 * rhythm (一季度抓开局 Q1 启动, 二季度抓基础夯实 Q2 夯基, 三季度抓工作推进 Q3 攻坚, 四季度保全年目标 Q4 达标).
 * The district's committee office keeps the board; towns and departments read it.
 */
@Service
@Transactional
public class TaskService {

    static final Role[] READERS = {Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.TOWN_OFFICIAL, Role.DEPARTMENT_OFFICIAL, Role.AUDITOR};
    static final Role[] KEEPERS = {Role.DISTRICT_ADMIN};

    private final TaskRepository repository;
    private final AuditTrail audit;
    private final Clock clock;
    private final DistrictProperties district;

    TaskService(TaskRepository repository, AuditTrail audit, Clock clock, DistrictProperties district) {
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
        this.district = district;
    }

    public record NewTask(Integer year, Integer quarter, String project, String content, String ownerUnit) {
    }

    public record StateChange(TaskState state, String note) {
    }

    public int thisYear() {
        return LocalDate.ofInstant(clock.instant(), district.zone()).getYear();
    }

    @Transactional(readOnly = true)
    public List<TaskRepository.Task> board(AnjianUser user, TaskRepository.Filter filter) {
        requireReader(user);
        return repository.board(filter);
    }

    @Transactional(readOnly = true)
    public List<String> owners(AnjianUser user, int year) {
        requireReader(user);
        return repository.owners(year);
    }

    @Transactional(readOnly = true)
    public TaskRepository.Task get(AnjianUser user, UUID id) {
        requireReader(user);
        return repository.find(id).orElseThrow(() -> DomainException.notFound("task"));
    }

    public TaskRepository.Task create(AnjianUser user, NewTask n) {
        requireKeeper(user);
        List<FieldError> errors = new ArrayList<>();
        int year = n.year() == null ? thisYear() : n.year();
        if (year < 2000 || year > 2100) {
            errors.add(new FieldError("year", "governance.task.year.range", "年度无效"));
        }
        if (n.quarter() == null || n.quarter() < 1 || n.quarter() > 4) {
            errors.add(new FieldError("quarter", "governance.task.quarter.range", "季度须为 1 到 4"));
        }
        if (n.project() == null || n.project().isBlank()) {
            errors.add(new FieldError("project", "shared.validation.required", "必填"));
        } else if (n.project().length() > 200) {
            errors.add(new FieldError("project", "shared.validation.tooLong", "过长"));
        }
        if (n.ownerUnit() == null || n.ownerUnit().isBlank()) {
            errors.add(new FieldError("ownerUnit", "shared.validation.required", "必填"));
        } else if (n.ownerUnit().length() > 100) {
            errors.add(new FieldError("ownerUnit", "shared.validation.tooLong", "过长"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        TaskRepository.Task t = new TaskRepository.Task(UUID.randomUUID(), year, n.quarter(), n.project().trim(),
                n.content() == null || n.content().isBlank() ? null : n.content().trim(), n.ownerUnit().trim(), TaskState.NOT_STARTED, null,
                (int) repository.count(year), clock.instant().truncatedTo(ChronoUnit.MICROS), 0);
        repository.insert(t);
        audit.record("TASK_CREATED", "task", t.id(), null, t);
        return t;
    }

    public TaskRepository.Task changeState(AnjianUser user, UUID id, StateChange change) {
        TaskRepository.Task before = get(user, id);
        requireKeeper(user);
        if (change == null || change.state() == null) {
            throw DomainException.invalid("state", "shared.validation.required", "必填");
        }
        if (!before.state().next().contains(change.state())) {
            throw DomainException.conflict("governance.task.transition.illegal", "cannot move a task from " + before.state() + " to " + change.state(),
                    label(before.state()), label(change.state()));
        }
        String note = change.note() == null || change.note().isBlank() ? null : change.note().trim();
        if (note != null && note.length() > 500) {
            throw DomainException.invalid("note", "shared.validation.tooLong", "过长");
        }
        if (!repository.changeState(id, change.state(), note, clock.instant().truncatedTo(ChronoUnit.MICROS), before.version())) {
            throw DomainException.conflict("governance.task.concurrent", "the task was changed by someone else");
        }
        TaskRepository.Task after = repository.find(id).orElseThrow();
        audit.record("TASK_STATE_CHANGED", "task", id, Map.of("state", before.state()), Map.of("state", after.state(), "note", note == null ? "" : note));
        return after;
    }

    static String label(TaskState s) {
        return switch (s) {
            case NOT_STARTED -> "未启动";
            case IN_PROGRESS -> "推进中";
            case DELAYED -> "滞后";
            case DONE -> "已完成";
        };
    }

    private void requireReader(AnjianUser user) {
        if (!user.hasAnyRole(READERS)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "shared.problem.forbidden", "forbidden");
        }
    }

    private void requireKeeper(AnjianUser user) {
        if (!user.hasAnyRole(KEEPERS)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "shared.problem.forbidden", "forbidden");
        }
    }
}
