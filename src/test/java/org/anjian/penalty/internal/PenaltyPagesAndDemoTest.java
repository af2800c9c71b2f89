package org.anjian.penalty.internal;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.anjian.AnjianIntegrationTest;
import org.anjian.TestUsers;
import org.anjian.identity.UserDirectory;
import org.anjian.identity.UserManagement;
import org.anjian.identity.UserManagement.NewUser;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.penalty.domain.CaseState;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.DataScope;
import org.anjian.shared.security.Role;
import org.anjian.shared.security.ScopeKind;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.anjian.TestUsers.as;
import static org.anjian.enterprise.EnterpriseTestData.newCreditCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The demo cases reach every state they are meant to, and the pages show each of them with only the next actions' forms. */
@AnjianIntegrationTest
class PenaltyPagesAndDemoTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PenaltyCaseService cases;
    @Autowired UserDirectory directory;
    @Autowired UserManagement users;
    @Autowired OrganizationDirectory organization;
    @Autowired Clock clock;

    AnjianUser inspector(String name) {
        var s = users.create(new NewUser("pdm" + UUID.randomUUID().toString().substring(0, 8), name, "Anjian@2023", EnumSet.of(Role.INSPECTOR),
                ScopeKind.DISTRICT, null, null, "渝执 D" + UUID.randomUUID().toString().substring(0, 6)));
        return new AnjianUser(s.id(), s.username(), s.displayName(), s.roles(), s.scope(), null, true, false);
    }

    UUID enterprise() throws Exception {
        var town = organization.regionByName("杜市镇").orElseThrow();
        String code = newCreditCode();
        return UUID.fromString(JsonPath.read(mvc.perform(post("/api/v1/enterprises").with(as(Role.DISTRICT_ADMIN))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"creditCode":"%s","name":"重庆演示处罚%s有限公司","townId":"%s","sector":"INDUSTRY_TRADE","subSector":"BUILDING_MATERIALS",
                         "scale":"ABOVE_SIZE","employees":50,"status":"PRODUCING","flags":[]}""".formatted(code, code.substring(10, 14), town.id())))
                .andReturn().getResponse().getContentAsString(), "$.id"));
    }

    @Test
    void theDemoCoversTheLifeCycleAndEveryPageShowsIt() throws Exception {
        AnjianUser a = inspector("张演示");
        AnjianUser b = inspector("李演示");
        AnjianUser admin = TestUsers.user(Role.DISTRICT_ADMIN);
        List<UUID> enterprises = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            enterprises.add(enterprise());
        }
        assertThat(new DemoPenalties(jdbc, cases, directory, clock, org.anjian.shared.config.DistrictProperties.jiangjin()).seed(a, b, admin, enterprises)).isEqualTo(11);
        Map<UUID, CaseState> states = jdbc.sql("select enterprise_id, state from penalty_case where enterprise_id in (:e)").param("e", enterprises)
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), CaseState.valueOf(rs.getString(2)))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(enterprises.stream().map(states::get).toList()).containsExactly(CaseState.FILED, CaseState.INVESTIGATING,
                CaseState.LEGAL_REVIEW, CaseState.NOTIFIED, CaseState.HEARING_REQUESTED, CaseState.DECIDED, CaseState.EXECUTING, CaseState.CLOSED,
                CaseState.TRANSFERRED, CaseState.NO_PENALTY, CaseState.NOTIFIED);
        // the large fine went through legal review before its decision
        UUID large = cases.search(a, new PenaltyCaseService.Filter(null, enterprises.get(5), null, null), new org.anjian.shared.web.PageRequest(0, 1))
                .items().get(0).id();
        PenaltyCaseService.Detail d = cases.detail(admin, large);
        assertThat(d.penaltyCase().fineYuan()).isEqualTo(60_000);
        assertThat(d.reviews()).singleElement().satisfies(r -> assertThat(r.outcome()).isEqualTo("APPROVED"));
        assertThat(d.documents()).hasSize(2);

        for (UUID e : enterprises) {
            UUID id = cases.search(a, new PenaltyCaseService.Filter(null, e, null, null), new org.anjian.shared.web.PageRequest(0, 1)).items().get(0).id();
            String html = mvc.perform(get("/penalty-cases/" + id).with(as(a))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            CaseState s = states.get(e);
            assertThat(html).contains("penalty-timeline");
            assertThat(html.contains("investigation-records\"")).as("investigation form in " + s).isEqualTo(s == CaseState.FILED || s == CaseState.INVESTIGATING);
            assertThat(html.contains("id=\"action-decision\"")).as("decision button in " + s).isEqualTo(s == CaseState.NOTIFIED);
            assertThat(html.contains("/payments\"")).as("payment form in " + s).isEqualTo(s == CaseState.DECIDED || s == CaseState.EXECUTING);
            if (s.isDecided()) {
                assertThat(html).contains("/inspections/documents/").contains("津应急罚决");
            }
        }
        // the home page counts what waits: the handler's eight open cases (eleven less closed, transferred, not penalised), the review queue
        String home = mvc.perform(get("/").with(as(a))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(home).contains("我承办的在办处罚案件");
        assertThat(cases.openCount(a, false)).isEqualTo(8);
        assertThat(cases.openCount(admin, true)).isGreaterThanOrEqualTo(1);
        assertThat(mvc.perform(get("/").with(as(admin))).andReturn().getResponse().getContentAsString()).contains("待法制审核的处罚案件");

        // an outsider inspector reads the case but gets no forms; the auditor likewise
        AnjianUser outsider = inspector("赵旁观");
        UUID filed = cases.search(a, new PenaltyCaseService.Filter(null, enterprises.get(0), null, null), new org.anjian.shared.web.PageRequest(0, 1))
                .items().get(0).id();
        String outsiderView = mvc.perform(get("/penalty-cases/" + filed).with(as(outsider))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(outsiderView).doesNotContain("investigation-records\"").doesNotContain("/transfer\"");
        mvc.perform(post("/penalty-cases/" + filed + "/investigation-records").with(as(outsider)).with(csrf())
                .param("kind", "INQUIRY").param("content", "x").param("takenAt", "2026-01-01T08:00")).andExpect(status().isForbidden());

        // a form on the page moves the case and comes back to it; a refused one shows the reason
        mvc.perform(post("/penalty-cases/" + filed + "/investigation-records").with(as(a)).with(csrf())
                        .param("kind", "INQUIRY").param("content", "询问笔录（页面）").param("takenAt", "2026-01-01T08:00"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/penalty-cases/" + filed));
        assertThat(cases.get(a, filed).state()).isEqualTo(CaseState.INVESTIGATING);
        var refused = mvc.perform(post("/penalty-cases/" + filed + "/decision").with(as(a)).with(csrf())).andExpect(status().is3xxRedirection())
                .andReturn();
        assertThat(refused.getFlashMap().get("error")).isEqualTo("penalty.transition.refused");

        // the list filters, pages and exports what it shows
        String list = mvc.perform(get("/penalty-cases").param("state", "HEARING_REQUESTED").with(as(a))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(list).contains("申请听证</span>").doesNotContain("已决定</span>").doesNotContain("已结案</span>");
        byte[] xlsx = mvc.perform(get("/penalty-cases/export.xlsx").param("mine", "true").with(as(a))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(wb.getSheetAt(0).getLastRowNum()).isEqualTo(11);
            assertThat(wb.getSheetAt(0).getRow(0).getCell(1).getStringCellValue()).isEqualTo("当事人");
        }
        mvc.perform(get("/penalty-cases").with(as(Role.TOWN_OFFICIAL))).andExpect(status().isForbidden());
        AnjianUser owner = TestUsers.user(Role.ENTERPRISE_USER, DataScope.of(ScopeKind.ENTERPRISE, enterprises.get(4)));
        String ownView = mvc.perform(get("/penalty-cases").with(as(owner))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(ownView).contains("申请听证</span>").doesNotContain("已结案</span>").doesNotContain("已立案</span>");
        mvc.perform(get("/penalty-cases/" + filed).with(as(owner))).andExpect(status().isNotFound());
        AnjianUser party = TestUsers.user(Role.ENTERPRISE_USER, DataScope.of(ScopeKind.ENTERPRISE, enterprises.get(10)));
        UUID own = cases.search(party, new PenaltyCaseService.Filter(null, null, null, null), new org.anjian.shared.web.PageRequest(0, 1)).items().get(0).id();
        assertThat(mvc.perform(get("/penalty-cases/" + own).with(as(party))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("id=\"action-hearing-request\"").doesNotContain("investigation-records\"").doesNotContain("现场勘验");
        mvc.perform(post("/penalty-cases/" + own + "/hearing-request").with(as(party)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(cases.get(party, own).state()).isEqualTo(CaseState.HEARING_REQUESTED);

        // the public page: no sign-in, the demo's decision there with the responsible person masked
        String number = d.penaltyCase().decisionNumber();
        String published = "";
        for (int page = 0; page < 100 && !published.contains(number); page++) {
            published = mvc.perform(get("/public/enforcement").param("page", Integer.toString(page)).param("size", "200")).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
        }
        assertThat(published).contains(number).contains("王**").doesNotContain("王建国").doesNotContain("询问笔录");
    }
}
