package org.anjian.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.anjian.shared.error.DomainException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;

/**
 * Errors on {@code /api} paths that no REST controller raised — no handler for the path (404),
 * a method or media type no mapping takes (405, 415), an upload over the limit — answered like
 * every other API error, as problem details by the {@link ApiExceptionHandler}. Anything else is
 * left to the next resolver (rethrowing the original exception declines it).
 *
 * <p>Ordered after {@link PageExceptionHandler}: the first advice with a matching method wins, and
 * pages' own domain errors belong there.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiPathExceptionHandler {

    private final ApiExceptionHandler api;

    ApiPathExceptionHandler(ApiExceptionHandler api) {
        this.api = api;
    }

    @ExceptionHandler(Exception.class)
    Object onApiPath(Exception ex, HttpServletRequest request, WebRequest web) throws Exception {
        if (!ProblemJson.isApi(request.getRequestURI()) || ex instanceof AuthenticationException) {
            throw ex;
        }
        if (ex instanceof DomainException domain) {
            return api.domain(domain);
        }
        if (ex instanceof AccessDeniedException denied) {
            return api.denied(denied);
        }
        if (ex instanceof DataAccessException data) {
            return api.stored(data);
        }
        try {
            ResponseEntity<Object> handled = api.handleException(ex, web);
            if (handled != null) {
                return handled;
            }
        } catch (Exception notStandard) {
            // not one of Spring MVC's own exceptions
        }
        return api.unexpected(ex);
    }
}
