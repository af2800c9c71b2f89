package org.anjian.identity.internal;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends every page session of a user. Sessions live in the database (Spring Session JDBC), indexed by
 * the principal's name, so deleting them there signs the user out on every node at once.
 */
@Component
class SessionEnding {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    SessionEnding(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    /** How many sessions were ended. */
    int endSessionsOf(String username) {
        var ids = sessions.findByPrincipalName(username).keySet();
        ids.forEach(sessions::deleteById);
        return ids.size();
    }
}
