package org.anjian.identity;

import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.anjian.AnjianIntegrationTest;
import org.anjian.identity.UserManagement.NewUser;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.security.Role;
import org.anjian.shared.security.ScopeKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** ORG-2: accounts whose roles and scopes agree, the three-admin split, audited without secrets. */
@AnjianIntegrationTest
class UserAdministrationTest {

    @Autowired UserManagement users;
    @Autowired UserDirectory directory;
    @Autowired OrganizationDirectory organization;
    @Autowired JdbcClient jdbc;

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    List<String> fieldsOf(Runnable r) {
        DomainException e = catchThrowableOfType(DomainException.class, r::run);
        assertThat(e).as("expected a refusal").isNotNull();
        return e.fieldErrors().stream().map(DomainException.FieldError::field).toList();
    }

    @Test
    void anAuditorCannotAlsoBeAnAdministrator() {
        assertThat(fieldsOf(() -> users.create(new NewUser(unique("aud"), "审计", "Anjian@2023",
                EnumSet.of(Role.AUDITOR, Role.SECURITY_ADMIN), ScopeKind.DISTRICT, null, null, null))))
                .containsExactly("roles");
    }

    @Test
    void theThreeAdministratorsAreSeparateUsers() {
        for (Role r : List.of(Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.AUDITOR)) {
            UserSummary u = users.create(new NewUser(unique("adm"), "管理员", "Anjian@2023", EnumSet.of(r), ScopeKind.DISTRICT, null, null, null));
            assertThat(u.roles()).containsExactly(r);
        }
    }

    @Test
    void aTownOfficialNeedsATownOrParkScope() {
        UUID district = organization.district().id();
        assertThat(fieldsOf(() -> users.create(new NewUser(unique("t"), "镇街", "Anjian@2023", EnumSet.of(Role.TOWN_OFFICIAL),
                ScopeKind.REGION, district, null, null)))).containsExactly("scopeId");
        assertThat(fieldsOf(() -> users.create(new NewUser(unique("t"), "镇街", "Anjian@2023", EnumSet.of(Role.TOWN_OFFICIAL),
                ScopeKind.DISTRICT, null, null, null)))).containsExactly("scopeKind");
        UUID town = organization.regionByName("白沙镇").orElseThrow().id();
        UserSummary ok = users.create(new NewUser(unique("t"), "镇街", "Anjian@2023", EnumSet.of(Role.TOWN_OFFICIAL), ScopeKind.REGION,
                town, null, null));
        assertThat(ok.scope().id()).isEqualTo(town);
    }

    @Test
    void rolesNeedingDifferentScopesCannotBeCombined() {
        assertThat(fieldsOf(() -> users.create(new NewUser(unique("x"), "混合", "Anjian@2023", EnumSet.of(Role.TOWN_OFFICIAL, Role.INSPECTOR),
                ScopeKind.REGION, UUID.randomUUID(), null, "1")))).contains("roles");
    }

    @Test
    void anInspectorCarriesAnEnforcementCertificate() {
        assertThat(fieldsOf(() -> users.create(new NewUser(unique("i"), "执法", "Anjian@2023", EnumSet.of(Role.INSPECTOR),
                ScopeKind.DISTRICT, null, null, " ")))).containsExactly("enforcementCertNo");
    }

    @Test
    void usernamesAreUniqueRegardlessOfCase() {
        String name = unique("Case");
        users.create(new NewUser(name, "甲", "Anjian@2023", EnumSet.of(Role.EXPERT), null, null, null, null));
        assertThat(fieldsOf(() -> users.create(new NewUser(name.toLowerCase(), "乙", "Anjian@2023", EnumSet.of(Role.EXPERT), null, null,
                null, null)))).containsExactly("username");
    }

    @Test
    void creationIsAuditedWithoutThePasswordHash() {
        UserSummary u = users.create(new NewUser(unique("au"), "专家", "Anjian@2023", EnumSet.of(Role.EXPERT), null, null, "023-1234567", null));
        String after = jdbc.sql("select after_json from identity_audit_entry where action = 'USER_CREATED' and entity_id = ?")
                .param(u.id().toString()).query(String.class).single();
        assertThat(after).contains(u.username()).contains("EXPERT").doesNotContain("argon2").doesNotContain("password");
    }

    @Test
    void inspectorsAreListedForOtherModules() {
        UserSummary u = users.create(new NewUser(unique("insp"), "执法二", "Anjian@2023", EnumSet.of(Role.INSPECTOR), null, null, null, "渝执 002"));
        assertThat(directory.usersWithRole(Role.INSPECTOR)).extracting(UserSummary::id).contains(u.id());
        assertThat(directory.user(u.id())).get().extracting(UserSummary::enforcementCertNo).isEqualTo("渝执 002");
    }
}
