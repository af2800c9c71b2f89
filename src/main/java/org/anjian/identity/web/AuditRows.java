package org.anjian.identity.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.anjian.identity.internal.AuditQuery;
import org.anjian.identity.internal.UserAccount;
import org.anjian.identity.internal.UserAccountRepository;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Audit entries as a person reads them: the action and the record type named in the page's language, the actor's display
 * name next to the account, and the change as "field: before → after" instead of two JSON documents.
 */
@Component
class AuditRows {

    /** One entry on the page. */
    record View(AuditQuery.Row row, String actorName, String actionName, String entityName, List<Change> changes) {
    }

    /** One changed field. */
    record Change(String field, String before, String after) {
    }

    private static final int VALUE_LIMIT = 80;

    private final MessageSource messages;
    private final UserAccountRepository users;
    private final JsonMapper json;

    AuditRows(MessageSource messages, UserAccountRepository users, JsonMapper json) {
        this.messages = messages;
        this.users = users;
        this.json = json;
    }

    List<View> views(List<AuditQuery.Row> rows, Locale locale) {
        Map<String, String> names = new HashMap<>();
        return rows.stream().map(r -> new View(r, names.computeIfAbsent(String.valueOf(r.actor()), a -> actorName(a, locale)),
                actionName(r.action(), locale), message("audit.entity." + r.entityType(), locale, r.entityType()),
                changes(r.before(), r.after(), locale))).toList();
    }

    /** The account's display name; "system" for the platform's own work. */
    String actorName(String actor, Locale locale) {
        if (actor == null || actor.isBlank() || "system".equals(actor)) {
            return message("audit.actor.system", locale, "system");
        }
        if ("demo".equals(actor)) {
            return message("audit.actor.demo", locale, actor);
        }
        return users.findByUsername(actor).map(UserAccount::displayName).filter(n -> n != null && !n.isBlank()).orElse(actor);
    }

    /** {@code audit.action.CODE}, else the code's words ({@code audit.word.W}) joined, else the code. */
    String actionName(String code, Locale locale) {
        if (code == null) {
            return "";
        }
        String exact = message("audit.action." + code, locale, null);
        if (exact != null) {
            return exact;
        }
        StringBuilder words = new StringBuilder();
        for (String w : code.split("_")) {
            String word = message("audit.word." + w, locale, null);
            if (word == null) {
                return code;
            }
            if (!words.isEmpty() && !Locale.CHINESE.getLanguage().equals(locale.getLanguage())) {
                words.append(' ');
            }
            words.append(word);
        }
        return words.toString();
    }

    List<Change> changes(String before, String after, Locale locale) {
        JsonNode b = parse(before);
        JsonNode a = parse(after);
        Set<String> fields = new LinkedHashSet<>();
        if (b != null && b.isObject()) {
            fields.addAll(b.propertyNames());
        }
        if (a != null && a.isObject()) {
            fields.addAll(a.propertyNames());
        }
        List<Change> changes = new ArrayList<>();
        if (fields.isEmpty()) {
            if (b != null || a != null) {
                changes.add(new Change("", value(b), value(a)));
            }
            return changes;
        }
        for (String f : fields) {
            String from = value(b == null || !b.isObject() ? null : b.get(f));
            String to = value(a == null || !a.isObject() ? null : a.get(f));
            if (!from.equals(to)) {
                changes.add(new Change(message("audit.field." + f, locale, f), from, to));
            }
        }
        return changes;
    }

    private JsonNode parse(String text) {
        if (text == null || text.isBlank() || "null".equals(text)) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (RuntimeException e) {
            return json.getNodeFactory().stringNode(text);
        }
    }

    private static String value(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return "";
        }
        String v = n.isValueNode() ? n.asString() : n.toString();
        return v.length() > VALUE_LIMIT ? v.substring(0, VALUE_LIMIT) + "…" : v;
    }

    String text(String key) {
        return message(key, org.springframework.context.i18n.LocaleContextHolder.getLocale(), key);
    }

    private String message(String key, Locale locale, String fallback) {
        return messages.getMessage(key, null, fallback, locale);
    }
}
