package org.anjian.enterprise.web;

import org.anjian.enterprise.Sector;
import org.anjian.enterprise.internal.DutiesService;
import org.anjian.enterprise.internal.Enterprise;
import org.anjian.enterprise.internal.MineService;
import org.anjian.enterprise.internal.ResponsiblePersonService;
import org.anjian.shared.security.AnjianUser;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Fills the model for the profile's duty tabs (licences, responsible persons, mine). */
@Component
class ProfileTabs {

    private final DutiesService duties;
    private final ResponsiblePersonService responsible;
    private final MineService mines;

    ProfileTabs(DutiesService duties, ResponsiblePersonService responsible, MineService mines) {
        this.duties = duties;
        this.responsible = responsible;
        this.mines = mines;
    }

    void fill(String tab, AnjianUser user, Enterprise e, Model model) {
        switch (tab) {
            case "licences" -> {
                model.addAttribute("licences", duties.licenceStatuses(user, e.id()));
                model.addAttribute("keyPersons", duties.persons(user, e.id()));
                model.addAttribute("gaps", duties.gaps(user, e.id()));
                model.addAttribute("licenceKinds", DutiesService.LICENCE_KINDS);
                model.addAttribute("personRoles", DutiesService.PERSON_ROLES);
            }
            case "responsible" -> {
                model.addAttribute("needsPersons", e.needsResponsiblePersons());
                var persons = responsible.persons(user, e.id());
                model.addAttribute("persons", persons);
                model.addAttribute("personNames", persons.stream().collect(java.util.stream.Collectors.toMap(
                        ResponsiblePersonService.Person::id, ResponsiblePersonService.Person::name, (a, b) -> a)));
                model.addAttribute("checks", responsible.checks(user, e.id()));
                model.addAttribute("personKinds", ResponsiblePersonService.KINDS);
                model.addAttribute("today", responsible.today());
            }
            case "mine" -> {
                if (e.sector() == Sector.NON_COAL_MINE) {
                    model.addAttribute("mine", mines.view(user, e.id()));
                }
            }
            default -> {
            }
        }
    }
}
