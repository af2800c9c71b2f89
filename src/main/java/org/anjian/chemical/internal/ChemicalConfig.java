package org.anjian.chemical.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.anjian.chemical.domain.AlphaBand;
import org.anjian.chemical.domain.Gb18218Tables;
import org.anjian.chemical.domain.GradeBand;
import org.anjian.chemical.domain.HazardCategory;
import org.anjian.chemical.domain.MajorHazardIdentification;
import org.anjian.chemical.domain.NamedSubstance;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.json.JsonMapper;

/** Loads the standard's tables from the versioned data file and makes the rule a bean. */
@Configuration(proxyBeanMethods = false)
public class ChemicalConfig {

    public static final String TABLES = "chemical/gb18218-2018.json";

    record TablesFile(String version, String source, List<NamedSubstance> table1, List<HazardCategory> table2,
                      List<AlphaBand> table5, List<GradeBand> grades) {
    }

    /** The tables in a data file of the classpath; tests read the shipped file through this too. */
    public static Gb18218Tables load(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            TablesFile file = JsonMapper.builder().build().readValue(in, TablesFile.class);
            return new Gb18218Tables(file.version(), file.table1(), file.table2(), file.table5(), file.grades());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    @Bean
    MajorHazardIdentification majorHazardIdentification() {
        return new MajorHazardIdentification(load(TABLES));
    }
}
