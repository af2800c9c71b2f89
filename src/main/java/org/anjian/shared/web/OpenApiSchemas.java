package org.anjian.shared.web;

import com.fasterxml.jackson.databind.JavaType;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.time.YearMonth;
import java.util.Iterator;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document describes what the server reads. Two central rules:
 * <ul>
 *   <li>A nested type's schema is named after its enclosing types ({@code DutiesService.PersonForm}),
 *   so two request records of the same simple name in different services never share (and
 *   overwrite) one schema, which made the key-person and inspection-expert schemas wrong.</li>
 *   <li>A {@link YearMonth} is documented as the {@code 2026-11} string it is read from.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class OpenApiSchemas {

    static {
        SpringDocUtils.getConfig().replaceWithSchema(YearMonth.class,
                new StringSchema().pattern("^\\d{4}-(0[1-9]|1[0-2])$").example("2026-11").description("year and month, yyyy-MM"));
    }

    @Bean
    ModelConverter nestedSchemaNames() {
        return new NestedSchemaNames();
    }

    static final class NestedSchemaNames implements ModelConverter {
        @Override
        public Schema<?> resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
            if ((type.getName() == null || type.getName().isBlank()) && type.getType() != null) {
                JavaType java = Json.mapper().constructType(type.getType());
                Class<?> raw = java.getRawClass();
                if (!java.isContainerType() && raw.getEnclosingClass() != null && raw.getName().startsWith("org.anjian.")
                        && raw.getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class) == null) {
                    type.name(nestedName(raw));
                }
            }
            return chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
        }

        static String nestedName(Class<?> type) {
            StringBuilder name = new StringBuilder(type.getSimpleName());
            for (Class<?> outer = type.getEnclosingClass(); outer != null; outer = outer.getEnclosingClass()) {
                name.insert(0, outer.getSimpleName() + ".");
            }
            return name.toString();
        }
    }
}
