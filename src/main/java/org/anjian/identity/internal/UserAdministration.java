package org.anjian.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.anjian.identity.UserDirectory;
import org.anjian.identity.UserManagement;
import org.anjian.identity.UserSummary;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.organization.Region;
import org.anjian.organization.RegionKind;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.error.DomainException.FieldError;
import org.anjian.shared.security.DataScope;
import org.anjian.shared.security.Role;
import org.anjian.shared.security.ScopeKind;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Account rules: usernames unique regardless of case; the password policy; roles whose scopes
 * agree (a town official's scope is a town or park, a department official's a department …);
 * an inspector carries an enforcement certificate number; the auditor is never also an
 * administrator (三员分立).
 */
@Service
@Transactional
class UserAdministration implements UserManagement, UserDirectory {

    private final UserAccountRepository accounts;
    private final PasswordEncoder encoder;
    private final AuditTrail audit;
    private final OrganizationDirectory organization;
    private final ApiTokenService tokens;
    private final Clock clock;
    private final SessionEnding sessions;

    UserAdministration(UserAccountRepository accounts, PasswordEncoder encoder, AuditTrail audit, OrganizationDirectory organization,
                       ApiTokenService tokens, Clock clock, SessionEnding sessions) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.encoder = encoder;
        this.audit = audit;
        this.organization = organization;
        this.tokens = tokens;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<UserSummary> user(UUID id) {
        return accounts.findById(id).map(UserAccount::summary);
    }

    @Override
    @Transactional(readOnly = true)
    public List<UserSummary> usersWithRole(Role role) {
        return accounts.findByRole(role).stream().map(UserAccount::summary).toList();
    }

    @Override
    public UserSummary create(NewUser u) {
        List<FieldError> errors = new ArrayList<>();
        String username = u.username() == null ? "" : u.username().trim();
        if (!username.matches("[A-Za-z0-9_.-]{3,32}")) {
            errors.add(new FieldError("username", "identity.username.format", "用户名为 3–32 位字母、数字或 _ . -"));
        } else if (accounts.findByUsername(username).isPresent()) {
            errors.add(new FieldError("username", "identity.username.taken", "用户名已存在"));
        }
        PasswordPolicy.violation(u.password(), username).ifPresent(code -> errors.add(new FieldError("password", code, "密码不符合要求")));
        DataScope scope = validate(errors, u.displayName(), u.roles(), u.scopeKind(), u.scopeId(), u.enforcementCertNo(), u.phone());
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        Instant now = clock.instant();
        UserAccount account = new UserAccount(UUID.randomUUID(), username, u.displayName().trim(), encoder.encode(u.password()),
                u.roles(), scope, blankToNull(u.phone()), blankToNull(u.enforcementCertNo()), true, 0, null, now, null, now);
        accounts.insert(account);
        audit.record("USER_CREATED", "user", account.id(), null, account.auditView());
        return account.summary();
    }

    @Override
    public UserSummary ensure(NewUser u) {
        return accounts.findByUsername(u.username()).map(UserAccount::summary).orElseGet(() -> create(u));
    }

    @Override
    public UserSummary update(UUID id, UserChange c) {
        UserAccount before = accounts.findById(id).orElseThrow(() -> DomainException.notFound("user"));
        List<FieldError> errors = new ArrayList<>();
        DataScope scope = validate(errors, c.displayName(), c.roles(), c.scopeKind(), c.scopeId(), c.enforcementCertNo(), c.phone());
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        UserAccount after = new UserAccount(id, before.username(), c.displayName().trim(), before.passwordHash(), c.roles(), scope,
                blankToNull(c.phone()), blankToNull(c.enforcementCertNo()), c.enabled(), before.failedAttempts(), before.lockedUntil(),
                before.passwordChangedAt(), before.lastLoginAt(), before.createdAt());
        accounts.update(after, clock.instant());
        if (before.enabled() && !after.enabled()) {
            tokens.revokeAll(id);
        }
        // a session carries the roles and scope it was opened with: any change to them, or disabling, ends it on every node
        if (!after.enabled() || !before.roles().equals(after.roles()) || !before.scope().equals(after.scope())) {
            sessions.endSessionsOf(before.username());
        }
        audit.record("USER_UPDATED", "user", id, before.auditView(), after.auditView());
        return after.summary();
    }

