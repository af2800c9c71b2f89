package org.anjian.identity.web;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.anjian.shared.security.Role;
import org.anjian.shared.security.ScopeKind;

/** The user form as the page binds it. */
public class UserForm {

    private String username;
    private String displayName;
    private String password;
    private Set<Role> roles = EnumSet.noneOf(Role.class);
    private ScopeKind scopeKind;
    private UUID scopeId;
    private String phone;
    private String enforcementCertNo;
    private boolean enabled = true;

    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public Set<Role> getRoles() { return roles; }
    public void setRoles(Set<Role> roles) { this.roles = roles == null ? EnumSet.noneOf(Role.class) : roles; }
    public ScopeKind getScopeKind() { return scopeKind; }
    public void setScopeKind(ScopeKind scopeKind) { this.scopeKind = scopeKind; }
    public UUID getScopeId() { return scopeId; }
    public void setScopeId(UUID scopeId) { this.scopeId = scopeId; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public String getEnforcementCertNo() { return enforcementCertNo; }
    public void setEnforcementCertNo(String enforcementCertNo) { this.enforcementCertNo = enforcementCertNo; }
    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
}
