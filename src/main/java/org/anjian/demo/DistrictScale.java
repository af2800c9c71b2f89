package org.anjian.demo;

import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.anjian.accident.AccidentScaleData;
import org.anjian.enterprise.EnterpriseScaleData;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.hazard.HazardScaleData;
import org.anjian.identity.UserManagement;
import org.anjian.identity.UserManagement.NewUser;
import org.anjian.inspection.InspectionScaleData;
import org.anjian.penalty.PenaltyScaleData;
import org.anjian.risk.RiskScaleData;
import org.anjian.shared.security.Role;
import org.anjian.shared.security.ScopeKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The district-scale data set (issue 17): 20,000 enterprises, 1,000,000 hazards with their steps, 200,000 inspections,
 * 50,000 penalty cases, 5,000 accidents and 60,000 risk points by default, each module writing its own tables set-based through its
 * {@code XxxScaleData} port, in the order the facts hang together (enterprises, then what happens to them; penalty
 * cases follow finished inspections). Runs once the application is ready (after the demo district) when
 * {@code anjian.scale.generate=true}; every generator tops its table up to the total, so a second start adds nothing.
 * Never under a production profile.
 */
@Component
@Profile("!prod & !production")
public class DistrictScale {

    private static final Logger log = LoggerFactory.getLogger(DistrictScale.class);

    private final EnterpriseScaleData enterprises;
    private final HazardScaleData hazards;
    private final InspectionScaleData inspections;
    private final PenaltyScaleData penalties;
    private final AccidentScaleData accidents;
    private final RiskScaleData risk;
    private final UserManagement users;
    private final ScaleProperties properties;
    private final DemoProperties demo;

    DistrictScale(EnterpriseScaleData enterprises, HazardScaleData hazards, InspectionScaleData inspections, PenaltyScaleData penalties,
                  AccidentScaleData accidents, RiskScaleData risk, UserManagement users, ScaleProperties properties, DemoProperties demo) {
        this.enterprises = enterprises;
        this.hazards = hazards;
        this.inspections = inspections;
        this.penalties = penalties;
        this.accidents = accidents;
        this.risk = risk;
        this.users = users;
        this.properties = properties;
        this.demo = demo;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        if (properties.generate()) {
            generate(properties);
        }
    }

    /** Tops every module up to the plan's totals; returns the registry the other rows hang off. */
    public List<EnterpriseSummary> generate(ScaleProperties plan) {
        long start = System.nanoTime();
        log.info("district scale: generating up to {} enterprises, {} hazards, {} inspections, {} penalty cases, {} accidents, {} risk points",
                plan.enterprises(), plan.hazards(), plan.inspections(), plan.penaltyCases(), plan.accidents(), plan.riskPoints());
        List<EnterpriseSummary> registry = enterprises.generate(plan.enterprises());
        // 执法必须两人以上: the demo's two inspectors form the teams
        List<UUID> team = List.of(
                users.ensure(new NewUser("inspector", "张执法", demo.password(), EnumSet.of(Role.INSPECTOR), ScopeKind.DISTRICT, null, null,
                        "渝应急执 500116-0001")).id(),
                users.ensure(new NewUser("inspector2", "李执法", demo.password(), EnumSet.of(Role.INSPECTOR), ScopeKind.DISTRICT, null, null,
                        "渝应急执 500116-0002")).id());
        hazards.generate(registry, plan.hazards());
        List<InspectionScaleData.FinishedInspection> finished = inspections.generate(registry, team, plan.inspections(),
                (int) Math.min(Integer.MAX_VALUE, plan.penaltyCases()));
        penalties.generate(registry, finished, team, plan.penaltyCases());
        accidents.generate(registry, plan.accidents());
        risk.generate(registry, plan.riskPoints());
        log.info("district scale: done in {} s", (System.nanoTime() - start) / 1_000_000_000);
        return registry;
    }
}
