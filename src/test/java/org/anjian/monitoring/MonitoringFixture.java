package org.anjian.monitoring;

import com.jayway.jsonpath.JsonPath;
import java.util.UUID;
import org.anjian.organization.Region;
import org.anjian.shared.security.Role;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.anjian.TestUsers.as;
import static org.anjian.enterprise.EnterpriseTestData.newCreditCode;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Enterprises and sensors for the monitoring tests, made through the API as a user would. */
public final class MonitoringFixture {

    private MonitoringFixture() {
    }

    public static UUID enterprise(MockMvc mvc, Region town) throws Exception {
        String code = newCreditCode();
        String json = """
                {"creditCode":"%s","name":"重庆监测测试%s有限公司","legalRepresentative":"张三","address":"江津区测试路1号","phone":"023-47520000",
                 "latitude":%s,"longitude":%s,"townId":"%s","sector":"HAZCHEM","subSector":"HAZCHEM_STORAGE","scale":"ABOVE_SIZE",
                 "employees":80,"status":"PRODUCING","flags":[]}"""
                .formatted(code, code.substring(10, 14), town.latitude(), town.longitude(), town.id());
        String body = mvc.perform(post("/api/v1/enterprises").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return UUID.fromString(JsonPath.read(body, "$.id"));
    }

    /** A level sensor on a tank: H 80, HH 90, L 20, LL 10 (m... in %), reporting every 60 s, rate limit 5 %/min. */
    public static UUID levelSensor(MockMvc mvc, UUID enterpriseId, String code) throws Exception {
        String json = """
                {"enterpriseId":"%s","code":"%s","name":"1号储罐液位","kind":"LEVEL","unit":"%%","objectKind":"TANK","objectRef":"T-101 甲醇储罐",
                 "hh":90,"h":80,"l":20,"ll":10,"ratePerMinute":5,"intervalSeconds":60}""".formatted(enterpriseId, code);
        String body = mvc.perform(post("/api/v1/sensors").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return UUID.fromString(JsonPath.read(body, "$.id"));
    }
}
