package org.anjian.hazard;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.anjian.AnjianIntegrationTest;
import org.anjian.MutableClock;
import org.anjian.hazard.internal.HazardDeadlines;
import org.anjian.hazard.internal.HazardRecord;
import org.anjian.hazard.internal.HazardRepository;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.shared.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.anjian.TestUsers.as;
import static org.anjian.enterprise.EnterpriseTestData.newCreditCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** An overdue major hazard is listed by its town, and by the district when the town's deadline passes too. */
@AnjianIntegrationTest
class HazardEscalationTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired MockMvc mvc;
    @Autowired HazardManagement hazards;
    @Autowired HazardDeadlines deadlines;
    @Autowired HazardRepository repository;
    @Autowired OrganizationDirectory organization;
    @Autowired MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    UUID enterpriseInShuangfu() throws Exception {
        var town = organization.regionByName("双福街道").orElseThrow();
        String code = newCreditCode();
        String body = mvc.perform(post("/api/v1/enterprises").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"creditCode":"%s","name":"重庆督办测试%s有限公司","legalRepresentative":"李四","address":"双福","latitude":%s,"longitude":%s,
                         "townId":"%s","sector":"INDUSTRY_TRADE","subSector":"LIGHT_INDUSTRY","scale":"SMALL_MICRO","employees":30,"status":"PRODUCING","flags":[]}"""
                        .formatted(code, code.substring(10, 14), town.latitude(), town.longitude(), town.id())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return UUID.fromString(com.jayway.jsonpath.JsonPath.read(body, "$.id"));
    }

    @Test
    void anOverdueMajorHazardIsListedByTheTownThenByTheDistrict() throws Exception {
        UUID enterprise = enterpriseInShuangfu();
        Instant deadline = clock.instant().plus(Duration.ofDays(2));
        UUID major = hazards.registerFrom(HazardSource.INSPECTION, "esc-" + UUID.randomUUID(), enterprise, HazardGrade.MAJOR, "配电室",
                "配电室无防爆", null, "张执法", deadline);
        UUID general = hazards.registerFrom(HazardSource.INSPECTION, "esc-" + UUID.randomUUID(), enterprise, HazardGrade.GENERAL, "通道",
                "通道堆物", null, "张执法", deadline);

        clock.set(deadline.minusSeconds(1));
        deadlines.escalateOverdue();
        assertThat(repository.find(major).orElseThrow().hazard().listedSupervision()).isNull();

        clock.set(deadline.plusSeconds(1));
        deadlines.escalateOverdue();
        HazardRecord listed = repository.find(major).orElseThrow();
        assertThat(listed.hazard().listedSupervision().level().name()).isEqualTo("TOWN");
        assertThat(listed.hazard().listedSupervision().supervisor()).isEqualTo("双福街道安全生产委员会办公室");
        LocalDate townDeadline = LocalDate.ofInstant(clock.instant(), SHANGHAI).plusDays(15);
        assertThat(listed.hazard().listedSupervision().deadline()).isEqualTo(townDeadline);
        assertThat(repository.find(general).orElseThrow().hazard().listedSupervision()).isNull();

        clock.set(townDeadline.atStartOfDay(SHANGHAI).toInstant().plus(Duration.ofHours(12)));
        deadlines.escalateOverdue();
        assertThat(repository.find(major).orElseThrow().hazard().listedSupervision().level().name()).isEqualTo("TOWN");

        clock.set(townDeadline.plusDays(1).atStartOfDay(SHANGHAI).toInstant().plus(Duration.ofHours(1)));
        deadlines.escalateOverdue();
        HazardRecord district = repository.find(major).orElseThrow();
        assertThat(district.hazard().listedSupervision().level().name()).isEqualTo("DISTRICT");
        assertThat(district.hazard().listedSupervision().supervisor()).isEqualTo("江津区安全生产委员会办公室");
        assertThat(repository.steps(major)).extracting(HazardRepository.Step::action).containsExactly("report", "list-supervision", "list-supervision");
    }
}
