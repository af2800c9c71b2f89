package org.anjian.shared.security;

/**
 * Who a person is on the platform (ORG-2). The three-admin split of 等保 level 3 is expressed by
 * {@link #SYSTEM_ADMIN}, {@link #SECURITY_ADMIN} and {@link #AUDITOR}; {@link #isExclusiveWithAuditor()}
 * keeps the auditor apart from anybody who can change what is audited.
 */
public enum Role {
    /** 安委办 / 应急局: runs the district's safety work and its users. */
    DISTRICT_ADMIN,
    /** 执法人员: inspects and enforces; holds an enforcement certificate. */
    INSPECTOR,
    /** 镇街 official: works within one town or park. */
    TOWN_OFFICIAL,
    /** 行业部门 official: works within the sectors of one department. */
    DEPARTMENT_OFFICIAL,
    /** 企业 user: sees its own enterprise only. */
    ENTERPRISE_USER,
    /** 托管机构 user: sees the enterprises its agency serves. */
    AGENCY_USER,
    /** 专家: joins inspections and verifies major hazards. */
    EXPERT,
    /** 审计员: read-only, reads the audit trail. */
    AUDITOR,
    /** 系统管理员: reference data and system settings, no business data. */
    SYSTEM_ADMIN,
    /** 安全管理员: accounts, roles and scopes. */
    SECURITY_ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }

    public boolean isExclusiveWithAuditor() {
        return this == DISTRICT_ADMIN || this == SYSTEM_ADMIN || this == SECURITY_ADMIN;
    }

    /** The scope a user of this role must have. */
    public ScopeKind requiredScope() {
        return switch (this) {
            case TOWN_OFFICIAL -> ScopeKind.REGION;
            case DEPARTMENT_OFFICIAL -> ScopeKind.DEPARTMENT;
            case ENTERPRISE_USER -> ScopeKind.ENTERPRISE;
            case AGENCY_USER -> ScopeKind.AGENCY;
            default -> ScopeKind.DISTRICT;
        };
    }
}
