package org.anjian.shared.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Where the servlet container sends what no controller answered ({@code sendError} from a filter,
 * Spring Security's firewall, an upload over the limit): a problem for {@code /api} paths, the
 * Chinese error page for pages. Replaces Spring Boot's default error controller, whose JSON is not
 * a problem.
 */
@Controller
@RequestMapping("${server.error.path:/error}")
class ErrorPages implements ErrorController {

    private final MessageSource messages;

    ErrorPages(MessageSource messages) {
        this.messages = messages;
    }

    @RequestMapping
    Object error(HttpServletRequest request) {
        int status = status(request);
        String path = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String field = (String) request.getAttribute(NulGuardFilter.REFUSED_FIELD);
        if (ProblemJson.isApi(path)) {
            HttpStatus resolved = HttpStatus.resolve(status);
            String reason = ProblemErrorReportValve.reason(status);
            ProblemDetail pd = ProblemDetail.forStatusAndDetail(resolved == null ? HttpStatus.INTERNAL_SERVER_ERROR : resolved,
                    text("shared.problem." + reason.substring("shared.".length()), ProblemErrorReportValve.detail(status)));
            pd.setStatus(status);
            pd.setTitle(text("shared.problem." + status, resolved == null ? "Error" : resolved.getReasonPhrase()));
            pd.setProperty("reason", reason);
            if (field != null) {
                pd.setProperty("errors", List.of(Map.of("field", field, "message", NulGuardFilter.MESSAGE)));
            }
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
        }
        ModelAndView mav = new ModelAndView("error");
        mav.setStatus(HttpStatus.resolve(status) == null ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.resolve(status));
        mav.addObject("status", status);
        if (field != null) {
            mav.addObject("field", field);
            mav.addObject("fieldMessage", text("shared.validation.nul", NulGuardFilter.MESSAGE));
        }
        return mav;
    }

    private static int status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        return code instanceof Integer i && i >= 400 ? i : 500;
    }

    private String text(String code, String fallback) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(code, null, fallback, locale);
    }
}
