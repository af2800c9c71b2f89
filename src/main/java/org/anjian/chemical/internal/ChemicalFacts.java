package org.anjian.chemical.internal;

import java.util.UUID;
import org.anjian.chemical.ChemicalFactsChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Announces an enterprise's chemical facts (major hazard sources, their highest grade, key
 * processes) after any change of its units or processes, so that its supervision class follows.
 * The event carries the whole state, so announcing twice does no harm.
 */
@Component
public class ChemicalFacts {

    private final SupervisionRepository repository;
    private final ApplicationEventPublisher events;

    ChemicalFacts(SupervisionRepository repository, ApplicationEventPublisher events) {
        this.repository = repository;
        this.events = events;
    }

    public ChemicalFactsChanged of(UUID enterpriseId) {
        return repository.facts(enterpriseId);
    }

    public void announce(UUID enterpriseId) {
        events.publishEvent(of(enterpriseId));
    }
}
