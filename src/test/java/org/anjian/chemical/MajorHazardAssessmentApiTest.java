package org.anjian.chemical;

import org.anjian.AnjianIntegrationTest;
import org.anjian.shared.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.anjian.TestUsers.as;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** POST /api/v1/major-hazard-sources/assessment reproduces GB 18218-2018 4.2–4.3 at its boundaries. */
@AnjianIntegrationTest
class MajorHazardAssessmentApiTest {

    static final String URL = "/api/v1/major-hazard-sources/assessment";

    @Autowired MockMvc mvc;

    ResultActions assess(String units) throws Exception {
        return mvc.perform(post(URL).with(as(Role.ENTERPRISE_USER)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"units\":" + units + "}"));
    }

    @Test
    void ammoniaJustUnderTenTonnesIsNotMajor() throws Exception {
        // 表1 氨 Q = 10 t: S = 9.99/10 = 0.999 < 1
        assess("[{\"substances\":[{\"name\":\"氨\",\"tonnes\":9.99}],\"peopleWithin500m\":10}]")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.units[0].s").value(0.999))
                .andExpect(jsonPath("$.units[0].major").value(false))
                .andExpect(jsonPath("$.units[0].grade").value(nullValue()));
    }

    @Test
    void eachUnitIsAssessedOnItsOwnAtTheGradeLimits() throws Exception {
        // unit 0: 表1 氨 Q = 10, 表3 β = 2, 表5 α(10) = 1.0 → R = 10 → 三级
        // unit 1: 表1 硫化氢 Q = 5, 表3 β = 5, 表5 α(1) = 1.0 → R = 50 → 二级
        // unit 2: 表1 碳酰氯 Q = 0.3, 表3 β = 20, 表5 α(100) = 2.0 → R = 100 → 一级 (found by CAS 75-44-5)
        assess("""
                [{"substances":[{"name":"氨","tonnes":50}],"peopleWithin500m":10},
                 {"substances":[{"name":"硫化氢","tonnes":50}],"peopleWithin500m":1},
                 {"substances":[{"cas":"75-44-5","tonnes":0.75}],"peopleWithin500m":100}]""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.units[0].r").value(10.0))
                .andExpect(jsonPath("$.units[0].grade").value(3))
                .andExpect(jsonPath("$.units[0].gradeLabel").value("三级"))
                .andExpect(jsonPath("$.units[1].r").value(50.0))
                .andExpect(jsonPath("$.units[1].grade").value(2))
                .andExpect(jsonPath("$.units[2].alpha").value(2.0))
                .andExpect(jsonPath("$.units[2].r").value(100.0))
                .andExpect(jsonPath("$.units[2].grade").value(1))
                .andExpect(jsonPath("$.units[2].terms[0].substance").value("碳酰氯"))
                .andExpect(jsonPath("$.units[2].terms[0].q").value(0.75))
                .andExpect(jsonPath("$.units[2].terms[0].criticalQuantity").value(0.3))
                .andExpect(jsonPath("$.units[2].terms[0].beta").value(20.0))
                .andExpect(jsonPath("$.units[2].terms[0].ratio").value(2.5));
    }

    @Test
    void severalSubstancesAndOneKnownOnlyByItsClass() throws Exception {
        // 表1 甲醇 Q = 500 (表4 W5.3 β = 1), 表2 W7.1 Q = 10 (表4 β = 1.5), 表5 α(0) = 0.5
        // S = 250/500 + 5/10 = 1 → major; R = 0.5·(0.5 + 1.5·0.5) = 0.625 → 四级
        assess("""
                [{"substances":[{"name":"甲醇","tonnes":250},{"name":"某有机过氧化物","hazardClass":"W7.1","tonnes":5}],
                  "peopleWithin500m":0}]""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.units[0].s").value(1.0))
                .andExpect(jsonPath("$.units[0].major").value(true))
                .andExpect(jsonPath("$.units[0].alpha").value(0.5))
                .andExpect(jsonPath("$.units[0].r").value(0.625))
                .andExpect(jsonPath("$.units[0].grade").value(4))
                .andExpect(jsonPath("$.units[0].terms[1].criticalQuantity").value(10.0))
                .andExpect(jsonPath("$.units[0].terms[1].beta").value(1.5));
    }

    @Test
    void anUnknownSubstanceAndNegativeTonnesAreNamedField() throws Exception {
        assess("""
                [{"substances":[{"name":"氨","tonnes":1},{"name":"某未知物","tonnes":1},{"name":"氯","tonnes":-1}],
                  "peopleWithin500m":5}]""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("units[0].substances[1].name")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("units[0].substances[2].tonnes")));
    }

    @Test
    void anUnknownHazardClassAndNegativePeopleAreNamed() throws Exception {
        assess("[{\"substances\":[{\"name\":\"某物\",\"hazardClass\":\"W42\",\"tonnes\":1}],\"peopleWithin500m\":-1}]")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("units[0].substances[0].hazardClass")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("units[0].peopleWithin500m")));
    }
}
