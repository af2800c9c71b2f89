package org.anjian.accident;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
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
import org.springframework.test.web.servlet.MockMvc;

import static org.anjian.TestUsers.as;
import static org.anjian.TestUsers.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** ACC-4: 工贸 deaths at most 90% of the previous three years' average, year on year, zero for mines; the statistics page. */
@AnjianIntegrationTest
class AccidentStatisticsTest {

    @Autowired MockMvc mvc;
    @Autowired OrganizationDirectory organization;

    void accident(Region town, String sector, int year, int month, int deaths) throws Exception {
        mvc.perform(post("/api/v1/accidents").with(as(Role.INSPECTOR)).contentType(MediaType.APPLICATION_JSON).content("""
                {"townId":"%s","sector":"%s","type":"FALL_FROM_HEIGHT","place":"测试","occurredAt":"%d-%02d-10T02:00:00Z","deaths":%d,
                 "seriousInjuries":0,"directLossYuan":1000,"summary":"统计测试"}""".formatted(town.id(), sector, year, month, deaths)))
                .andExpect(status().isCreated());
    }

    @Test
    void industryTradeDeathsMeetTheTargetAtExactlyNinetyPercentOfTheAverage() throws Exception {
        List<Region> towns = organization.towns();
        Region town = towns.get(towns.size() - 1);
        AnjianUser official = user(Role.TOWN_OFFICIAL, DataScope.of(ScopeKind.REGION, town.id()));
        accident(town, "INDUSTRY_TRADE", 2015, 3, 3);
        accident(town, "INDUSTRY_TRADE", 2016, 5, 3);
        accident(town, "INDUSTRY_TRADE", 2017, 7, 4);
        accident(town, "INDUSTRY_TRADE", 2018, 2, 1);
        accident(town, "INDUSTRY_TRADE", 2018, 2, 2);
        String body = mvc.perform(get("/api/v1/accident-statistics?year=2018").with(as(official))).andExpect(status().isOk())
                .andExpect(jsonPath("$.summary.deaths").value(3)).andExpect(jsonPath("$.summary.deathsLastYear").value(4))
                .andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<Object>>read(body, "$.summary.targets[?(@.name=='INDUSTRY_TRADE')].limit").get(0).toString()).isEqualTo("3.0");
        assertThat(JsonPath.<List<Boolean>>read(body, "$.summary.targets[?(@.name=='INDUSTRY_TRADE')].met")).containsExactly(true);
        assertThat(JsonPath.<List<Boolean>>read(body, "$.summary.targets[?(@.name=='DISTRICT')].met")).containsExactly(true);
        assertThat(JsonPath.<List<Integer>>read(body, "$.byMonth[*].deaths")).containsExactly(3);
        accident(town, "INDUSTRY_TRADE", 2018, 9, 1);
        accident(town, "NON_COAL_MINE", 2018, 9, 1);
        body = mvc.perform(get("/api/v1/accident-statistics?year=2018").with(as(official))).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<Boolean>>read(body, "$.summary.targets[?(@.name=='INDUSTRY_TRADE')].met")).containsExactly(false);
        assertThat(JsonPath.<List<Boolean>>read(body, "$.summary.targets[?(@.name=='NON_COAL_MINE')].met")).containsExactly(false);
        assertThat(JsonPath.<List<Boolean>>read(body, "$.summary.targets[?(@.name=='DISTRICT')].met")).containsExactly(false);
        // another town sees none of it
        Region other = towns.get(towns.size() - 2);
        mvc.perform(get("/api/v1/accident-statistics?year=2018").with(as(user(Role.TOWN_OFFICIAL, DataScope.of(ScopeKind.REGION, other.id())))))
                .andExpect(jsonPath("$.summary.deaths").value(0));
        mvc.perform(get("/api/v1/accident-statistics").with(as(Role.SECURITY_ADMIN))).andExpect(status().isForbidden());
    }
}
