package org.anjian.credit;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.anjian.AnjianIntegrationTest;
import org.anjian.MutableClock;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.organization.Region;
import org.anjian.shared.security.DataScope;
import org.anjian.shared.security.Role;
import org.anjian.shared.security.ScopeKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

import static org.anjian.TestUsers.as;
import static org.anjian.TestUsers.user;
import static org.anjian.enterprise.EnterpriseTestData.newCreditCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** CRD-1: proposals from accidents, the district's decisions, the 3-year term, 12-month early removal, the public feed. */
@AnjianIntegrationTest
class CreditRecordApiTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired MockMvc mvc;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired OrganizationDirectory organization;

    @BeforeEach
    @AfterEach
    void resetClock() {
        clock.reset();
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), SHANGHAI);
    }

    String create(String decisionDate, String extra) throws Exception {
        String body = mvc.perform(post("/api/v1/credit-records").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"subjectType":"UNIT","subjectName":"重庆信用测试有限公司","creditCode":"%s","kind":"BLACKLIST","cause":"REFUSAL_TO_RECTIFY",
                         "causeDetail":"拒不执行责令限期整改指令, \\"重大事故隐患\\"","authority":"江津区应急管理局","decisionDate":"%s"%s}"""
                        .formatted(newCreditCode(), decisionDate, extra)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    ResultActions step(String id, String action, String json) throws Exception {
        return mvc.perform(post("/api/v1/credit-records/" + id + "/" + action).with(as(Role.DISTRICT_ADMIN))
                .contentType(MediaType.APPLICATION_JSON).content(json == null ? "{}" : json));
    }

    @Test
    void theDefaultTermIsThreeYears() throws Exception {
        LocalDate decided = today().minusDays(10);
        String id = create(decided.toString(), "");
        mvc.perform(get("/api/v1/credit-records/" + id).with(as(Role.AUDITOR))).andExpect(status().isOk())
                .andExpect(jsonPath("$.termMonths").value(36)).andExpect(jsonPath("$.expiresOn").value(decided.plusYears(3).minusDays(1).toString()))
                .andExpect(jsonPath("$.status").value("IN_FORCE"));
        mvc.perform(post("/api/v1/credit-records").with(as(Role.INSPECTOR)).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/credit-records").with(as(Role.SYSTEM_ADMIN))).andExpect(status().isForbidden());
    }

    @Test
    void earlyRemovalNeedsRepairAndTwelveMonths() throws Exception {
        LocalDate decided = today().minusMonths(12).plusDays(1);
        String id = create(decided.toString(), "");
        step(id, "remove", "{\"note\":\"申请移出\"}").andExpect(status().isConflict()).andExpect(jsonPath("$.reason").value("credit.remove.noRepair"));
        step(id, "repair", "{\"note\":\"完成整改并公开信用承诺\"}").andExpect(status().isOk());
        step(id, "remove", "{\"note\":\"申请移出\"}").andExpect(status().isConflict()).andExpect(jsonPath("$.reason").value("credit.remove.tooEarly"));
        LocalDate twelve = today().minusMonths(12);
        String ok = create(twelve.toString(), "");
        step(ok, "repair", "{\"note\":\"完成整改\"}").andExpect(status().isOk());
        step(ok, "remove", "{\"note\":\"信用修复后提前移出\"}").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REMOVED"))
                .andExpect(jsonPath("$.removedOn").value(today().toString()));
    }

    @Test
    void theFeedListsOnlyPublishedEntriesAsJsonAndCsvWithoutSignIn() throws Exception {
        String published = create(today().minusDays(1).toString(), "");
        String unpublished = create(today().minusDays(1).toString(), "");
        step(published, "publish", null).andExpect(status().isOk()).andExpect(jsonPath("$.published").value(true));
        step(published, "publish", null).andExpect(status().isConflict());
        for (String path : List.of("/api/v1/credit-records/feed.json", "/api/v1/public/credit-records/feed.json")) {
            String json = mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            var tree = JsonMapper.builder().build().readTree(json);
            assertThat(tree.get("entries").isArray()).isTrue();
            List<String> ids = JsonPath.read(json, "$.entries[*].id");
            assertThat(ids).contains(published).doesNotContain(unpublished);
        }
        for (String path : List.of("/api/v1/credit-records/feed.csv", "/api/v1/public/credit-records/feed.csv")) {
            var response = mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse();
            assertThat(response.getContentType()).startsWith("text/csv");
            String csv = new String(response.getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(csv).startsWith("\uFEFFid,subjectType").contains(published).doesNotContain(unpublished);
            // every line has 13 fields under RFC 4180 quoting
            for (String line : csv.substring(1).split("\r\n")) {
                assertThat(fields(line)).as(line).isEqualTo(13);
            }
        }
        // removal of a published entry keeps it in the feed, marked removed: never silently deleted
        mvc.perform(get("/api/v1/credit-records").with(as(Role.DISTRICT_ADMIN))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/credit-records")).andExpect(status().isUnauthorized());
    }

    @Test
    void theDistrictPublishesFromTheRegisterPage() throws Exception {
        String id = create(today().minusDays(2).toString(), "");
        mvc.perform(post("/credit-records/" + id + "/publish").with(as(Role.INSPECTOR))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/credit-records/" + id + "/publish").with(as(Role.DISTRICT_ADMIN))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())).andExpect(status().is3xxRedirection());
        String json = mvc.perform(get("/api/v1/public/credit-records/feed.json")).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(json, "$.entries[*].id")).contains(id);
        mvc.perform(get("/public/credit-records")).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(org.hamcrest.Matchers.containsString(id.substring(0, 0) + "重庆信用测试有限公司")));
    }

    static int fields(String line) {
        int n = 1;
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) n++;
        }
        return n;
    }

    @Test
    void aDeathAtAnEnterpriseBecomesABlacklistProposalOnce() throws Exception {
        Region town = organization.regionByName("双福街道").orElseThrow();
        String code = newCreditCode();
        String ent = mvc.perform(post("/api/v1/enterprises").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"creditCode":"%s","name":"重庆信用矿业%s有限公司","legalRepresentative":"张三","address":"江津区测试路1号","phone":"023-47520000",
                         "latitude":%s,"longitude":%s,"townId":"%s","sector":"NON_COAL_MINE","subSector":"OPEN_PIT","scale":"ABOVE_SIZE",
                         "employees":120,"status":"PRODUCING","flags":[]}""".formatted(code, code.substring(10, 14), town.latitude(), town.longitude(), town.id())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        UUID enterpriseId = UUID.fromString(JsonPath.read(ent, "$.id"));
        String acc = mvc.perform(post("/api/v1/accidents").with(as(Role.INSPECTOR)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"enterpriseId":"%s","type":"COLLAPSE","place":"采场","occurredAt":"%s","deaths":1,"seriousInjuries":0,
                         "directLossYuan":300000,"summary":"边坡坍塌"}""".formatted(enterpriseId, clock.instant().minus(Duration.ofHours(2)))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String accidentId = JsonPath.read(acc, "$.accident.id");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch("/api/v1/accidents/" + accidentId)
                .with(as(Role.INSPECTOR)).contentType(MediaType.APPLICATION_JSON).content("{\"minorInjuries\":2}")).andExpect(status().isOk());
        long count = 0;
        for (Instant until = Instant.now().plusSeconds(15); Instant.now().isBefore(until) && count == 0; Thread.sleep(100)) {
            count = jdbc.sql("select count(*) from credit_record where source_ref = ?").param("accident:" + accidentId).query(Long.class).single();
        }
        Thread.sleep(500);
        assertThat(jdbc.sql("select count(*) from credit_record where source_ref = ?").param("accident:" + accidentId).query(Long.class).single())
                .isEqualTo(1);
        String list = mvc.perform(get("/api/v1/credit-records?enterpriseId=" + enterpriseId).with(as(Role.DISTRICT_ADMIN)))
                .andReturn().getResponse().getContentAsString();
        String id = JsonPath.<List<String>>read(list, "$.items[*].id").get(0);
        assertThat(JsonPath.<List<String>>read(list, "$.items[*].status")).containsExactly("PROPOSED");
        var owner = user(Role.ENTERPRISE_USER, DataScope.of(ScopeKind.ENTERPRISE, enterpriseId));
        mvc.perform(get("/api/v1/credit-records/" + id).with(as(owner))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/credit-records/" + id).with(as(user(Role.ENTERPRISE_USER, DataScope.of(ScopeKind.ENTERPRISE, UUID.randomUUID())))))
                .andExpect(status().isNotFound());
        step(id, "decide", "{\"authority\":\"江津区安委办\",\"decisionDate\":\"%s\"}".formatted(today())).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IN_FORCE")).andExpect(jsonPath("$.termMonths").value(36));
        assertThat(jdbc.sql("select count(*) from identity_audit_entry where entity_id = ? and action in ('CREDIT_RECORD_PROPOSED', 'CREDIT_RECORD_DECIDE')")
                .param(id).query(Long.class).single()).isEqualTo(2);
    }
}
