package org.anjian;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.anjian.shared.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.anjian.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 18: the auditor is read-only by construction. Every write the OpenAPI document describes and
 * every page form is refused (403) to a user whose only role is AUDITOR, before any controller runs;
 * the auditor still signs in and out, changes their own password, gives up their token and verifies
 * the audit chain.
 */
@AnjianIntegrationTest
class AuditorReadOnlyTest {

    /**
     * What an auditor may still send: their own session, password and token, the chain check, and the
     * calculators, which take a body, answer a result and store nothing, and the public's 12350 intake.
     */
    static final Set<String> AUDITOR_MAY = Set.of("POST /login", "POST /logout", "POST /account/password", "POST /audit/verify",
            "POST /api/v1/auth/token", "DELETE /api/v1/auth/token",
            "POST /api/v1/risk/lec", "POST /api/v1/risk/ls", "POST /api/v1/accidents/grading", "POST /risk/calculator/lec", "POST /risk/calculator/ls",
            "POST /api/v1/major-hazard-sources/assessment", "POST /major-hazard-sources/assessment",
            "POST /public/report", "POST /api/v1/public/reports");

    @Autowired MockMvc mvc;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    @Test
    void everyDocumentedWriteIsRefusedToTheAuditor() throws Exception {
        List<String> wrongs = new ArrayList<>();
        int tried = 0;
        for (OpenApiOperations.Operation op : OpenApiOperations.read(mvc)) {
            if (!op.isWrite() || AUDITOR_MAY.contains(op.toString())) {
                continue;
            }
            tried++;
            String path = op.expand(v -> UUID.randomUUID().toString());
            var req = request(op.method(), path).with(as(Role.AUDITOR)).contentType(MediaType.APPLICATION_JSON).content("{}");
            int status = mvc.perform(req).andReturn().getResponse().getStatus();
            if (status != 403) {
                wrongs.add(op + " → " + status);
            }
        }
        assertThat(tried).as("writes in the document").isGreaterThan(50);
        assertThat(wrongs).as("writes the auditor got past the security rule").isEmpty();
    }

    @Test
    void everyPageFormIsRefusedToTheAuditor() throws Exception {
        List<String> wrongs = new ArrayList<>();
        int tried = 0;
        for (var entry : mappings.getHandlerMethods().entrySet()) {
            var info = entry.getKey();
            for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                if (method == RequestMethod.GET || method == RequestMethod.HEAD || method == RequestMethod.OPTIONS) {
                    continue;
                }
                for (String pattern : info.getPatternValues()) {
                    if (pattern.startsWith("/api/") || pattern.contains("*") || AUDITOR_MAY.contains(method + " " + pattern)) {
                        continue;
                    }
                    tried++;
                    String path = OpenApiOperations.VARIABLE.matcher(pattern).replaceAll(UUID.randomUUID().toString());
                    try {
                        int status = mvc.perform(request(HttpMethod.valueOf(method.name()), path).with(as(Role.AUDITOR)).with(csrf()))
                                .andReturn().getResponse().getStatus();
                        if (status != 403) {
                            wrongs.add(method + " " + pattern + " → " + status);
                        }
                    } catch (Exception reachedTheController) {
                        wrongs.add(method + " " + pattern + " → " + reachedTheController.getClass().getSimpleName());
                    }
                }
            }
        }
        assertThat(tried).as("page forms").isGreaterThan(10);
        assertThat(wrongs).as("page forms the auditor got past the security rule").isEmpty();
    }

    @Test
    void theAuditorStillReadsVerifiesAndLeaves() throws Exception {
        assertThat(mvc.perform(get("/api/v1/audit/verify").with(as(Role.AUDITOR))).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(get("/api/v1/hazards").with(as(Role.AUDITOR))).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(request(HttpMethod.POST, "/audit/verify").with(as(Role.AUDITOR)).with(csrf())).andReturn().getResponse()
                .getStatus()).isNotEqualTo(403);
        assertThat(mvc.perform(request(HttpMethod.POST, "/logout").with(as(Role.AUDITOR)).with(csrf())).andReturn().getResponse()
                .getStatus()).isEqualTo(302);
        assertThat(mvc.perform(request(HttpMethod.DELETE, "/api/v1/auth/token").with(as(Role.AUDITOR))).andReturn().getResponse()
                .getStatus()).isNotEqualTo(403);
    }

    @Test
    void theRefusalNamesTheModulesReadOnlyRuleWhereThereIsOne() throws Exception {
        mvc.perform(request(HttpMethod.POST, "/api/v1/risk-points").with(as(Role.AUDITOR)).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.reason").value("risk.readOnly"));
        mvc.perform(request(HttpMethod.POST, "/api/v1/credit-records").with(as(Role.AUDITOR)).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.reason").value("identity.auditorReadOnly"));
    }

    @Test
    void anotherRoleStillWrites() throws Exception {
        // the rule is about the auditor, not about writes: an inspector reaches the controller (400 for an empty body)
        assertThat(mvc.perform(request(HttpMethod.POST, "/api/v1/hazards").with(as(Role.INSPECTOR)).contentType(MediaType.APPLICATION_JSON)
                .content("{}")).andReturn().getResponse().getStatus()).isEqualTo(400);
    }
}
