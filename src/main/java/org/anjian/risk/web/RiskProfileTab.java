package org.anjian.risk.web;

import java.util.Map;
import org.anjian.risk.internal.RiskRepository;
import org.anjian.risk.internal.RiskService;
import org.anjian.enterprise.EnterpriseProfileTab;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.CurrentUser;
import org.anjian.shared.web.PageRequest;
import org.springframework.stereotype.Component;

/** The enterprise file (一企一档) lists the enterprise's risk points by level, with its four-colour page a click away. */
@Component
class RiskProfileTab implements EnterpriseProfileTab {

    private final RiskService risks;

    RiskProfileTab(RiskService risks) {
        this.risks = risks;
    }

    @Override
    public String key() {
        return "risk-points";
    }

    @Override
    public String titleKey() {
        return "risk.tab.title";
    }

    @Override
    public String fragment() {
        return "risk/enterprise-tab :: tab";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public void fill(EnterpriseSummary enterprise, Map<String, Object> model) {
        AnjianUser user = CurrentUser.require();
        model.put("tabRiskPoints", risks.search(user, new RiskRepository.Filter(enterprise.id(), null, null, null, false), PageRequest.of(0, 10)));
        model.put("tabEnterpriseId", enterprise.id());
    }
}
