package org.anjian.penalty.internal;

import static org.anjian.TestUsers.as;
import static org.anjian.enterprise.EnterpriseTestData.newCreditCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.anjian.AnjianIntegrationTest;
import org.anjian.inspection.ViolationCategory;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.penalty.PenaltyDecided;
import org.anjian.shared.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 19 #11: 处罚决定 in the enforcement indicators counts the decisions the penalty list shows for the same year — the
 * list filters by the year of the decision in the district's time zone, and a decision the demo migrates still announces
 * itself to the indicators. Two decisions either side of New Year's midnight in Chongqing (16:00 UTC) fall in different years.
 */
@AnjianIntegrationTest
class DecisionsCountedAsListedTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final int YEAR = 2031;

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate tx;
    @Autowired OrganizationDirectory organization;

    @Test
    void theIndicatorsCountTheDecisionsThePenaltyListShowsForTheYear() throws Exception {
        var town = organization.regionByName("双福街道").orElseThrow();
        UUID enterprise = UUID.fromString(JsonPath.read(mvc.perform(post("/api/v1/enterprises").with(as(Role.DISTRICT_ADMIN))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"creditCode":"%s","name":"重庆决定年度测试有限公司","townId":"%s","sector":"INDUSTRY_TRADE","subSector":"MACHINERY",
                         "scale":"ABOVE_SIZE","employees":80,"status":"PRODUCING","flags":[]}""".formatted(newCreditCode(), town.id())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id"));
        List<UUID> handlers = List.of(UUID.randomUUID(), UUID.randomUUID());
        // 2030-12-31 23:30 and 2031-01-01 00:30 in Chongqing; and 2031-12-31 23:59 (still 2031)
        List<LocalDateTime> decided = List.of(LocalDateTime.of(YEAR - 1, 12, 31, 23, 30), LocalDateTime.of(YEAR, 1, 1, 0, 30),
                LocalDateTime.of(YEAR, 12, 31, 23, 59));
        tx.executeWithoutResult(s -> {
            int n = 0;
            for (LocalDateTime at : decided) {
                UUID id = UUID.randomUUID();
                OffsetDateTime t = at.atZone(SHANGHAI).toOffsetDateTime();
                jdbc.sql("""
                        insert into penalty_case (id, state, source, enterprise_id, categories, facts, handler_ids, fine_yuan, decision_number,
                          decided_at, decided_on, filed_by, filed_at, updated_at)
                        values (?, 'CLOSED', 'INSPECTION', ?, ?, '年度边界', ?, 20000, ?, ?, ?, 'test', ?, ?)""")
                        .params(id, enterprise, new String[] {"PRINCIPAL_DUTIES"}, handlers.toArray(UUID[]::new), "测罚决〔" + at.getYear() + "〕" + (++n) + "号",
                                t, at.toLocalDate(), t.minusDays(20), t).update();
                events.publishEvent(new PenaltyDecided(id, enterprise, null, handlers, 20000, t.toInstant(), at.toLocalDate(),
                        "测罚决〔" + at.getYear() + "〕" + n + "号", null, Set.of(ViolationCategory.values()[0])));
            }
        });
        String list = mvc.perform(get("/penalty-cases").param("decidedYear", String.valueOf(YEAR)).with(as(Role.DISTRICT_ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("共 2 条");
        assertThat(mvc.perform(get("/penalty-cases").param("decidedYear", String.valueOf(YEAR - 1)).with(as(Role.DISTRICT_ADMIN)))
                .andReturn().getResponse().getContentAsString()).contains("共 1 条");
        long deadline = System.currentTimeMillis() + 20_000;
        Integer decisions = null;
        while (System.currentTimeMillis() < deadline) {
            String json = mvc.perform(get("/api/v1/enforcement-indicators").param("year", String.valueOf(YEAR)).with(as(Role.DISTRICT_ADMIN)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            decisions = JsonPath.read(json, "$.intensity.decisions");
            if (decisions == 2) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(decisions).isEqualTo(2);
    }
}
