package org.anjian.shared.web;

import java.util.Locale;
import org.anjian.shared.error.DomainException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** A rule that says no on a page shows the friendly error page with the reason, in the user's language. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE - 1)
class PageExceptionHandler {

    private final MessageSource messages;

    PageExceptionHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(DomainException.class)
    ModelAndView domain(DomainException ex) {
        ModelAndView mav = new ModelAndView("error");
        mav.setStatus(ex.status());
        mav.addObject("status", ex.status().value());
        mav.addObject("reason", ex.reason());
        mav.addObject("reasonText", reasonText(ex));
        return mav;
    }

    /**
     * The reason in the reader's language. A rule whose reason has no bundle entry (many carry their Chinese sentence,
     * formatted with the case's figures, as the exception's message) shows that sentence, never "??key??"; an English
     * developer message falls back to the status' generic line.
     */
    String reasonText(DomainException ex) {
        Locale locale = LocaleContextHolder.getLocale();
        String text = ex.reason() == null ? null : messages.getMessage(ex.reason(), ex.args(), null, locale);
        if (text != null) {
            return text;
        }
        String message = ex.getMessage();
        return message != null && message.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) ? message : null;
    }

    /** A value the database refused (too long, out of range) is the form's fault: 400 with the reason, not a 500. */
    @ExceptionHandler(DataAccessException.class)
    ModelAndView stored(DataAccessException ex) throws DataAccessException {
        HttpStatus status = SqlStates.clientFault(ex);
        if (status == null) {
            throw ex;
        }
        ModelAndView mav = new ModelAndView("error");
        mav.setStatus(status);
        mav.addObject("status", status.value());
        mav.addObject("reason", "shared.problem.stored");
        mav.addObject("reasonText", messages.getMessage("shared.problem.stored", null, LocaleContextHolder.getLocale()));
        return mav;
    }
}
