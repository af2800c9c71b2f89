package org.anjian.enterprise.internal;

import org.anjian.enterprise.AccidentTally;
import org.anjian.enterprise.MajorHazardTally;
import org.anjian.enterprise.StandardizationGradeTally;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Keeps an enterprise's open major hazards and accidents, and so its supervision class, in step with the other modules. */
@Component
class ClassificationInputListener {

    private final EnterpriseRepository enterprises;
    private final ClassificationService classification;

    ClassificationInputListener(EnterpriseRepository enterprises, ClassificationService classification) {
        this.enterprises = enterprises;
        this.classification = classification;
    }

    @ApplicationModuleListener
    void on(MajorHazardTally tally) {
        enterprises.find(tally.enterpriseId())
                .filter(e -> e.openMajorHazards() != tally.openMajorHazards())
                .ifPresent(e -> classification.setInputs(e, e.standardizationGrade(),
                        e.accidentsIn3Years(), tally.openMajorHazards(), e.enforcementCount(), e.majorHazardSources()));
    }

    @ApplicationModuleListener
    void on(AccidentTally tally) {
        if (tally.enterpriseId() == null) {
            return;
        }
        enterprises.find(tally.enterpriseId())
                .filter(e -> e.accidentsIn3Years() != tally.accidentsIn3Years())
                .ifPresent(e -> classification.setInputs(e, e.standardizationGrade(), tally.accidentsIn3Years(), e.openMajorHazards(),
                        e.enforcementCount(), e.majorHazardSources()));
    }

    /** The standardization module grants, supersedes, expires and revokes grades; the registry follows (STD-1). */
    @ApplicationModuleListener
    void on(StandardizationGradeTally tally) {
        tally.currentGrades().forEach((id, grade) -> enterprises.find(id)
                .filter(e -> !java.util.Objects.equals(e.standardizationGrade(), grade))
                .ifPresent(e -> classification.setInputs(e, grade, e.accidentsIn3Years(), e.openMajorHazards(), e.enforcementCount(),
                        e.majorHazardSources())));
    }
}
