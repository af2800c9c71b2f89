package org.anjian.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;
import org.anjian.shared.security.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The auditor reads only (三员分立), by construction: one rule of the security configuration refuses
 * every request that is not a read (anything but GET, HEAD, OPTIONS) to a user whose only business
 * role is {@link Role#AUDITOR}, on the API and on pages alike, before any controller runs. What an
 * auditor may still send is short and listed here.
 */
final class AuditorReadOnly {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    /** Roles that act on business records; the auditor's is not among them. */
    private static final Set<Role> ACTING = EnumSet.of(Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.TOWN_OFFICIAL, Role.DEPARTMENT_OFFICIAL,
            Role.ENTERPRISE_USER, Role.AGENCY_USER, Role.EXPERT);

    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

    /** Writes the auditor may still send: nothing that changes a business record. */
    static final RequestMatcher AUDITOR_MAY = new OrRequestMatcher(
            // their own session, password and token
            PATHS.matcher(HttpMethod.POST, "/login"),
            PATHS.matcher(HttpMethod.POST, "/logout"),
            PATHS.matcher(HttpMethod.POST, "/account/password"),
            PATHS.matcher(HttpMethod.POST, "/api/v1/auth/token"),
            PATHS.matcher(HttpMethod.DELETE, "/api/v1/auth/token"),
            // checking the audit chain (the page sends it as a form)
            PATHS.matcher(HttpMethod.POST, "/audit/verify"),
            // calculators: they take their input as a body, answer a result and store nothing
            PATHS.matcher(HttpMethod.POST, "/api/v1/risk/lec"),
            PATHS.matcher(HttpMethod.POST, "/api/v1/risk/ls"),
            PATHS.matcher(HttpMethod.POST, "/api/v1/accidents/grading"),
            PATHS.matcher(HttpMethod.POST, "/risk/calculator/lec"),
            PATHS.matcher(HttpMethod.POST, "/risk/calculator/ls"),
            PATHS.matcher(HttpMethod.POST, "/api/v1/major-hazard-sources/assessment"),
            PATHS.matcher(HttpMethod.POST, "/major-hazard-sources/assessment"),
            // the public's 12350 intake: open to anyone, signed in or not, and no record of the auditor's office
            PATHS.matcher(HttpMethod.POST, "/public/report"),
            PATHS.matcher(HttpMethod.POST, "/api/v1/public/reports"));

    /** Every request that is not a read, but for those listed in {@link #AUDITOR_MAY}. */
    static final RequestMatcher WRITES = (HttpServletRequest request) -> !READS.contains(request.getMethod()) && !AUDITOR_MAY.matches(request);

    private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

    /** Grants a write to any signed-in user but one whose only business role is auditor. */
    static final AuthorizationManager<RequestAuthorizationContext> NOT_AUDITOR_ONLY = new AuthorizationManager<>() {
        @Override
        public AuthorizationResult authorize(Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
            Authentication a = authentication.get();
            return new AuthorizationDecision(TRUST.isAuthenticated(a) && !onlyAuditor(a));
        }
    };

    private AuditorReadOnly() {
    }

    /** Whether this refusal is the rule's: a write from a user whose only business role is auditor. */
    static boolean refusedByRule(HttpServletRequest request, Authentication a) {
        return a != null && WRITES.matches(request) && onlyAuditor(a);
    }

    /**
     * The reason a refusal by this rule gives: the owning module's own read-only reason
     * ({@code risk.readOnly}, {@code hazard.readOnly} …) when it has one, so an answer does not
     * change because the rule refused before the module could, else {@code identity.auditorReadOnly}.
     */
    static String reason(HttpServletRequest request, org.springframework.web.servlet.HandlerMapping handlers,
                         org.springframework.context.MessageSource messages) {
        try {
            // the security filters run before the dispatcher has parsed the path the mappings match on
            if (!org.springframework.web.util.ServletRequestPathUtils.hasParsedRequestPath(request)) {
                org.springframework.web.util.ServletRequestPathUtils.parseAndCache(request);
            }
            var chain = handlers.getHandler(request);
            if (chain != null && chain.getHandler() instanceof org.springframework.web.method.HandlerMethod method) {
                String name = method.getBeanType().getPackageName();
                if (name.startsWith("org.anjian.")) {
                    String module = name.substring("org.anjian.".length()).split("\\.")[0];
                    String code = module + ".readOnly";
                    if (messages.getMessage(code, null, null, java.util.Locale.SIMPLIFIED_CHINESE) != null) {
                        return code;
                    }
                }
            }
        } catch (Exception e) {
            // no handler: the general reason
        }
        return "identity.auditorReadOnly";
    }

    static boolean onlyAuditor(Authentication a) {
        Set<String> held = new java.util.HashSet<>();
        for (GrantedAuthority g : a.getAuthorities()) {
            held.add(g.getAuthority());
        }
        return held.contains(Role.AUDITOR.authority()) && ACTING.stream().noneMatch(r -> held.contains(r.authority()));
    }
}
