package org.anjian.shared.web;

import static org.anjian.TestUsers.as;
import static org.anjian.enterprise.EnterpriseTestData.newCreditCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.anjian.AnjianIntegrationTest;
import org.anjian.shared.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Keyset paging ({@code after=} the previous page's {@code next}) on the four big lists (issue 17): walking a list page by
 * page with the cursor yields exactly the rows of the numbered pages, in the same order, ties on the sort keys included
 * (broken by the id); every page carries the list's total; the last page has no {@code next}; a cursor that does not
 * decode is a 400 naming {@code after}. Each list is filtered to rows of this test's own enterprise.
 */
@AnjianIntegrationTest
class KeysetPagingTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired org.anjian.organization.OrganizationDirectory organization;

    /** The ids of the list at {@code url} (filter and size included) through the numbered pages, and through the cursor. */
    List<List<String>> bothWays(String url, int expected) throws Exception {
        List<String> numbered = new ArrayList<>();
        for (int page = 0; ; page++) {
            String body = read(url + "&page=" + page);
            List<String> ids = JsonPath.read(body, "$.items[*].id");
            if (ids.isEmpty()) {
                break;
            }
            numbered.addAll(ids);
        }
        List<String> keyset = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            String body = read(url + (after == null ? "" : "&after=" + after));
            assertThat(((Number) JsonPath.read(body, "$.total")).longValue()).isEqualTo(expected);
            List<String> ids = JsonPath.read(body, "$.items[*].id");
            keyset.addAll(ids);
            List<String> next = JsonPath.read(body, "$..next");
            after = next.isEmpty() ? null : next.get(0);
            pages++;
        } while (after != null && pages < 20);
        return List.of(numbered, keyset);
    }

    String read(String url) throws Exception {
        return mvc.perform(get(url).with(as(Role.DISTRICT_ADMIN))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void hazardsWalkedByCursorAreTheNumberedPages() throws Exception {
        UUID enterprise = UUID.randomUUID();
        OffsetDateTime t = OffsetDateTime.parse("2026-06-01T00:00:00Z");
        // open ones first by deadline, then the closed; two pairs tie on deadline and found time (only the id orders them)
        Object[][] rows = {
                {"REPORTED", t, t.plusDays(5)}, {"REPORTED", t, t.plusDays(5)}, {"RECTIFYING", t.plusDays(1), t.plusDays(5)},
                {"PLANNED", t, t.plusDays(3)}, {"CLOSED", t, t.plusDays(1)}, {"CLOSED", t, t.plusDays(1)}, {"CLOSED", t.minusDays(3), t.plusDays(9)}};
        for (Object[] r : rows) {
            jdbc.sql("""
                    insert into hazard_hazard (id, enterprise_id, enterprise_name, sector, place, description, grade, source, finder_name, found_at, deadline,
                      state, closed_at)
                    values (:id, :e, '游标测试企业', 'HAZCHEM', '车间', '游标', 'GENERAL', 'SELF_CHECK', '测试', :found, :deadline, :state, :closed)""")
                    .param("id", UUID.randomUUID()).param("e", enterprise).param("found", r[1]).param("deadline", r[2]).param("state", r[0])
                    .param("closed", "CLOSED".equals(r[0]) ? t.plusDays(1) : null).update();
        }
        List<List<String>> both = bothWays("/api/v1/hazards?enterpriseId=" + enterprise + "&size=2", 7);
        assertThat(both.get(0)).hasSize(7).doesNotHaveDuplicates();
        assertThat(both.get(1)).isEqualTo(both.get(0));
        List<String> states = new ArrayList<>();
        for (String id : both.get(1)) {
            states.add(jdbc.sql("select state from hazard_hazard where id = ?").param(UUID.fromString(id)).query(String.class).single());
        }
        assertThat(states).containsExactly("PLANNED", "RECTIFYING", "REPORTED", "REPORTED", "CLOSED", "CLOSED", "CLOSED");
        // a page size that ends exactly on the last row: that page still has a next, the one after it is empty without one
        assertThat(bothWays("/api/v1/hazards?enterpriseId=" + enterprise + "&size=7", 7).get(1)).isEqualTo(both.get(0));
    }

    @Test
    void inspectionsAndPenaltyCasesWalkedByCursorAreTheNumberedPages() throws Exception {
        UUID enterprise = UUID.randomUUID();
        OffsetDateTime t = OffsetDateTime.parse("2026-06-01T08:00:00Z");
        LocalDate day = LocalDate.parse("2026-06-10");
        LocalDate[] planned = {day, day, day, day.minusDays(1), day.plusDays(1)};
        OffsetDateTime[] created = {t, t, t.plusHours(1), t, t};
        for (int i = 0; i < 5; i++) {
            jdbc.sql("""
                    insert into inspection_inspection (id, enterprise_id, sector, inspector_ids, planned_on, state, created_by, created_at)
                    values (:id, :e, 'HAZCHEM', :inspectors, :planned, 'PLANNED', 'test', :created)""")
                    .param("id", UUID.randomUUID()).param("e", enterprise).param("inspectors", new UUID[] {UUID.randomUUID()})
                    .param("planned", planned[i]).param("created", created[i]).update();
        }
        List<List<String>> inspections = bothWays("/api/v1/inspections?enterpriseId=" + enterprise + "&size=2", 5);
        assertThat(inspections.get(0)).hasSize(5).doesNotHaveDuplicates();
        assertThat(inspections.get(1)).isEqualTo(inspections.get(0));

        OffsetDateTime[] filed = {t, t, t, t.minusDays(1), t.plusDays(1)};
        for (OffsetDateTime f : filed) {
            jdbc.sql("""
                    insert into penalty_case (id, state, source, enterprise_id, categories, facts, handler_ids, filed_by, filed_at, updated_at)
                    values (:id, 'FILED', 'OTHER', :e, cast(:categories as varchar(32)[]), '游标测试', :handlers, 'test', :filed, :filed)""")
                    .param("id", UUID.randomUUID()).param("e", enterprise).param("categories", "{PRINCIPAL_DUTIES}")
                    .param("handlers", new UUID[] {UUID.randomUUID()}).param("filed", f).update();
        }
        List<List<String>> cases = bothWays("/api/v1/penalty-cases?enterpriseId=" + enterprise + "&size=2", 5);
        assertThat(cases.get(0)).hasSize(5).doesNotHaveDuplicates();
        assertThat(cases.get(1)).isEqualTo(cases.get(0));
    }

    @Test
    void enterprisesWalkedByCursorInTheirSortOrders() throws Exception {
        String tag = "游标" + UUID.randomUUID().toString().substring(0, 6);
        int[] employees = {50, 50, 50, 10, 90};
        org.anjian.organization.Region town = organization.regionByName("双福街道").orElseThrow();
        for (int i = 0; i < 5; i++) {
            String json = """
                    {"creditCode":"%s","name":"重庆%s测试%d有限公司","legalRepresentative":"张三","address":"江津区测试路1号","phone":"023-47520000",
                     "latitude":%s,"longitude":%s,"townId":"%s","sector":"INDUSTRY_TRADE","subSector":"MACHINERY","scale":"ABOVE_SIZE","employees":%d,
                     "status":"PRODUCING","flags":[]}"""
                    .formatted(newCreditCode(), tag, i % 3, town.latitude(), town.longitude(), town.id(), employees[i]);
            mvc.perform(post("/api/v1/enterprises").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON).content(json))
                    .andExpect(status().isCreated());
        }
        // MockMvc encodes the URI template itself
        String q = "/api/v1/enterprises?q=" + tag + "&size=2";
        for (String sort : List.of("", "&sort=-employees", "&sort=updated", "&sort=-name")) {
            List<List<String>> both = bothWays(q + sort, 5);
            assertThat(both.get(0)).as(sort).hasSize(5).doesNotHaveDuplicates();
            assertThat(both.get(1)).as(sort).isEqualTo(both.get(0));
        }
    }

    @Test
    void aCursorThatDoesNotDecodeIsA400NamingAfter() throws Exception {
        for (String url : List.of("/api/v1/hazards?after=abc", "/api/v1/inspections?after=x.y.z", "/api/v1/penalty-cases?after=%25%25",
                "/api/v1/enterprises?after=" + Cursor.of("重庆", "not-a-uuid"))) {
            mvc.perform(get(url).with(as(Role.DISTRICT_ADMIN))).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("after"));
        }
    }
}
