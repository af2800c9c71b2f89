package org.anjian;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.anjian.credit.internal.CreditService;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.anjian.TestUsers.as;
import static org.anjian.enterprise.EnterpriseTestData.newCreditCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Issue 19 #5: what a person reads is Chinese — no rule codes, action codes, account names or English file names. */
@AnjianIntegrationTest
class ChineseOnPeoplePagesTest {

    @Autowired MockMvc mvc;
    @Autowired AuditTrail audit;
    @Autowired CreditService credit;
    @Autowired JdbcClient jdbc;

    @Test
    void theRuleSetShowsConditionsNotCodesAndTheSystemAsSystem() throws Exception {
        mvc.perform(get("/enterprises/rules").with(as(Role.DISTRICT_ADMIN))).andExpect(status().isOk())
                .andExpect(content().string(allOf(not(containsString(">SECTOR_HAZCHEM<")), not(containsString("title=\"SECTOR_HAZCHEM\"")),
                        containsString(">行业：危险化学品<"), not(containsString("(defaults)")),
                        not(containsString(" · system · ")), containsString("系统自动 · 默认规则"))));
        // the en locale reads the same conditions in English, never the code either
        mvc.perform(get("/enterprises/rules").param("lang", "en").with(as(Role.DISTRICT_ADMIN))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(">Sector: Hazardous chemicals<"), not(containsString(">SECTOR_HAZCHEM<")),
                        containsString("System (automatic) · "))));
    }

    /** "审批人：system" and "由 demo 立案": the platform's own work and the demo loader's are named for people, not by account. */
    @Test
    void theSystemAndTheDemoLoaderAreNamedForPeople() throws Exception {
        String entity = UUID.randomUUID().toString();
        audit.recordAs("system", null, "CREDIT_RECORD_PROPOSED", "credit-record", entity, null, null);
        audit.recordAs("demo", null, "PENALTY_CASE_FILED", "penalty-case", entity, null, null);
        mvc.perform(get("/audit").param("entityId", entity).with(as(Role.AUDITOR))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<span>系统自动</span>"), containsString("<span>系统（演示数据）</span>"),
                        not(containsString(">演示账户<")), not(containsString("<span>system</span>")), not(containsString("<span>demo</span>")))));
    }

    /**
     * Issue 19 #8: a proposal has no decision yet and says so (待决定, since when), instead of three empty cells; once the
     * district decides on the page the entry carries 决定机关, 决定日期 and 期满日期 (36 months less a day); and the database
     * refuses an entry in force without them.
     */
    @Test
    void aProposalSaysItAwaitsTheDecisionADecidedEntryCarriesIt() throws Exception {
        String code = newCreditCode();
        String name = "重庆待决定" + code.substring(10, 14) + "有限公司";
        credit.propose("test:" + code, name, code, null, "SERIOUS_VIOLATION", "一年内两次被处罚");
        String proposed = mvc.perform(get("/credit-records").param("q", code).with(as(Role.DISTRICT_ADMIN))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(proposed).contains("共 1 条", name, ">待决定<", "拟列入，待区应急局决定", "自决定之日起算").doesNotContain("<td class=\"text-nowrap\"></td>");
        UUID id = jdbc.sql("select id from credit_record where credit_code = ?").param(code).query(UUID.class).single();
        mvc.perform(post("/credit-records/" + id + "/decide").with(csrf()).with(as(Role.DISTRICT_ADMIN))).andExpect(status().is3xxRedirection());
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        String decided = mvc.perform(get("/credit-records").param("q", code).with(as(Role.DISTRICT_ADMIN))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(decided).contains(">" + today + "<", ">" + today.plusMonths(36).minusDays(1) + "<", ">有效<").doesNotContain("拟列入");
        assertThat(jdbc.sql("select authority from credit_record where id = ?").param(id).query(String.class).single()).isNotBlank();
        assertThatThrownBy(() -> jdbc.sql("update credit_record set authority = null where id = ?").param(id).update())
                .hasMessageContaining("credit_record_decided_has_decision");
    }

    @Test
    void theAuditTrailNamesActionsAndShowsTheChangeField() throws Exception {
        String entity = UUID.randomUUID().toString();
        audit.recordAs("system", null, "LOGIN_SUCCEEDED", "user", entity, null, null);
        audit.recordAs("system", null, "USER_UPDATED", "user", entity, Map.of("displayName", "张三", "enabled", true),
                Map.of("displayName", "张四", "enabled", true));
        mvc.perform(get("/audit").param("entityId", entity).with(as(Role.AUDITOR))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("登录成功"), containsString("修改用户"), not(containsString(">LOGIN_SUCCEEDED<")),
                        not(containsString("{&quot;")), containsString("姓名："), containsString(">张三</del>"), containsString(">张四</span>"),
                        not(containsString("启用：")), containsString(">系统自动<"))));
        MvcResult csv = mvc.perform(get("/audit/export.csv").with(as(Role.AUDITOR))).andReturn();
        assertThat(fileName(csv)).isEqualTo("审计日志.csv");
    }

    @Test
    void theCreditRegisterIsSearchedByNameAndExportedInChinese() throws Exception {
        String code = newCreditCode();
        mvc.perform(post("/api/v1/credit-records").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"subjectType":"UNIT","subjectName":"重庆信用检索%s有限公司","creditCode":"%s","kind":"BLACKLIST","cause":"REFUSAL_TO_RECTIFY",
                         "causeDetail":"拒不执行责令限期整改指令","authority":"江津区应急管理局","decisionDate":"%s"}"""
                        .formatted(code.substring(10, 14), code, LocalDate.now().minusDays(3))))
                .andExpect(status().isCreated());
        mvc.perform(get("/credit-records").param("q", code).with(as(Role.DISTRICT_ADMIN))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("重庆信用检索" + code.substring(10, 14)), containsString("共 1 条"),
                        not(containsString("feed.json")))));
        MvcResult csv = mvc.perform(get("/credit-records/export.csv").param("q", code).with(as(Role.DISTRICT_ADMIN)))
                .andExpect(status().isOk()).andReturn();
        String body = csv.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).startsWith("\uFEFF对象").contains("统一社会信用代码", "黑名单", "拒不整改").doesNotContain("BLACKLIST", "REFUSAL_TO_RECTIFY");
        assertThat(fileName(csv)).startsWith("信用记录-").endsWith(".csv");
    }

    /** Issue 19 #8: the public page is for people; the feeds stay at their API paths for 信用重庆. */
    @Test
    void thePublicCreditPageOffersNoRawDataFeedToPeople() throws Exception {
        mvc.perform(get("/public/credit-records")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("决定机关"), containsString("期满日期"), not(containsString("feed.json")),
                        not(containsString("数据接口")))));
        mvc.perform(get("/api/v1/public/credit-records/feed.json")).andExpect(status().isOk());
    }

    @Test
    void exportsCarryChineseFileNames() throws Exception {
        assertThat(fileName(mvc.perform(get("/hazards/export.xlsx").with(as(Role.DISTRICT_ADMIN))).andReturn())).startsWith("隐患清单-");
        assertThat(fileName(mvc.perform(get("/accidents/export.xlsx").with(as(Role.DISTRICT_ADMIN))).andReturn())).isEqualTo("事故清单.xlsx");
    }

    /** The RFC 5987 {@code filename*=UTF-8''…} value, decoded. */
    private static String fileName(MvcResult result) {
        String header = result.getResponse().getHeader("Content-Disposition");
        assertThat(header).contains("filename*=UTF-8''");
        String encoded = header.substring(header.indexOf("filename*=UTF-8''") + "filename*=UTF-8''".length()).split(";")[0];
        return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
    }
}
