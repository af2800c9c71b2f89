package org.anjian.enterprise;

import org.anjian.AnjianApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The enterprise module depends on shared and organization only, and nobody reaches into its internals. */
class EnterpriseModularityTest {

    @Test
    void modulesVerify() {
        ApplicationModules.of(AnjianApplication.class).verify();
    }
}
