package org.anjian.demo;

import org.anjian.accident.AccidentDemo;
import org.anjian.enterprise.EnterpriseDemo;
import org.anjian.risk.RiskDemo;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo district's second part, after the inspection and penalty demos (which still run as their
 * own ordered {@code ApplicationRunner}s; an unordered runner comes after every ordered one): the
 * accidents that follow enforcement, then the risk points. When inspection and penalty have demo
 * facades, this merges into {@link DemoDistrict} as one explicit sequence.
 */
@Component
@Profile("!prod & !production")
@ConditionalOnProperty(name = "anjian.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoAfterEnforcement implements ApplicationRunner {

    private final EnterpriseDemo enterprises;
    private final AccidentDemo accidents;
    private final RiskDemo risk;
    private final DemoProperties properties;

    DemoAfterEnforcement(EnterpriseDemo enterprises, AccidentDemo accidents, RiskDemo risk, DemoProperties properties) {
        this.enterprises = enterprises;
        this.accidents = accidents;
        this.risk = risk;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        accidents.loadAfterEnforcement();
        risk.load(enterprises.ids(properties.enterprises()));
    }
}
