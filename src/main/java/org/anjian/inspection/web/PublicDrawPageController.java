package org.anjian.inspection.web;

import java.util.List;
import java.util.UUID;
import org.anjian.enterprise.EnterpriseLookup;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.identity.UserDirectory;
import org.anjian.identity.UserSummary;
import org.anjian.inspection.internal.RandomDrawService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 一公开: the published draws, their seeds and results, for anyone. */
@Controller
class PublicDrawPageController {

    static final String VIEW = "inspection/public-draws";
    private final RandomDrawService draws;
    private final EnterpriseLookup enterprises;
    private final UserDirectory users;

    PublicDrawPageController(RandomDrawService draws, EnterpriseLookup enterprises, UserDirectory users) {
        this.draws = draws;
        this.enterprises = enterprises;
        this.users = users;
    }

    record Row(String enterprise, String inspectors) {
    }

    record PublishedDraw(RandomDrawService.Draw draw, List<Row> rows) {
    }

    @GetMapping("/public/random-draws")
    String list(Model model) {
        model.addAttribute("draws", draws.published(20).stream().map(d -> new PublishedDraw(d, d.result().stream()
                .map(r -> new Row(enterprises.find(r.enterpriseId()).map(EnterpriseSummary::name).orElse("—"),
                        String.join("、", r.inspectorIds().stream().map(this::name).toList())))
                .toList())).toList());
        return VIEW;
    }

    private String name(UUID id) {
        return users.user(id).map(UserSummary::displayName).orElse("—");
    }
}
