package org.anjian.monitoring;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.UUID;
import org.anjian.AnjianIntegrationTest;
import org.anjian.MutableClock;
import org.anjian.monitoring.domain.DutyCadence;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.organization.Region;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.DataScope;
import org.anjian.shared.security.Role;
import org.anjian.shared.security.ScopeKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.anjian.TestUsers.as;
import static org.anjian.TestUsers.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 包保责任人 duty records and the duty rate (《危险化学品企业重大危险源安全包保责任制办法（试行）》, 应急厅〔2021〕12号,
 * REFERENCE-RULES §2): the technical custodian at least once a quarter (Art. 5(5)), the operational custodian at
 * least once a week (Art. 6); the principal's duties (Art. 4) set no period and are not counted.
 */
@AnjianIntegrationTest
class CustodianDutyTest {

    @Autowired MockMvc mvc;
    @Autowired OrganizationDirectory organization;
    @Autowired MutableClock clock;

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Test
    void aWeeklyDutySevenDaysAgoIsCurrentAndEightDaysAgoIsNot() {
        DutyCadence week = new DutyCadence(Period.ofDays(7));
        LocalDate today = LocalDate.of(2026, 12, 3);
        assertThat(week.current(LocalDate.of(2026, 11, 26), today)).isTrue();
        assertThat(week.current(LocalDate.of(2026, 11, 25), today)).isFalse();
        assertThat(week.current(null, today)).isFalse();
        // a quarter: 3 months back to the same day of the month
        DutyCadence quarter = new DutyCadence(Period.ofMonths(3));
        assertThat(quarter.current(LocalDate.of(2026, 9, 3), today)).isTrue();
        assertThat(quarter.current(LocalDate.of(2026, 9, 2), today)).isFalse();
    }

