package org.anjian.permit;

import static org.anjian.TestUsers.as;
import static org.anjian.enterprise.EnterpriseTestData.newCreditCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.anjian.AnjianIntegrationTest;
import org.anjian.MutableClock;
import org.anjian.TestUsers;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.permit.internal.PermitService;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.DataScope;
import org.anjian.shared.security.Role;
import org.anjian.shared.security.ScopeKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * PRM-1 pages: the permit's live state page is scope-checked like the API (another enterprise's permit is 404), a refusal of
 * the rules shows on the page in Chinese with the API's status, the enterprise fills in a permit on a form that keeps its
 * input, the regulator's "work under way" lists, counts, maps and exports, supervision records are kept, and the expiry job
 * closes permits past their validity (GB 30871-2022 4.16).
 */
@AnjianIntegrationTest
class PermitPagesTest {

    /** Wednesday 2026-12-02 10:00 in Chongqing: a working day, daytime. */
    static final Instant WEDNESDAY_TEN = Instant.parse("2026-12-02T02:00:00Z");
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @Autowired MockMvc mvc;
    @Autowired MutableClock clock;
    @Autowired OrganizationDirectory organization;
    @Autowired PermitService service;
    @Autowired JdbcClient jdbc;

    UUID enterpriseId;
    AnjianUser enterprise;

