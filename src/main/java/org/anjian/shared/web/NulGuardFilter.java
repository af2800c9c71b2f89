package org.anjian.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * No text with a NUL character reaches the database (PostgreSQL refuses it, and it answered 500):
 * every query parameter and form field, on every path, signed in or not, is checked here before
 * anything binds it. On the API the answer is a 400 problem naming the field; on pages, the
 * Chinese error page naming it. JSON bodies are checked as they are read ({@link InputHardeningConfig}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class NulGuardFilter extends OncePerRequestFilter {

    /** The field a page request was refused for; the error page names it. */
    static final String REFUSED_FIELD = NulGuardFilter.class.getName() + ".field";
    static final String MESSAGE = "含有不允许的字符 (NUL)";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String field = firstWithNul(request);
        if (field == null) {
            chain.doFilter(request, response);
            return;
        }
        if (ProblemJson.isApi(request.getRequestURI())) {
            ProblemJson.write(response, 400, "shared.validation", "输入有误，请检查各字段 (validation failed)", field, MESSAGE);
        } else {
            request.setAttribute(REFUSED_FIELD, field);
            request.setAttribute(RequestDispatcher.ERROR_MESSAGE, "字段 " + field + " " + MESSAGE);
            response.sendError(400, "字段 " + field + " " + MESSAGE);
        }
    }

    private static String firstWithNul(HttpServletRequest request) {
        Map<String, String[]> params;
        try {
            params = request.getParameterMap();
        } catch (RuntimeException unreadable) {
            return null; // a body that cannot be parsed is refused later, where it is read
        }
        for (Map.Entry<String, String[]> e : params.entrySet()) {
            if (e.getKey().indexOf('\0') >= 0) {
                return e.getKey().replace("\0", "\\u0000");
            }
            for (String v : e.getValue()) {
                if (v != null && v.indexOf('\0') >= 0) {
                    return e.getKey();
                }
            }
        }
        return null;
    }
}
