package org.anjian.penalty.web;

import java.util.Map;
import org.anjian.penalty.domain.CaseAccess;
import org.anjian.penalty.internal.PenaltyCaseService;
import org.anjian.enterprise.EnterpriseProfileTab;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.CurrentUser;
import org.anjian.shared.web.PageRequest;
import org.springframework.stereotype.Component;

/** The enterprise file (一企一档) lists the enterprise's penalty cases for those who may list cases (regulators, and the enterprise its own). */
@Component
class PenaltyProfileTab implements EnterpriseProfileTab {

    private final PenaltyCaseService cases;

    PenaltyProfileTab(PenaltyCaseService cases) {
        this.cases = cases;
    }

    @Override
    public String key() {
        return "penalty-cases";
    }

    @Override
    public String titleKey() {
        return "penalty.tab.title";
    }

    @Override
    public String fragment() {
        return "penalty/enterprise-tab :: tab";
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public boolean appliesTo(EnterpriseSummary enterprise) {
        return CurrentUser.get().map(u -> new CaseAccess(u.id(), u.roles(), u.scope()).mayList()).orElse(false);
    }

    @Override
    public void fill(EnterpriseSummary enterprise, Map<String, Object> model) {
        AnjianUser user = CurrentUser.require();
        model.put("tabCases", cases.search(user, new PenaltyCaseService.Filter(null, enterprise.id(), null, null), PageRequest.of(0, 10)));
        model.put("tabEnterpriseId", enterprise.id());
    }
}
