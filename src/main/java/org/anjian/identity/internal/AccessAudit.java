package org.anjian.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.anjian.shared.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What 等保 level 3 expects in the trail besides changes, written in one place for every module, the
 * present ones and those to come: a refused request (403), an object id that answered 404 (not there,
 * or outside the caller's scope, which must look the same), a file that left the platform (PDF,
 * photo, ZIP, spreadsheet, CSV: anything sent as a file rather than JSON or a page) and an import.
 * It sits in both security chains just before the exception translation, so it sees the final status
 * and still knows who asked. Anonymous requests are not audited here (sign-in attempts are, by the
 * authentication provider).
 */
final class AccessAudit extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AccessAudit.class);
    private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();
    private static final Pattern OBJECT_ID = Pattern.compile(".*/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[0-9]+)(\\.[a-z]+)?(/.*)?");
    private static final Pattern FILE_TYPE = Pattern.compile("(?i)(application/(pdf|zip|octet-stream|vnd\\..*|x-.*)|image/.*|text/csv.*)(;.*)?");
    private static final Pattern STATIC = Pattern.compile("/(css|js|img|webjars|actuator)/.*|/favicon\\.ico");

    private final AuditTrail audit;

    AccessAudit(AuditTrail audit) {
        this.audit = audit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, response);
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        if (who == null || !TRUST.isAuthenticated(who)) {
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (STATIC.matcher(path).matches()) {
            return;
        }
        String action = action(request, response, path);
        if (action == null) {
            return;
        }
        Map<String, Object> what = new LinkedHashMap<>();
        what.put("method", request.getMethod());
        what.put("path", path);
        if (request.getQueryString() != null) {
            what.put("query", request.getQueryString().length() > 500 ? request.getQueryString().substring(0, 500) : request.getQueryString());
        }
        what.put("status", response.getStatus());
        if (response.getContentType() != null) {
            what.put("contentType", response.getContentType());
        }
        try {
            audit.record(action, "request", path, null, what);
        } catch (RuntimeException e) {
            // the answer has gone; a failure to audit it must be seen by operations, not by the user
            log.error("could not audit {} {} {}", action, request.getMethod(), path, e);
        }
    }

    static String action(HttpServletRequest request, HttpServletResponse response, String path) {
        int status = response.getStatus();
        String contentType = request.getContentType();
        if ("POST".equals(request.getMethod()) && path.contains("/import") && contentType != null
                && contentType.toLowerCase().startsWith("multipart/")) {
            return "IMPORT";
        }
        if (status == 403) {
            return "ACCESS_DENIED";
        }
        if (status == 404 && OBJECT_ID.matcher(path).matches()) {
            return "ACCESS_NOT_FOUND";
        }
        if (status >= 200 && status < 300 && isFile(response)) {
            return "DOWNLOAD";
        }
        return null;
    }

    private static boolean isFile(HttpServletResponse response) {
        String type = response.getContentType();
        return response.getHeader(HttpHeaders.CONTENT_DISPOSITION) != null || (type != null && FILE_TYPE.matcher(type).matches());
    }
}
