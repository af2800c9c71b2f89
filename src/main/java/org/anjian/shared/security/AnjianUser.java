package org.anjian.shared.security;

import java.io.Serial;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in person or machine. Serializable because sessions live in the database (Spring
 * Session JDBC) and are shared by every node.
 */
public final class AnjianUser implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    private final UUID id;
    private final String username;
    private final String displayName;
    private final Set<Role> roles;
    private final DataScope scope;
    private String passwordHash;
    private final boolean enabled;
    private final boolean locked;

    public AnjianUser(UUID id, String username, String displayName, Set<Role> roles, DataScope scope,
                      String passwordHash, boolean enabled, boolean locked) {
        this.id = id;
        this.username = username;
        this.displayName = displayName;
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        this.scope = scope;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.locked = locked;
    }

    public UUID id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public Set<Role> roles() {
        return EnumSet.copyOf(roles.isEmpty() ? EnumSet.noneOf(Role.class) : roles);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(Role... any) {
        for (Role r : any) {
            if (roles.contains(r)) {
                return true;
            }
        }
        return false;
    }

    public DataScope scope() {
        return scope;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority(r.authority())).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    public List<String> roleNames() {
        return roles.stream().map(Enum::name).toList();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AnjianUser other && other.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "AnjianUser[" + username + "]";
    }
}
