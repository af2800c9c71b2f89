package org.anjian.identity.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.anjian.shared.security.DataScope;
import org.anjian.shared.security.Role;
import org.anjian.shared.security.ScopeKind;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.util.StringUtils;

@Repository
public class UserAccountRepository {

    private final JdbcClient jdbc;

    UserAccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<UserAccount> findById(UUID id) {
        return jdbc.sql("select * from identity_user_account where id = ?").param(id).query(UserAccountRepository::map).optional();
    }

    public Optional<UserAccount> findByUsername(String username) {
        return jdbc.sql("select * from identity_user_account where lower(username) = lower(?)").param(username)
                .query(UserAccountRepository::map).optional();
    }

    /** For the sign-in path: the row is locked so that concurrent failures count correctly. */
    Optional<UserAccount> findByUsernameForUpdate(String username) {
        return jdbc.sql("select * from identity_user_account where lower(username) = lower(?) for update").param(username)
                .query(UserAccountRepository::map).optional();
    }

    public List<UserAccount> findByRole(Role role) {
        return jdbc.sql("select * from identity_user_account where ? = any(roles) order by username").param(role.name())
                .query(UserAccountRepository::map).list();
    }

    public PageResult<UserAccount> search(String text, Role role, Boolean locked, Instant now, PageRequest page) {
        StringBuilder where = new StringBuilder(" where 1=1");
        List<Object> params = new ArrayList<>();
        if (StringUtils.hasText(text)) {
            where.append(" and (username ilike ? or display_name ilike ? or coalesce(phone,'') ilike ?)");
            String like = "%" + text.trim().replace("%", "\\%").replace("_", "\\_") + "%";
            params.add(like);
            params.add(like);
            params.add(like);
        }
        if (role != null) {
            where.append(" and ? = any(roles)");
            params.add(role.name());
        }
        if (Boolean.TRUE.equals(locked)) {
            where.append(" and locked_until > ?");
            params.add(OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
        }
        long total = jdbc.sql("select count(*) from identity_user_account" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(page.size());
        pageParams.add(page.offset());
        List<UserAccount> items = jdbc.sql("select * from identity_user_account" + where + " order by username limit ? offset ?")
                .params(pageParams).query(UserAccountRepository::map).list();
        return new PageResult<>(items, total, page.page(), page.size());
    }

    public long count() {
        return jdbc.sql("select count(*) from identity_user_account").query(Long.class).single();
    }

    public long countLocked(Instant now) {
        return jdbc.sql("select count(*) from identity_user_account where locked_until > ?")
                .param(OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).query(Long.class).single();
    }

    void insert(UserAccount a) {
        jdbc.sql("""
                insert into identity_user_account (id, username, display_name, password_hash, roles, scope_kind, scope_id, phone,
                  enforcement_cert_no, enabled, password_changed_at, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(a.id(), a.username(), a.displayName(), a.passwordHash(), roles(a.roles()), a.scope().kind().name(),
                        a.scope().id(), a.phone(), a.enforcementCertNo(), a.enabled(), ts(a.passwordChangedAt()),
                        ts(a.createdAt()), ts(a.createdAt()))
                .update();
    }

    void update(UserAccount a, Instant now) {
        jdbc.sql("""
                update identity_user_account set display_name = ?, roles = ?, scope_kind = ?, scope_id = ?, phone = ?,
                  enforcement_cert_no = ?, enabled = ?, updated_at = ? where id = ?""")
                .params(a.displayName(), roles(a.roles()), a.scope().kind().name(), a.scope().id(), a.phone(),
                        a.enforcementCertNo(), a.enabled(), ts(now), a.id())
                .update();
    }

    void updatePassword(UUID id, String hash, Instant now) {
        jdbc.sql("update identity_user_account set password_hash = ?, password_changed_at = ?, updated_at = ? where id = ?")
                .params(hash, ts(now), ts(now), id).update();
    }

    void recordFailure(UUID id, int attempts, Instant lockedUntil) {
        jdbc.sql("update identity_user_account set failed_attempts = ?, locked_until = ? where id = ?")
                .params(attempts, ts(lockedUntil), id).update();
    }

    void recordSuccess(UUID id, Instant now) {
        jdbc.sql("update identity_user_account set failed_attempts = 0, locked_until = null, last_login_at = ? where id = ?")
                .params(ts(now), id).update();
    }

    void unlock(UUID id) {
        jdbc.sql("update identity_user_account set failed_attempts = 0, locked_until = null where id = ?").param(id).update();
    }

    private static String[] roles(Set<Role> roles) {
        return roles.stream().map(Enum::name).sorted().toArray(String[]::new);
    }

    private static OffsetDateTime ts(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static UserAccount map(ResultSet rs, int n) throws SQLException {
        Array arr = rs.getArray("roles");
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String r : (String[]) arr.getArray()) {
            roles.add(Role.valueOf(r));
        }
        DataScope scope = DataScope.of(ScopeKind.valueOf(rs.getString("scope_kind")), rs.getObject("scope_id", UUID.class));
        return new UserAccount(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("display_name"),
                rs.getString("password_hash"), roles, scope, rs.getString("phone"), rs.getString("enforcement_cert_no"),
                rs.getBoolean("enabled"), rs.getInt("failed_attempts"), instant(rs, "locked_until"),
                instant(rs, "password_changed_at"), instant(rs, "last_login_at"), instant(rs, "created_at"));
    }
}
