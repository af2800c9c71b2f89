package org.anjian.credit.web;

import java.util.Map;
import java.time.Clock;
import java.time.LocalDate;
import org.anjian.credit.internal.CreditService;
import org.anjian.shared.config.DistrictProperties;
import org.anjian.enterprise.EnterpriseProfileTab;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.CurrentUser;
import org.anjian.shared.web.PageRequest;
import org.springframework.stereotype.Component;

/** The enterprise file (一企一档) lists the enterprise's credit records (失信记录), removed ones included. */
@Component
class CreditProfileTab implements EnterpriseProfileTab {

    private final CreditService credit;
    private final Clock clock;
    private final DistrictProperties district;

    CreditProfileTab(CreditService credit, Clock clock, DistrictProperties district) {
        this.credit = credit;
        this.clock = clock;
        this.district = district;
    }

    @Override
    public String key() {
        return "credit-records";
    }

    @Override
    public String titleKey() {
        return "credit.tab.title";
    }

    @Override
    public String fragment() {
        return "credit/enterprise-tab :: tab";
    }

    @Override
    public int order() {
        return 70;
    }

    @Override
    public void fill(EnterpriseSummary enterprise, Map<String, Object> model) {
        AnjianUser user = CurrentUser.require();
        model.put("tabToday", LocalDate.now(clock.withZone(district.zone())));
        model.put("tabCredit", credit.search(user, null, null, enterprise.id(), PageRequest.of(0, 10)));
        model.put("tabEnterpriseName", enterprise.name());
    }
}
