package org.anjian.governance;

import static org.anjian.TestUsers.as;
import static org.anjian.enterprise.EnterpriseTestData.newCreditCode;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.UUID;
import org.anjian.organization.Region;
import org.anjian.shared.security.Role;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Enterprises and problems for the governance tests, made through the API as the district would. */
final class GovernanceTestData {

    private GovernanceTestData() {
    }

    static UUID enterprise(MockMvc mvc, Region town, String sector, String subSector) throws Exception {
        String code = newCreditCode();
        String json = mvc.perform(post("/api/v1/enterprises").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"creditCode":"%s","name":"重庆问题清单测试%s有限公司","legalRepresentative":"张三","address":"江津区测试路1号","phone":"023-47520000",
                         "latitude":%s,"longitude":%s,"townId":"%s","sector":"%s","subSector":"%s","scale":"ABOVE_SIZE","employees":120,
                         "status":"PRODUCING","flags":[]}""".formatted(code, code.substring(10, 14), town.latitude(), town.longitude(), town.id(), sector,
                        subSector)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return UUID.fromString(JsonPath.read(json, "$.id"));
    }
}
