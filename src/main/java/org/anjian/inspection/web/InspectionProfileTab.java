package org.anjian.inspection.web;

import java.util.Map;
import org.anjian.inspection.internal.InspectionService;
import org.anjian.shared.security.Role;
import org.anjian.enterprise.EnterpriseProfileTab;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.CurrentUser;
import org.anjian.shared.web.PageRequest;
import org.springframework.stereotype.Component;

/** The enterprise file (一企一档) lists the inspections of the enterprise with their findings, for those who may read inspections: never the enterprise itself, to which an unannounced inspection must stay unannounced. */
@Component
class InspectionProfileTab implements EnterpriseProfileTab {

    private final InspectionService inspections;

    InspectionProfileTab(InspectionService inspections) {
        this.inspections = inspections;
    }

    @Override
    public String key() {
        return "inspections";
    }

    @Override
    public String titleKey() {
        return "inspection.tab.title";
    }

    @Override
    public String fragment() {
        return "inspection/enterprise-tab :: tab";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public boolean appliesTo(EnterpriseSummary enterprise) {
        return CurrentUser.get().map(u -> u.hasAnyRole(Role.DISTRICT_ADMIN, Role.AUDITOR, Role.INSPECTOR, Role.EXPERT)).orElse(false);
    }

    @Override
    public void fill(EnterpriseSummary enterprise, Map<String, Object> model) {
        AnjianUser user = CurrentUser.require();
        model.put("tabInspections", inspections.search(user, null, enterprise.id(), null, PageRequest.of(0, 10)));
    }
}
