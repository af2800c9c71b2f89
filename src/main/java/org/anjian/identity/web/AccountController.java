package org.anjian.identity.web;

import org.anjian.identity.UserManagement;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.security.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Every user changes their own password here. */
@Controller
@RequestMapping("/account/password")
class AccountController {

    static final String VIEW = "identity/password";
    private final UserManagement users;

    AccountController(UserManagement users) {
        this.users = users;
    }

    @GetMapping
    String form() {
        return VIEW;
    }

    @PostMapping
    String change(@RequestParam String currentPassword, @RequestParam String newPassword, @RequestParam String confirmPassword, Model model) {
        if (!newPassword.equals(confirmPassword)) {
            model.addAttribute("errorField", "confirmPassword");
            model.addAttribute("errorCode", "identity.password.mismatch");
            return VIEW;
        }
        try {
            users.changeOwnPassword(CurrentUser.require().id(), currentPassword, newPassword);
            model.addAttribute("changed", true);
        } catch (DomainException e) {
            var f = e.fieldErrors().get(0);
            model.addAttribute("errorField", f.field());
            model.addAttribute("errorCode", f.code());
        }
        return VIEW;
    }
}
