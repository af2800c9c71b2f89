package org.anjian.penalty.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.anjian.enterprise.EnterpriseLookup;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.identity.UserDirectory;
import org.anjian.identity.UserSummary;
import org.anjian.penalty.domain.Labels;
import org.anjian.penalty.domain.Masking;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.springframework.stereotype.Component;

/**
 * 行政执法公示 (ENF-7): what a decision shows the public. Built from the decision only, never from
 * the investigation file; people's names, ID-card and phone numbers are masked.
 */
@Component
public class PublicDisclosure {

    private final PenaltyCaseService cases;
    private final EnterpriseLookup enterprises;
    private final UserDirectory users;

    PublicDisclosure(PenaltyCaseService cases, EnterpriseLookup enterprises, UserDirectory users) {
        this.cases = cases;
        this.enterprises = enterprises;
        this.users = users;
    }

    public record PublishedDecision(String decisionNumber, String enterpriseName, String creditCode, String responsiblePerson, String violation,
                                    String facts, String legalBasis, String penalty, long fineYuan, LocalDate decidedOn, String authority) {
    }

    public PageResult<PublishedDecision> page(PageRequest page) {
        String authority = cases.authority();
        return cases.published(page).map(c -> {
            EnterpriseSummary e = enterprises.find(c.enterpriseId()).orElse(null);
            List<String> names = new ArrayList<>();
            if (c.responsiblePerson() != null) {
                names.add(c.responsiblePerson());
            }
            for (UUID h : c.handlerIds()) {
                users.user(h).map(UserSummary::displayName).ifPresent(names::add);
            }
            return new PublishedDecision(c.decisionNumber(), e == null ? "—" : e.name(), e == null ? "" : e.creditCode(),
                    Masking.name(c.responsiblePerson()), Labels.categories(c.categories()), Masking.text(c.facts(), names), c.legalBasis(),
                    Labels.penalty(c.measures(), c.fine()), c.fine(), c.decidedOn(), authority);
        });
    }
}
