package org.anjian.penalty.internal;

import java.time.LocalDate;
import java.util.List;
import org.anjian.penalty.PenaltyRecords;
import org.springframework.stereotype.Component;

@Component
class PenaltyRecordsService implements PenaltyRecords {

    private final PenaltyCaseService cases;

    PenaltyRecordsService(PenaltyCaseService cases) {
        this.cases = cases;
    }

    @Override
    public List<PenaltyFact> decided(LocalDate from, LocalDate to) {
        return cases.decidedBetween(from, to).stream()
                .map(c -> new PenaltyFact(c.id(), c.enterpriseId(), c.categories(), c.decidedOn(), c.fine())).toList();
    }
}
