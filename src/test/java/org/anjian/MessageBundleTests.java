package org.anjian;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Chinese and English bundles hold the same keys, templates use only keys that exist, and hold no bare text. */
class MessageBundleTests {

    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    static final Pattern STATIC_KEY = Pattern.compile("#\\{([A-Za-z][A-Za-z0-9_.]*)[}(]");
    static final Pattern CJK = Pattern.compile("[\\u4e00-\\u9fff]");
    /** An element's start tag followed by its text up to the next tag. */
    static final Pattern TAG_AND_TEXT = Pattern.compile("<([a-zA-Z][^<>]*)>([^<]*)");

    static Set<String> keys(String file) throws IOException {
        Properties p = new Properties();
        try (var in = new InputStreamReader(Files.newInputStream(Path.of("src/main/resources", file)), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return new TreeSet<>(p.stringPropertyNames());
    }

    static List<Path> templates() throws IOException {
        try (Stream<Path> s = Files.walk(TEMPLATES)) {
            return s.filter(f -> f.toString().endsWith(".html")).toList();
        }
    }

    @Test
    void chineseAndEnglishHaveTheSameKeys() throws IOException {
        Set<String> zh = keys("messages_zh_CN.properties");
        Set<String> en = keys("messages_en.properties");
        assertThat(zh).isNotEmpty();
        assertThat(en).as("keys missing in English").containsAll(zh);
        assertThat(zh).as("keys missing in Chinese").containsAll(en);
    }

    /** A key defined twice silently takes its last text: a label would show an error message. */
    @Test
    void noKeyIsDefinedTwice() throws IOException {
        for (String file : List.of("messages_zh_CN.properties", "messages_en.properties")) {
            List<String> seen = new ArrayList<>();
            List<String> twice = new ArrayList<>();
            for (String line : Files.readAllLines(Path.of("src/main/resources", file), StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#") || !line.contains("=")) {
                    continue;
                }
                String key = line.substring(0, line.indexOf('=')).trim();
                (seen.contains(key) ? twice : seen).add(key);
            }
            assertThat(twice).as(file).isEmpty();
        }
    }

    @Test
    void templatesUseOnlyExistingKeys() throws IOException {
        Set<String> zh = keys("messages_zh_CN.properties");
        List<String> missing = new ArrayList<>();
        for (Path t : templates()) {
            Matcher m = STATIC_KEY.matcher(Files.readString(t));
            while (m.find()) {
                if (!zh.contains(m.group(1))) {
                    missing.add(TEMPLATES.relativize(t) + ": " + m.group(1));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    /** Chinese text in a template is only a designer's placeholder that th:text replaces. */
    @Test
    void templatesHaveNoHardCodedText() throws IOException {
        List<String> bare = new ArrayList<>();
        for (Path t : templates()) {
            Matcher m = TAG_AND_TEXT.matcher(Files.readString(t));
            while (m.find()) {
                String tag = m.group(1);
                String text = m.group(2).trim();
                boolean replaced = tag.contains("th:text") || tag.contains("th:utext") || tag.contains("th:replace")
                        || tag.contains("th:errors");
                if (CJK.matcher(text).find() && !replaced) {
                    bare.add(TEMPLATES.relativize(t) + ": <" + tag + "> " + text);
                }
                Matcher attr = Pattern.compile("\\s(placeholder|title|aria-label)=\"([^\"]*)\"").matcher(tag);
                while (attr.find()) {
                    if (CJK.matcher(attr.group(2)).find()) {
                        bare.add(TEMPLATES.relativize(t) + ": " + attr.group(1) + "=" + attr.group(2));
                    }
                }
            }
        }
        assertThat(bare).isEmpty();
    }
}