    @Test
    void dutiesAreRecordedForTheNamedCustodianAndCountInTheDutyRateWithinTheirCadence() throws Exception {
        LocalDate today = LocalDate.now(ZONE);
        clock.set(today.atTime(9, 0).atZone(ZONE).toInstant());
        try {
            Region town = organization.regionByName("几江街道").orElseGet(() -> organization.regionByName("双福街道").orElseThrow());
            UUID enterprise = MonitoringFixture.enterprise(mvc, town);
            MonitoringFixture.levelSensor(mvc, enterprise, "LT-" + UUID.randomUUID().toString().substring(0, 8));
            AnjianUser owner = user(Role.ENTERPRISE_USER, DataScope.of(ScopeKind.ENTERPRISE, enterprise));
            // GB 18218-2018: 氯 150 t → 一级 major hazard source
            String unit = JsonPath.read(mvc.perform(post("/api/v1/chemical-units").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON)
                            .content("""
                                    {"enterpriseId":"%s","name":"液氯库","kind":"STORAGE","peopleWithin500m":120,"inventories":[{"name":"氯","tonnes":150}],
                                     "custodians":{"principal":{"name":"王总"},"technical":{"name":"李工"},"operational":{"name":"赵班长"}}}"""
                                    .formatted(enterprise)))
                    .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
            String path = "$.enterprises[?(@.id == '" + enterprise + "')]";
            // nobody has done a duty: 0 of 2 (technical and operational; the principal has no cadence)
            mvc.perform(get("/api/v1/monitoring/indicators").with(as(owner))).andExpect(status().isOk())
                    .andExpect(jsonPath(path + ".custodians").value(2)).andExpect(jsonPath(path + ".dutyRate").value(0.0));

            // the operational custodian 8 days ago: not within the week
            duty(owner, unit, "OPERATIONAL", today.minusDays(8)).andExpect(status().isCreated())
                    .andExpect(jsonPath("$.custodianName").value("赵班长"));
            mvc.perform(get("/api/v1/monitoring/indicators").with(as(owner))).andExpect(jsonPath(path + ".dutiesCurrent").value(0));
            // 7 days ago: within the week
            duty(owner, unit, "OPERATIONAL", today.minusDays(7)).andExpect(status().isCreated());
            mvc.perform(get("/api/v1/monitoring/indicators").with(as(owner))).andExpect(jsonPath(path + ".dutiesCurrent").value(1))
                    .andExpect(jsonPath(path + ".dutyRate").value(50.0));
            // the technical custodian 3 months and 1 day ago: not within the quarter; then exactly 3 months ago: within
            duty(owner, unit, "TECHNICAL", today.minusMonths(3).minusDays(1)).andExpect(status().isCreated());
            mvc.perform(get("/api/v1/monitoring/indicators").with(as(owner))).andExpect(jsonPath(path + ".dutiesCurrent").value(1));
            duty(owner, unit, "TECHNICAL", today.minusMonths(3)).andExpect(status().isCreated());
            String json = mvc.perform(get("/api/v1/monitoring/indicators").with(as(owner))).andExpect(jsonPath(path + ".dutyRate").value(100.0))
                    .andReturn().getResponse().getContentAsString();

            // the bulletin PDF (MON-4): embedded CJK font, and the same numbers as the indicators, for the town and the enterprise
            byte[] pdf = mvc.perform(get("/api/v1/monitoring/indicators/pdf").with(as(owner))).andExpect(status().isOk())
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().contentType(MediaType.APPLICATION_PDF))
                    .andReturn().getResponse().getContentAsByteArray();
            assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
            String text;
            try (com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf)) {
                text = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(1).replaceAll("\\s+", "");
            }
            assertThat(text).contains("包保履职率", town.name(), JsonPath.<java.util.List<String>>read(json, path + ".name").get(0));
            double online = JsonPath.<java.util.List<Double>>read(json, path + ".onlineRate").get(0);
            assertThat(text).contains("100.0%(2/2)", online + "%(" + JsonPath.<java.util.List<Integer>>read(json, path + ".online").get(0) + "/1)");
            assertThat(new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1)).as("the CJK font is embedded").containsPattern("/FontFile[23]?");

            // the custodian must be the one named on the source; a day in the future is refused; another enterprise's source is 404
            mvc.perform(post("/api/v1/custodian-duties").with(as(owner)).contentType(MediaType.APPLICATION_JSON).content("""
                            {"unitId":"%s","role":"TECHNICAL","custodianName":"张三","day":"%s","content":"检查"}""".formatted(unit, today)))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("custodianName"));
            duty(owner, unit, "OPERATIONAL", today.plusDays(1)).andExpect(status().isBadRequest());
            UUID other = MonitoringFixture.enterprise(mvc, town);
            duty(user(Role.ENTERPRISE_USER, DataScope.of(ScopeKind.ENTERPRISE, other)), unit, "OPERATIONAL", today).andExpect(status().isNotFound());
            duty(user(Role.DISTRICT_ADMIN, DataScope.DISTRICT), unit, "OPERATIONAL", today).andExpect(status().isForbidden());

            // the list in scope: by default the last 3 months (three of the four), from half a year ago all four; the other enterprise none
            mvc.perform(get("/api/v1/custodian-duties").with(as(owner))).andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(3));
            mvc.perform(get("/api/v1/custodian-duties").param("from", today.minusMonths(6).toString()).with(as(owner)))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(4))
                    .andExpect(jsonPath("$[0].day").value(today.minusDays(7).toString()));
            mvc.perform(get("/api/v1/custodian-duties").param("unitId", unit)
                            .with(as(user(Role.ENTERPRISE_USER, DataScope.of(ScopeKind.ENTERPRISE, other)))))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
        } finally {
            clock.set(java.time.Instant.now());
        }
    }

    /**
     * The duty rate is over EVERY major hazard source of the scope, with each role that has a cadence (technical, operational)
     * as one obligation: here two major sources, one of which never gets a duty, of an enterprise without any sensor (so it
     * is in no other indicator), on a fixed day (2026-12-15) and for the past month 2026-11 (on its last day, 11-30).
     */
    @Test
    void theDutyRateCountsEveryMajorHazardSourceAndAPastMonthIsReckonedOnItsLastDay() throws Exception {
        ZoneId zone = ZONE;
        LocalDate today = LocalDate.of(2026, 12, 15);
        clock.set(today.atTime(9, 0).atZone(zone).toInstant());
        try {
            Region town = organization.regionByName("几江街道").orElseGet(() -> organization.regionByName("双福街道").orElseThrow());
            UUID enterprise = MonitoringFixture.enterprise(mvc, town);
            AnjianUser owner = user(Role.ENTERPRISE_USER, DataScope.of(ScopeKind.ENTERPRISE, enterprise));
            String a = majorSource(enterprise, "液氯库");
            majorSource(enterprise, "液氨罐区"); // never a duty: counts as not done
            // a unit below the GB 18218-2018 threshold (氯 1 t < 5 t) is no major hazard source and owes no 包保 duties
            mvc.perform(post("/api/v1/chemical-units").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON).content("""
                    {"enterpriseId":"%s","name":"小型氯瓶间","kind":"STORAGE","peopleWithin500m":10,"inventories":[{"name":"氯","tonnes":1}]}"""
                    .formatted(enterprise))).andExpect(status().isCreated());
            String path = "$.enterprises[?(@.id == '" + enterprise + "')]";

            // no duty at all, no sensor: the enterprise is counted, 0 of 2 sources × 2 roles
            rate(owner, null, path, 4, 0, 0.0);
            rate(owner, "2026-11", path, 4, 0, 0.0);

            // operational on 12-08 = 7 days before 12-15: current today; after 11-30, so not in November
            duty(owner, a, "OPERATIONAL", LocalDate.of(2026, 12, 8)).andExpect(status().isCreated());
            rate(owner, null, path, 4, 1, 25.0);
            rate(owner, "2026-11", path, 4, 0, 0.0);
            // operational on 11-22 = 8 days before 11-30: not current on November's last day; 11-23 (7 days) is
            duty(owner, a, "OPERATIONAL", LocalDate.of(2026, 11, 22)).andExpect(status().isCreated());
            rate(owner, "2026-11", path, 4, 0, 0.0);
            duty(owner, a, "OPERATIONAL", LocalDate.of(2026, 11, 23)).andExpect(status().isCreated());
            rate(owner, "2026-11", path, 4, 1, 25.0);
            // technical on 08-29 = a quarter and a day before 11-30: not current in November (nor today)
            duty(owner, a, "TECHNICAL", LocalDate.of(2026, 8, 29)).andExpect(status().isCreated());
            rate(owner, "2026-11", path, 4, 1, 25.0);
            rate(owner, null, path, 4, 1, 25.0);
            // technical on 08-30 = exactly a quarter before 11-30: current in November; 09-14 is a quarter and a day before today
            duty(owner, a, "TECHNICAL", LocalDate.of(2026, 8, 30)).andExpect(status().isCreated());
            rate(owner, "2026-11", path, 4, 2, 50.0);
            rate(owner, null, path, 4, 1, 25.0);
            duty(owner, a, "TECHNICAL", LocalDate.of(2026, 9, 14)).andExpect(status().isCreated());
            rate(owner, null, path, 4, 1, 25.0);
            duty(owner, a, "TECHNICAL", LocalDate.of(2026, 9, 15)).andExpect(status().isCreated());
            rate(owner, null, path, 4, 2, 50.0);
            // the past month's figures are of its last day and no online rate (not kept for the past)
            mvc.perform(get("/api/v1/monitoring/indicators").param("month", "2026-11").with(as(owner))).andExpect(status().isOk())
                    .andExpect(jsonPath("$.day").value("2026-11-30")).andExpect(jsonPath("$.past").value(true))
                    .andExpect(jsonPath("$.district.dutyRate").value(50.0)).andExpect(jsonPath("$.district.onlineRate").doesNotExist());

            // the bulletin of November: its month, its day, and the same figures (2 of 4 in the town, the district and the enterprise)
            String text = pdfText(mvc.perform(get("/api/v1/monitoring/indicators/pdf").param("month", "2026-11").with(as(owner)))
                    .andExpect(status().isOk()).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                            .string("Content-Disposition", org.hamcrest.Matchers.containsString("2026-11.pdf")))
                    .andReturn().getResponse().getContentAsByteArray());
            assertThat(text).contains("2026年11月", "统计日：2026-11-30", "无履职记录计为未履职");
            assertThat(text.split("50\\.0%\\(2/4\\)", -1)).as("district, town and enterprise rows").hasSize(4);
            // the current bulletin from the page (session, no month): December on 12-15, 2 of 4 as well
            String now = pdfText(mvc.perform(get("/monitoring/bulletin").with(as(owner))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsByteArray());
            assertThat(now).contains("2026年12月", "统计日：2026-12-15", "50.0%(2/4)");

            // a bad or future month is refused with a Chinese reason, on the API and on the page
            mvc.perform(get("/api/v1/monitoring/indicators/pdf").param("month", "2026-13").with(as(owner))).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("month"))
                    .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("YYYY-MM")));
            mvc.perform(get("/api/v1/monitoring/indicators").param("month", "2027-01").with(as(owner))).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].message").value("不能选择未来的月份"));
            mvc.perform(get("/api/v1/monitoring/indicators").param("month", "2026-12").with(as(owner))).andExpect(status().isOk())
                    .andExpect(jsonPath("$.past").value(false));
            String refused = mvc.perform(get("/monitoring/bulletin").param("month", "2027-01").with(as(owner))).andExpect(status().isBadRequest())
                    .andReturn().getResponse().getContentAsString();
            assertThat(refused).contains("不能选择未来的月份");
            // the alarm list offers the month, at most the current one
            assertThat(mvc.perform(get("/monitoring/alarms").with(as(owner))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                    .contains("name=\"month\"", "max=\"2026-12\"");

            // another enterprise of the same town sees none of it
            UUID other = MonitoringFixture.enterprise(mvc, town);
            mvc.perform(get("/api/v1/monitoring/indicators").with(as(user(Role.ENTERPRISE_USER, DataScope.of(ScopeKind.ENTERPRISE, other)))))
                    .andExpect(status().isOk()).andExpect(jsonPath(path).isEmpty());
        } finally {
            clock.set(java.time.Instant.now());
        }
    }

    private String majorSource(UUID enterprise, String name) throws Exception {
        return JsonPath.read(mvc.perform(post("/api/v1/chemical-units").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"enterpriseId":"%s","name":"%s","kind":"STORAGE","peopleWithin500m":120,"inventories":[{"name":"氯","tonnes":150}],
                         "custodians":{"principal":{"name":"王总"},"technical":{"name":"李工"},"operational":{"name":"赵班长"}}}"""
                        .formatted(enterprise, name)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
    }

    private void rate(AnjianUser as, String month, String path, int obligations, int current, double rate) throws Exception {
        var request = get("/api/v1/monitoring/indicators").with(as(as));
        if (month != null) {
            request.param("month", month);
        }
        mvc.perform(request).andExpect(status().isOk())
                .andExpect(jsonPath(path + ".custodians").value(obligations)).andExpect(jsonPath(path + ".dutiesCurrent").value(current))
                .andExpect(jsonPath(path + ".dutyRate").value(rate)).andExpect(jsonPath(path + ".sensors").value(0));
    }

    private static String pdfText(byte[] pdf) throws Exception {
        try (com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf)) {
            return new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(1).replaceAll("\\s+", "");
        }
    }

    private org.springframework.test.web.servlet.ResultActions duty(AnjianUser as, String unit, String role, LocalDate day) throws Exception {
        return mvc.perform(post("/api/v1/custodian-duties").with(as(as)).contentType(MediaType.APPLICATION_JSON).content("""
                {"unitId":"%s","role":"%s","day":"%s","content":"重大危险源安全风险隐患排查","problems":"1号罐区可燃气体探测器标定过期"}"""
                .formatted(unit, role, day)));
    }
}
