package org.anjian.identity.web;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Account names as people read them, for every page: {@code ${@people.name(approvedBy)}} shows "系统" for the
 * platform's own work and the user's display name for an account, never a bare account name like "system" or "demo".
 */
@Component("people")
class PeopleNames {

    private final AuditRows rows;

    PeopleNames(AuditRows rows) {
        this.rows = rows;
    }

    public String name(String account) {
        return rows.actorName(account, LocaleContextHolder.getLocale());
    }
}