    @BeforeEach
    void anEnterprise() throws Exception {
        clock.set(WEDNESDAY_TEN);
        var town = organization.regionByName("杜市镇").orElseThrow();
        String code = newCreditCode();
        enterpriseId = UUID.fromString(JsonPath.read(mvc.perform(post("/api/v1/enterprises").with(as(Role.DISTRICT_ADMIN))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"creditCode":"%s","name":"重庆页面作业票%s化工有限公司","townId":"%s","sector":"INDUSTRY_TRADE","subSector":"BUILDING_MATERIALS",
                         "scale":"ABOVE_SIZE","employees":90,"status":"PRODUCING","flags":[],"latitude":29.2,"longitude":106.3}"""
                        .formatted(code, code.substring(10, 14), town.id())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id"));
        enterprise = TestUsers.user(Role.ENTERPRISE_USER, DataScope.of(ScopeKind.ENTERPRISE, enterpriseId));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    String local(Instant i) {
        return LOCAL.format(i.atZone(ZONE));
    }

    /** Fills in a 二级 hot work permit on the page (6 h) and answers its id. */
    String fillIn() throws Exception {
        Instant from = clock.instant();
        String location = mvc.perform(post("/permits").with(as(enterprise)).with(csrf())
                        .param("type", "HOT_WORK").param("hotWorkSite", "OUTSIDE_HAZARD_AREA").param("location", "机修车间外")
                        .param("content", "焊接支架").param("validFrom", local(from)).param("validTo", local(from.plus(Duration.ofHours(6))))
                        .param("applicant", "申请人甲").param("workLeader", "负责人乙").param("guardian", "监护人丙")
                        .param("workerName", "焊工丁").param("workerCategory", "WELDING_AND_THERMAL_CUTTING").param("workerNumber", "T5001")
                        .param("workerValidUntil", "2030-01-01").param("measures", "清除周围易燃物\n配备灭火器"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/permits/*")).andReturn().getResponse().getRedirectedUrl();
        return location.substring("/permits/".length());
    }

    ResultActions act(String id, String action, String... params) throws Exception {
        var req = post("/permits/" + id + "/" + action).with(as(enterprise)).with(csrf());
        for (int i = 0; i + 1 < params.length; i += 2) {
            req.param(params[i], params[i + 1]);
        }
        return mvc.perform(req);
    }

    String approved() throws Exception {
        String id = fillIn();
        act(id, "apply").andExpect(status().is3xxRedirection());
        mvc.perform(post("/permits/" + id + "/measures/0").with(as(enterprise)).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(multipart("/permits/" + id + "/measures/1").file(new MockMultipartFile("photo", "灭火器.png", "image/png", PermitApiTest.png()))
                .with(as(enterprise)).with(csrf())).andExpect(status().is3xxRedirection());
        act(id, "approve", "approver", "车间主任", "approvalLevel", "BASE_UNIT").andExpect(status().is3xxRedirection());
        return id;
    }

    ResultActions gas(String id, Instant sampledAt) throws Exception {
        return mvc.perform(post("/permits/" + id + "/gas-analyses").with(as(enterprise)).with(csrf()).param("sampledAt", local(sampledAt))
                .param("place", "动火点5m内").param("analyst", "分析员戊").param("combustibleSubstance", "甲烷").param("combustible", "0.1")
                .param("lel", "5.0").param("oxygen", "20.9"));
    }

    @Test
    void anotherEnterprisesPermitPageIsNotFound() throws Exception {
        String id = fillIn();
        mvc.perform(get("/permits/" + id).with(as(enterprise))).andExpect(status().isOk())
                .andExpect(content().string(containsString("焊工丁"))).andExpect(content().string(containsString("id=\"action-apply\"")));
        AnjianUser other = TestUsers.user(Role.ENTERPRISE_USER, DataScope.of(ScopeKind.ENTERPRISE, UUID.randomUUID()));
        mvc.perform(get("/permits/" + id).with(as(other))).andExpect(status().isNotFound());
        mvc.perform(get("/permits/" + id + "/pdf").with(as(other))).andExpect(status().isNotFound());
        mvc.perform(post("/permits/" + id + "/apply").with(as(other)).with(csrf())).andExpect(status().isNotFound());
        // a town official of another town does not see it; the district does, without the enterprise's buttons
        AnjianUser elsewhere = TestUsers.user(Role.TOWN_OFFICIAL, DataScope.of(ScopeKind.REGION, UUID.randomUUID()));
        mvc.perform(get("/permits/" + id).with(as(elsewhere))).andExpect(status().isNotFound());
        mvc.perform(get("/permits/" + id).with(as(Role.DISTRICT_ADMIN))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"action-apply\""))));
    }

    /** GB 30871-2022 5.3.1 c: sampled 31 min before the start is too old; the page says so in Chinese, with the API's 409. */
    @Test
    void startingWithAStaleGasAnalysisShowsTheChineseRefusal_5_3_1c() throws Exception {
        String id = approved();
        gas(id, clock.instant().minus(Duration.ofMinutes(31))).andExpect(status().is3xxRedirection());
        act(id, "start").andExpect(status().isConflict())
                .andExpect(content().string(containsString("最近一次气体分析距今已31分钟，超过30分钟，须重新取样分析后才能作业（GB 30871-2022 5.3.1 c）")))
                .andExpect(content().string(containsString("id=\"permit-error\"")));
        gas(id, clock.instant().minus(Duration.ofMinutes(29))).andExpect(status().is3xxRedirection());
        act(id, "start").andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/permits/" + id).with(as(enterprise))).andExpect(jsonPath("$.summary.state").value("IN_PROGRESS"));
    }

    @Test
    void aFormRefusedKeepsWhatWasTypedAndSaysWhyInChinese() throws Exception {
        mvc.perform(get("/permits/new").with(as(enterprise))).andExpect(status().isOk()).andExpect(content().string(containsString("name=\"workerName\"")));
        mvc.perform(get("/permits/new").with(as(Role.DISTRICT_ADMIN))).andExpect(status().isForbidden());
        Instant from = clock.instant();
        mvc.perform(post("/permits").with(as(enterprise)).with(csrf()).param("type", "HOT_WORK").param("hotWorkSite", "OUTSIDE_HAZARD_AREA")
                        .param("location", "原料罐区东侧").param("content", "焊接").param("validFrom", local(from))
                        .param("validTo", local(from.plus(Duration.ofHours(4)))).param("applicant", "甲").param("workLeader", "乙")
                        .param("guardian", "丙").param("workerName", "").param("measures", "配备灭火器"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("请至少填写一名作业人员")))
                .andExpect(content().string(containsString("value=\"原料罐区东侧\"")));
    }

    @Test
    void theRegulatorsPageListsCountsMapsAndExportsWorkUnderWay() throws Exception {
        String id = approved();
        gas(id, clock.instant().minus(Duration.ofMinutes(5)));
        act(id, "start").andExpect(status().is3xxRedirection());
        String number = JsonPath.read(mvc.perform(get("/api/v1/permits/" + id).with(as(enterprise))).andReturn().getResponse().getContentAsString(),
                "$.summary.number");
        var town = organization.regionByName("杜市镇").orElseThrow();
        AnjianUser townOfficial = TestUsers.user(Role.TOWN_OFFICIAL, DataScope.of(ScopeKind.REGION, town.id()));
        String page = mvc.perform(get("/permits").param("type", "HOT_WORK").param("state", "IN_PROGRESS").param("date", "2026-12-02")
                        .with(as(townOfficial))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(number).contains("id=\"permit-map\"").contains("\"lat\":29.2").contains("特殊作业监管");
        // a day outside the validity finds nothing of it
        mvc.perform(get("/permits").param("date", "2026-12-04").param("townId", town.id().toString()).with(as(townOfficial)))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString(number))));
        mvc.perform(get("/permits").with(as(enterprise))).andExpect(status().isOk()).andExpect(content().string(containsString(number)))
                .andExpect(content().string(containsString("id=\"permit-new\"")));
        mvc.perform(get("/permits/export.xlsx").param("type", "HOT_WORK").with(as(townOfficial))).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("filename*=UTF-8''%E7%89%B9%E6%AE%8A%E4%BD%9C%E4%B8%9A%E7%A5%A8.xlsx")));
        mvc.perform(get("/permits").with(as(Role.AGENCY_USER))).andExpect(status().isForbidden());
    }

    @Test
    void aThirdPartySupervisionVisitIsRecordedWithPhotosAndListed() throws Exception {
        String id = approved();
        var town = organization.regionByName("杜市镇").orElseThrow();
        AnjianUser townOfficial = TestUsers.user(Role.TOWN_OFFICIAL, DataScope.of(ScopeKind.REGION, town.id()));
        mvc.perform(multipart("/permits/" + id + "/supervisions").file(new MockMultipartFile("photos", "现场.png", "image/png", PermitApiTest.png()))
                        .param("agency", "重庆安评技术服务有限公司").param("person", "旁站员己").param("visitedAt", local(clock.instant()))
                        .param("findings", "灭火器压力正常，监护人在岗").with(as(townOfficial)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/permits/" + id).with(as(enterprise))).andExpect(status().isOk())
                .andExpect(content().string(containsString("重庆安评技术服务有限公司"))).andExpect(content().string(containsString("/supervision-photos/")));
        mvc.perform(get("/permits").with(as(Role.DISTRICT_ADMIN))).andExpect(content().string(containsString("灭火器压力正常，监护人在岗")));
        mvc.perform(get("/api/v1/permits/" + id + "/supervisions").with(as(enterprise))).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].person").value("旁站员己")).andExpect(jsonPath("$[0].photoIds.length()").value(1));
        // a visit in the future is refused; an auditor may read but not write
        mvc.perform(post("/api/v1/permits/" + id + "/supervisions").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"agency\":\"甲公司\",\"person\":\"乙\",\"visitedAt\":\"%s\",\"findings\":\"正常\"}".formatted(clock.instant().plus(Duration.ofHours(1)))))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/permits/" + id + "/supervisions").with(as(Role.AUDITOR)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"agency\":\"甲公司\",\"person\":\"乙\",\"visitedAt\":\"%s\",\"findings\":\"正常\"}".formatted(clock.instant())))
                .andExpect(status().isForbidden());
        AnjianUser other = TestUsers.user(Role.ENTERPRISE_USER, DataScope.of(ScopeKind.ENTERPRISE, UUID.randomUUID()));
        mvc.perform(get("/api/v1/permits/" + id + "/supervisions").with(as(other))).andExpect(status().isNotFound());
    }

    /** GB 30871-2022 4.16: past its validity (6 h) the permit is void; the job expires it, audited as the system. */
    @Test
    void theExpiryJobExpiresPermitsPastTheirValidity_4_16() throws Exception {
        String id = approved();
        clock.advance(Duration.ofHours(6).minusMinutes(2));
        service.expireOverdue();
        mvc.perform(get("/api/v1/permits/" + id).with(as(enterprise))).andExpect(jsonPath("$.summary.state").value("APPROVED"));
        clock.advance(Duration.ofMinutes(3));
        assertThat(service.expireOverdue()).isGreaterThanOrEqualTo(1);
        mvc.perform(get("/api/v1/permits/" + id).with(as(enterprise))).andExpect(jsonPath("$.summary.state").value("EXPIRED"));
        assertThat(jdbc.sql("select count(*) from identity_audit_entry where action = 'PERMIT_EXPIRE' and actor = 'system' and entity_id = ?").param(id)
                .query(Long.class).single()).isEqualTo(1);
        act(id, "start").andExpect(status().isConflict()).andExpect(content().string(containsString("作业票当前状态为「已过期」，不能「开始作业」")));
    }
}
