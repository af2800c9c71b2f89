package org.anjian.governance.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.anjian.governance.TaskState;
import org.anjian.governance.internal.ProblemService;
import org.anjian.governance.internal.TaskRepository;
import org.anjian.governance.internal.TaskService;
import org.anjian.shared.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/tasks")
@Tag(name = "tasks", description = "挂图作战 (GOV-2): the year's tasks as projects by quarter (Q1 启动, Q2 夯基, Q3 攻坚, Q4 达标)")
class TaskApiController {

    private final TaskService service;

    TaskApiController(TaskService service) {
        this.service = service;
    }

    @GetMapping
    @Operation(summary = "The board of a year (this year by default), filtered by owner, state or quarter")
    List<TaskRepository.Task> board(@RequestParam(required = false) Integer year, @RequestParam(required = false) String owner,
                                    @RequestParam(required = false) TaskState state, @RequestParam(required = false) Integer quarter) {
        return service.board(CurrentUser.require(), new TaskRepository.Filter(year == null ? service.thisYear() : year,
                ProblemService.blankOrNull(owner), state, quarter));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Put a task on the board (the district's committee office)")
    TaskRepository.Task create(@RequestBody TaskService.NewTask body) {
        return service.create(CurrentUser.require(), body);
    }

    @GetMapping("/{id}")
    TaskRepository.Task get(@PathVariable UUID id) {
        return service.get(CurrentUser.require(), id);
    }

    @PostMapping("/{id}/state")
    @Operation(summary = "Move a task: 未启动 → 推进中 / 滞后 → 已完成; a finished task stays finished (409)")
    TaskRepository.Task changeState(@PathVariable UUID id, @RequestBody TaskService.StateChange body) {
        return service.changeState(CurrentUser.require(), id, body);
    }
}
