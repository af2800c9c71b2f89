package org.anjian.shared;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Modules add migrations in their own folders, often on parallel branches; two of one version make
 * Flyway refuse to start (it happened when permit and publicreport both took 202612021000). This
 * names the clash without starting a context.
 */
class MigrationVersionsTest {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Pattern NAME = Pattern.compile("V(\\d+)__(\\w+)\\.sql");

    @Test
    void everyMigrationHasAVersionOfItsOwn() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(MIGRATIONS)) {
            files = walk.filter(p -> p.getFileName().toString().endsWith(".sql")).toList();
        }
        assertThat(files).isNotEmpty();
        assertThat(files).as("migrations named V<version>__<module>_<what>.sql")
                .allMatch(p -> NAME.matcher(p.getFileName().toString()).matches());
        Map<String, List<String>> byVersion = files.stream().collect(Collectors.groupingBy(
                p -> version(p.getFileName().toString()), Collectors.mapping(p -> MIGRATIONS.relativize(p).toString(), Collectors.toList())));
        assertThat(byVersion.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getValue).toList())
                .as("migrations sharing a version").isEmpty();
    }

    private static String version(String fileName) {
        Matcher m = NAME.matcher(fileName);
        return m.matches() ? m.group(1) : fileName;
    }
}
