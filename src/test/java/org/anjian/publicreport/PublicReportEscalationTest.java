package org.anjian.publicreport;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.anjian.AnjianIntegrationTest;
import org.anjian.MutableClock;
import org.anjian.publicreport.internal.PublicReportService;
import org.anjian.shared.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.anjian.TestUsers.as;
import static org.anjian.publicreport.PublicReportApiTest.freshAddress;
import static org.anjian.publicreport.PublicReportApiTest.from;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * RPT-2 逾期升级 on the configured holiday calendar (application-test.properties: 1–7 Oct 2030 off, Sunday
 * 29 Sep 2030 a make-up working day): a report received on Friday 27 Sep must be accepted within 5
 * working days — Sun 29, Mon 30 Sep, Tue 8, Wed 9, Thu 10 Oct — so the daily job leaves it alone through
 * Thursday 10 Oct (weekdays alone would have ended on Fri 4 Oct) and escalates it on Friday 11 Oct, once,
 * audited, and the district's home page counts it.
 */
@AnjianIntegrationTest
class PublicReportEscalationTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;
    @Autowired PublicReportService service;

    static final ZoneOffset SHANGHAI = ZoneOffset.ofHours(8);

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    void at(int month, int day, int hour) {
        clock.set(OffsetDateTime.of(2030, month, day, hour, 0, 0, 0, SHANGHAI).toInstant());
    }

    LocalDate escalatedOn(String code) {
        return jdbc.sql("select escalated_on from publicreport_report where query_code = ?").param(code).query(LocalDate.class).optional()
                .orElse(null);
    }

    @Test
    void theAcceptanceLimitCountsWorkingDaysOfTheCalendarAndEscalatesTheDayAfter() throws Exception {
        at(9, 27, 10);
        String code = JsonPath.read(mvc.perform(post("/api/v1/public/reports").with(from(freshAddress())).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"category\":\"OTHER_VIOLATION\",\"description\":\"节前举报\",\"location\":\"某地\",\"anonymous\":true}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.queryCode");
        assertThat(jdbc.sql("select accept_due_on from publicreport_report where query_code = ?").param(code).query(LocalDate.class).single())
                .isEqualTo(LocalDate.of(2030, 10, 10));

        at(10, 5, 1); // weekdays alone would be overdue now
        service.escalateOverdue();
        assertThat(escalatedOn(code)).isNull();

        at(10, 10, 23); // the last day itself is still in time
        service.escalateOverdue();
        assertThat(escalatedOn(code)).isNull();

        at(10, 11, 0); // the day after: escalated, once
        service.escalateOverdue();
        assertThat(escalatedOn(code)).isEqualTo(LocalDate.of(2030, 10, 11));
        at(10, 12, 1);
        service.escalateOverdue();
        assertThat(escalatedOn(code)).isEqualTo(LocalDate.of(2030, 10, 11));

        String id = jdbc.sql("select id::text from publicreport_report where query_code = ?").param(code).query(String.class).single();
        mvc.perform(get("/api/v1/audit").param("action", "PUBLIC_REPORT_ESCALATED").param("entityId", id).with(as(Role.AUDITOR)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1));
        // the district is told: its home page counts the overdue reports
        String home = mvc.perform(get("/").with(as(Role.DISTRICT_ADMIN))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(home).contains("逾期未办举报");
        assertThat(service.escalatedCount(org.anjian.TestUsers.user(Role.DISTRICT_ADMIN, org.anjian.shared.security.DataScope.DISTRICT)))
                .isPositive();
    }
}
