package org.anjian.chemical.web;

import java.util.Map;
import org.anjian.chemical.internal.KeyProcesses;
import org.anjian.chemical.internal.Pipelines;
import org.anjian.chemical.internal.StorageSites;
import org.anjian.enterprise.EnterpriseProfileTab;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.enterprise.Sector;
import org.springframework.stereotype.Component;

/**
 * The enterprise file's tab of 两重点一重大 supervision beyond the units: key supervised processes
 * (automatic control, SIS), key supervised chemicals, tank farms with their 四个系统, and the
 * pipelines it operates.
 */
@Component
class ChemicalSupervisionTab implements EnterpriseProfileTab {

    private final KeyProcesses processes;
    private final StorageSites sites;
    private final Pipelines pipelines;

    ChemicalSupervisionTab(KeyProcesses processes, StorageSites sites, Pipelines pipelines) {
        this.processes = processes;
        this.sites = sites;
        this.pipelines = pipelines;
    }

    @Override
    public String key() {
        return "chemical-supervision";
    }

    @Override
    public String titleKey() {
        return "chemical.supervisionTab.title";
    }

    @Override
    public String fragment() {
        return "chemical/supervision-tab :: tab";
    }

    @Override
    public int order() {
        return 61;
    }

    @Override
    public boolean appliesTo(EnterpriseSummary enterprise) {
        return enterprise.sector() == Sector.HAZCHEM || !sites.ofEnterprise(enterprise.id()).isEmpty()
                || !pipelines.ofOperator(enterprise.id()).isEmpty();
    }

    @Override
    public void fill(EnterpriseSummary enterprise, Map<String, Object> model) {
        model.put("chemProcesses", processes.ofEnterprise(enterprise));
        model.put("chemSites", sites.ofEnterprise(enterprise.id()));
        model.put("chemPipelines", pipelines.ofOperator(enterprise.id()));
        model.put("chemSystems", java.util.List.of(org.anjian.chemical.domain.StorageSystem.values()));
    }
}
