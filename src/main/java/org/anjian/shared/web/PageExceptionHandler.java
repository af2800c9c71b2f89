package org.anjian.shared.web;

import org.anjian.shared.error.DomainException;
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

    @ExceptionHandler(DomainException.class)
    ModelAndView domain(DomainException ex) {
        ModelAndView mav = new ModelAndView("error");
        mav.setStatus(ex.status());
        mav.addObject("status", ex.status().value());
        mav.addObject("reason", ex.reason());
        return mav;
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
        return mav;
    }
}
