package org.anjian.enterprise.internal;

import java.util.Map;
import java.util.Objects;
import org.anjian.enterprise.ChemicalFactsTally;
import org.anjian.shared.audit.AuditTrail;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps an enterprise's chemical inputs (major hazard sources, their highest grade, key supervised
 * processes) and so its supervision class in step with the chemical module's facts.
 */
@Component
class ChemicalInputListener {

    private final EnterpriseRepository enterprises;
    private final ClassificationService classification;
    private final AuditTrail audit;
    private final java.time.Clock clock;

    ChemicalInputListener(EnterpriseRepository enterprises, ClassificationService classification, AuditTrail audit, java.time.Clock clock) {
        this.enterprises = enterprises;
        this.classification = classification;
        this.audit = audit;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(ChemicalFactsTally facts) {
        enterprises.find(facts.enterpriseId())
                .filter(e -> e.majorHazardSources() != facts.majorHazardSources()
                        || !Objects.equals(e.majorHazardSourceGrade(), facts.highestMajorHazardSourceGrade())
                        || e.keyProcesses() != facts.keyProcesses())
                .ifPresent(e -> {
                    enterprises.updateChemicalInputs(e.id(), facts.majorHazardSources(), facts.highestMajorHazardSourceGrade(),
                            facts.keyProcesses(), clock.instant());
                    audit.record("ENTERPRISE_CHEMICAL_INPUTS_SET", "enterprise", e.id(),
                            inputs(e.majorHazardSources(), e.majorHazardSourceGrade(), e.keyProcesses()),
                            inputs(facts.majorHazardSources(), facts.highestMajorHazardSourceGrade(), facts.keyProcesses()));
                    classification.reclassify(e.id(), "CHEMICAL_FACTS");
                });
    }

    private static Map<String, Object> inputs(int sources, Integer grade, int processes) {
        return Map.of("majorHazardSources", sources, "majorHazardSourceGrade", String.valueOf(grade), "keyProcesses", processes);
    }
}
