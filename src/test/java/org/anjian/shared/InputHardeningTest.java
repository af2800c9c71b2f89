package org.anjian.shared;

import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.anjian.AnjianIntegrationTest;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.shared.security.Role;
import org.anjian.shared.web.PageRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.anjian.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 18, defects 4 and 6: no input answers 500, and every {@code /api/v1} answer is a problem
 * naming what was wrong. The rules are central (paging, the NUL guard, body validation, the fallback
 * for paths no controller serves), so these tests go through the OpenAPI document where they can.
 */
@AnjianIntegrationTest
class InputHardeningTest {

    @Autowired MockMvc mvc;
    @Autowired OrganizationDirectory organization;

    /** Every documented GET list that takes {@code page}, without path variables. */
    List<String> pagedLists() throws Exception {
        String doc = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Map<String, Map<String, Object>> paths = JsonPath.read(doc, "$.paths");
        List<String> lists = new ArrayList<>();
        paths.forEach((path, ops) -> {
            if (path.contains("{") || !(ops.get("get") instanceof Map<?, ?> op)) {
                return;
            }
            Object params = op.get("parameters");
            if (params instanceof List<?> list && list.stream().anyMatch(p -> p instanceof Map<?, ?> m && "page".equals(m.get("name")))) {
                lists.add(path);
            }
        });
        return lists;
    }

    @Test
    void anAbsurdPageOnEveryListIsABadRequestNamingPage() throws Exception {
        List<String> lists = pagedLists();
        assertThat(lists).contains("/api/v1/enterprises", "/api/v1/hazards", "/api/v1/accidents", "/api/v1/public/penalty-decisions");
        for (String path : lists) {
            // as the first role that may read the list (the audit log is not the district administrator's)
            Role reader = null;
            for (Role role : Role.values()) {
                int answer = mvc.perform(get(path).with(as(role))).andReturn().getResponse().getStatus();
                if (answer == 200) {
                    reader = role;
                    break;
                }
            }
            assertThat(reader).as("a role that may read " + path).isNotNull();
            mvc.perform(get(path).param("page", String.valueOf(Integer.MAX_VALUE)).param("size", "200").with(as(reader)))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[0].field").value("page"));
        }
    }

    @Test
    void thePublicListsRefuseAnAbsurdPageWithoutSigningIn() throws Exception {
        mvc.perform(get("/api/v1/public/penalty-decisions").param("page", String.valueOf(Integer.MAX_VALUE)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("page"));
        mvc.perform(get("/public/enforcement").param("page", String.valueOf(Integer.MAX_VALUE)))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theLastPageThatFitsStillAnswers() throws Exception {
        mvc.perform(get("/api/v1/public/penalty-decisions").param("page", String.valueOf(PageRequest.MAX_PAGE)).param("size", "200"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items.length()").value(0));
    }

    @Test
    void aNulInAQueryParameterIsRefusedNamingIt() throws Exception {
        mvc.perform(get("/api/v1/enterprises").param("q", "江津\u0000").with(as(Role.DISTRICT_ADMIN)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("q"));
        mvc.perform(get("/api/v1/public/penalty-decisions").param("year", "\u0000"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("year"));
    }

    @Test
    void aNulInAJsonFieldIsRefusedNamingIt() throws Exception {
        mvc.perform(post("/api/v1/regions").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"500116999001\",\"name\":\"新镇\\u0000\",\"kind\":\"TOWN\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
    }

    @Test
    void aNulInAFormPostIsRefusedNamingTheField() throws Exception {
        mvc.perform(post("/organization/regions").with(as(Role.DISTRICT_ADMIN)).with(csrf())
                        .param("code", "500116999002").param("name", "新镇\u0000").param("kind", "TOWN"))
                .andExpect(status().isBadRequest())
                .andExpect(status().reason(org.hamcrest.Matchers.containsString("name")));
    }

    @Test
    void aLossBeyondTheColumnIsABadRequestNamingTheField() throws Exception {
        String town = organization.regionByName("双福街道").orElseThrow().id().toString();
        String accident = """
                {"townId":"%s","sector":"OTHER","type":"DROWNING","place":"长江","occurredAt":"2026-11-30T02:00:00Z","deaths":0,
                 "seriousInjuries":0,"directLossYuan":%s,"summary":"溺水"}""";
        mvc.perform(post("/api/v1/accidents").with(as(Role.INSPECTOR)).contentType(MediaType.APPLICATION_JSON).content(accident.formatted(town, "1e30")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("directLossYuan"));
        mvc.perform(post("/api/v1/accidents/grading").with(as(Role.INSPECTOR)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"deaths\":0,\"seriousInjuries\":0,\"directLossYuan\":1e30}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("directLossYuan"));
        mvc.perform(post("/api/v1/accidents/grading").with(as(Role.INSPECTOR)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"deaths\":0,\"seriousInjuries\":0,\"directLossYuan\":99999999999999.99}"))
                .andExpect(status().isOk());
    }

    @Test
    void anUnknownApiPathIsANotFoundProblem() throws Exception {
        mvc.perform(get("/api/v1/no-such-thing").with(as(Role.DISTRICT_ADMIN)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.title").value("未找到"));
    }

    @Test
    void aMethodTheApiDoesNotTakeIsAProblem() throws Exception {
        mvc.perform(delete("/api/v1/regions").with(as(Role.DISTRICT_ADMIN)))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(405));
    }

    @Test
    void aBodyTypeTheApiDoesNotReadIsAProblem() throws Exception {
        mvc.perform(post("/api/v1/regions").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.TEXT_PLAIN).content("hello"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(415));
    }

    @Test
    void anAnswerTypeTheApiCannotGiveIsAProblem() throws Exception {
        mvc.perform(get("/api/v1/users").accept(MediaType.APPLICATION_XML).with(as(Role.DISTRICT_ADMIN)))
                .andExpect(status().isNotAcceptable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(406));
    }
}
