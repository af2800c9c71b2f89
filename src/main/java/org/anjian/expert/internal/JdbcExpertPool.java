package org.anjian.expert.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.anjian.expert.ExpertPool;
import org.anjian.expert.ExpertSummary;
import org.anjian.expert.Field;
import org.anjian.expert.domain.ExpertDraw;
import org.anjian.shared.error.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The pool as other modules use it: selection for an inspection and the service record. */
@Service
@Transactional
class JdbcExpertPool implements ExpertPool {

    private final ExpertRepository repository;
    private final ExpertService experts;
    private final org.springframework.context.MessageSource messages;

    JdbcExpertPool(ExpertRepository repository, ExpertService experts, org.springframework.context.MessageSource messages) {
        this.repository = repository;
        this.experts = experts;
        this.messages = messages;
    }

    /** Not enough experts in a field: 409, naming the field and how many could go. */
    static final class Shortage extends DomainException {
        private final Field field;
        private final int available;
        private final int requested;

        Shortage(Field field, String label, int available, int requested) {
            super(org.springframework.http.HttpStatus.CONFLICT, "expert.selection.shortage",
                    "only " + available + " expert(s) available in " + field + ", " + requested + " asked", label, available, requested);
            this.field = field;
            this.available = available;
            this.requested = requested;
        }

        @Override
        public Map<String, Object> problemProperties() {
            return Map.of("field", field.name(), "available", available, "requested", requested);
        }
    }

    @Override
    @Transactional(readOnly = true)
    public List<ExpertSummary> select(Set<Field> fields, int count, UUID enterpriseId, String seed) {
        return select(fields, count, enterpriseId, seed, Set.of());
    }

    @Override
    @Transactional(readOnly = true)
    public List<ExpertSummary> select(Set<Field> fields, int count, UUID enterpriseId, String seed, Set<UUID> exclude) {
        if (fields == null || fields.isEmpty() || count < 1) {
            throw new IllegalArgumentException("at least one field and one expert");
        }
        List<Expert> eligible = repository.selectable(experts.today()).stream()
                .filter(e -> enterpriseId == null || !enterpriseId.equals(e.employerEnterpriseId()))
                .filter(e -> exclude == null || !exclude.contains(e.id()))
                .toList();
        Map<UUID, Expert> byId = eligible.stream().collect(Collectors.toMap(Expert::id, Function.identity()));
        try {
            return ExpertDraw.draw(eligible.stream().map(e -> new ExpertDraw.Candidate(e.id(), e.fields(), e.servicesThisYear())).toList(),
                    fields, count, seed).stream().map(p -> byId.get(p.expertId()).summary()).toList();
        } catch (ExpertDraw.Shortage s) {
            String label = messages.getMessage("expert.field." + s.field().name(), null, s.field().name(),
                    org.springframework.context.i18n.LocaleContextHolder.getLocale());
            throw new Shortage(s.field(), label, s.available(), count);
        }
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ExpertSummary> find(UUID id) {
        return repository.find(id, experts.today().getYear()).map(Expert::summary);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ExpertSummary> findByUser(UUID userId) {
        return repository.findByUser(userId, experts.today().getYear()).map(Expert::summary);
    }

    @Override
    public UUID recordService(UUID expertId, NewService service, String recordedBy) {
        repository.find(expertId, experts.today().getYear()).orElseThrow(() -> DomainException.notFound("expert"));
        return experts.record(expertId, service, recordedBy);
    }
}
