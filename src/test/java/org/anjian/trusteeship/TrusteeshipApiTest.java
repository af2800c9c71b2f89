package org.anjian.trusteeship;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.anjian.AnjianIntegrationTest;
import org.anjian.TestUsers;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.anjian.TestUsers.as;
import static org.anjian.enterprise.EnterpriseTestData.newCreditCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** SVC-1: contracts decide the AGENCY scope; a visit's findings are the enterprise's hazards and the agency cannot close them (托管不卸责). */
@AnjianIntegrationTest
class TrusteeshipApiTest {

    @Autowired MockMvc mvc;
    @Autowired OrganizationDirectory organization;
    @Autowired JdbcClient jdbc;

    LocalDate today;
    Region shuangfu;
    Region degan;
    AnjianUser admin = TestUsers.user(Role.DISTRICT_ADMIN);

    @BeforeEach
    void setUp() {
        today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        shuangfu = organization.regionByName("双福街道").orElseThrow();
        degan = organization.regionByName("德感街道").orElseThrow();
    }

    ResultActions postJson(String path, AnjianUser user, String body) throws Exception {
        return mvc.perform(post(path).with(as(user)).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    UUID enterprise(String scale) throws Exception {
        String json = postJson("/api/v1/enterprises", admin, """
                {"creditCode":"%s","name":"重庆托管测试%s有限公司","townId":"%s","sector":"INDUSTRY_TRADE","subSector":"MACHINERY","scale":"%s",
                 "employees":12,"status":"PRODUCING","flags":[]}""".formatted(newCreditCode(), UUID.randomUUID().toString().substring(0, 6), shuangfu.id(), scale))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return UUID.fromString(JsonPath.read(json, "$.id"));
    }

    UUID agency() throws Exception {
        String code = newCreditCode();
        String json = postJson("/api/v1/trusteeship/agencies", admin, """
                {"name":"重庆测试安全服务%s有限公司","creditCode":"%s","qualification":"安全生产技术服务机构","qualificationNo":"APJ-T-%s",
                 "qualificationValidUntil":"%s","contact":"黄经理","phone":"023-47561234"}"""
                .formatted(code.substring(8, 12), code, code.substring(12), today.plusYears(2)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return UUID.fromString(JsonPath.read(json, "$.id"));
    }

    String contract(UUID agency, UUID enterprise, LocalDate start, LocalDate end) throws Exception {
        String json = postJson("/api/v1/trusteeship/contracts", admin, """
                {"agencyId":"%s","enterpriseId":"%s","contractNo":"T-%s","startOn":"%s","endOn":"%s","serviceScope":"隐患排查、培训、台账",
                 "priceYuan":12000,"governmentPurchased":true}""".formatted(agency, enterprise, UUID.randomUUID().toString().substring(0, 8), start, end))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(json, "$.contract.id");
    }

    static AnjianUser agencyUser(UUID agency) {
        return TestUsers.user(Role.AGENCY_USER, DataScope.of(ScopeKind.AGENCY, agency));
    }

    @Test
    void theAgencySeesTheEnterprisesOfItsContractsInForceAndNoOthers() throws Exception {
        UUID small = enterprise("SMALL_MICRO");
        UUID agency = agency();
        AnjianUser user = agencyUser(agency);
        // before any contract the enterprise does not exist for the agency
        mvc.perform(get("/api/v1/enterprises/" + small).with(as(user))).andExpect(status().isNotFound());
        // a contract that starts next month does not open it yet
        String future = contract(agency, small, today.plusMonths(1), today.plusYears(1));
        mvc.perform(get("/api/v1/enterprises/" + small).with(as(user))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/trusteeship/contracts/" + future).with(as(user))).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PENDING"));
        // an overlapping contract for the same enterprise is refused
        postJson("/api/v1/trusteeship/contracts", admin, """
                {"agencyId":"%s","enterpriseId":"%s","contractNo":"T-X","startOn":"%s","endOn":"%s","serviceScope":"x","priceYuan":1,
                 "governmentPurchased":false}""".formatted(agency, small, today.plusMonths(11), today.plusYears(2)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.reason").value("trusteeship.contract.overlap"));
        String now = contract(agency, small, today.minusMonths(2), today.plusDays(20));
        mvc.perform(get("/api/v1/enterprises/" + small).with(as(user))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/enterprises?q=" + small).with(as(user))).andExpect(status().isOk());
        // the list of enterprises is the contracts' enterprises only
        String list = mvc.perform(get("/api/v1/enterprises?size=200").with(as(user))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<Integer>read(list, "$.total")).isEqualTo(1);
        // another agency sees none of it
        AnjianUser other = agencyUser(agency());
        mvc.perform(get("/api/v1/enterprises/" + small).with(as(other))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/trusteeship/contracts/" + now).with(as(other))).andExpect(status().isNotFound());
        // a town elsewhere does not see the contract; the enterprise's own town and the enterprise do
        mvc.perform(get("/api/v1/trusteeship/contracts/" + now).with(as(TestUsers.user(Role.TOWN_OFFICIAL, DataScope.of(ScopeKind.REGION, degan.id())))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/trusteeship/contracts/" + now).with(as(TestUsers.user(Role.TOWN_OFFICIAL, DataScope.of(ScopeKind.REGION, shuangfu.id())))))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/trusteeship/contracts/" + now).with(as(TestUsers.user(Role.ENTERPRISE_USER, DataScope.of(ScopeKind.ENTERPRISE, small)))))
                .andExpect(status().isOk());
        // terminated: the agency loses the enterprise
        postJson("/api/v1/trusteeship/contracts/" + now + "/terminate", user, "{\"reason\":\"x\"}").andExpect(status().isForbidden());
        postJson("/api/v1/trusteeship/contracts/" + now + "/terminate", admin, "{\"reason\":\"企业停产\",\"on\":\"%s\"}".formatted(today))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("TERMINATED"));
        mvc.perform(get("/api/v1/enterprises/" + small).with(as(user))).andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from identity_audit_entry where entity_id = ? and action = 'TRUSTEESHIP_CONTRACT_TERMINATED'")
                .param(now).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void contractsAreForSmallEnterprisesRecordedByTheDistrictOrTheTown() throws Exception {
        UUID big = enterprise("ABOVE_SIZE");
        UUID agency = agency();
        postJson("/api/v1/trusteeship/contracts", admin, """
                {"agencyId":"%s","enterpriseId":"%s","contractNo":"T-B","startOn":"%s","endOn":"%s","serviceScope":"x","priceYuan":1,
                 "governmentPurchased":true}""".formatted(agency, big, today, today.plusYears(1)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field").value(hasItem("enterpriseId")));
        UUID small = enterprise("SMALL_MICRO");
        postJson("/api/v1/trusteeship/contracts", agencyUser(agency), """
                {"agencyId":"%s","enterpriseId":"%s","contractNo":"T-C","startOn":"%s","endOn":"%s","serviceScope":"x","priceYuan":1,
                 "governmentPurchased":true}""".formatted(agency, small, today, today.plusYears(1))).andExpect(status().isForbidden());
        postJson("/api/v1/trusteeship/contracts", admin, """
                {"agencyId":"%s","enterpriseId":"%s","contractNo":"T-D","startOn":"%s","endOn":"%s","serviceScope":"x","priceYuan":1,
                 "governmentPurchased":true}""".formatted(agency, small, today, today.minusDays(1)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field").value(hasItem("endOn")));
    }

    @Test
    void aVisitsFindingIsTheEnterprisesHazardAndTheAgencyCannotCloseItAlone() throws Exception {
        UUID small = enterprise("SMALL_MICRO");
        UUID agency = agency();
        String contract = contract(agency, small, today.minusMonths(1), today.plusMonths(11));
        AnjianUser user = agencyUser(agency);
        AnjianUser owner = TestUsers.user(Role.ENTERPRISE_USER, DataScope.of(ScopeKind.ENTERPRISE, small));
        // only the contract's agency records visits
        postJson("/api/v1/trusteeship/contracts/" + contract + "/visits", owner, "{\"visitorName\":\"x\",\"content\":\"x\"}").andExpect(status().isForbidden());
        String visit = postJson("/api/v1/trusteeship/contracts/" + contract + "/visits", user, """
                {"visitedOn":"%s","visitorName":"黄工","content":"月度上门服务",
                 "findings":[{"place":"配电房","description":"配电箱未上锁","grade":"GENERAL","deadline":"%s"}]}""".formatted(today, today.plusDays(10)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String hazard = JsonPath.read(visit, "$.findings[0].hazardId");
        // the enterprise owns it
        mvc.perform(get("/api/v1/hazards/" + hazard).with(as(owner))).andExpect(status().isOk())
                .andExpect(jsonPath("$.hazard.enterpriseId").value(small.toString()))
                .andExpect(jsonPath("$.hazard.source").value("SERVICE_AGENCY"));
        // the agency helps rectify but neither verifies nor closes
        hazardStep(user, hazard, "plan", "{\"plan\":\"加锁并张贴警示标识\"}").andExpect(status().isOk());
        hazardStep(user, hazard, "start", null).andExpect(status().isOk());
        hazardStep(user, hazard, "complete", null).andExpect(status().isOk()).andExpect(jsonPath("$.state").value("RECTIFIED"));
        hazardStep(user, hazard, "verify", null).andExpect(status().isForbidden()).andExpect(jsonPath("$.reason").value("hazard.agency.notOwner"));
        hazardStep(owner, hazard, "verify", null).andExpect(status().isOk()).andExpect(jsonPath("$.state").value("VERIFIED"));
        hazardStep(user, hazard, "close", null).andExpect(status().isForbidden());
        hazardStep(owner, hazard, "close", null).andExpect(status().isOk()).andExpect(jsonPath("$.state").value("CLOSED"));

        // the monthly report counts this month's visits and findings, once
        String month = java.time.YearMonth.from(today).toString();
        postJson("/api/v1/trusteeship/contracts/" + contract + "/reports", user, "{\"month\":\"%s\",\"summary\":\"本月上门 1 次\"}".formatted(month))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.visits").value(1)).andExpect(jsonPath("$.findings").value(1));
        postJson("/api/v1/trusteeship/contracts/" + contract + "/reports", user, "{\"month\":\"%s\",\"summary\":\"again\"}".formatted(month))
                .andExpect(status().isConflict());
        postJson("/api/v1/trusteeship/contracts/" + contract + "/reports", user,
                "{\"month\":\"%s\",\"summary\":\"future\"}".formatted(java.time.YearMonth.from(today).plusMonths(1)))
                .andExpect(status().isBadRequest());
        assertThat(jdbc.sql("select count(*) from identity_audit_entry where entity_id = ? and action in ('TRUSTEESHIP_VISIT_RECORDED', 'TRUSTEESHIP_REPORT_SUBMITTED')")
                .param(contract).query(Long.class).single()).isEqualTo(2);

        // the district evaluates the agency: 90 is 优秀, 89 合格
        postJson("/api/v1/trusteeship/agencies/" + agency + "/evaluations", user, "{\"year\":%d,\"score\":95}".formatted(today.getYear()))
                .andExpect(status().isForbidden());
        postJson("/api/v1/trusteeship/agencies/" + agency + "/evaluations", admin, "{\"year\":%d,\"score\":90}".formatted(today.getYear() - 1))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.rating").value("EXCELLENT"));
        postJson("/api/v1/trusteeship/agencies/" + agency + "/evaluations", admin, "{\"year\":%d,\"score\":89}".formatted(today.getYear()))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.rating").value("QUALIFIED"));
        mvc.perform(get("/api/v1/trusteeship/agencies/" + agency).with(as(user))).andExpect(status().isOk())
                .andExpect(jsonPath("$.thisYear.visits").value(1)).andExpect(jsonPath("$.evaluations.length()").value(2));
        // pages: the agency's phone list and the contract
        mvc.perform(get("/trusteeship").with(as(user))).andExpect(status().isOk());
        mvc.perform(get("/trusteeship/contracts/" + contract).with(as(user))).andExpect(status().isOk());
        mvc.perform(get("/trusteeship/agencies").with(as(admin))).andExpect(status().isOk());
    }

    ResultActions hazardStep(AnjianUser who, String id, String action, String json) throws Exception {
        return postJson("/api/v1/hazards/" + id + "/" + action, who, json == null ? "{}" : json);
    }
}
