package org.anjian.chemical;

import org.anjian.AnjianIntegrationTest;
import org.anjian.shared.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.anjian.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The calculator page gives the same GB 18218-2018 answer as the API. */
@AnjianIntegrationTest
class AssessmentPageTest {

    @Autowired MockMvc mvc;

    @Test
    void fiftyTonnesOfAmmoniaWithTenPeopleNearbyIsGradeThree() throws Exception {
        // 表1 氨 Q = 10 t, 表3 β = 2, 表5 1～29人 α = 1.0 → R = 10 → 三级
        String page = mvc.perform(post("/major-hazard-sources/assessment").with(as(Role.ENTERPRISE_USER)).with(csrf())
                        .param("name", "氨", "", "", "", "").param("hazardClass", "", "", "", "", "").param("tonnes", "50", "", "", "", "")
                        .param("people", "10"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"assessment-result\"").contains("三级").contains("表3 氨");
    }

    @Test
    void anUnknownSubstanceIsExplainedInChinese() throws Exception {
        String page = mvc.perform(post("/major-hazard-sources/assessment").with(as(Role.ENTERPRISE_USER)).with(csrf())
                        .param("name", "某未知物").param("hazardClass", "").param("tonnes", "5").param("people", "0"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"assessment-problems\"").contains("不在GB 18218-2018表1中");
    }
}
