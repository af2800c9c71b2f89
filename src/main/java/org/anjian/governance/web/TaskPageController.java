package org.anjian.governance.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.anjian.governance.TaskState;
import org.anjian.governance.internal.ProblemService;
import org.anjian.governance.internal.TaskRepository;
import org.anjian.governance.internal.TaskService;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.CurrentUser;
import org.anjian.shared.security.Role;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 挂图作战: the year's tasks as a board, in columns by quarter (Q1 启动 … Q4 达标) or by state. */
@Controller
class TaskPageController {

    static final String BOARD = "governance/tasks/board";

    private final TaskService service;
    private final MessageSource messages;

    TaskPageController(TaskService service, MessageSource messages) {
        this.service = service;
        this.messages = messages;
    }

    /** One column of the board: its key (quarter number or state) and its tasks. */
    record Column(String key, String titleKey, List<TaskRepository.Task> tasks) {
    }

    @GetMapping("/task-board")
    String board(@RequestParam(required = false) Integer year, @RequestParam(required = false) String owner,
                 @RequestParam(required = false) TaskState state, @RequestParam(required = false) String view, Model model) {
        AnjianUser user = CurrentUser.require();
        int y = year == null ? service.thisYear() : year;
        String o = ProblemService.blankOrNull(owner);
        boolean byState = "state".equals(view);
        List<TaskRepository.Task> tasks = service.board(user, new TaskRepository.Filter(y, o, state, null));
        List<Column> columns = new ArrayList<>();
        if (byState) {
            for (TaskState s : TaskState.values()) {
                columns.add(new Column(s.name(), "governance.task.state." + s, tasks.stream().filter(t -> t.state() == s).toList()));
            }
        } else {
            for (int q = 1; q <= 4; q++) {
                int quarter = q;
                columns.add(new Column("Q" + q, "governance.task.quarter." + q, tasks.stream().filter(t -> t.quarter() == quarter).toList()));
            }
        }
        Map<TaskState, Long> byStateCount = new LinkedHashMap<>();
        for (TaskState s : TaskState.values()) {
            byStateCount.put(s, tasks.stream().filter(t -> t.state() == s).count());
        }
        model.addAttribute("columns", columns);
        model.addAttribute("total", tasks.size());
        model.addAttribute("stateCounts", byStateCount);
        model.addAttribute("year", y);
        model.addAttribute("owner", o);
        model.addAttribute("owners", service.owners(user, y));
        model.addAttribute("state", state);
        model.addAttribute("states", TaskState.values());
        model.addAttribute("view", byState ? "state" : "quarter");
        model.addAttribute("keeper", user.hasRole(Role.DISTRICT_ADMIN));
        return BOARD;
    }

    @PostMapping("/task-board")
    String create(@RequestParam(required = false) Integer year, @RequestParam(required = false) Integer quarter,
                  @RequestParam(required = false) String project, @RequestParam(required = false) String content,
                  @RequestParam(required = false) String ownerUnit, RedirectAttributes redirect) {
        act(redirect, () -> service.create(CurrentUser.require(), new TaskService.NewTask(year, quarter, project, content, ownerUnit)));
        return "redirect:/task-board" + (year == null ? "" : "?year=" + year);
    }

    @PostMapping("/task-board/{id}/state")
    String changeState(@PathVariable UUID id, @RequestParam(required = false) TaskState state, @RequestParam(required = false) String note,
                       @RequestParam(required = false) String view, RedirectAttributes redirect) {
        var task = service.get(CurrentUser.require(), id);
        act(redirect, () -> service.changeState(CurrentUser.require(), id, new TaskService.StateChange(state, note)));
        return "redirect:/task-board?year=" + task.year() + ("state".equals(view) ? "&view=state" : "");
    }

    private void act(RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("message", "governance.task.saved");
        } catch (DomainException e) {
            if (e.status() == HttpStatus.FORBIDDEN || e.status() == HttpStatus.NOT_FOUND) {
                throw e;
            }
            Locale locale = LocaleContextHolder.getLocale();
            redirect.addFlashAttribute("errors", e.fieldErrors().isEmpty() ? List.of(messages.getMessage(e.reason(), e.args(), e.getMessage(), locale))
                    : e.fieldErrors().stream().map(f -> messages.getMessage(f.code(), null, f.defaultMessage(), locale)).toList());
        }
    }
}
