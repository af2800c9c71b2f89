package org.anjian.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.security.AnjianUser;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Password sign-in for pages and for the token endpoint, with lockout: the
 * {@code maxFailedAttempts}-th wrong password in a row locks the account for {@code lockDuration};
 * while locked, even the right password is refused, and the answer says until when. An unknown
 * user and a wrong password get the same answer, after the same amount of hashing work; a name
 * that is no account counts failures and locks like an account, so the lockout does not tell
 * which names exist either.
 * Every attempt is audited.
 */
@Component
class LockingAuthenticationProvider implements AuthenticationProvider {

    private final UserAccountRepository accounts;
    private final PasswordEncoder encoder;
    private final AuditTrail audit;
    private final IdentityProperties properties;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final String dummyHash;
    private final UnknownNameAttempts unknownNames;
    private final SessionEnding sessions;

    LockingAuthenticationProvider(UserAccountRepository accounts, PasswordEncoder encoder, AuditTrail audit,
                                  IdentityProperties properties, Clock clock, PlatformTransactionManager txManager,
                                  UnknownNameAttempts unknownNames, SessionEnding sessions) {
        this.unknownNames = unknownNames;
        this.sessions = sessions;
        this.accounts = accounts;
        this.encoder = encoder;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
        this.tx = new TransactionTemplate(txManager);
        this.dummyHash = encoder.encode("not-a-password-" + System.nanoTime());
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName() == null ? "" : authentication.getName().trim();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        Outcome outcome = tx.execute(status -> attempt(username, password));
        if (outcome.failure() != null) {
            throw outcome.failure();
        }
        return UsernamePasswordAuthenticationToken.authenticated(outcome.user(), null, outcome.user().getAuthorities());
    }

    private Outcome attempt(String username, String password) {
        // the database keeps microseconds; compare what it will give back
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        Optional<UserAccount> found = username.isEmpty() ? Optional.empty() : accounts.findByUsernameForUpdate(username);
        String actor = username.isEmpty() ? "(empty)" : username;
        if (found.isEmpty()) {
            return unknownName(username, actor, password, now);
        }
        UserAccount account = found.get();
        if (account.isLockedAt(now)) {
            encoder.matches(password, dummyHash);
            audit.recordAs(actor, account.id(), "LOGIN_REJECTED_LOCKED", "user", account.id(), null,
                    Map.of("lockedUntil", account.lockedUntil().toString()));
            return Outcome.failed(new AccountLockedException(account.lockedUntil()));
        }
        if (!encoder.matches(password, account.passwordHash())) {
            // a lock that has run out starts a fresh count
            int attempts = (account.lockedUntil() != null ? 0 : account.failedAttempts()) + 1;
            Instant lockedUntil = attempts >= properties.maxFailedAttempts() ? now.plus(properties.lockDuration()) : null;
            accounts.recordFailure(account.id(), attempts, lockedUntil);
            if (lockedUntil != null) {
                // a locked account is signed out everywhere too
                sessions.endSessionsOf(account.username());
            }
            audit.recordAs(actor, account.id(), lockedUntil != null ? "ACCOUNT_LOCKED" : "LOGIN_FAILED", "user", account.id(), null,
                    lockedUntil != null
                            ? Map.of("reason", "BAD_CREDENTIALS", "failedAttempts", attempts, "lockedUntil", lockedUntil.toString())
                            : Map.of("reason", "BAD_CREDENTIALS", "failedAttempts", attempts));
            return Outcome.failed(new BadCredentialsException("bad credentials"));
        }
        if (!account.enabled()) {
            audit.recordAs(actor, account.id(), "LOGIN_FAILED", "user", account.id(), null, Map.of("reason", "DISABLED"));
            return Outcome.failed(new DisabledException("account disabled"));
        }
        accounts.recordSuccess(account.id(), now);
        audit.recordAs(actor, account.id(), "LOGIN_SUCCEEDED", "user", account.id(), null, null);
        return new Outcome(account.principal(now), null);
    }

    /** The same answers as for an account: bad credentials until the count is reached, then locked until a time. */
    private Outcome unknownName(String username, String actor, String password, Instant now) {
        encoder.matches(password, dummyHash);
        if (username.isEmpty()) {
            audit.recordAs(actor, null, "LOGIN_FAILED", "user", null, null, Map.of("reason", "BAD_CREDENTIALS"));
            return Outcome.failed(new BadCredentialsException("bad credentials"));
        }
        Optional<UnknownNameAttempts.Attempts> before = unknownNames.find(username);
        if (before.isPresent() && before.get().isLockedAt(now)) {
            audit.recordAs(actor, null, "LOGIN_REJECTED_LOCKED", "user", null, null, Map.of("lockedUntil", before.get().lockedUntil().toString()));
            return Outcome.failed(new AccountLockedException(before.get().lockedUntil()));
        }
        int attempts = before.map(a -> a.lockedUntil() != null ? 0 : a.failed()).orElse(0) + 1;
        Instant lockedUntil = attempts >= properties.maxFailedAttempts() ? now.plus(properties.lockDuration()) : null;
        unknownNames.recordFailure(username, attempts, lockedUntil, now);
        audit.recordAs(actor, null, "LOGIN_FAILED", "user", null, null, Map.of("reason", "BAD_CREDENTIALS"));
        return Outcome.failed(new BadCredentialsException("bad credentials"));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private record Outcome(AnjianUser user, AuthenticationException failure) {
        static Outcome failed(AuthenticationException e) {
            return new Outcome(null, e);
        }
    }
}
