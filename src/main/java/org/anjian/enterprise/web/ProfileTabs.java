package org.anjian.enterprise.web;

import org.anjian.enterprise.internal.Enterprise;
import org.anjian.shared.security.AnjianUser;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Fills the model for the profile's duty tabs (licences, responsible persons, mine). */
@Component
class ProfileTabs {

    void fill(String tab, AnjianUser user, Enterprise e, Model model) {
    }
}
