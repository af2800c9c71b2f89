package org.anjian;

import com.jayway.jsonpath.JsonPath;
import java.util.UUID;
import org.anjian.organization.Department;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.organization.Region;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.DataScope;
import org.anjian.shared.security.Role;
import org.anjian.shared.security.ScopeKind;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.anjian.TestUsers.as;
import static org.anjian.enterprise.EnterpriseTestData.newCreditCode;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Two scopes that share nothing: enterprise A, a machinery works (工贸) in 双福街道, regulated by 经信委;
 * enterprise B, a chemicals user (危化) in 德感街道, regulated by 市场监管局. Each side has a town, a
 * department and an enterprise user; none of B's users may see anything of A's.
 */
public final class TwoScopes {

    public record Side(UUID enterpriseId, Region town, Department department) {
        public AnjianUser user(Role role) {
            DataScope scope = switch (role.requiredScope()) {
                case REGION -> DataScope.of(ScopeKind.REGION, town.id());
                case DEPARTMENT -> DataScope.of(ScopeKind.DEPARTMENT, department.id());
                case ENTERPRISE -> DataScope.of(ScopeKind.ENTERPRISE, enterpriseId);
                case AGENCY -> DataScope.of(ScopeKind.AGENCY, UUID.nameUUIDFromBytes(("agency:" + enterpriseId).getBytes()));
                case DISTRICT -> DataScope.DISTRICT;
            };
            return TestUsers.user(role, scope);
        }
    }

    public final Side a;
    public final Side b;

    public TwoScopes(MockMvc mvc, OrganizationDirectory organization) throws Exception {
        Region shuangfu = organization.regionByName("双福街道").orElseThrow();
        Region degan = organization.regionByName("德感街道").orElseThrow();
        Department jxw = organization.departments().stream().filter(d -> d.sectors().equals(java.util.List.of("INDUSTRY_TRADE")))
                .findFirst().orElseThrow();
        Department scjg = organization.departments().stream().filter(d -> d.sectors().equals(java.util.List.of("HAZCHEM")))
                .findFirst().orElseThrow();
        a = new Side(enterprise(mvc, shuangfu, "INDUSTRY_TRADE", "MACHINERY"), shuangfu, jxw);
        b = new Side(enterprise(mvc, degan, "HAZCHEM", "HAZCHEM_USE"), degan, scjg);
    }

    static UUID enterprise(MockMvc mvc, Region town, String sector, String subSector) throws Exception {
        String code = newCreditCode();
        String json = mvc.perform(post("/api/v1/enterprises").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"creditCode":"%s","name":"重庆范围测试%s有限公司","legalRepresentative":"张三","address":"江津区测试路1号","phone":"023-47520000",
                         "latitude":%s,"longitude":%s,"townId":"%s","sector":"%s","subSector":"%s","scale":"ABOVE_SIZE","employees":120,
                         "status":"PRODUCING","flags":[]}""".formatted(code, code.substring(10, 14), town.latitude(), town.longitude(), town.id(), sector,
                        subSector)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return UUID.fromString(JsonPath.read(json, "$.id"));
    }
}
