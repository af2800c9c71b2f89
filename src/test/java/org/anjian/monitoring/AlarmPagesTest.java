package org.anjian.monitoring;

import java.util.List;
import java.util.UUID;
import org.anjian.AnjianIntegrationTest;
import org.anjian.MutableClock;
import org.anjian.monitoring.internal.Ingestion;
import org.anjian.monitoring.internal.Ingestion.ReadingInput;
import org.anjian.monitoring.internal.Ingestion.Sender;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.DataScope;
import org.anjian.shared.security.Role;
import org.anjian.shared.security.ScopeKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.anjian.TestUsers.as;
import static org.anjian.TestUsers.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The alarm pages: the district's list, and the enterprise replying on the alarm's page (the same service as the API). */
@AnjianIntegrationTest
class AlarmPagesTest {

    @Autowired MockMvc mvc;
    @Autowired OrganizationDirectory organization;
    @Autowired Ingestion ingestion;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;

    @Test
    void theDistrictSeesTheAlarmAndTheEnterpriseRepliesOnItsPage() throws Exception {
        UUID enterprise = MonitoringFixture.enterprise(mvc, organization.regionByName("双福街道").orElseThrow());
        String code = "LT-" + UUID.randomUUID().toString().substring(0, 8);
        MonitoringFixture.levelSensor(mvc, enterprise, code);
        ingestion.ingest(new Sender("http", enterprise, e -> e.equals(enterprise)), List.of(new ReadingInput(code, clock.instant(), 93.0, "%")));
        UUID alarm = jdbc.sql("select a.id from monitoring_alarm a join monitoring_sensor s on s.id = a.sensor_id where s.code = :c")
                .param("c", code).query(UUID.class).single();
        String list = mvc.perform(get("/monitoring/alarms").with(as(Role.DISTRICT_ADMIN))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(list).contains("监测报警").contains(code).contains("超高限 HH").contains("monitoring-alarms.js")
                .contains("action=\"/monitoring/bulletin\"", "type=\"month\"");
        AnjianUser owner = user(Role.ENTERPRISE_USER, DataScope.of(ScopeKind.ENTERPRISE, enterprise));
        String empty = mvc.perform(post("/monitoring/alarms/{id}/acknowledge", alarm).param("text", " ").with(as(owner)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(empty).contains("请填写内容（1000字以内）");
        mvc.perform(post("/monitoring/alarms/{id}/acknowledge", alarm).param("text", "已关闭进料阀").with(as(owner)).with(csrf()))
                .andExpect(redirectedUrl("/monitoring/alarms/" + alarm));
        String page = mvc.perform(get("/monitoring/alarms/{id}", alarm).with(as(owner))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("已关闭进料阀").contains("已响应").contains("提交处置");
        AnjianUser stranger = user(Role.ENTERPRISE_USER, DataScope.of(ScopeKind.ENTERPRISE, UUID.randomUUID()));
        mvc.perform(get("/monitoring/alarms/{id}", alarm).with(as(stranger))).andExpect(status().isNotFound());
    }
}
