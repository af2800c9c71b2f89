package org.anjian.inspection;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anjian.AnjianIntegrationTest;
import org.anjian.MutableClock;
import org.anjian.TestUsers;
import org.anjian.enterprise.EnterpriseLookup;
import org.anjian.enterprise.SupervisionClass;
import org.anjian.identity.UserDirectory;
import org.anjian.identity.UserManagement;
import org.anjian.identity.UserManagement.NewUser;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.organization.Region;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.DataScope;
import org.anjian.shared.security.Role;
import org.anjian.shared.security.ScopeKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.anjian.TestUsers.as;
import static org.anjian.enterprise.EnterpriseTestData.newCreditCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * ENF-1 through the API. Plans are made for years nobody else uses (after every year already in the
 * test database), so progress and the unplanned share count only what this test does.
 */
@AnjianIntegrationTest
class InspectionPlanApiTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired EnterpriseLookup enterprises;
    @Autowired UserDirectory directory;
    @Autowired UserManagement users;
    @Autowired OrganizationDirectory organization;
    @Autowired MutableClock clock;

    final AnjianUser admin = TestUsers.user(Role.DISTRICT_ADMIN, DataScope.DISTRICT);

    /** A year after every year any plan, inspection or penalty of the test database is in. */
    static int freshYear(JdbcClient jdbc) {
        return jdbc.sql("""
                select greatest((select coalesce(max(year), 2100) from inspection_plan),
                                (select coalesce(max(extract(year from planned_on))::int, 2100) from inspection_inspection),
                                (select coalesce(max(extract(year from finished_at))::int, 2100) from inspection_inspection),
                                (select coalesce(max(extract(year from decided_at))::int, 2100) from inspection_penalty_tally)) + 1""")
                .query(Integer.class).single();
    }

    static UUID register(MockMvc mvc, Region town, String sector, String subSector, String flags) throws Exception {
        String code = newCreditCode();
        return UUID.fromString(JsonPath.read(mvc.perform(post("/api/v1/enterprises").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"creditCode":"%s","name":"重庆计划测试%s有限公司","townId":"%s","sector":"%s","subSector":"%s","latitude":29.26,"longitude":106.25,
                         "scale":"ABOVE_SIZE","employees":90,"status":"PRODUCING","flags":[%s]}""".formatted(code, code.substring(10, 16), town.id(), sector,
                        subSector, flags)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id"));
    }

    static AnjianUser inspector(UserManagement users) {
        var s = users.create(new NewUser("plan" + UUID.randomUUID().toString().substring(0, 8), "计划执法员", "Anjian@2023", EnumSet.of(Role.INSPECTOR),
                ScopeKind.DISTRICT, null, null, "渝执 P" + UUID.randomUUID().toString().substring(0, 6)));
        return new AnjianUser(s.id(), s.username(), s.displayName(), s.roles(), s.scope(), null, true, false);
    }

    String generate(int year, Integer capacity) throws Exception {
        String body = "{\"year\":%d,\"priorities\":{\"sectors\":[],\"campaigns\":[]}%s}".formatted(year, capacity == null ? "" : ",\"capacityPerInspectorMonth\":" + capacity);
        return mvc.perform(post("/api/v1/inspection-plans").with(as(admin)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.state").value("DRAFT")).andReturn().getResponse().getContentAsString();
    }

    List<Map<String, Object>> itemsOf(String plan, UUID enterprise) throws Exception {
        return JsonPath.read(mvc.perform(get("/api/v1/inspection-plans/" + plan + "/items").param("enterpriseId", enterprise.toString()).param("size", "50")
                .with(as(admin))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(), "$.items");
    }

    @Test
    void generatesAdjustsApprovesAndPublishesOnePlanAYear() throws Exception {
        Region town = organization.towns().get(0);
        UUID classA = register(mvc, town, "HAZCHEM", "HAZCHEM_PRODUCTION", "\"DUST_EXPLOSION\"");
        assertThat(enterprises.find(classA).orElseThrow().supervisionClass()).isEqualTo(SupervisionClass.A);
        int perYear = enterprises.inspectionsPerYear(SupervisionClass.A);
        int year = freshYear(jdbc);

        String plan = generate(year, 200);
        String id = JsonPath.read(plan, "$.id");
        long certified = directory.usersWithRole(Role.INSPECTOR).stream().filter(u -> u.enabled() && u.enforcementCertNo() != null).count();
        assertThat((Integer) JsonPath.read(plan, "$.certifiedInspectors")).isEqualTo((int) certified);
        assertThat((Integer) JsonPath.read(plan, "$.monthlyCapacity")).isEqualTo((int) (certified * 200 / 2));

        // the class's inspections a year, spread about 12/n months apart
        List<Map<String, Object>> items = itemsOf(id, classA);
        assertThat(items).hasSize(perYear);
        List<Integer> months = items.stream().map(i -> (Integer) i.get("month")).sorted().toList();
        if (perYear == 4) {
            assertThat(List.of(months.get(1) - months.get(0), months.get(2) - months.get(1), months.get(3) - months.get(2))).containsOnly(3);
        }
        assertThat(items).allMatch(i -> Boolean.TRUE.equals(i.get("priority")) && "OPEN".equals(i.get("status")));

        // deterministic: the same inputs give the same months
        String again = generate(year, 200);
        assertThat((List<Integer>) JsonPath.read(again, "$.plannedByMonth")).isEqualTo(JsonPath.read(plan, "$.plannedByMonth"));
        assertThat(itemsOf(JsonPath.read(again, "$.id"), classA).stream().map(i -> (Integer) i.get("month")).sorted().toList()).isEqualTo(months);

        // too little capacity: the shortfall is reported month by month, nothing is dropped
        String tight = generate(year, 1);
        int capacity = JsonPath.read(tight, "$.monthlyCapacity");
        assertThat(capacity).isEqualTo((int) (certified / 2));
        List<Integer> planned = JsonPath.read(tight, "$.plannedByMonth");
        int expectedShortfall = planned.stream().mapToInt(p -> Math.max(0, p - capacity)).sum();
        assertThat((Integer) JsonPath.read(tight, "$.totalShortfall")).isEqualTo(expectedShortfall);
        assertThat((Integer) JsonPath.read(tight, "$.items")).isEqualTo((Integer) JsonPath.read(plan, "$.items"));

        // adjustments: a priority visit moves within its quarter only; removing needs a reason
        Map<String, Object> first = items.stream().min((a, b) -> (Integer) a.get("month") - (Integer) b.get("month")).orElseThrow();
        int m = (Integer) first.get("month");
        int sameQuarter = (m - 1) / 3 * 3 + 1 + (m % 3);
        int otherQuarter = (m + 5) % 12 + 1;
        String itemUrl = "/api/v1/inspection-plans/" + id + "/items/" + first.get("id");
        mvc.perform(patch(itemUrl).with(as(admin)).contentType(MediaType.APPLICATION_JSON).content("{\"month\":" + otherQuarter + "}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("month"));
        mvc.perform(patch(itemUrl).with(as(admin)).contentType(MediaType.APPLICATION_JSON).content("{\"month\":13}")).andExpect(status().isBadRequest());
        mvc.perform(patch(itemUrl).with(as(admin)).contentType(MediaType.APPLICATION_JSON).content("{\"month\":" + sameQuarter + "}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.month").value(sameQuarter));
        mvc.perform(patch(itemUrl).with(as(Role.INSPECTOR)).contentType(MediaType.APPLICATION_JSON).content("{\"month\":" + m + "}"))
                .andExpect(status().isForbidden());
        mvc.perform(patch(itemUrl).with(as(admin)).contentType(MediaType.APPLICATION_JSON).content("{\"remove\":true}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(patch(itemUrl).with(as(admin)).contentType(MediaType.APPLICATION_JSON).content("{\"remove\":true,\"reason\":\"企业停产检修\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.removed").value(true));
        assertThat(itemsOf(id, classA)).hasSize(perYear - 1);
        mvc.perform(post("/api/v1/inspection-plans/" + id + "/items").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"enterpriseId\":\"%s\",\"month\":12,\"reason\":\"复产后补检\"}".formatted(classA)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.basis").value("ADDED"));
        assertThat(itemsOf(id, classA)).hasSize(perYear);
        mvc.perform(post("/api/v1/inspection-plans/" + id + "/items").with(as(admin)).contentType(MediaType.APPLICATION_JSON).content("{\"month\":3}"))
                .andExpect(status().isBadRequest());

        // DRAFT → APPROVED → PUBLISHED; nothing changes after approval
        mvc.perform(post("/api/v1/inspection-plans/" + id + "/publish").with(as(admin)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.reason").value("inspection.plan.notApproved"));
        mvc.perform(post("/api/v1/inspection-plans/" + id + "/approve").with(as(Role.INSPECTOR))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/inspection-plans/" + id + "/approve").with(as(admin)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("APPROVED")).andExpect(jsonPath("$.approvedBy").value(admin.getUsername()));
        mvc.perform(post("/api/v1/inspection-plans/" + id + "/approve").with(as(admin)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.reason").value("inspection.plan.notDraft"));
        mvc.perform(patch(itemUrl.replace(first.get("id").toString(), (String) itemsOf(id, classA).get(0).get("id"))).with(as(admin))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"month\":" + m + "}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.reason").value("inspection.plan.notDraft"));
        mvc.perform(post("/api/v1/inspection-plans/" + id + "/publish").with(as(admin)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("PUBLISHED"));
        String other = JsonPath.read(again, "$.id");
        mvc.perform(post("/api/v1/inspection-plans/" + other + "/approve").with(as(admin))).andExpect(status().isOk());
        mvc.perform(post("/api/v1/inspection-plans/" + other + "/publish").with(as(admin)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.reason").value("inspection.plan.alreadyPublished"));
        assertThat(jdbc.sql("select count(*) from identity_audit_entry where entity_type = 'inspection-plan' and entity_id = ?").param(id).query(Long.class).single())
                .isGreaterThanOrEqualTo(6);

        // readers and their scope
        mvc.perform(get("/api/v1/inspection-plans").param("year", "" + year).with(as(Role.AUDITOR)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(3));
        mvc.perform(get("/api/v1/inspection-plans/" + id).with(as(Role.ENTERPRISE_USER))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/inspection-plans/" + id + "/items").with(as(Role.EXPERT))).andExpect(status().isForbidden());
        AnjianUser ownTown = TestUsers.user(Role.TOWN_OFFICIAL, DataScope.of(ScopeKind.REGION, town.id()));
        String townItems = mvc.perform(get("/api/v1/inspection-plans/" + id + "/items").param("size", "200").with(as(ownTown)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        var inTown = organization.regionAndDescendants(town.id());
        List<String> townIds = JsonPath.read(townItems, "$.items[*].townId");
        assertThat(townIds).isNotEmpty().allMatch(t -> inTown.contains(UUID.fromString(t)));
        Region elsewhere = organization.towns().get(1);
        mvc.perform(get("/api/v1/inspection-plans/" + id + "/items").param("enterpriseId", classA.toString())
                        .with(as(TestUsers.user(Role.TOWN_OFFICIAL, DataScope.of(ScopeKind.REGION, elsewhere.id()))))).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/inspection-plans/" + id + "/items").param("enterpriseId", classA.toString()).with(as(ownTown)))
                .andExpect(jsonPath("$.total").value(perYear));

        var department = organization.departments().stream().filter(d -> !d.sectors().isEmpty() && !d.sectors().contains("HAZCHEM")).findFirst();
        if (department.isPresent()) {
            AnjianUser official = TestUsers.user(Role.DEPARTMENT_OFFICIAL, DataScope.of(ScopeKind.DEPARTMENT, department.get().id()));
            String deptItems = mvc.perform(get("/api/v1/inspection-plans/" + id + "/items").param("size", "200").with(as(official)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat((List<String>) JsonPath.read(deptItems, "$.items[*].sector")).allMatch(department.get().sectors()::contains);
            mvc.perform(get("/api/v1/inspection-plans/" + id + "/items").param("enterpriseId", classA.toString()).with(as(official)))
                    .andExpect(jsonPath("$.total").value(0));
        }

        byte[] xlsx = mvc.perform(get("/api/v1/inspection-plans/" + id + "/export.xlsx").param("sector", "HAZCHEM").with(as(Role.INSPECTOR)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            assertThat(wb.getSheetAt(0).getRow(0).getCell(1).getStringCellValue()).isEqualTo("企业");
            assertThat(wb.getSheetAt(0).getLastRowNum()).isGreaterThanOrEqualTo(perYear);
        }
        mvc.perform(get("/inspections/plans").param("year", "" + year).param("plan", id).with(as(admin))).andExpect(status().isOk());

        // the page: the district generates from the form and comes back to the new draft
        String location = mvc.perform(post("/inspections/plans").with(as(admin)).with(org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.csrf()).param("year", "" + year).param("prioritySectors", "HAZCHEM")
                        .param("campaignName", "粉尘涉爆专项").param("campaignSector", "INDUSTRY_TRADE").param("campaignExtra", "1"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/inspections/plans?year=" + year + "&plan=");
        String fromPage = location.substring(location.indexOf("plan=") + 5);
        // a priority sector adds a visit: the class-A hazchem enterprise gets one more than its class
        assertThat(itemsOf(fromPage, classA)).hasSize(perYear + 1);

        mvc.perform(post("/api/v1/inspection-plans").with(as(admin)).contentType(MediaType.APPLICATION_JSON).content("{\"year\":1999}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("year"));
        mvc.perform(post("/api/v1/inspection-plans").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"year\":%d,\"priorities\":{\"sectors\":[\"SHIPPING\"]}}".formatted(year))).andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/inspection-plans").with(as(Role.INSPECTOR)).contentType(MediaType.APPLICATION_JSON).content("{\"year\":%d}".formatted(year)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/inspection-plans/" + UUID.randomUUID()).with(as(admin))).andExpect(status().isNotFound());
    }

    void insertInspection(UUID enterprise, String state, LocalDate on, List<UUID> team) {
        var e = enterprises.find(enterprise).orElseThrow();
        OffsetDateTime at = on.atTime(10, 0).atZone(SHANGHAI).toOffsetDateTime();
        jdbc.sql("""
                insert into inspection_inspection (id, enterprise_id, town_id, park_id, sector, inspector_ids, planned_on, state, started_at, finished_at,
                  created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'test', ?)""")
                .params(UUID.randomUUID(), enterprise, e.townId(), e.parkId(), e.sector().name(), team.toArray(UUID[]::new), on, state,
                        state.equals("DONE") ? at : null, state.equals("DONE") ? at : null, at).update();
    }

    String planInspection(UUID enterprise, List<UUID> team, LocalDate on, String reason) {
        return "{\"enterpriseId\":\"%s\",\"inspectorIds\":[\"%s\",\"%s\"],\"plannedOn\":\"%s\"%s}".formatted(enterprise, team.get(0), team.get(1), on,
                reason == null ? "" : ",\"reason\":\"" + reason + "\"");
    }

    @Test
    void progressCountsOnTimeLateAndUnplannedAndTheUnplannedShareIsLimited() throws Exception {
        Region town = organization.towns().get(2);
        UUID planned = register(mvc, town, "HAZCHEM", "HAZCHEM_PRODUCTION", "\"DUST_EXPLOSION\"");
        UUID filler = register(mvc, town, "INDUSTRY_TRADE", "MACHINERY", "");
        int perYear = enterprises.inspectionsPerYear(SupervisionClass.A);
        assertThat(perYear).isGreaterThanOrEqualTo(2);
        int year = freshYear(jdbc);
        String id = JsonPath.read(generate(year, 200), "$.id");
        // a plan of a multiple of 9 items (at least 18), so that a 10% share is reached exactly
        int items = JsonPath.read(mvc.perform(get("/api/v1/inspection-plans/" + id).with(as(admin))).andReturn().getResponse().getContentAsString(), "$.items");
        int target = Math.max(18, (items + 8) / 9 * 9);
        for (int i = items; i < target; i++) {
            mvc.perform(post("/api/v1/inspection-plans/" + id + "/items").with(as(admin)).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"enterpriseId\":\"%s\",\"month\":12}".formatted(filler))).andExpect(status().isCreated());
        }
        mvc.perform(post("/api/v1/inspection-plans/" + id + "/approve").with(as(admin))).andExpect(status().isOk());
        mvc.perform(post("/api/v1/inspection-plans/" + id + "/publish").with(as(admin))).andExpect(status().isOk());
        UUID outside = register(mvc, town, "INDUSTRY_TRADE", "MACHINERY", ""); // registered after the plan: not in it

        AnjianUser a = inspector(users);
        AnjianUser b = inspector(users);
        List<UUID> team = List.of(a.id(), b.id());
        List<Integer> months = itemsOf(id, planned).stream().map(i -> (Integer) i.get("month")).sorted().toList();
        int m1 = months.get(0);
        int m2 = months.get(1);
        insertInspection(planned, "DONE", LocalDate.of(year, m1, 15), team);         // on time
        insertInspection(planned, "DONE", LocalDate.of(year, m2, 1).plusMonths(1), team); // a month late
        insertInspection(outside, "DONE", LocalDate.of(year, 3, 3), team);            // unplanned

        String progress = mvc.perform(get("/api/v1/inspection-plans/" + id + "/progress").with(as(Role.AUDITOR)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat((Integer) JsonPath.read(progress, "$.months[" + (m1 - 1) + "].done")).isEqualTo(1);
        assertThat((Integer) JsonPath.read(progress, "$.months[" + (m2 - 1) + "].doneLate")).isEqualTo(1);
        assertThat((Integer) JsonPath.read(progress, "$.months[2].unplanned")).isEqualTo(1);
        assertThat((Integer) JsonPath.read(progress, "$.total.done")).isEqualTo(1);
        assertThat((Integer) JsonPath.read(progress, "$.total.doneLate")).isEqualTo(1);
        assertThat((Integer) JsonPath.read(progress, "$.total.unplanned")).isEqualTo(1);
        assertThat((Integer) JsonPath.read(progress, "$.total.planned")).isEqualTo(target);
        assertThat((Double) JsonPath.read(progress, "$.unplannedShareLimit")).isEqualTo(0.10);
        assertThat(itemsOf(id, planned).stream().map(i -> (String) i.get("status")).toList()).containsOnlyOnce("DONE", "DONE_LATE");
        mvc.perform(get("/api/v1/inspection-plans/" + id + "/items").param("state", "DONE_LATE").with(as(admin))).andExpect(jsonPath("$.total").value(1));

        // 计划完成率: done items among those due through a month; a year still ahead has nothing due
        List<Integer> byMonth = JsonPath.read(mvc.perform(get("/api/v1/inspection-plans/" + id).with(as(admin))).andReturn().getResponse()
                .getContentAsString(), "$.plannedByMonth");
        String completion = mvc.perform(get("/api/v1/enforcement-indicators").param("year", "" + year).param("month", "" + m2).with(as(Role.AUDITOR)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat((Integer) JsonPath.read(completion, "$.planCompletion.numerator")).isEqualTo(2);
        assertThat((Integer) JsonPath.read(completion, "$.planCompletion.denominator")).isEqualTo(byMonth.subList(0, m2).stream().mapToInt(x -> x).sum());
        mvc.perform(get("/api/v1/enforcement-indicators").param("year", "" + year).with(as(Role.AUDITOR)))
                .andExpect(jsonPath("$.planCompletion.denominator").value(0)).andExpect(jsonPath("$.planCompletion.value").doesNotExist());

        // 执法清零: every planned enterprise but the inspected one is still open; after the year it is not cleared
        String clearance = mvc.perform(get("/api/v1/inspection-plans/" + id + "/uncovered").with(as(admin))).andReturn().getResponse().getContentAsString();
        int plannedEnterprises = JsonPath.read(clearance, "$.plannedEnterprises");
        assertThat((Integer) JsonPath.read(clearance, "$.inspectedEnterprises")).isEqualTo(1);
        assertThat((List<?>) JsonPath.read(clearance, "$.uncovered")).hasSize(plannedEnterprises - 1);
        assertThat((List<String>) JsonPath.read(clearance, "$.uncovered[*].enterpriseId")).doesNotContain(planned.toString()).contains(filler.toString());
        assertThat((String) JsonPath.read(clearance, "$.status")).isEqualTo("IN_PROGRESS");
        clock.set(LocalDate.of(year + 1, 1, 2).atStartOfDay(SHANGHAI).toInstant());
        try {
            mvc.perform(get("/api/v1/inspection-plans/" + id + "/uncovered").with(as(admin))).andExpect(jsonPath("$.status").value("NOT_CLEARED"));
            String late = mvc.perform(get("/api/v1/inspection-plans/" + id + "/progress").with(as(admin))).andReturn().getResponse().getContentAsString();
            assertThat((Integer) JsonPath.read(late, "$.total.overdue")).isEqualTo(target - 2);
        } finally {
            clock.reset();
        }
        AnjianUser otherTown = TestUsers.user(Role.TOWN_OFFICIAL, DataScope.of(ScopeKind.REGION, organization.towns().get(0).id()));
        assertThat((List<String>) JsonPath.read(mvc.perform(get("/api/v1/inspection-plans/" + id + "/uncovered").with(as(otherTown)))
                .andReturn().getResponse().getContentAsString(), "$.uncovered[*].enterpriseId")).doesNotContain(filler.toString());

        // the unplanned share: unplanned ÷ (plan items + unplanned), at most 10% without a reason
        int allowed = target / 9; // allowed ÷ (target + allowed) = 10% exactly
        for (int i = 1; i < allowed - 1; i++) {
            insertInspection(outside, "PLANNED", LocalDate.of(year, 6, 1), team);
        }
        LocalDate june = LocalDate.of(year, 6, 2);
        mvc.perform(post("/api/v1/inspections").with(as(a)).contentType(MediaType.APPLICATION_JSON).content(planInspection(outside, team, june, null)))
                .andExpect(status().isCreated()); // exactly at the limit
        mvc.perform(post("/api/v1/inspections").with(as(a)).contentType(MediaType.APPLICATION_JSON).content(planInspection(outside, team, june, null)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.reason").value("inspection.plan.unplannedLimit")); // one over
        mvc.perform(post("/api/v1/inspections").with(as(a)).contentType(MediaType.APPLICATION_JSON).content(planInspection(outside, team, june, "FOO")))
                .andExpect(status().isBadRequest());
        String withReason = mvc.perform(post("/api/v1/inspections").with(as(a)).contentType(MediaType.APPLICATION_JSON)
                .content(planInspection(outside, team, june, "COMPLAINT"))).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        assertThat(jdbc.sql("select reason from inspection_unplanned where inspection_id = ?").param(UUID.fromString(JsonPath.read(withReason, "$.id")))
                .query(String.class).single()).isEqualTo("COMPLAINT");
        // the planned enterprise still has open items: planned, whatever the share
        if (perYear > 2) mvc.perform(post("/api/v1/inspections").with(as(a)).contentType(MediaType.APPLICATION_JSON).content(planInspection(planned, team, june, null)))
                .andExpect(status().isCreated());
        // another year without a published plan has no limit
        mvc.perform(post("/api/v1/inspections").with(as(a)).contentType(MediaType.APPLICATION_JSON)
                .content(planInspection(outside, team, LocalDate.of(year + 1, 6, 2), null))).andExpect(status().isCreated());
    }
}
