package org.anjian.shared;

import java.util.UUID;
import org.anjian.shared.security.DataScope;
import org.anjian.shared.security.Role;
import org.anjian.shared.security.ScopeKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataScopeTest {

    @Test
    void aDistrictScopeHasNoIdAndEveryOtherScopeNeedsOne() {
        assertThat(DataScope.of(ScopeKind.DISTRICT, null).isDistrict()).isTrue();
        assertThatThrownBy(() -> new DataScope(ScopeKind.DISTRICT, UUID.randomUUID())).isInstanceOf(IllegalArgumentException.class);
        for (ScopeKind kind : new ScopeKind[] {ScopeKind.REGION, ScopeKind.DEPARTMENT, ScopeKind.ENTERPRISE, ScopeKind.AGENCY}) {
            assertThatThrownBy(() -> new DataScope(kind, null)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void anEnterpriseScopeCoversOnlyItsOwnEnterprise() {
        UUID mine = UUID.randomUUID();
        DataScope scope = DataScope.of(ScopeKind.ENTERPRISE, mine);
        assertThat(scope.isEnterprise(mine)).isTrue();
        assertThat(scope.isEnterprise(UUID.randomUUID())).isFalse();
        assertThat(DataScope.DISTRICT.isEnterprise(mine)).isFalse();
    }

    @Test
    void eachRoleRequiresItsScope() {
        assertThat(Role.TOWN_OFFICIAL.requiredScope()).isEqualTo(ScopeKind.REGION);
        assertThat(Role.DEPARTMENT_OFFICIAL.requiredScope()).isEqualTo(ScopeKind.DEPARTMENT);
        assertThat(Role.ENTERPRISE_USER.requiredScope()).isEqualTo(ScopeKind.ENTERPRISE);
        assertThat(Role.AGENCY_USER.requiredScope()).isEqualTo(ScopeKind.AGENCY);
        assertThat(Role.INSPECTOR.requiredScope()).isEqualTo(ScopeKind.DISTRICT);
        assertThat(Role.AUDITOR.requiredScope()).isEqualTo(ScopeKind.DISTRICT);
    }

    @Test
    void theAuditorIsKeptApartFromTheAdministrators() {
        assertThat(Role.DISTRICT_ADMIN.isExclusiveWithAuditor()).isTrue();
        assertThat(Role.SYSTEM_ADMIN.isExclusiveWithAuditor()).isTrue();
        assertThat(Role.SECURITY_ADMIN.isExclusiveWithAuditor()).isTrue();
        assertThat(Role.INSPECTOR.isExclusiveWithAuditor()).isFalse();
    }
}
