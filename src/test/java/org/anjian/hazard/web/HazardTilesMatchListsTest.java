package org.anjian.hazard.web;

import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.anjian.AnjianIntegrationTest;
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
import org.springframework.web.util.HtmlUtils;

import static org.anjian.TestUsers.as;
import static org.anjian.TestUsers.user;
import static org.anjian.enterprise.EnterpriseTestData.newCreditCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Issue 19 #3: a tile's number is the total of the list it opens, closed hazards included in the data. */
@AnjianIntegrationTest
class HazardTilesMatchListsTest {

    private static final Pattern TILE = Pattern.compile(
            "<a class=\"text-decoration-none\" href=\"(/hazards[^\"]*)\">\\s*<div class=\"card tile[^>]*>\\s*<div class=\"card-body\">\\s*"
                    + "<div class=\"text-muted small\">([^<]*)</div>\\s*<div class=\"display-6[^>]*>(\\d+)</div>");
    private static final Pattern TOTAL = Pattern.compile("共 (\\d+) 条");

    @Autowired MockMvc mvc;
    @Autowired OrganizationDirectory organization;
    @Autowired JdbcClient jdbc;

    @Test
    void everyHazardTileOpensAListWithTheSameTotal() throws Exception {
        Region town = organization.regionByName("双福街道").orElseThrow();
        UUID enterprise = enterprise(town);
        AnjianUser owner = user(Role.ENTERPRISE_USER, DataScope.of(ScopeKind.ENTERPRISE, enterprise));
        report(owner, enterprise, "MAJOR");
        report(owner, enterprise, "GENERAL");
        String closed = report(owner, enterprise, "MAJOR");
        jdbc.sql("update hazard_hazard set state = 'CLOSED', closed_at = now() where id = ?").param(UUID.fromString(closed)).update();

        for (AnjianUser who : List.of(owner, user(Role.TOWN_OFFICIAL, DataScope.of(ScopeKind.REGION, town.id())), user(Role.DISTRICT_ADMIN, DataScope.DISTRICT))) {
            List<String[]> tiles = tiles(mvc.perform(get("/").with(as(who))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
            tiles.addAll(tiles(mvc.perform(get("/hazards/dashboard").with(as(who))).andReturn().getResponse().getContentAsString()));
            assertThat(tiles).as("hazard tiles for " + who.roles()).hasSizeGreaterThanOrEqualTo(3);
            for (String[] tile : tiles) {
                String list = mvc.perform(get(tile[0]).with(as(who))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
                Matcher total = TOTAL.matcher(list);
                assertThat(total.find()).as(tile[0]).isTrue();
                assertThat(total.group(1)).as("%s %s → %s", tile[1], tile[2], tile[0]).isEqualTo(tile[2]);
            }
        }
    }

    private static List<String[]> tiles(String html) {
        List<String[]> tiles = new ArrayList<>();
        Matcher m = TILE.matcher(html);
        while (m.find()) {
            tiles.add(new String[] {HtmlUtils.htmlUnescape(m.group(1)), m.group(2), m.group(3)});
        }
        return tiles;
    }

    private UUID enterprise(Region town) throws Exception {
        String code = newCreditCode();
        String body = mvc.perform(post("/api/v1/enterprises").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"creditCode":"%s","name":"重庆看板测试%s有限公司","legalRepresentative":"张三","address":"江津区测试路1号","phone":"023-47520000",
                         "latitude":%s,"longitude":%s,"townId":"%s","sector":"INDUSTRY_TRADE","subSector":"MACHINERY","scale":"ABOVE_SIZE",
                         "employees":120,"status":"PRODUCING","flags":[]}"""
                        .formatted(code, code.substring(10, 14), town.latitude(), town.longitude(), town.id())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return UUID.fromString(JsonPath.read(body, "$.id"));
    }

    private String report(AnjianUser who, UUID enterprise, String grade) throws Exception {
        String body = mvc.perform(post("/api/v1/hazards").with(as(who)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"enterpriseId":"%s","place":"二号车间","description":"配电箱门未关闭","category":"电气",
                         "grade":"%s","deadline":"%s","latitude":29.39,"longitude":106.29}"""
                        .formatted(enterprise, grade, java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(10))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.id");
    }
}
