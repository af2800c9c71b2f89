package org.anjian.identity.internal;

import java.time.Instant;
import org.springframework.security.authentication.LockedException;

/** Sign-in refused because the account is locked; says until when. */
public class AccountLockedException extends LockedException {

    private final transient Instant lockedUntil;

    public AccountLockedException(Instant lockedUntil) {
        super("account locked until " + lockedUntil);
        this.lockedUntil = lockedUntil;
    }

    public Instant lockedUntil() {
        return lockedUntil;
    }
}
