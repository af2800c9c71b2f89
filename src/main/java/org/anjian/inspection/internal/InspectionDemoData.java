package org.anjian.inspection.internal;

import java.util.List;
import java.util.UUID;
import org.anjian.inspection.InspectionDemo;
import org.springframework.stereotype.Component;

/** Runs the inspection demo in the order its parts depend on: inspections, their experts, the plan, the history. */
@Component
class InspectionDemoData implements InspectionDemo {

    private final DemoInspections inspections;
    private final DemoInspectionExperts experts;
    private final DemoPlans plans;
    private final DemoViolationHistory history;

    InspectionDemoData(DemoInspections inspections, DemoInspectionExperts experts, DemoPlans plans, DemoViolationHistory history) {
        this.inspections = inspections;
        this.experts = experts;
        this.plans = plans;
        this.history = history;
    }

    @Override
    public void load(List<UUID> enterpriseIds) {
        inspections.load(enterpriseIds);
        experts.load(enterpriseIds);
        plans.load(enterpriseIds);
        history.load(enterpriseIds);
    }
}
