package org.anjian.governance.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.anjian.accident.AccidentRecorded;
import org.anjian.enterprise.EnterpriseLookup;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.hazard.HazardClosed;
import org.anjian.hazard.HazardRegistered;
import org.anjian.penalty.PenaltyDecided;
import org.anjian.standardization.StandardizationGradesChanged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The facts the assessment scores, from the modules' events: one row per source record, so a redelivered event
 * changes nothing and a revised accident (补报) replaces its row. The town and supervision line of a hazard or a
 * penalty are the enterprise's, read from the registry when the fact arrives. A hazard counts from when its
 * registration arrives (the event carries no time; it is delivered right after the commit).
 */
@Component
class AssessmentFactListener {

    private final AssessmentRepository repository;
    private final EnterpriseLookup enterprises;
    private final Clock clock;

    AssessmentFactListener(AssessmentRepository repository, EnterpriseLookup enterprises, Clock clock) {
        this.repository = repository;
        this.enterprises = enterprises;
        this.clock = clock;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private Optional<EnterpriseSummary> enterprise(UUID id) {
        return id == null ? Optional.empty() : enterprises.find(id);
    }

    @ApplicationModuleListener
    void on(AccidentRecorded e) {
        repository.accident("accident:" + e.accidentId(), e.enterpriseId(), e.enterpriseName(), e.townId(), e.sector() == null ? null : e.sector().name(),
                e.occurredAt(), e.grade().name(), e.deaths(), e.missing(), now());
    }

    @ApplicationModuleListener
    void on(HazardRegistered e) {
        Optional<EnterpriseSummary> s = enterprise(e.enterpriseId());
        repository.hazardRegistered("hazard:" + e.hazardId(), e.enterpriseId(), s.map(EnterpriseSummary::name).orElse(null),
                s.map(EnterpriseSummary::townId).orElse(null), s.map(x -> x.sector() == null ? null : x.sector().name()).orElse(null),
                e.grade() == null ? null : e.grade().name(), now());
    }

    @ApplicationModuleListener
    void on(HazardClosed e) {
        Optional<EnterpriseSummary> s = enterprise(e.enterpriseId());
        repository.hazardClosed("hazard:" + e.hazardId(), e.enterpriseId(), s.map(EnterpriseSummary::name).orElse(null),
                s.map(EnterpriseSummary::townId).orElse(null), s.map(x -> x.sector() == null ? null : x.sector().name()).orElse(null),
                e.grade() == null ? null : e.grade().name(), e.closedAt(), e.onTime(), now());
    }

    @ApplicationModuleListener
    void on(PenaltyDecided e) {
        Optional<EnterpriseSummary> s = enterprise(e.enterpriseId());
        repository.penalty("penalty:" + e.caseId(), e.enterpriseId(), s.map(EnterpriseSummary::name).orElse(null),
                s.map(EnterpriseSummary::townId).orElse(null), s.map(x -> x.sector() == null ? null : x.sector().name()).orElse(null),
                e.decidedAt(), e.decisionNumber(), now());
    }

    @ApplicationModuleListener
    void on(StandardizationGradesChanged e) {
        Instant now = now();
        e.currentGrades().forEach((id, grade) -> {
            Optional<EnterpriseSummary> s = enterprise(id);
            repository.standardization("standardization:" + id, id, s.map(EnterpriseSummary::townId).orElse(null),
                    s.map(x -> x.sector() == null ? null : x.sector().name()).orElse(null), grade, now);
        });
    }
}
