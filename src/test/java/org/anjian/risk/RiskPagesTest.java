package org.anjian.risk;

import com.jayway.jsonpath.JsonPath;
import java.util.UUID;
import org.anjian.AnjianIntegrationTest;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.organization.Region;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.DataScope;
import org.anjian.shared.security.Role;
import org.anjian.shared.security.ScopeKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.anjian.TestUsers.as;
import static org.anjian.TestUsers.user;
import static org.anjian.enterprise.EnterpriseTestData.newCreditCode;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** DP-1 pages: calculators answering fragments, the four-colour pictures, the post's cards edited on a form. */
@AnjianIntegrationTest
class RiskPagesTest {

    @Autowired MockMvc mvc;
    @Autowired OrganizationDirectory organization;

    Region town;
    UUID enterprise;
    AnjianUser owner;

    @BeforeEach
    void anEnterpriseWithAMajorRiskAndAPost() throws Exception {
        town = organization.regionByName("双福街道").orElseThrow();
        String code = newCreditCode();
        String body = mvc.perform(post("/api/v1/enterprises").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"creditCode":"%s","name":"重庆四色图测试%s有限公司","legalRepresentative":"张三","address":"江津区测试路1号",
                         "phone":"023-47520000","latitude":29.39,"longitude":106.29,"townId":"%s","sector":"INDUSTRY_TRADE",
                         "subSector":"MACHINERY","scale":"ABOVE_SIZE","employees":80,"status":"PRODUCING","flags":[]}"""
                        .formatted(code, code.substring(10, 14), town.id())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        enterprise = UUID.fromString(JsonPath.read(body, "$.id"));
        owner = user(Role.ENTERPRISE_USER, DataScope.of(ScopeKind.ENTERPRISE, enterprise));
        mvc.perform(post("/api/v1/risk-points").with(as(owner)).contentType(MediaType.APPLICATION_JSON).content("""
                {"enterpriseId":"%s","unitName":"熔炼车间","name":"中频炉熔炼","kind":"PLACE","hazardousFactors":["高温熔融金属遇水"],
                 "method":"LS","likelihood":4,"severity":5,
                 "controlMeasures":[{"type":"ENGINEERING","description":"炉体冷却水压力联锁"},{"type":"EMERGENCY","description":"漏炉时撤离并用干砂覆盖"}],
                 "responsibleLevel":"COMPANY","responsiblePerson":"刘总"}""".formatted(enterprise))).andExpect(status().isCreated());
    }

    @Test
    void theCalculatorsAnswerAColouredFragment() throws Exception {
        mvc.perform(get("/risk/calculator").with(as(Role.ENTERPRISE_USER))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("hx-post=\"/risk/calculator/lec\""), containsString("风险评价计算器"))));
        mvc.perform(post("/risk/calculator/lec").with(as(Role.TOWN_OFFICIAL)).with(csrf()).param("l", "3").param("e", "6").param("c", "15"))
                .andExpect(status().isOk()).andExpect(content().string(allOf(containsString("D = 270"), containsString("较大风险"),
                        containsString("risk-HIGH"), containsString("车间级"), not(containsString("<html")))));
        mvc.perform(post("/risk/calculator/ls").with(as(Role.TOWN_OFFICIAL)).with(csrf()).param("likelihood", "4").param("severity", "5"))
                .andExpect(content().string(allOf(containsString("R = 20"), containsString("重大风险"), containsString("risk-MAJOR"))));
        mvc.perform(post("/risk/calculator/lec").with(as(Role.TOWN_OFFICIAL)).with(csrf()).param("l", "5").param("e", "6").param("c", "15"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("L（事故发生的可能性）须取")));
    }

    @Test
    void anEnterpriseSeesItsFourColourPictureAndOthersDoNot() throws Exception {
        mvc.perform(get("/risk").with(as(owner))).andExpect(redirectedUrl("/risk/enterprises/" + enterprise));
        mvc.perform(get("/risk/enterprises/" + enterprise).with(as(owner))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("熔炼车间"), containsString("中频炉熔炼"),
                        containsString("data-level=\"MAJOR\" data-count=\"1\""), containsString("risk-border-MAJOR"))));
        AnjianUser other = user(Role.ENTERPRISE_USER, DataScope.of(ScopeKind.ENTERPRISE, UUID.randomUUID()));
        mvc.perform(get("/risk/enterprises/" + enterprise).with(as(other))).andExpect(status().isNotFound());
        mvc.perform(get("/risk/enterprises/" + enterprise).with(as(Role.SYSTEM_ADMIN))).andExpect(status().isForbidden());
    }

    @Test
    void theDistrictMapColoursTownsByTheirHighestLevel() throws Exception {
        mvc.perform(get("/risk").with(as(Role.INSPECTOR))).andExpect(redirectedUrl("/risk/map"));
        mvc.perform(get("/risk/map").with(as(Role.INSPECTOR))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("echarts.min.js"), containsString("leaflet.js"),
                        containsString("data-id=\"" + enterprise + "\""))));
        mvc.perform(get("/risk/map/data").with(as(Role.INSPECTOR))).andExpect(status().isOk())
                .andExpect(jsonPath("$.towns[?(@.id=='%s')].highest".formatted(town.id())).value("MAJOR"))
                .andExpect(jsonPath("$.towns[?(@.id=='%s')].colour".formatted(town.id())).value("#e3000f"))
                .andExpect(jsonPath("$.levels.length()").value(4))
                .andExpect(jsonPath("$.enterprises[?(@.id=='%s')].highest".formatted(enterprise)).value("MAJOR"))
                .andExpect(jsonPath("$.enterprises[?(@.id=='%s')].colour".formatted(enterprise)).value("#e3000f"));
        Region degan = organization.regionByName("德感街道").orElseThrow();
        mvc.perform(get("/risk/map/data").with(as(user(Role.TOWN_OFFICIAL, DataScope.of(ScopeKind.REGION, degan.id())))))
                .andExpect(jsonPath("$.towns[?(@.id=='%s')]".formatted(town.id())).isEmpty())
                .andExpect(jsonPath("$.enterprises[?(@.id=='%s')]".formatted(enterprise)).isEmpty());
    }

    @Test
    void aPostsCardsAreEditedOnAFormOneEntryPerLine() throws Exception {
        String body = mvc.perform(post("/api/v1/risk-points/posts").with(as(owner)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"enterpriseId\":\"%s\",\"name\":\"熔炼工\"}".formatted(enterprise)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String postId = JsonPath.read(body, "$.id");
        mvc.perform(post("/risk/posts/" + postId).with(as(owner)).with(csrf()).param("name", "熔炼工").param("workshop", "熔炼车间")
                        .param("duties", "执行熔炼操作规程\n\n  检查冷却水  \n").param("emergencyContacts", "火警 119"))
                .andExpect(redirectedUrl("/risk/posts/" + postId + "?saved=true"));
        mvc.perform(get("/api/v1/risk-points/posts/" + postId).with(as(owner)))
                .andExpect(jsonPath("$.post.duties.length()").value(2)).andExpect(jsonPath("$.post.duties[1]").value("检查冷却水"));
        mvc.perform(post("/risk/posts/" + postId).with(as(owner)).with(csrf()).param("name", " "))
                .andExpect(status().isOk()).andExpect(content().string(allOf(containsString("is-invalid"), containsString("必填"))));
        mvc.perform(get("/risk/posts/" + postId).with(as(Role.AUDITOR))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("执行熔炼操作规程"), not(containsString("id=\"post-form\"")))));
        mvc.perform(get("/risk/posts/" + postId + "/cards.pdf").with(as(owner))).andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF));
    }

    @Test
    void aRiskPointIsRegisteredReassessedAndRetiredOnTheForm() throws Exception {
        mvc.perform(get("/risk/enterprises/" + enterprise + "/points/new").with(as(owner))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("name=\"hazardousFactors\""), containsString("hx-post=\"/risk/calculator/lec\""))));
        mvc.perform(get("/risk/enterprises/" + enterprise + "/points/new").with(as(Role.AUDITOR))).andExpect(status().isForbidden());
        // a general risk (LS 2 x 3 = 6) left to the post is refused beside its field, and what was typed stays
        mvc.perform(post("/risk/enterprises/" + enterprise + "/points").with(as(owner)).with(csrf())
                        .param("unitName", "装配车间").param("name", "行车吊装").param("kind", "ACTIVITY").param("hazardousFactors", "钢丝绳断股")
                        .param("method", "LS").param("likelihood", "2").param("severity", "3").param("l", "10")
                        .param("training", "持证上岗").param("responsibleLevel", "POST").param("responsiblePerson", "李班长"))
                .andExpect(status().isOk()).andExpect(content().string(allOf(containsString("is-invalid"),
                        containsString("一般风险须由班组级及以上管控"), containsString("钢丝绳断股"))));
        mvc.perform(post("/risk/enterprises/" + enterprise + "/points").with(as(owner)).with(csrf())
                        .param("unitName", "装配车间").param("name", "行车吊装").param("kind", "ACTIVITY").param("hazardousFactors", "钢丝绳断股\n限位失效")
                        .param("method", "LS").param("likelihood", "2").param("severity", "3")
                        .param("training", "持证上岗").param("ppe", "佩戴安全帽").param("responsibleLevel", "TEAM").param("responsiblePerson", "李班长"))
                .andExpect(redirectedUrl("/risk/enterprises/" + enterprise));
        String body = mvc.perform(get("/api/v1/risk-points").param("enterpriseId", enterprise.toString()).param("level", "GENERAL").with(as(owner)))
                .andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.items[0].assessment.score").value(6))
                .andExpect(jsonPath("$.items[0].hazardousFactors.length()").value(2))
                .andExpect(jsonPath("$.items[0].controlMeasures.length()").value(2)).andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(body, "$.items[0].id");
        mvc.perform(get("/risk/points/" + id + "/edit").with(as(owner))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("限位失效"), containsString("value=\"李班长\""))));
        mvc.perform(post("/risk/points/" + id + "/retire").with(as(owner)).with(csrf())).andExpect(redirectedUrl("/risk/enterprises/" + enterprise));
        mvc.perform(get("/api/v1/risk-points/" + id).with(as(owner))).andExpect(jsonPath("$.retired").value(true));
    }
}
