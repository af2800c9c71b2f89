package org.anjian.enterprise.web;

import java.util.Map;
import org.anjian.enterprise.EnterpriseProfileTab;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.enterprise.Sector;
import org.springframework.stereotype.Component;

/** Stands in for a later module's tab (hazards, inspections…) so the extension point is exercised. */
@Component
class ContributedTestTab implements EnterpriseProfileTab {

    @Override
    public String key() {
        return "contributed";
    }

    @Override
    public String titleKey() {
        return "enterprise.tab.profile";
    }

    @Override
    public String fragment() {
        return "enterprise-test/tab :: tab";
    }

    @Override
    public boolean appliesTo(EnterpriseSummary enterprise) {
        return enterprise.sector() == Sector.INDUSTRY_TRADE;
    }

    @Override
    public void fill(EnterpriseSummary enterprise, Map<String, Object> model) {
        model.put("contributedText", "来自其他模块：" + enterprise.name());
    }
}
