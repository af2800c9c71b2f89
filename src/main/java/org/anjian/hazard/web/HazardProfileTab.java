package org.anjian.hazard.web;

import java.util.Map;
import java.time.Clock;
import org.anjian.hazard.internal.HazardRepository;
import org.anjian.hazard.internal.HazardService;
import org.anjian.enterprise.EnterpriseProfileTab;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.CurrentUser;
import org.anjian.shared.web.PageRequest;
import org.springframework.stereotype.Component;

/** The enterprise file (一企一档) lists the enterprise's hazards, the open ones first counted, the latest ten shown. */
@Component
class HazardProfileTab implements EnterpriseProfileTab {

    private final HazardService hazards;
    private final Clock clock;

    HazardProfileTab(HazardService hazards, Clock clock) {
        this.hazards = hazards;
        this.clock = clock;
    }

    @Override
    public String key() {
        return "hazards";
    }

    @Override
    public String titleKey() {
        return "hazard.tab.title";
    }

    @Override
    public String fragment() {
        return "hazard/enterprise-tab :: tab";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public void fill(EnterpriseSummary enterprise, Map<String, Object> model) {
        AnjianUser user = CurrentUser.require();
        var now = clock.instant();
        model.put("tabNow", now);
        model.put("tabHazards", hazards.search(user, new HazardRepository.Filter(null, null, null, enterprise.id(), null, null, null, now), PageRequest.of(0, 10)));
        model.put("tabOpenHazards", hazards.search(user, new HazardRepository.Filter(null, null, null, enterprise.id(), null, null, null, now, Boolean.TRUE, null),
                PageRequest.of(0, 1)).total());
        model.put("tabEnterpriseId", enterprise.id());
    }
}
