package org.anjian.enterprise;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.anjian.AnjianIntegrationTest;

/** The enterprise tests run in the same cached application context as every other integration test. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@AnjianIntegrationTest
public @interface EnterpriseIntegrationTest {
}
