package org.anjian.identity.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19 #5: the audit trail is read by people, so every action code the platform records ("ACCESS_DENIED",
 * "TOKEN_ISSUED", "PERMIT_SIGNED" …) has a Chinese and an English name on /audit and in its filter; a code shown as
 * itself fails here.
 */
class AuditActionNamesTest {

    /** The first code-like literal of each {@code audit.record(…)} / {@code audit.recordAs(…)} call (a code built at run time is skipped). */
    static final Pattern RECORDED = Pattern.compile("\\baudit\\.record(?:As)?\\([^;]*?\"([A-Z][A-Z_]*[A-Z])\"");

    static Set<String> recordedCodes() throws IOException {
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = RECORDED.matcher(Files.readString(f));
                while (m.find()) {
                    codes.add(m.group(1));
                }
                // the access log names its two actions from a method of its own, not in a record call
                if (f.endsWith("AccessAudit.java")) {
                    codes.add("ACCESS_DENIED");
                    codes.add("DOWNLOAD");
                }
            }
        }
        return codes;
    }

    @Test
    void everyRecordedActionHasANameInBothLocales() throws IOException {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        AuditRows rows = new AuditRows(messages, null, null);
        Set<String> codes = recordedCodes();
        assertThat(codes).as("the scan finds the platform's codes").contains("LOGIN_SUCCEEDED", "ACCESS_DENIED", "TOKEN_ISSUED", "PERMIT_SIGNED")
                .hasSizeGreaterThan(100);
        Set<String> unnamed = new TreeSet<>();
        for (String code : codes) {
            for (Locale locale : new Locale[] {Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH}) {
                if (rows.actionName(code, locale).equals(code)) {
                    unnamed.add(code + " (" + locale + ")");
                }
            }
        }
        assertThat(unnamed).as("audit actions shown as raw codes").isEmpty();
        assertThat(rows.actionName("ACCESS_DENIED", Locale.SIMPLIFIED_CHINESE)).isEqualTo("拒绝访问");
        assertThat(rows.actionName("TOKEN_ISSUED", Locale.ENGLISH)).isEqualTo("API token issued");
    }
}
