package org.anjian.identity.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.anjian.shared.config.DistrictProperties;
import org.anjian.shared.security.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {

    static final String VIEW = "identity/login";
    private final DateTimeFormatter lockedUntilFormat;

    LoginController(DistrictProperties district) {
        this.lockedUntilFormat = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(district.zone());
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) Long locked, Model model) {
        if (CurrentUser.get().isPresent()) {
            return "redirect:/";
        }
        if (locked != null) {
            model.addAttribute("lockedUntil", lockedUntilFormat.format(Instant.ofEpochSecond(locked)));
        }
        return VIEW;
    }
}
