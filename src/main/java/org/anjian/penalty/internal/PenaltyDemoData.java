package org.anjian.penalty.internal;

import java.util.List;
import java.util.UUID;
import org.anjian.penalty.PenaltyDemo;
import org.springframework.stereotype.Component;

/** Runs the penalty demo: the cases across the life cycle, then the earlier years' closed cases. */
@Component
class PenaltyDemoData implements PenaltyDemo {

    private final DemoPenalties cases;
    private final DemoPenaltyHistory history;

    PenaltyDemoData(DemoPenalties cases, DemoPenaltyHistory history) {
        this.cases = cases;
        this.history = history;
    }

    @Override
    public void load(List<UUID> enterpriseIds) {
        cases.load(enterpriseIds);
        history.load(enterpriseIds);
    }
}
