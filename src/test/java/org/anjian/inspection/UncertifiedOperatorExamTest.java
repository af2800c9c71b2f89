package org.anjian.inspection;

import static org.anjian.Eventually.eventually;
import static org.anjian.TestUsers.as;
import static org.anjian.enterprise.EnterpriseTestData.newCreditCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anjian.AnjianIntegrationTest;
import org.anjian.identity.UserManagement;
import org.anjian.identity.UserManagement.NewUser;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.Role;
import org.anjian.shared.security.ScopeKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * 逢查必考 uses the certificates (TRN-2, TRN-3): a special operator examined on site whose 特种作业操作证 the registry does not
 * know, or that is not valid today (a review due 3 years after issue and missed, 令第30号), is a finding 无证上岗
 * (《安全生产法》第三十条, category SPECIAL_OPERATORS) that becomes the enterprise's hazard; a valid certificate is none.
 */
@AnjianIntegrationTest
class UncertifiedOperatorExamTest {

    @Autowired MockMvc mvc;
    @Autowired UserManagement users;
    @Autowired OrganizationDirectory organization;
    @Autowired JdbcClient jdbc;

    AnjianUser inspector(String name) {
        var s = users.create(new NewUser("insp" + UUID.randomUUID().toString().substring(0, 8), name, "Anjian@2023", EnumSet.of(Role.INSPECTOR),
                ScopeKind.DISTRICT, null, null, "渝执 " + name));
        return new AnjianUser(s.id(), s.username(), s.displayName(), s.roles(), s.scope(), null, true, false);
    }

    ResultActions json(AnjianUser who, String url, String body) throws Exception {
        return mvc.perform(post(url).with(as(who)).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    String register(UUID enterprise, String category, LocalDate issuedOn) throws Exception {
        String number = "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
        mvc.perform(post("/api/v1/training/certificates").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON).content("""
                {"enterpriseId":"%s","kind":"SPECIAL_OPERATION","category":"%s","holderName":"钱电工","number":"%s","issuer":"重庆市应急管理局",
                 "issuedOn":"%s"}""".formatted(enterprise, category, number, issuedOn))).andExpect(status().isCreated());
        return number;
    }

    @Test
    void aSpecialOperatorWithoutAValidCertificateIsAFindingThatBecomesTheEnterprisesHazard() throws Exception {
        AnjianUser a = inspector("持证甲");
        AnjianUser b = inspector("持证乙");
        var town = organization.regionByName("杜市镇").orElseThrow();
        String code = newCreditCode();
        UUID enterprise = UUID.fromString(JsonPath.read(mvc.perform(post("/api/v1/enterprises").with(as(Role.DISTRICT_ADMIN))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"creditCode":"%s","name":"重庆持证考核%s有限公司","townId":"%s","sector":"NON_COAL_MINE","subSector":"UNDERGROUND",
                         "scale":"ABOVE_SIZE","employees":90,"status":"PRODUCING","flags":[]}""".formatted(code, code.substring(10, 14), town.id())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id"));
        String inspection = JsonPath.read(json(a, "/api/v1/inspections", "{\"enterpriseId\":\"%s\",\"inspectorIds\":[\"%s\",\"%s\"],\"plannedOn\":\"%s\"}"
                .formatted(enterprise, a.id(), b.id(), today())).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        String exams = "/api/v1/inspections/" + inspection + "/exams";

        // valid: issued a year ago (review due in 2 years, last day in 5)
        String valid = register(enterprise, "ELECTRICAL", today().minusYears(1));
        // review missed: issued 3 years and a day ago, its review was due yesterday
        String lapsed = register(enterprise, "ELECTRICAL", today().minusYears(3).minusDays(1));
        // the review is due today: still valid (the last day of the review is included)
        String dueToday = register(enterprise, "ELECTRICAL", today().minusYears(3));
        String body = "{\"examineeName\":\"钱电工\",\"examineeRole\":\"SPECIAL_OPERATOR\",\"count\":5,\"certificateNumber\":\"%s\",\"certificateCategory\":\"ELECTRICAL\"}";
        json(a, exams, body.formatted(valid)).andExpect(status().isCreated());
        json(a, exams, body.formatted(dueToday)).andExpect(status().isCreated());
        json(a, exams, body.formatted(lapsed)).andExpect(status().isCreated());
        json(a, exams, body.formatted("NO-SUCH-" + UUID.randomUUID())).andExpect(status().isCreated());
        // a principal's exam is not about a special-operation certificate, and without a number nothing is checked
        json(a, exams, "{\"examineeName\":\"周矿长\",\"examineeRole\":\"PRINCIPAL\",\"count\":5,\"certificateNumber\":\"NO-SUCH\"}").andExpect(status().isCreated());
        json(a, exams, "{\"examineeName\":\"钱电工\",\"examineeRole\":\"SPECIAL_OPERATOR\",\"count\":5}").andExpect(status().isCreated());
        // a valid certificate of another category than the work at the post
        String welder = register(enterprise, "WELDING_AND_THERMAL_CUTTING", today().minusYears(1));
        json(a, exams, body.formatted(welder)).andExpect(status().isCreated());
        // the page's form takes the number too (an empty category: any category of the registry)
        String page = mvc.perform(get("/inspections/" + inspection).with(as(a))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains("name=\"certificateNumber\"").contains("焊接与热切割作业");
        mvc.perform(post("/inspections/" + inspection + "/exams").with(as(a)).with(csrf()).param("examineeName", "孙焊工")
                .param("examineeRole", "SPECIAL_OPERATOR").param("count", "5").param("certificateNumber", lapsed).param("certificateCategory", ""))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/inspections/*?exam=*"));

        String detail = mvc.perform(get("/api/v1/inspections/" + inspection).with(as(a))).andReturn().getResponse().getContentAsString();
        List<Map<String, Object>> findings = JsonPath.read(detail, "$.findings");
        assertThat(findings).hasSize(4).allSatisfy(f -> {
            assertThat(f.get("category")).isEqualTo("SPECIAL_OPERATORS");
            assertThat(f.get("legalBasis")).isEqualTo("《中华人民共和国安全生产法》第三十条");
            assertThat((String) f.get("description")).startsWith("特种作业人员无证上岗（被考核人：");
        });
        assertThat(findings).extracting(f -> (String) f.get("description")).anySatisfy(d -> assertThat(d).contains(lapsed, "未按期复审"))
                .anySatisfy(d -> assertThat(d).contains("查无此证")).anySatisfy(d -> assertThat(d).contains("孙焊工", lapsed)).anySatisfy(d -> assertThat(d).contains(welder, "证书类别不是电工作业"))
                .noneSatisfy(d -> assertThat(d).contains(valid)).noneSatisfy(d -> assertThat(d).contains(dueToday));

        // 托管不卸责 / the same path as every finding: each is a hazard of the enterprise
        eventually(() -> assertThat(jdbc.sql("select count(*) from hazard_hazard where enterprise_id = ? and source = 'INSPECTION' and description like '%无证上岗%'")
                .param(enterprise).query(Long.class).single()).isEqualTo(4L));
    }
}
