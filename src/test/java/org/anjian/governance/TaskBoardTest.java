package org.anjian.governance;

import static org.anjian.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.anjian.AnjianIntegrationTest;
import org.anjian.shared.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** 挂图作战: tasks by quarter, filtered by owner, moved by the district; a finished task stays finished. */
@AnjianIntegrationTest
class TaskBoardTest {

    @Autowired MockMvc mvc;

    String create(int quarter, String project, String owner) throws Exception {
        return mvc.perform(post("/api/v1/tasks").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"year\":2031,\"quarter\":%d,\"project\":\"%s\",\"ownerUnit\":\"%s\"}".formatted(quarter, project, owner)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void theBoardHasAColumnPerQuarterAndAFinishedTaskCannotBeReopened() throws Exception {
        String q1 = create(1, "签订安全生产目标责任书", "区安委办");
        create(2, "安全生产月活动", "区应急局");
        create(3, "城镇燃气安全专项整治", "区住房城乡建委");
        create(4, "年度目标考核", "区安委办");
        mvc.perform(post("/api/v1/tasks").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"year\":2031,\"quarter\":5,\"project\":\"x\",\"ownerUnit\":\"y\"}")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("quarter"));
        String id = JsonPath.read(q1, "$.id");

        mvc.perform(post("/api/v1/tasks/" + id + "/state").with(as(Role.TOWN_OFFICIAL)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"state\":\"DONE\"}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/tasks/" + id + "/state").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"state\":\"IN_PROGRESS\"}")).andExpect(status().isOk()).andExpect(jsonPath("$.state").value("IN_PROGRESS"));
        mvc.perform(post("/api/v1/tasks/" + id + "/state").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"state\":\"DONE\",\"note\":\"全部签订\"}")).andExpect(status().isOk());
        mvc.perform(post("/api/v1/tasks/" + id + "/state").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"state\":\"IN_PROGRESS\"}")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("任务当前为「已完成」，不能改为「推进中」"));

        List<String> mine = JsonPath.read(mvc.perform(get("/api/v1/tasks").param("year", "2031").param("owner", "区安委办").with(as(Role.TOWN_OFFICIAL)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(), "$[*].project");
        assertThat(mine).containsExactly("签订安全生产目标责任书", "年度目标考核");

        String board = mvc.perform(get("/task-board").param("year", "2031").with(as(Role.DISTRICT_ADMIN))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(board).contains("id=\"task-column-Q1\"", "id=\"task-column-Q4\"", "一季度·启动", "二季度·夯基", "三季度·攻坚", "四季度·达标", "城镇燃气安全专项整治");
        String byState = mvc.perform(get("/task-board").param("year", "2031").param("view", "state").with(as(Role.DISTRICT_ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(byState).contains("id=\"task-column-DONE\"", "id=\"task-column-NOT_STARTED\"");
    }
}
