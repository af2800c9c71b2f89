package org.anjian.chemical.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.anjian.chemical.domain.KeyProcessCatalogue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.json.JsonMapper;

/** Loads the catalogue of key supervised processes from its versioned data file. */
@Configuration(proxyBeanMethods = false)
public class KeyProcessConfig {

    public static final String KEY_PROCESSES = "chemical/key-processes-2013.json";

    /** The catalogue in a data file of the classpath; tests read the shipped file through this too. */
    public static KeyProcessCatalogue load(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return JsonMapper.builder().build().readValue(in, KeyProcessCatalogue.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    @Bean
    KeyProcessCatalogue keyProcessCatalogue() {
        return load(KEY_PROCESSES);
    }
}
