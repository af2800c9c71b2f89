package org.anjian.penalty;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.anjian.AnjianIntegrationTest;
import org.anjian.MutableClock;
import org.anjian.TestUsers;
import org.anjian.identity.UserManagement;
import org.anjian.identity.UserManagement.NewUser;
import org.anjian.inspection.RectificationOrderEscalated;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.DataScope;
import org.anjian.shared.security.Role;
import org.anjian.shared.security.ScopeKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionTemplate;

import static org.anjian.Eventually.eventually;
import static org.anjian.TestUsers.as;
import static org.anjian.enterprise.EnterpriseTestData.newCreditCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** ENF-5 and ENF-7 over the API: the whole life cycle, its thresholds at both sides, the periods, and who may do what. */
@AnjianIntegrationTest
class PenaltyCaseApiTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired MockMvc mvc;
    @Autowired UserManagement users;
    @Autowired OrganizationDirectory organization;
    @Autowired MutableClock clock;
    @Autowired PenaltyRecords records;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate tx;
    @Autowired JdbcClient jdbc;

    AnjianUser a;
    AnjianUser b;
    AnjianUser outsider;
    AnjianUser admin = TestUsers.user(Role.DISTRICT_ADMIN);
    AnjianUser reviewer = TestUsers.user(Role.DISTRICT_ADMIN);

    @BeforeEach
    void inspectors() {
        a = inspector("张执");
        b = inspector("李执");
        outsider = inspector("王执");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    AnjianUser inspector(String name) {
        var s = users.create(new NewUser("pen" + UUID.randomUUID().toString().substring(0, 8), name + UUID.randomUUID().toString().substring(0, 4),
                "Anjian@2023", EnumSet.of(Role.INSPECTOR), ScopeKind.DISTRICT, null, null, "渝执 P" + UUID.randomUUID().toString().substring(0, 6)));
        return new AnjianUser(s.id(), s.username(), s.displayName(), s.roles(), s.scope(), null, true, false);
    }

    UUID enterprise() throws Exception {
        var town = organization.regionByName("杜市镇").orElseThrow();
        String code = newCreditCode();
        return UUID.fromString(JsonPath.read(mvc.perform(post("/api/v1/enterprises").with(as(Role.DISTRICT_ADMIN))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"creditCode":"%s","name":"重庆处罚%s有限公司","townId":"%s","sector":"INDUSTRY_TRADE","subSector":"BUILDING_MATERIALS",
                         "scale":"ABOVE_SIZE","employees":90,"status":"PRODUCING","flags":[]}""".formatted(code, code.substring(10, 14), town.id())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id"));
    }

    String file(UUID enterprise, String circumstances) throws Exception {
        return JsonPath.read(mvc.perform(post("/api/v1/penalty-cases").with(as(a)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"source":"REPORT","enterpriseId":"%s","categories":["HAZARDOUS_WORK_APPROVAL","MAJOR_HAZARD_SOURCE"],
                         "facts":"2026年11月2日，你单位在污水池有限空间作业未审批，负责人欧阳娜娜（电话13912345678）未安排监护人。",
                         "responsiblePerson":"欧阳娜娜","handlerIds":["%s","%s"],"circumstances":%s}""".formatted(enterprise, a.id(), b.id(), circumstances)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.penaltyCase.state").value("FILED"))
                .andReturn().getResponse().getContentAsString(), "$.penaltyCase.id");
    }

    static final String PLAIN = "{\"majorHazard\":false,\"selfReported\":false,\"rectifying\":false,\"hidden\":false,\"firstOffence\":false,"
            + "\"minor\":false,\"correctedPromptly\":false,\"refusedToRectify\":false}";

    ResultActions act(AnjianUser user, String caseId, String action, String body) throws Exception {
        var req = post("/api/v1/penalty-cases/" + caseId + "/" + action).with(as(user));
        if (body != null) {
            req.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(req);
    }

    void investigate(String id) throws Exception {
        act(a, id, "investigation-records", "{\"kind\":\"INQUIRY\",\"content\":\"询问笔录：当事人承认未办理有限空间作业审批。\",\"takenAt\":\"%s\"}"
                .formatted(clock.instant().minusSeconds(3600))).andExpect(status().isCreated()).andExpect(jsonPath("$.penaltyCase.state").value("INVESTIGATING"));
    }

    String propose(String id, long fine, String reason) throws Exception {
        return "{\"fineYuan\":%d,\"measures\":[\"FINE\"],\"legalBasis\":\"《中华人民共和国安全生产法》第一百零二条\"%s}"
                .formatted(fine, reason == null ? "" : ",\"discretionReason\":\"" + reason + "\"");
    }

    String pdfText(String documentId, AnjianUser user) throws Exception {
        byte[] pdf = mvc.perform(get("/api/v1/documents/" + documentId + ".pdf").with(as(user))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1)).contains("/FontFile");
        com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf);
        StringBuilder text = new StringBuilder();
        for (int p = 1; p <= reader.getNumberOfPages(); p++) {
            text.append(new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(p));
        }
        return text.toString().replaceAll("\\s+", "");
    }

    @Test
    void aLargeFineGoesThroughLegalReviewAndEveryStateToClosed() throws Exception {
        UUID enterprise = enterprise();
        String id = file(enterprise, PLAIN);
        act(a, id, "proposal", propose(id, 50_000, "多次违法")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.reason").value("penalty.transition.refused"))
                .andExpect(jsonPath("$.detail").value("案件当前状态（已立案）不允许此操作（拟处罚意见）"));
        investigate(id);
        // the default band is 10000–30000: 50000 outside it needs a written reason
        String detail = mvc.perform(get("/api/v1/penalty-cases/" + id).with(as(a))).andExpect(status().isOk())
                .andExpect(jsonPath("$.recommendation.rule").value("DEFAULT")).andExpect(jsonPath("$.recommendation.minYuan").value(10000))
                .andExpect(jsonPath("$.recommendation.maxYuan").value(30000)).andReturn().getResponse().getContentAsString();
        assertThat(detail).doesNotContain("\"NOTIFY\"");
        act(a, id, "proposal", propose(id, 50_000, null)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("discretionReason"));
        act(admin, id, "proposal", propose(id, 50_000, "一年内两次同类违法")).andExpect(status().isOk())
                .andExpect(jsonPath("$.penaltyCase.state").value("PROPOSED")).andExpect(jsonPath("$.penaltyCase.reviewRequired").value(true))
                .andExpect(jsonPath("$.penaltyCase.hearingRight").value(true)).andExpect(jsonPath("$.nextActions[?(@ == 'SUBMIT_REVIEW')]").exists())
                .andExpect(jsonPath("$.nextActions[?(@ == 'NOTIFY')]").doesNotExist());
        act(a, id, "notice", null).andExpect(status().isConflict()).andExpect(jsonPath("$.reason").value("penalty.review.required"));
        act(b, id, "legal-review", null).andExpect(status().isOk()).andExpect(jsonPath("$.penaltyCase.state").value("LEGAL_REVIEW"));
        // the proposer, and a handler who is also an administrator, may not review their own case
        act(admin, id, "legal-review/decision", "{\"approved\":true,\"opinion\":\"同意\"}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.reason").value("penalty.review.self")).andExpect(jsonPath("$.detail").value("不得审核本人承办的案件"));
        AnjianUser handlerAdmin = new AnjianUser(a.id(), a.getUsername(), a.displayName(), EnumSet.of(Role.INSPECTOR, Role.DISTRICT_ADMIN),
                DataScope.DISTRICT, null, true, false);
        act(handlerAdmin, id, "legal-review/decision", "{\"approved\":true,\"opinion\":\"同意\"}").andExpect(status().isConflict());
        act(a, id, "legal-review/decision", "{\"approved\":true,\"opinion\":\"同意\"}").andExpect(status().isForbidden());
        act(reviewer, id, "legal-review/decision", "{\"approved\":true,\"opinion\":\" \"}").andExpect(status().isBadRequest());
        act(reviewer, id, "legal-review/decision", "{\"approved\":true,\"opinion\":\"事实清楚，证据确凿，程序合法，同意。\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.penaltyCase.state").value("REVIEWED")).andExpect(jsonPath("$.reviews[0].outcome").value("APPROVED"));

        String notified = act(a, id, "notice", null).andExpect(status().isOk()).andExpect(jsonPath("$.penaltyCase.state").value("NOTIFIED"))
                .andReturn().getResponse().getContentAsString();
        LocalDate today = LocalDate.ofInstant(clock.instant(), SHANGHAI);
        assertThat((String) JsonPath.read(notified, "$.penaltyCase.periodEndsOn")).isEqualTo(today.plusDays(5).toString());
        String noticeNumber = JsonPath.read(notified, "$.documents[0].number");
        assertThat(noticeNumber).matches("津应急罚告〔" + today.getYear() + "〕\\d+号");
        String noticeText = pdfText(JsonPath.read(notified, "$.penaltyCase.noticeDocumentId"), a);
        assertThat(noticeText).contains("行政处罚告知书").contains(noticeNumber).contains("听证").contains("5日内").contains("罚款人民币50,000元");

        // hearing right, no request: the decision waits for the 5-day request period, and may be issued on its last day
        act(a, id, "decision", null).andExpect(status().isConflict()).andExpect(jsonPath("$.reason").value("penalty.period.running"));
        clock.advance(Duration.ofDays(4));
        act(a, id, "decision", null).andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value("陈述申辩（听证申请）期限未届满"));
        clock.advance(Duration.ofDays(1));
        String decided = act(b, id, "decision", null).andExpect(status().isOk()).andExpect(jsonPath("$.penaltyCase.state").value("DECIDED"))
                .andReturn().getResponse().getContentAsString();
        String decisionNumber = JsonPath.read(decided, "$.penaltyCase.decisionNumber");
        assertThat(decisionNumber).matches("津应急罚决〔\\d{4}〕\\d+号");
        String decisionText = pdfText(JsonPath.read(decided, "$.penaltyCase.decisionDocumentId"), a);
        assertThat(decisionText).contains("行政处罚决定书").contains(decisionNumber).contains(noticeNumber).contains("罚款人民币50,000元")
                .contains("行政复议").contains("十五日内");

        act(a, id, "close", null).andExpect(status().isConflict()).andExpect(jsonPath("$.reason").value("penalty.close.unpaid"));
        LocalDate paidOn = LocalDate.ofInstant(clock.instant(), SHANGHAI);
        act(a, id, "payments", "{\"amountYuan\":20000,\"paidOn\":\"%s\",\"receiptNo\":\"FS-001\"}".formatted(paidOn))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.penaltyCase.state").value("EXECUTING")).andExpect(jsonPath("$.paidYuan").value(20000));
        act(a, id, "close", null).andExpect(status().isConflict());
        act(a, id, "payments", "{\"amountYuan\":30001,\"paidOn\":\"%s\",\"receiptNo\":\"FS-002\"}".formatted(paidOn))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].message").value("缴款合计超过罚款金额"));
        act(a, id, "payments", "{\"amountYuan\":30000,\"paidOn\":\"%s\",\"receiptNo\":\"FS-002\"}".formatted(paidOn))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.paidYuan").value(50000));
        String closed = act(a, id, "close", null).andExpect(status().isOk()).andExpect(jsonPath("$.penaltyCase.state").value("CLOSED"))
                .andReturn().getResponse().getContentAsString();
        List<String> timeline = JsonPath.read(closed, "$.timeline[*].action");
        assertThat(timeline).containsExactly("FILE", "INVESTIGATE", "PROPOSE", "SUBMIT_REVIEW", "APPROVE_REVIEW", "NOTIFY", "DECIDE",
                "RECORD_PAYMENT", "RECORD_PAYMENT", "CLOSE");
        act(a, id, "payments", "{\"amountYuan\":1,\"paidOn\":\"%s\",\"receiptNo\":\"X\"}".formatted(paidOn)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.reason").value("penalty.transition.final"));
        assertThat(jdbc.sql("select count(*) from identity_audit_entry where entity_type = 'penalty-case' and entity_id = ?").param(id).query(Long.class).single())
                .isGreaterThanOrEqualTo(10);

        assertThat(records.decided(paidOn, paidOn)).anySatisfy(f -> {
            assertThat(f.caseId()).hasToString(id);
            assertThat(f.fineYuan()).isEqualTo(50_000);
            assertThat(f.categories()).contains(org.anjian.inspection.ViolationCategory.MAJOR_HAZARD_SOURCE);
        });
        assertThat(records.decided(paidOn.minusDays(3), paidOn.minusDays(1))).noneMatch(f -> f.caseId().toString().equals(id));

        // 行政执法公示: no sign-in, names and phone masked, never the investigation records
        String published = publicPageWith("/api/v1/public/penalty-decisions", decisionNumber);
        assertThat(published).contains("欧***").contains("139****5678").doesNotContain("欧阳娜娜")
                .doesNotContain("13912345678").doesNotContain("询问笔录");
        String page = publicPageWith("/public/enforcement", decisionNumber);
        assertThat(page).contains("欧***").doesNotContain("欧阳娜娜").doesNotContain("询问笔录");
    }

    /** The page of the public list that shows this decision (the test database keeps other tests' decisions too). */
    String publicPageWith(String path, String decisionNumber) throws Exception {
        for (int page = 0; page < 100; page++) {
            String body = mvc.perform(get(path).param("page", Integer.toString(page)).param("size", "200")).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            if (body.contains(decisionNumber)) {
                return body;
            }
        }
        throw new AssertionError(decisionNumber + " is not published");
    }

    @Test
    void aFineOneYuanBelowTheThresholdNeedsNoReviewAndGivesThreeDaysToStateADefence() throws Exception {
        String id = file(enterprise(), PLAIN);
        investigate(id);
        act(a, id, "proposal", propose(id, 49_999, "情节较重")).andExpect(status().isOk()).andExpect(jsonPath("$.penaltyCase.reviewRequired").value(false))
                .andExpect(jsonPath("$.penaltyCase.hearingRight").value(false));
        String notified = act(a, id, "notice", null).andExpect(status().isOk()).andExpect(jsonPath("$.penaltyCase.state").value("NOTIFIED"))
                .andReturn().getResponse().getContentAsString();
        assertThat(pdfText(JsonPath.read(notified, "$.penaltyCase.noticeDocumentId"), b)).contains("3日内").doesNotContain("听证");
        AnjianUser owner = TestUsers.user(Role.ENTERPRISE_USER, DataScope.of(ScopeKind.ENTERPRISE, UUID.fromString(JsonPath.read(notified,
                "$.penaltyCase.enterpriseId"))));
        act(owner, id, "hearing-request", null).andExpect(status().isConflict()).andExpect(jsonPath("$.reason").value("penalty.hearing.noRight"));
        clock.advance(Duration.ofDays(2));
        act(a, id, "decision", null).andExpect(status().isConflict()).andExpect(jsonPath("$.reason").value("penalty.period.running"));
        clock.advance(Duration.ofDays(1));
        act(a, id, "decision", null).andExpect(status().isOk()).andExpect(jsonPath("$.penaltyCase.state").value("DECIDED"));
    }

    @Test
    void theHearingPathAndTheEnterprisesView() throws Exception {
        UUID enterprise = enterprise();
        String id = file(enterprise, PLAIN);
        investigate(id);
        act(a, id, "proposal", "{\"fineYuan\":20000,\"measures\":[\"SUSPENSION\"],\"legalBasis\":\"《安全生产法》第一百零二条\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.penaltyCase.reviewRequired").value(true))
                .andExpect(jsonPath("$.penaltyCase.hearingRight").value(true));
        act(a, id, "legal-review", null).andExpect(status().isOk());
        act(reviewer, id, "legal-review/decision", "{\"approved\":false,\"opinion\":\"证据不足，补充现场勘验。\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.penaltyCase.state").value("INVESTIGATING"));
        act(a, id, "investigation-records", "{\"kind\":\"INSPECTION\",\"content\":\"现场勘验：污水池无审批单。\",\"takenAt\":\"%s\"}"
                .formatted(clock.instant().minusSeconds(60))).andExpect(status().isCreated());
        act(a, id, "proposal", "{\"fineYuan\":20000,\"measures\":[\"SUSPENSION\"],\"legalBasis\":\"《安全生产法》第一百零二条\"}").andExpect(status().isOk());
        act(a, id, "legal-review", null).andExpect(status().isOk());
        act(reviewer, id, "legal-review/decision", "{\"approved\":true,\"opinion\":\"同意\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.reviews.length()").value(2));
        act(a, id, "notice", null).andExpect(status().isOk());

        AnjianUser owner = TestUsers.user(Role.ENTERPRISE_USER, DataScope.of(ScopeKind.ENTERPRISE, enterprise));
        AnjianUser other = TestUsers.user(Role.ENTERPRISE_USER, DataScope.of(ScopeKind.ENTERPRISE, enterprise()));
        // the party sees its case (without the officers' evidence file); another enterprise does not know it exists
        String ownerView = mvc.perform(get("/api/v1/penalty-cases/" + id).with(as(owner))).andExpect(status().isOk())
                .andExpect(jsonPath("$.investigation.length()").value(0)).andExpect(jsonPath("$.reviews.length()").value(0))
                .andExpect(jsonPath("$.nextActions[0]").value("REQUEST_HEARING")).andReturn().getResponse().getContentAsString();
        assertThat(ownerView).contains("RETURN_REVIEW").doesNotContain("证据不足").doesNotContain("现场勘验");
        assertThat(mvc.perform(get("/api/v1/penalty-cases/" + id).with(as(a))).andReturn().getResponse().getContentAsString()).contains("证据不足");
        mvc.perform(get("/api/v1/penalty-cases/" + id).with(as(other))).andExpect(status().isNotFound());
        act(other, id, "hearing-request", null).andExpect(status().isNotFound());
        String own = mvc.perform(get("/api/v1/penalty-cases").with(as(owner))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat((Integer) JsonPath.read(own, "$.total")).isEqualTo(1);
        assertThat((Integer) JsonPath.read(mvc.perform(get("/api/v1/penalty-cases").with(as(other))).andReturn().getResponse().getContentAsString(),
                "$.total")).isZero();
        act(owner, id, "decision", null).andExpect(status().isForbidden());
        act(owner, id, "hearing-request", null).andExpect(status().isOk()).andExpect(jsonPath("$.penaltyCase.state").value("HEARING_REQUESTED"));
        clock.advance(Duration.ofDays(6));
        act(a, id, "decision", null).andExpect(status().isConflict()).andExpect(jsonPath("$.reason").value("penalty.hearing.pending"));
        String today = LocalDate.ofInstant(clock.instant(), SHANGHAI).toString();
        act(a, id, "hearing", "{\"heldOn\":\"%s\",\"presidingOfficerId\":\"%s\",\"summary\":\"当事人称已整改\"}".formatted(today, b.id()))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.reason").value("penalty.hearing.presidingHandler"));
        act(a, id, "hearing", "{\"heldOn\":\"%s\",\"presidingOfficerId\":\"%s\",\"summary\":\"当事人称已整改，但未提供审批记录。\"}".formatted(today, outsider.id()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.penaltyCase.state").value("HEARD"))
                .andExpect(jsonPath("$.hearing.presidingOfficer").value(outsider.displayName()));
        act(a, id, "decision", null).andExpect(status().isOk()).andExpect(jsonPath("$.penaltyCase.state").value("DECIDED"));
        act(a, id, "enforcement-application", "{\"court\":\"江津区人民法院\",\"appliedOn\":\"%s\"}".formatted(today))
                .andExpect(status().isOk()).andExpect(jsonPath("$.penaltyCase.state").value("EXECUTING"));
        act(a, id, "close", "{\"measuresDone\":\"已停产整顿\"}").andExpect(status().isOk()).andExpect(jsonPath("$.penaltyCase.state").value("CLOSED"));
    }

    @Test
    void transferAndNoPenaltyEndTheCaseWithoutADecision() throws Exception {
        String transferred = file(enterprise(), PLAIN);
        act(a, transferred, "transfer", "{\"organ\":\"重庆市公安局江津区分局\",\"transferredOn\":\"%s\",\"reason\":\"涉嫌重大责任事故罪\"}"
                .formatted(LocalDate.ofInstant(clock.instant(), SHANGHAI).plusDays(1))).andExpect(status().isBadRequest());
        act(a, transferred, "transfer", "{\"organ\":\"重庆市公安局江津区分局\",\"transferredOn\":\"%s\",\"reason\":\"涉嫌重大责任事故罪\"}"
                        .formatted(LocalDate.ofInstant(clock.instant(), SHANGHAI))).andExpect(status().isOk())
                .andExpect(jsonPath("$.penaltyCase.state").value("TRANSFERRED")).andExpect(jsonPath("$.transfer.organ").value("重庆市公安局江津区分局"));
        investigateRefused(transferred);

        String none = file(enterprise(), PLAIN);
        act(a, none, "no-penalty", "{\"reason\":\"首次违法\"}").andExpect(status().isConflict());
        investigate(none);
        act(a, none, "no-penalty", "{\"reason\":\" \"}").andExpect(status().isBadRequest());
        act(a, none, "no-penalty", "{\"reason\":\"初次违法且危害后果轻微并已及时改正（行政处罚法第三十三条）\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.penaltyCase.state").value("NO_PENALTY")).andExpect(jsonPath("$.nextActions.length()").value(0));
        LocalDate today = LocalDate.ofInstant(clock.instant(), SHANGHAI);
        assertThat(records.decided(today.minusDays(1), today.plusDays(1))).noneMatch(f -> f.caseId().toString().equals(none)
                || f.caseId().toString().equals(transferred));
    }

    @Test
    void aDecisionWithoutAFineClosesOnlyWithItsMeasuresRecorded() throws Exception {
        UUID enterprise = enterprise();
        String id = file(enterprise, PLAIN);
        investigate(id);
        act(a, id, "proposal", "{\"fineYuan\":0,\"measures\":[\"FINE\"],\"legalBasis\":\"x\",\"discretionReason\":\"x\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("fineYuan"));
        act(a, id, "proposal", "{\"fineYuan\":0,\"measures\":[\"WARNING\"],\"legalBasis\":\"《安全生产法》第九十七条\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("discretionReason"));
        act(a, id, "proposal", "{\"fineYuan\":0,\"measures\":[\"WARNING\"],\"legalBasis\":\"《安全生产法》第九十七条\",\"discretionReason\":\"已当场改正\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.penaltyCase.reviewRequired").value(false));
        act(a, id, "notice", null).andExpect(status().isOk());
        clock.advance(Duration.ofDays(3));
        String decided = act(a, id, "decision", null).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        act(a, id, "payments", "{\"amountYuan\":1,\"paidOn\":\"%s\",\"receiptNo\":\"X\"}".formatted(LocalDate.ofInstant(clock.instant(), SHANGHAI)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.reason").value("penalty.payment.noFine"));
        act(a, id, "close", "{}").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("measuresDone"));
        act(a, id, "close", "{\"measuresDone\":\"警告已送达\"}").andExpect(status().isOk()).andExpect(jsonPath("$.penaltyCase.state").value("CLOSED"));
        // the party reads its decision on the page; another enterprise does not
        String doc = JsonPath.read(decided, "$.penaltyCase.decisionDocumentId");
        mvc.perform(get("/inspections/documents/" + doc + ".pdf").with(as(TestUsers.user(Role.ENTERPRISE_USER, DataScope.of(ScopeKind.ENTERPRISE, enterprise)))))
                .andExpect(status().isOk());
        mvc.perform(get("/inspections/documents/" + doc + ".pdf").with(as(TestUsers.user(Role.ENTERPRISE_USER, DataScope.of(ScopeKind.ENTERPRISE,
                UUID.randomUUID()))))).andExpect(status().isNotFound());
    }

    void investigateRefused(String id) throws Exception {
        act(a, id, "investigation-records", "{\"kind\":\"INQUIRY\",\"content\":\"x\",\"takenAt\":\"%s\"}".formatted(clock.instant().minusSeconds(60)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.reason").value("penalty.transition.final"));
    }

    @Test
    void selfReportedHazardsGetGuidanceAndHiddenOnesTheHeavierBand() throws Exception {
        String selfReported = file(enterprise(), PLAIN.replace("\"majorHazard\":false", "\"majorHazard\":true")
                .replace("\"selfReported\":false", "\"selfReported\":true").replace("\"rectifying\":false", "\"rectifying\":true"));
        mvc.perform(get("/api/v1/penalty-cases/" + selfReported).with(as(a))).andExpect(jsonPath("$.recommendation.recommendation").value("GUIDANCE"))
                .andExpect(jsonPath("$.recommendation.maxYuan").value(0));
        String hidden = file(enterprise(), PLAIN.replace("\"majorHazard\":false", "\"majorHazard\":true").replace("\"hidden\":false", "\"hidden\":true"));
        mvc.perform(get("/api/v1/penalty-cases/" + hidden).with(as(a))).andExpect(jsonPath("$.recommendation.recommendation").value("HEAVIER"))
                .andExpect(jsonPath("$.recommendation.minYuan").value(30000)).andExpect(jsonPath("$.recommendation.maxYuan").value(50000));
        investigate(hidden);
        act(a, hidden, "proposal", propose(hidden, 29_999, null)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("discretionReason"));
        act(a, hidden, "proposal", propose(hidden, 30_000, null)).andExpect(status().isOk()).andExpect(jsonPath("$.penaltyCase.discretionRule")
                .value("HIDDEN_MAJOR_HAZARD"));
        // the rules are data: readable by inspectors, editable by the district only
        String rules = mvc.perform(get("/api/v1/penalty-discretion-rules").with(as(a))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(rules).contains("SELF_REPORTED_RECTIFYING").contains("REFUSED_TO_RECTIFY").contains("FIRST_MINOR_CORRECTED");
        mvc.perform(put("/api/v1/penalty-discretion-rules").with(as(a)).contentType(MediaType.APPLICATION_JSON).content(rules))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/penalty-discretion-rules").with(as(admin)).contentType(MediaType.APPLICATION_JSON).content(
                        rules.replaceFirst("\"maxYuan\":0", "\"maxYuan\":-1"))).andExpect(status().isBadRequest());
        mvc.perform(put("/api/v1/penalty-discretion-rules").with(as(admin)).contentType(MediaType.APPLICATION_JSON).content(rules))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value((Integer) JsonPath.read(rules, "$.length()")));
    }

    @Test
    void anEscalatedOrderFilesExactlyOneCaseHoweverOftenItIsDelivered() throws Exception {
        UUID enterprise = enterprise();
        UUID order = UUID.randomUUID();
        var event = new RectificationOrderEscalated(order, "津应急责改〔2026〕99号", null, enterprise, List.of(a.id(), b.id()), "污水池仍无审批制度",
                java.util.Set.of(org.anjian.inspection.ViolationCategory.HAZARDOUS_WORK_APPROVAL));
        tx.executeWithoutResult(s -> events.publishEvent(event));
        tx.executeWithoutResult(s -> events.publishEvent(event));
        eventually(() -> {
            String list = mvc.perform(get("/api/v1/penalty-cases").param("enterpriseId", enterprise.toString()).with(as(a)))
                    .andReturn().getResponse().getContentAsString();
            assertThat((Integer) JsonPath.read(list, "$.total")).isEqualTo(1);
            assertThat((String) JsonPath.read(list, "$.items[0].source")).isEqualTo("ORDER_ESCALATED");
            assertThat((Boolean) JsonPath.read(list, "$.items[0].circumstances.refusedToRectify")).isTrue();
            assertThat((String) JsonPath.read(list, "$.items[0].facts")).contains("污水池仍无审批制度").contains("津应急责改〔2026〕99号");
            // the case cites what the order's findings were, for the violation–penalty–accident analysis
            assertThat(JsonPath.<List<String>>read(list, "$.items[0].categories")).containsExactly("HAZARDOUS_WORK_APPROVAL");
        });
        Thread.sleep(300);
        assertThat(jdbc.sql("select count(*) from penalty_case where source_ref = ?").param(order).query(Long.class).single()).isEqualTo(1);
        String id = jdbc.sql("select id::text from penalty_case where source_ref = ?").param(order).query(String.class).single();
        mvc.perform(get("/api/v1/penalty-cases/" + id).with(as(a))).andExpect(jsonPath("$.recommendation.rule").value("REFUSED_TO_RECTIFY"));
    }

    @Test
    void aReinspectionThatFindsTheOrderNotCarriedOutFilesTheCaseForTheSameInspectors() throws Exception {
        UUID enterprise = enterprise();
        LocalDate today = LocalDate.ofInstant(clock.instant(), SHANGHAI);
        String inspection = JsonPath.read(mvc.perform(post("/api/v1/inspections").with(as(a)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"enterpriseId\":\"%s\",\"inspectorIds\":[\"%s\",\"%s\"],\"plannedOn\":\"%s\"}".formatted(enterprise, a.id(), b.id(), today)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        mvc.perform(post("/api/v1/inspections/" + inspection + "/findings").with(as(a)).contentType(MediaType.APPLICATION_JSON).content("""
                {"place":"配电房","description":"配电柜前未铺设绝缘垫","category":"SAFETY_FACILITIES","deadline":"%s"}""".formatted(today.plusDays(5)))).andExpect(status().isCreated());
        String order = JsonPath.read(mvc.perform(post("/api/v1/inspections/" + inspection + "/documents/rectification-order").with(as(a)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        mvc.perform(post("/api/v1/orders/" + order + "/reinspection").with(as(b)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"rectified\":false,\"opinion\":\"复查时配电柜前仍无绝缘垫\"}")).andExpect(status().isOk());
        eventually(() -> {
            String list = mvc.perform(get("/api/v1/penalty-cases").param("enterpriseId", enterprise.toString()).with(as(b)))
                    .andReturn().getResponse().getContentAsString();
            assertThat((Integer) JsonPath.read(list, "$.total")).isEqualTo(1);
            assertThat((String) JsonPath.read(list, "$.items[0].sourceRef")).isEqualTo(order);
            assertThat((String) JsonPath.read(list, "$.items[0].inspectionId")).isEqualTo(inspection);
            assertThat((List<String>) JsonPath.read(list, "$.items[0].handlerIds")).containsExactly(a.id().toString(), b.id().toString());
            assertThat((String) JsonPath.read(list, "$.items[0].facts")).contains("复查时配电柜前仍无绝缘垫");
        });
    }

    @Test
    void whoMayDoWhat() throws Exception {
        String id = file(enterprise(), PLAIN);
        act(outsider, id, "investigation-records", "{\"kind\":\"INQUIRY\",\"content\":\"x\",\"takenAt\":\"%s\"}".formatted(clock.instant().minusSeconds(60)))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.reason").value("penalty.notHandler"));
        mvc.perform(get("/api/v1/penalty-cases/" + id).with(as(outsider))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/penalty-cases/" + id).with(as(Role.AUDITOR))).andExpect(status().isOk());
        act(TestUsers.user(Role.AUDITOR), id, "transfer", "{\"organ\":\"x\",\"transferredOn\":\"2026-01-01\",\"reason\":\"x\"}").andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/penalty-cases/" + id).with(as(Role.TOWN_OFFICIAL))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/penalty-cases/" + UUID.randomUUID()).with(as(a))).andExpect(status().isNotFound());
        // filing needs two certified inspectors
        mvc.perform(post("/api/v1/penalty-cases").with(as(a)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"source":"REPORT","enterpriseId":"%s","categories":["OTHER"],"facts":"x","handlerIds":["%s"]}""".formatted(enterprise(), a.id())))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("handlerIds"));
        mvc.perform(post("/api/v1/penalty-cases").with(as(a)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"source":"REPORT","enterpriseId":"%s","categories":["OTHER"],"facts":"x","handlerIds":["%s","%s"]}"""
                        .formatted(enterprise(), a.id(), admin.id())))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("handlerIds"));
        String mine = mvc.perform(get("/api/v1/penalty-cases").param("handlerId", outsider.id().toString()).with(as(outsider)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat((Integer) JsonPath.read(mine, "$.total")).isZero();
    }
}
