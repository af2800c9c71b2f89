package org.anjian.shared;

import org.anjian.AnjianIntegrationTest;
import org.anjian.shared.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.anjian.TestUsers.as;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Bad input on the API answers RFC 9457 problem details, with the fields at fault, in Chinese by default. */
@AnjianIntegrationTest
class ProblemDetailsTest {

    @Autowired MockMvc mvc;

    @Test
    void malformedJsonIsABadRequest() throws Exception {
        mvc.perform(post("/api/v1/users").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON).content("{\"username\":"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.reason").value("shared.unreadable"))
                .andExpect(jsonPath("$.detail").value("请求体无法解析（JSON 格式或字段类型错误）"));
    }

    @Test
    void aFieldOfTheWrongTypeIsNamed() throws Exception {
        mvc.perform(post("/api/v1/regions").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"500116999000\",\"name\":\"x\",\"kind\":\"TOWN\",\"latitude\":\"north\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("latitude"));
    }

    @Test
    void anUnknownFieldIsRefused() throws Exception {
        mvc.perform(post("/api/v1/regions").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"500116999000\",\"nmae\":\"typo\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.reason").value("shared.unreadable"));
    }

    @Test
    void anOversizedBodyIsRefusedBeforeItIsRead() throws Exception {
        String big = "{\"name\":\"" + "x".repeat(1_100_000) + "\"}";
        mvc.perform(post("/api/v1/regions").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON).content(big))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.reason").value("shared.tooLarge"));
    }

    @Test
    void validationErrorsNameEachFieldInChinese() throws Exception {
        mvc.perform(post("/api/v1/users").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"a\",\"displayName\":\"\",\"password\":\"short\",\"roles\":[]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("username")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("password")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("roles")))
                .andExpect(jsonPath("$.errors[*].message", hasItem("密码至少 8 位")));
    }

    @Test
    void englishIsAvailable() throws Exception {
        mvc.perform(post("/api/v1/users").param("lang", "en").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"abc\",\"displayName\":\"A\",\"password\":\"short\",\"roles\":[\"EXPERT\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("At least 8 characters"));
    }

    @Test
    void anUnknownIdIsNotFoundAsProblemDetails() throws Exception {
        mvc.perform(get("/api/v1/users/00000000-0000-0000-0000-000000000000").with(as(Role.DISTRICT_ADMIN)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.status").value(404));
    }

    @Test
    void aMalformedIdIsABadRequestNamingTheParameter() throws Exception {
        mvc.perform(get("/api/v1/users/not-a-uuid").with(as(Role.DISTRICT_ADMIN)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("id"));
    }

    @Test
    void listsPageWithItemsAndTotal() throws Exception {
        mvc.perform(get("/api/v1/users").param("page", "0").param("size", "1").with(as(Role.DISTRICT_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items").isArray())
                .andExpect(jsonPath("$.total").isNumber())
                .andExpect(jsonPath("$.size").value(1));
    }
}
