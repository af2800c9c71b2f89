package org.anjian.governance;

import static org.anjian.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.anjian.AnjianIntegrationTest;
import org.anjian.MutableClock;
import org.anjian.TestUsers;
import org.anjian.governance.internal.ProblemDeadlines;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.organization.Region;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.DataScope;
import org.anjian.shared.security.Role;
import org.anjian.shared.security.ScopeKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Overdue escalation at the deadline boundary: the deadline day is in time, the next day is overdue (town), a week later the district. */
@AnjianIntegrationTest
class ProblemEscalationTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired MockMvc mvc;
    @Autowired MutableClock clock;
    @Autowired ProblemDeadlines deadlines;
    @Autowired OrganizationDirectory organization;

    final AnjianUser admin = TestUsers.user(Role.DISTRICT_ADMIN);

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** Moves the clock to a time of a local day in the district. */
    void at(LocalDate day, int hour, int minute) {
        clock.set(day.atTime(hour, minute).atZone(SHANGHAI).toInstant());
    }

    String view(UUID id, AnjianUser user) throws Exception {
        return mvc.perform(get("/api/v1/problems/" + id).with(as(user))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    long overdueCount(AnjianUser user) throws Exception {
        return ((Number) JsonPath.read(mvc.perform(get("/api/v1/problems").param("overdue", "true").with(as(user)))
                .andReturn().getResponse().getContentAsString(), "$.counts.overdue")).longValue();
    }

    @Test
    void anEnterpriseProblemIsInTimeOnItsDeadlineOverdueTheNextDayWithItsTownAndAWeekLaterWithTheDistrict() throws Exception {
        Region yongxing = organization.regionByName("永兴镇").orElseThrow();
        UUID enterprise = GovernanceTestData.enterprise(mvc, yongxing, "INDUSTRY_TRADE", "BUILDING_MATERIALS");
        AnjianUser town = TestUsers.user(Role.TOWN_OFFICIAL, DataScope.of(ScopeKind.REGION, yongxing.id()));
        LocalDate deadline = LocalDate.now(SHANGHAI).plusDays(3);
        String body = """
                {"listCode":"ENFORCEMENT","title":"%s","description":"逾期测试","ownerKind":"%s","enterpriseId":%s,"townId":"%s","deadline":"%s"}""";
        UUID problem = UUID.fromString(JsonPath.read(mvc.perform(post("/api/v1/problems").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                .content(body.formatted("企业逾期", "ENTERPRISE", "\"" + enterprise + "\"", yongxing.id(), deadline))).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(), "$.id"));
        UUID townOwn = UUID.fromString(JsonPath.read(mvc.perform(post("/api/v1/problems").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                .content(body.formatted("镇街逾期", "TOWN", "null", yongxing.id(), deadline))).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(), "$.id"));
        assertThat(overdueCount(town)).isZero();

        at(deadline, 23, 59);
        deadlines.escalateOverdue();
        assertThat((Boolean) JsonPath.read(view(problem, town), "$.problem.overdue")).isFalse();
        assertThat((String) JsonPath.read(view(problem, town), "$.problem.escalation")).isEqualTo("NONE");
        assertThat(overdueCount(town)).isZero();

        at(deadline.plusDays(1), 0, 5);
        deadlines.escalateOverdue();
        assertThat((Boolean) JsonPath.read(view(problem, town), "$.problem.overdue")).isTrue();
        assertThat((String) JsonPath.read(view(problem, town), "$.problem.escalation")).isEqualTo("TOWN");
        assertThat((String) JsonPath.read(view(townOwn, town), "$.problem.escalation")).isEqualTo("DISTRICT");
        assertThat(overdueCount(town)).isEqualTo(2);
        String counts = mvc.perform(get("/api/v1/problems").param("escalated", "true").with(as(town))).andReturn().getResponse().getContentAsString();
        assertThat(((Number) JsonPath.read(counts, "$.counts.escalatedToTown")).longValue()).isEqualTo(1);
        assertThat(((Number) JsonPath.read(counts, "$.counts.escalatedToDistrict")).longValue()).isEqualTo(1);
        assertThat(mvc.perform(get("/problems").param("overdue", "true").with(as(town))).andReturn().getResponse().getContentAsString())
                .contains("企业逾期", "镇街逾期", "镇街督办", "区级督办");

        at(deadline.plusDays(7), 22, 0);
        assertThat(deadlines.escalateOverdue()).isZero();
        assertThat((String) JsonPath.read(view(problem, town), "$.problem.escalation")).isEqualTo("TOWN");

        at(deadline.plusDays(8), 1, 0);
        deadlines.escalateOverdue();
        String escalated = view(problem, town);
        assertThat((String) JsonPath.read(escalated, "$.problem.escalation")).isEqualTo("DISTRICT");
        assertThat((java.util.List<String>) JsonPath.read(escalated, "$.steps[*].action")).containsExactly("register", "escalate", "escalate");
        // with the district it stays: no further escalation however late it gets
        clock.advance(Duration.ofDays(30));
        deadlines.escalateOverdue();
        assertThat((java.util.List<String>) JsonPath.read(view(problem, town), "$.steps[*].action")).hasSize(3);
    }
}
