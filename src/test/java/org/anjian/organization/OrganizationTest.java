package org.anjian.organization;

import java.util.List;
import org.anjian.AnjianIntegrationTest;
import org.anjian.shared.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.anjian.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** ORG-1: the Jiangjin sample loads at first start, and the tree keeps its shape when edited. */
@AnjianIntegrationTest
class OrganizationTest {

    @Autowired OrganizationDirectory directory;
    @Autowired MockMvc mvc;

    @Test
    void jiangjinIsTheDefaultDistrict() {
        assertThat(directory.district().name()).isEqualTo("江津区");
        assertThat(directory.district().code()).startsWith("500116");
    }

    @Test
    void itHasFiveStreetsTwentyFiveTownsAndItsParks() {
        List<String> towns = directory.towns().stream().map(Region::name).toList();
        assertThat(towns).hasSize(30);
        assertThat(towns.stream().filter(n -> n.endsWith("街道"))).containsExactlyInAnyOrder("几江街道", "德感街道", "双福街道", "鼎山街道", "圣泉街道");
        assertThat(towns).contains("油溪镇", "四面山镇", "珞璜镇", "四屏镇");
        assertThat(directory.regions().stream().filter(r -> r.kind() == RegionKind.PARK).map(Region::name))
                .contains("双福工业园", "德感工业园", "珞璜工业园", "白沙工业园");
        assertThat(directory.specialOffices()).hasSize(11);
        assertThat(directory.departments()).extracting(Department::name).contains("区应急管理局", "区经济和信息化委员会");
    }

    @Test
    void aParkBelongsToATownAndTheTownScopeCoversIt() {
        Region park = directory.regionByName("双福工业园").orElseThrow();
        Region town = directory.regionByName("双福街道").orElseThrow();
        assertThat(park.parentId()).isEqualTo(town.id());
        assertThat(directory.regionAndDescendants(town.id())).contains(town.id(), park.id());
        assertThat(directory.regionAndDescendants(park.id())).containsExactly(park.id());
    }

    @Test
    void aParkMustHangUnderATown() throws Exception {
        String district = directory.district().id().toString();
        mvc.perform(post("/api/v1/regions").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"500116999901\",\"name\":\"新园区\",\"kind\":\"PARK\",\"parentId\":\"" + district + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("parentId"))
                .andExpect(jsonPath("$.errors[0].message").value("园区/平台的上级必须是镇街"));
    }

    @Test
    @org.springframework.transaction.annotation.Transactional
    void aDuplicateCodeIsRefusedAndAValidTownIsCreated() throws Exception {
        String district = directory.district().id().toString();
        mvc.perform(post("/api/v1/regions").with(as(Role.SYSTEM_ADMIN)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"500116001000\",\"name\":\"重复\",\"kind\":\"TOWN\",\"parentId\":\"" + district + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("code"));
        mvc.perform(post("/api/v1/regions").with(as(Role.SYSTEM_ADMIN)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"500116998000\",\"name\":\"测试镇\",\"kind\":\"TOWN\",\"parentId\":\"" + district
                                + "\",\"latitude\":29.1,\"longitude\":106.2}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value("测试镇"));
        assertThat(directory.regionByName("测试镇")).isPresent();
    }
}
