package org.anjian.expert;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.UUID;
import org.anjian.identity.UserManagement;
import org.anjian.identity.UserManagement.NewUser;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.Role;
import org.anjian.shared.security.ScopeKind;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.anjian.TestUsers.as;
import static org.anjian.enterprise.EnterpriseTestData.newCreditCode;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Experts, expert and inspector accounts and enterprises for the expert tests, each new and unique. */
public final class ExpertTestData {

    private final MockMvc mvc;
    private final UserManagement users;
    private final OrganizationDirectory organization;

    public ExpertTestData(MockMvc mvc, UserManagement users, OrganizationDirectory organization) {
        this.mvc = mvc;
        this.users = users;
        this.organization = organization;
    }

    public static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    public AnjianUser account(Role role, String cert) {
        var s = users.create(new NewUser(role.name().toLowerCase().substring(0, 3) + UUID.randomUUID().toString().substring(0, 8), "测试" + role.name(),
                "Anjian@2023", EnumSet.of(role), ScopeKind.DISTRICT, null, null, cert));
        return new AnjianUser(s.id(), s.username(), s.displayName(), s.roles(), s.scope(), null, true, false);
    }

    public AnjianUser expertAccount() {
        return account(Role.EXPERT, null);
    }

    public AnjianUser inspector() {
        return account(Role.INSPECTOR, "渝执 E" + UUID.randomUUID().toString().substring(0, 4));
    }

    public UUID enterprise() throws Exception {
        var town = organization.regionByName("杜市镇").orElseThrow();
        String code = newCreditCode();
        return UUID.fromString(JsonPath.read(mvc.perform(post("/api/v1/enterprises").with(as(Role.DISTRICT_ADMIN))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"creditCode":"%s","name":"重庆专家测试%s有限公司","townId":"%s","sector":"INDUSTRY_TRADE","subSector":"BUILDING_MATERIALS",
                         "scale":"ABOVE_SIZE","employees":90,"status":"PRODUCING","flags":["CONFINED_SPACE"]}""".formatted(code, code.substring(10, 14), town.id())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id"));
    }

    /** A new ACTIVE expert of the field, qualified until the given day. */
    public UUID expert(String name, Field field, LocalDate validUntil, UUID employerId, UUID userId) throws Exception {
        String body = """
                {"name":"%s","fields":["%s"],"title":"高级工程师","phone":"13912345678","employerName":"测试单位",
                 "employerEnterpriseId":%s,"userId":%s,
                 "qualifications":[{"kind":"安全生产专家聘书","number":"T-%s","validUntil":"%s"}]}"""
                .formatted(name, field, employerId == null ? "null" : "\"" + employerId + "\"", userId == null ? "null" : "\"" + userId + "\"",
                        UUID.randomUUID().toString().substring(0, 6), validUntil);
        return UUID.fromString(JsonPath.read(mvc.perform(post("/api/v1/experts").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id"));
    }
}
