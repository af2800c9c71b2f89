package org.anjian;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * AnJian, the district safety-production supervision platform (区县安全生产综合监管平台).
 * A modular monolith: one package per business module under {@code org.anjian}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AnjianApplication {

    public static void main(String[] args) {
        SpringApplication.run(AnjianApplication.class, args);
    }
}
