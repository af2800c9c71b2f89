package org.anjian.risk;

import org.anjian.AnjianIntegrationTest;
import org.anjian.shared.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.anjian.TestUsers.as;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The calculators of DP-1 and the grading of ACC-1 on the API. */
@AnjianIntegrationTest
class RiskAndGradingApiTest {

    @Autowired MockMvc mvc;

    ResultActions post(String path, String json) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path).with(as(Role.ENTERPRISE_USER))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @Test
    void lecAnswersTheProductAndItsLevel() throws Exception {
        post("/api/v1/risk/lec", "{\"l\":6,\"e\":6,\"c\":15}").andExpect(status().isOk())
                .andExpect(content().json("{\"d\":540,\"level\":\"MAJOR\"}", org.springframework.test.json.JsonCompareMode.STRICT));
        post("/api/v1/risk/lec", "{\"l\":0.1,\"e\":0.5,\"c\":1}").andExpect(jsonPath("$.d").value(0.05)).andExpect(jsonPath("$.level").value("LOW"));
    }

    @Test
    void lecRefusesValuesOutsideTheTables() throws Exception {
        post("/api/v1/risk/lec", "{\"l\":5,\"e\":6,\"c\":15}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("l"));
        post("/api/v1/risk/lec", "{\"l\":6,\"e\":6}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("c"));
    }

    @Test
    void lsAnswersTheProductAndItsLevel() throws Exception {
        post("/api/v1/risk/ls", "{\"likelihood\":3,\"severity\":3}").andExpect(status().isOk())
                .andExpect(jsonPath("$.r").value(9)).andExpect(jsonPath("$.level").value("HIGH"));
        post("/api/v1/risk/ls", "{\"likelihood\":2,\"severity\":4}").andExpect(jsonPath("$.level").value("GENERAL"));
        post("/api/v1/risk/ls", "{\"likelihood\":0,\"severity\":6}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("likelihood"))
                .andExpect(jsonPath("$.errors[1].field").value("severity"));
    }

    @Test
    void gradingAnswersTheDecree493Grade() throws Exception {
        post("/api/v1/accidents/grading", "{\"deaths\":2,\"seriousInjuries\":9,\"directLossYuan\":9999999}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.grade").value("ORDINARY"));
        post("/api/v1/accidents/grading", "{\"deaths\":3,\"seriousInjuries\":0,\"directLossYuan\":0}")
                .andExpect(jsonPath("$.grade").value("LARGER"));
        post("/api/v1/accidents/grading", "{\"deaths\":0,\"seriousInjuries\":0,\"directLossYuan\":100000000}")
                .andExpect(jsonPath("$.grade").value("EXTRAORDINARY"));
        post("/api/v1/accidents/grading", "{\"deaths\":9,\"missing\":1,\"seriousInjuries\":0,\"directLossYuan\":0}")
                .andExpect(jsonPath("$.grade").value("MAJOR"));
    }

    @Test
    void gradingRefusesNegativeFigures() throws Exception {
        post("/api/v1/accidents/grading", "{\"deaths\":-1,\"seriousInjuries\":0,\"directLossYuan\":-5}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("deaths"))
                .andExpect(jsonPath("$.errors[0].message").value("不能为负数"))
                .andExpect(jsonPath("$.errors[1].field").value("directLossYuan"));
    }
}
