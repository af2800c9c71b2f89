package org.anjian.permit;

import static org.anjian.TestUsers.as;
import static org.anjian.enterprise.EnterpriseTestData.newCreditCode;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.anjian.AnjianIntegrationTest;
import org.anjian.MutableClock;
import org.anjian.TestUsers;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.DataScope;
import org.anjian.shared.security.Role;
import org.anjian.shared.security.ScopeKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * An uncertified worker on a permit (TRN-2, 令第30号: 特种作业操作证 valid 6 years, last day inclusive, reviewed every 3 years, a
 * missed review leaves it invalid): a certificate number the registry knows is judged by the registry, not by what was typed;
 * an unknown number keeps the typed check.
 */
@AnjianIntegrationTest
class PermitCertificateRegistryTest {

    /** Wednesday 2026-12-02 10:00 in Chongqing (UTC+8). */
    static final Instant DEC_2 = Instant.parse("2026-12-02T02:00:00Z");

    @Autowired MockMvc mvc;
    @Autowired MutableClock clock;
    @Autowired OrganizationDirectory organization;

    UUID enterpriseId;
    AnjianUser enterprise;

    @BeforeEach
    void anEnterprise() throws Exception {
        clock.set(DEC_2);
        var town = organization.regionByName("杜市镇").orElseThrow();
        String code = newCreditCode();
        enterpriseId = UUID.fromString(JsonPath.read(mvc.perform(post("/api/v1/enterprises").with(as(Role.DISTRICT_ADMIN))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"creditCode":"%s","name":"重庆持证%s机械有限公司","townId":"%s","sector":"INDUSTRY_TRADE","subSector":"MACHINERY",
                         "scale":"ABOVE_SIZE","employees":60,"status":"PRODUCING","flags":[]}""".formatted(code, code.substring(10, 14), town.id())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id"));
        enterprise = TestUsers.user(Role.ENTERPRISE_USER, DataScope.of(ScopeKind.ENTERPRISE, enterpriseId));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** Registers a certificate in the training registry (dates as on the certificate; null: by the rule). */
    String register(String category, String issuedOn, String validUntil, String reviewDue) throws Exception {
        String number = "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
        mvc.perform(post("/api/v1/training/certificates").with(as(enterprise)).contentType(MediaType.APPLICATION_JSON).content("""
                {"enterpriseId":"%s","kind":"SPECIAL_OPERATION","category":"%s","holderName":"焊工丁","number":"%s","issuer":"重庆市应急管理局",
                 "issuedOn":"%s","validUntil":%s,"reviewDue":%s}""".formatted(enterpriseId, category, number, issuedOn, json(validUntil), json(reviewDue))))
                .andExpect(status().isCreated());
        return number;
    }

    static String json(String date) {
        return date == null ? "null" : "\"" + date + "\"";
    }

    /** A 6-hour hot work starting now, its worker claiming a certificate valid until 2030 whatever the registry says. */
    ResultActions hotWork(String certificateNumber) throws Exception {
        Instant from = clock.instant();
        return mvc.perform(post("/api/v1/permits").with(as(enterprise)).contentType(MediaType.APPLICATION_JSON).content("""
                {"type":"HOT_WORK","hotWorkSite":"OUTSIDE_HAZARD_AREA","location":"机修车间外","content":"焊接支架",
                 "validFrom":"%s","validTo":"%s","applicant":"申请人甲","workLeader":"负责人乙","guardian":"监护人丙",
                 "workers":[{"name":"焊工丁","certificateCategory":"WELDING_AND_THERMAL_CUTTING","certificateNumber":"%s","certificateValidUntil":"2030-01-01"}],
                 "measures":["清除周围易燃物","配备灭火器"]}""".formatted(from, from.plus(Duration.ofHours(6)), certificateNumber)));
    }

    @Test
    void aRegisteredCertificateIsValidThroughItsLastDayAndRefusedTheDayAfter() throws Exception {
        // issued 2020-12-03, reviewed: valid until 2026-12-03 (6 years less a day), no review left
        String number = register("WELDING_AND_THERMAL_CUTTING", "2020-12-03", "2026-12-03", "2026-12-03");
        hotWork(number).andExpect(status().isCreated()) // the day before the last day
                .andExpect(jsonPath("$.workers[0].validUntil").value("2026-12-03")); // the registry's day, not the typed 2030-01-01
        clock.set(DEC_2.plus(Duration.ofDays(1)));
        hotWork(number).andExpect(status().isCreated()); // the last day itself
        clock.set(DEC_2.plus(Duration.ofDays(2)));
        hotWork(number).andExpect(status().isConflict()).andExpect(jsonPath("$.reason").value("permit.worker.certificate.registry"))
                .andExpect(jsonPath("$.detail", allOf(containsString("焊工丁"), containsString("2026-12-03到期失效"))));
    }

    @Test
    void aMissedReviewRefusesTheWorkerFromTheDayAfterItWasDue() throws Exception {
        // issued 2023-12-02: review due 2026-12-02 (3 years), never done
        String number = register("WELDING_AND_THERMAL_CUTTING", "2023-12-02", null, null);
        hotWork(number).andExpect(status().isCreated()); // the day it is due
        clock.set(DEC_2.plus(Duration.ofDays(1)));
        hotWork(number).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", allOf(containsString("焊工丁"), containsString("未按期复审"))));
    }

    @Test
    void aCertificateOfAnotherCategoryDoesNotCoverHotWork() throws Exception {
        String number = register("ELECTRICAL", "2025-06-01", null, null);
        hotWork(number).andExpect(status().isConflict()).andExpect(jsonPath("$.detail", containsString("不是焊接与热切割作业类别")));
    }

    @Test
    void anUnknownNumberKeepsTheTypedCheckForEnterprisesNotYetInTheRegistry() throws Exception {
        hotWork("NOT-IN-REGISTRY-" + UUID.randomUUID()).andExpect(status().isCreated())
                .andExpect(jsonPath("$.workers[0].validUntil").value("2030-01-01"));
    }
}