    @Override
    public void resetPassword(UUID id, String newPassword) {
        UserAccount account = accounts.findById(id).orElseThrow(() -> DomainException.notFound("user"));
        PasswordPolicy.violation(newPassword, account.username()).ifPresent(code -> {
            throw DomainException.invalid("password", code, "密码不符合要求");
        });
        accounts.updatePassword(id, encoder.encode(newPassword), clock.instant());
        accounts.unlock(id);
        tokens.revokeAll(id);
        sessions.endSessionsOf(account.username());
        audit.record("PASSWORD_RESET", "user", id, null, Map.of("username", account.username()));
    }

    @Override
    public void changeOwnPassword(UUID id, String currentPassword, String newPassword) {
        UserAccount account = accounts.findById(id).orElseThrow(() -> DomainException.notFound("user"));
        if (currentPassword == null || !encoder.matches(currentPassword, account.passwordHash())) {
            throw DomainException.invalid("currentPassword", "identity.password.currentWrong", "当前密码不正确");
        }
        PasswordPolicy.violation(newPassword, account.username()).ifPresent(code -> {
            throw DomainException.invalid("newPassword", code, "密码不符合要求");
        });
        if (encoder.matches(newPassword, account.passwordHash())) {
            throw DomainException.invalid("newPassword", "identity.password.same", "新密码不能与当前密码相同");
        }
        accounts.updatePassword(id, encoder.encode(newPassword), clock.instant());
        audit.record("PASSWORD_CHANGED", "user", id, null, Map.of("username", account.username()));
    }

    @Override
    public void unlock(UUID id) {
        UserAccount account = accounts.findById(id).orElseThrow(() -> DomainException.notFound("user"));
        accounts.unlock(id);
        audit.record("ACCOUNT_UNLOCKED", "user", id,
                account.lockedUntil() == null ? null : Map.of("lockedUntil", account.lockedUntil().toString(), "failedAttempts", account.failedAttempts()),
                Map.of("failedAttempts", 0));
    }

    private DataScope validate(List<FieldError> errors, String displayName, Set<Role> roles, ScopeKind kind, UUID scopeId,
                               String certNo, String phone) {
        if (!StringUtils.hasText(displayName) || displayName.trim().length() > 50) {
            errors.add(new FieldError("displayName", "identity.displayName.required", "请填写姓名（50 字以内）"));
        }
        if (phone != null && !phone.isBlank() && !phone.trim().matches("[0-9+\\- ]{5,20}")) {
            errors.add(new FieldError("phone", "identity.phone.format", "电话号码格式不正确"));
        }
        if (roles == null || roles.isEmpty()) {
            errors.add(new FieldError("roles", "identity.roles.required", "至少选择一个角色"));
            return DataScope.DISTRICT;
        }
        Set<Role> set = EnumSet.copyOf(roles);
        if (set.contains(Role.AUDITOR) && set.stream().anyMatch(Role::isExclusiveWithAuditor)) {
            errors.add(new FieldError("roles", "identity.roles.auditorExclusive", "审计员不能兼任管理员（三员分立）"));
        }
        Set<ScopeKind> required = set.stream().map(Role::requiredScope).collect(Collectors.toSet());
        if (required.size() > 1) {
            errors.add(new FieldError("roles", "identity.roles.scopeConflict", "所选角色的数据范围不一致"));
            return DataScope.DISTRICT;
        }
        ScopeKind expected = required.iterator().next();
        if (kind == null) {
            kind = expected;
        }
        if (kind != expected) {
            errors.add(new FieldError("scopeKind", "identity.scope.mismatch", "数据范围与角色不符"));
            return DataScope.DISTRICT;
        }
        if (set.contains(Role.INSPECTOR) && !StringUtils.hasText(certNo)) {
            errors.add(new FieldError("enforcementCertNo", "identity.certNo.required", "执法人员须填写执法证号"));
        }
        if (kind == ScopeKind.DISTRICT) {
            return DataScope.DISTRICT;
        }
        if (scopeId == null) {
            errors.add(new FieldError("scopeId", "identity.scope.required", "请选择数据范围"));
            return DataScope.DISTRICT;
        }
        switch (kind) {
            case REGION -> {
                Optional<Region> region = organization.region(scopeId);
                if (region.isEmpty() || region.get().kind() == RegionKind.DISTRICT) {
                    errors.add(new FieldError("scopeId", "identity.scope.region", "请选择镇街或园区"));
                }
            }
            case DEPARTMENT -> {
                if (organization.department(scopeId).isEmpty()) {
                    errors.add(new FieldError("scopeId", "identity.scope.department", "请选择行业部门"));
                }
            }
            default -> {
                // enterprises and agencies are checked by their own modules when they exist
            }
        }
        return DataScope.of(kind, scopeId);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

}
