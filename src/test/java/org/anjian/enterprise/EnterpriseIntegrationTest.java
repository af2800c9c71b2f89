package org.anjian.enterprise;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * The whole application on a throw-away embedded PostgreSQL without demo data; the same
 * properties on every enterprise test so that they share one cached context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {"anjian.embedded-db.mode=test", "anjian.demo.enabled=false"})
@AutoConfigureMockMvc
public @interface EnterpriseIntegrationTest {
}
