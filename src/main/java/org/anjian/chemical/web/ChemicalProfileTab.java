package org.anjian.chemical.web;

import java.util.Map;
import org.anjian.chemical.internal.HazardUnits;
import org.anjian.enterprise.EnterpriseProfileTab;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.enterprise.Sector;
import org.springframework.stereotype.Component;

/** The enterprise file (一企一档) shows a hazchem enterprise's units and its graded major hazard sources. */
@Component
class ChemicalProfileTab implements EnterpriseProfileTab {

    private final HazardUnits units;

    ChemicalProfileTab(HazardUnits units) {
        this.units = units;
    }

    @Override
    public String key() {
        return "major-hazard-sources";
    }

    @Override
    public String titleKey() {
        return "chemical.tab.title";
    }

    @Override
    public String fragment() {
        return "chemical/enterprise-tab :: tab";
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public boolean appliesTo(EnterpriseSummary enterprise) {
        return enterprise.sector() == Sector.HAZCHEM;
    }

    @Override
    public void fill(EnterpriseSummary enterprise, Map<String, Object> model) {
        model.put("chemicalUnits", units.ofEnterprise(enterprise.id()));
    }
}
