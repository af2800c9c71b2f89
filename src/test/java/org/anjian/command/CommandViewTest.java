package org.anjian.command;

import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anjian.AnjianIntegrationTest;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.organization.Region;
import org.anjian.shared.config.DistrictProperties;
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
import static org.anjian.TestUsers.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * CMD-1/CMD-2 on data with known numbers: one enterprise in 西湖镇 with one of everything (two open hazards, one
 * major), one bare enterprise in 嘉平镇. The district's counts grow by exactly those; a town official of 西湖镇 sees
 * 西湖镇 alone and never 嘉平镇's enterprise; the layers are GeoJSON with the major hazard highlighted; a bounding box
 * leaves out what lies outside it; the bulletin PDF reads back in Chinese with its font embedded.
 */
@AnjianIntegrationTest
class CommandViewTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired OrganizationDirectory organization;
    @Autowired DistrictProperties district;
    @Autowired Clock clock;

    static final AnjianUser ADMIN = user(Role.DISTRICT_ADMIN, DataScope.DISTRICT);

    String json(String path, AnjianUser who) throws Exception {
        return mvc.perform(get(path).with(as(who))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    static long total(String overview, String key) {
        return ((Number) JsonPath.read(overview, "$.totals." + key)).longValue();
    }

    static long town(String overview, UUID town, String key) {
        List<Number> v = JsonPath.read(overview, "$.byTown[?(@.id == '" + town + "')].counts." + key);
        return v.isEmpty() ? -1 : v.get(0).longValue();
    }

    @Test
    void countsGrowByWhatWasAddedAndATownSeesOnlyItself() throws Exception {
        Region xihu = organization.regionByName("西湖镇").orElseThrow();
        Region jiaping = organization.regionByName("嘉平镇").orElseThrow();
        Instant now = clock.instant();
        String before = json("/api/v1/command/overview", ADMIN);
        String trendsBefore = json("/api/v1/command/trends", ADMIN);

        UUID full = CommandTestData.fullEnterprise(mvc, jdbc, xihu, now, district.zone());
        UUID bare = CommandTestData.enterprise(mvc, jiaping);
        try {
            String after = json("/api/v1/command/overview", ADMIN);
            Map<String, Long> grew = Map.of("enterprises", 2L, "risk", 1L, "majorRisk", 1L, "hazards", 2L, "majorHazards", 1L, "alarms", 1L,
                    "accidents", 1L, "permits", 1L, "inspections", 1L, "overdueHazards", 0L);
            grew.forEach((k, n) -> assertThat(total(after, k) - total(before, k)).as("district %s", k).isEqualTo(n));
            grew.forEach((k, n) -> assertThat(town(after, xihu.id(), k) - town(before, xihu.id(), k)).as("西湖镇 %s", k)
                    .isEqualTo(k.equals("enterprises") ? 1L : n));
            assertThat(town(after, jiaping.id(), "enterprises") - town(before, jiaping.id(), "enterprises")).isEqualTo(1);
            assertThat(town(after, jiaping.id(), "hazards") - town(before, jiaping.id(), "hazards")).isZero();
            List<Number> hazchem = JsonPath.read(after, "$.bySector[?(@.sector == 'HAZCHEM')].counts.hazards");
            List<Number> hazchemBefore = JsonPath.read(before, "$.bySector[?(@.sector == 'HAZCHEM')].counts.hazards");
            assertThat(hazchem.get(0).longValue() - hazchemBefore.get(0).longValue()).isEqualTo(2);
            assertThat(JsonPath.<List<String>>read(after, "$.bySector[?(@.sector == 'HAZCHEM')].label")).containsExactly("危险化学品");

            // the session path the page uses answers the same numbers
            String page = json("/command/overview?town=" + xihu.id(), ADMIN);
            assertThat(JsonPath.<List<Object>>read(page, "$.byTown")).hasSize(1);
            assertThat(total(page, "hazards")).isEqualTo(town(after, xihu.id(), "hazards"));
            assertThat(total(page, "permits")).isEqualTo(town(after, xihu.id(), "permits"));

            // a town official of 西湖镇: their town only, the same numbers as the district's row for it; 嘉平镇 does not exist for them
            AnjianUser official = user(Role.TOWN_OFFICIAL, DataScope.of(ScopeKind.REGION, xihu.id()));
            String theirs = json("/api/v1/command/overview", official);
            assertThat(JsonPath.<List<String>>read(theirs, "$.byTown[*].name")).containsExactly("西湖镇");
            for (String k : List.of("enterprises", "hazards", "majorHazards", "alarms", "permits", "accidents", "inspections", "risk")) {
                assertThat(total(theirs, k)).as("town official %s", k).isEqualTo(town(after, xihu.id(), k));
            }
            mvc.perform(get("/api/v1/command/overview").param("town", jiaping.id().toString()).with(as(official))).andExpect(status().isNotFound());
            String theirEnterprises = json("/api/v1/command/layers/enterprises", official);
            assertThat(JsonPath.<List<String>>read(theirEnterprises, "$.features[*].properties.enterpriseId")).contains(full.toString())
                    .doesNotContain(bare.toString());

            // layers: GeoJSON points at the enterprise; the major hazard highlighted; one feature per enterprise with both hazards
            String hazards = json("/api/v1/command/layers/hazards?town=" + xihu.id(), ADMIN);
            assertThat(JsonPath.<String>read(hazards, "$.type")).isEqualTo("FeatureCollection");
            String mine = "$.features[?(@.properties.enterpriseId == '" + full + "')]";
            assertThat(JsonPath.<List<Object>>read(hazards, mine)).hasSize(1);
            assertThat(JsonPath.<List<Object>>read(hazards, mine + ".properties.open")).containsExactly(2);
            assertThat(JsonPath.<List<Object>>read(hazards, mine + ".properties.major")).containsExactly(1);
            assertThat(JsonPath.<List<Object>>read(hazards, mine + ".properties.highlight")).containsExactly(true);
            assertThat(JsonPath.<List<Object>>read(hazards, mine + ".geometry.type")).containsExactly("Point");
            assertThat(JsonPath.<List<List<Double>>>read(hazards, mine + ".geometry.coordinates").get(0)).containsExactly(xihu.longitude(), xihu.latitude());
            for (String layer : List.of("risk", "alarms", "accidents", "permits", "inspections")) {
                String fc = json("/api/v1/command/layers/" + layer + "?town=" + xihu.id(), ADMIN);
                assertThat(JsonPath.<List<Object>>read(fc, mine)).as(layer).hasSize(1);
            }
            assertThat(JsonPath.<List<Object>>read(json("/api/v1/command/layers/risk?town=" + xihu.id(), ADMIN), mine + ".properties.level"))
                    .containsExactly("MAJOR");

            // a bounding box around 西湖镇's centre keeps its enterprise and leaves out 嘉平镇's
            String box = (xihu.longitude() - 0.001) + "," + (xihu.latitude() - 0.001) + "," + (xihu.longitude() + 0.001) + "," + (xihu.latitude() + 0.001);
            String boxed = json("/api/v1/command/layers/enterprises?bbox=" + box, ADMIN);
            assertThat(JsonPath.<List<String>>read(boxed, "$.features[*].properties.enterpriseId")).contains(full.toString()).doesNotContain(bare.toString());
            mvc.perform(get("/api/v1/command/layers/enterprises").param("bbox", "106,29,105").with(as(ADMIN))).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("bbox"));
            mvc.perform(get("/api/v1/command/layers/volcanoes").with(as(ADMIN))).andExpect(status().isNotFound());

            // trends: this month found two more hazards
            String trends = json("/api/v1/command/trends", ADMIN);
            assertThat(JsonPath.<List<Object>>read(trends, "$.months")).hasSize(12);
            String month = YearMonth.from(now.atZone(district.zone())).toString();
            assertThat(JsonPath.<String>read(trends, "$.months[11].month")).isEqualTo(month);
            long found = ((Number) JsonPath.read(trends, "$.months[11].hazardsFound")).longValue();
            long foundBefore = ((Number) JsonPath.read(trendsBefore, "$.months[11].hazardsFound")).longValue();
            assertThat(found - foundBefore).isEqualTo(2);

            // the bulletin: a PDF in Chinese with the font embedded, for the month asked for
            byte[] pdf = mvc.perform(get("/command/bulletin.pdf").param("month", month).with(as(ADMIN))).andExpect(status().isOk())
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().contentType(MediaType.APPLICATION_PDF))
                    .andReturn().getResponse().getContentAsByteArray();
            String text;
            try (var reader = new com.lowagie.text.pdf.PdfReader(pdf)) {
                text = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(1).replaceAll("\\s+", "");
            }
            assertThat(text).contains("安全生产形势月报", "本月概况", "各镇街隐患排名", "预警提示", "西湖镇");
            assertThat(new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1)).as("the CJK font is embedded").containsPattern("/FontFile[23]?");
            mvc.perform(get("/command/bulletin.pdf").param("month", "2026-13").with(as(ADMIN))).andExpect(status().isBadRequest());
        } finally {
            CommandTestData.cleanUp(jdbc, full);
        }
    }

    @Test
    void enterprisesAgenciesAndExpertsAreRefusedTheCommandView() throws Exception {
        UUID e = UUID.randomUUID();
        AnjianUser enterprise = user(Role.ENTERPRISE_USER, DataScope.of(ScopeKind.ENTERPRISE, e));
        for (String path : List.of("/command", "/command/screen", "/command/analysis", "/command/overview", "/command/layers/hazards", "/command/trends",
                "/command/bulletin.pdf", "/api/v1/command/overview", "/api/v1/command/layers/enterprises", "/api/v1/command/trends")) {
            mvc.perform(get(path).with(as(enterprise))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/command").with(as(Role.AUDITOR))).andExpect(status().isOk());
        mvc.perform(get("/command/analysis").with(as(Role.DEPARTMENT_OFFICIAL))).andExpect(status().isOk());
    }
}
