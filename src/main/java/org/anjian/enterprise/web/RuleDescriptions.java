package org.anjian.enterprise.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.anjian.enterprise.domain.RuleSet;
import org.anjian.enterprise.internal.ClassificationService;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A fired rule in words, from the rule set version that fired it: "行业：危险化学品", "3 年内事故 ≥ 2"…
 * A rule the administrator added later still reads sensibly, because the words come from its kind.
 */
@Component
class RuleDescriptions {

    private final ClassificationService classification;
    private final MessageSource messages;
    private final Map<Integer, RuleSet> versions = new ConcurrentHashMap<>();

    RuleDescriptions(ClassificationService classification, MessageSource messages) {
        this.classification = classification;
        this.messages = messages;
    }

    String describe(int version, String code) {
        RuleSet set = versions.computeIfAbsent(version, v -> classification.ruleSet(v).orElse(null));
        if (set == null) {
            return code;
        }
        return set.rules().stream().filter(r -> r.code().equals(code)).findFirst().map(this::describe).orElse(code);
    }

    String describe(RuleSet.Rule r) {
        var locale = LocaleContextHolder.getLocale();
        String value = switch (r.kind()) {
            case SECTOR -> messages.getMessage("sector." + r.parameter(), null, r.parameter(), locale);
            case SUB_SECTOR -> messages.getMessage("enterprise.subSector." + r.parameter(), null, r.parameter(), locale);
            case SCALE -> messages.getMessage("enterprise.scale." + r.parameter(), null, r.parameter(), locale);
            case FLAG -> messages.getMessage("enterprise.flag." + r.parameter(), null, r.parameter(), locale);
            case STANDARDIZATION -> messages.getMessage("enterprise.grade." + r.parameter(), null, r.parameter(), locale);
            default -> r.parameter();
        };
        return messages.getMessage("enterprise.ruleKind." + r.kind(), new Object[] {value}, r.kind() + " " + value, locale);
    }
}
