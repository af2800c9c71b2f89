package org.anjian.hazard.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anjian.hazard.internal.CheckService;
import org.anjian.shared.security.CurrentUser;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.springframework.format.annotation.DateTimeFormat;
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
@RequestMapping("/api/v1")
@Tag(name = "checks", description = "日周月排查 (check lists and check tasks)")
class CheckApiController {

    private final CheckService checks;

    CheckApiController(CheckService checks) {
        this.checks = checks;
    }

    record TaskDetail(CheckService.Task task, List<CheckService.Item> items) {
    }

    record Completion(List<CheckService.ItemResult> results) {
    }

    @PostMapping("/check-lists")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A check list for a post and level with its cadence; includeCriteria adds the sector's major-hazard criteria as items")
    Map<String, UUID> createList(@RequestBody CheckService.NewCheckList body) {
        return Map.of("id", checks.createList(CurrentUser.require(), body));
    }

    @GetMapping("/check-tasks")
    PageResult<CheckService.Task> tasks(@RequestParam(required = false) UUID enterpriseId, @RequestParam(required = false) String state,
                                        @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return checks.tasks(CurrentUser.require(), enterpriseId, state, PageRequest.of(page, size));
    }

    @GetMapping("/check-tasks/{id}")
    TaskDetail task(@PathVariable UUID id) {
        CheckService.Task t = checks.task(CurrentUser.require(), id);
        return new TaskDetail(t, checks.items(t.checkListId()));
    }

    @PostMapping("/check-tasks/{id}/complete")
    @Operation(summary = "Record every item's outcome (PASS or HAZARD with a note); each HAZARD item becomes a hazard")
    CheckService.Task complete(@PathVariable UUID id, @RequestBody Completion body) {
        return checks.complete(CurrentUser.require(), id, body.results());
    }

    @GetMapping("/check-tasks/on-time")
    @Operation(summary = "Share of checks done on time for tasks due between from and to, by town or by enterprise")
    List<CheckService.OnTime> onTime(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                     @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                     @RequestParam(defaultValue = "town") String by) {
        return checks.onTime(CurrentUser.require(), from, to, "enterprise".equals(by));
    }
}
