package org.anjian.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every message key the enterprise module uses exists in both languages. */
class EnterpriseMessagesTest {

    static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (Reader r = new InputStreamReader(EnterpriseMessagesTest.class.getResourceAsStream("/" + name), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    @Test
    void bothBundlesHaveTheSameEnterpriseKeys() throws IOException {
        Set<String> zh = keys(load("messages_zh_CN.properties"));
        Set<String> en = keys(load("messages_en.properties"));
        assertThat(zh).isEqualTo(en);
    }

    @Test
    void everyLiteralKeyInTheModuleExists() throws IOException {
        Set<String> zh = load("messages_zh_CN.properties").stringPropertyNames();
        Set<String> used = new HashSet<>();
        Pattern template = Pattern.compile("#\\{((?:enterprise|shared|sector)\\.[A-Za-z0-9_.\\-]+)[}(]");
        Pattern java = Pattern.compile("\"(enterprise\\.[a-zA-Z]+\\.[A-Za-z0-9_.]*[A-Za-z0-9])\"");
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/resources/templates/enterprise")),
                Files.walk(Path.of("src/main/java/org/anjian/enterprise")))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(f);
                Matcher m = (f.toString().endsWith(".html") ? template : java).matcher(text);
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        used.removeIf(k -> k.endsWith("."));
        assertThat(used).isNotEmpty();
        assertThat(zh).containsAll(used);
    }

    private static Set<String> keys(Properties p) {
        Set<String> s = new HashSet<>();
        for (String k : p.stringPropertyNames()) {
            if (k.startsWith("enterprise.")) {
                s.add(k);
            }
        }
        return s;
    }
}
