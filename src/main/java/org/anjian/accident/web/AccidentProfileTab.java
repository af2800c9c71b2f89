package org.anjian.accident.web;

import java.util.Map;
import org.anjian.accident.internal.AccidentRepository;
import org.anjian.accident.internal.AccidentService;
import org.anjian.enterprise.EnterpriseProfileTab;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.CurrentUser;
import org.anjian.shared.web.PageRequest;
import org.springframework.stereotype.Component;

/** The enterprise file (一企一档) lists the enterprise's accidents. */
@Component
class AccidentProfileTab implements EnterpriseProfileTab {

    private final AccidentService accidents;

    AccidentProfileTab(AccidentService accidents) {
        this.accidents = accidents;
    }

    @Override
    public String key() {
        return "accidents";
    }

    @Override
    public String titleKey() {
        return "accident.tab.title";
    }

    @Override
    public String fragment() {
        return "accident/enterprise-tab :: tab";
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public void fill(EnterpriseSummary enterprise, Map<String, Object> model) {
        AnjianUser user = CurrentUser.require();
        model.put("tabAccidents", accidents.search(user, new AccidentRepository.Filter(null, null, null, null, enterprise.id(), null), PageRequest.of(0, 10)));
        model.put("tabEnterpriseId", enterprise.id());
    }
}
