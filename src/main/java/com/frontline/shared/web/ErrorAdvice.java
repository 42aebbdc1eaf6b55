package com.frontline.shared.web;

import com.frontline.shared.ForbiddenException;
import com.frontline.shared.NotFoundException;
import com.frontline.shared.UserFacingException;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Maps domain exceptions to pages a person can read. Full-page requests get {@code error/<status>}; htmx requests get
 * an alert swapped into {@code #flash}, so a failing fragment never replaces part of a page with an error page.
 */
@ControllerAdvice
class ErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(ErrorAdvice.class);

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(NotFoundException e, HtmxRequest htmx, HttpServletResponse response) {
        log.debug("404: {}", e.getMessage());
        return render(htmx, response, HttpStatus.NOT_FOUND,
                "We could not find that page, or it belongs to a workspace you are not a member of.");
    }

    @ExceptionHandler(ForbiddenException.class)
    ModelAndView forbidden(ForbiddenException e, HtmxRequest htmx, HttpServletResponse response) {
        return render(htmx, response, HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(UserFacingException.class)
    ModelAndView refused(UserFacingException e, HtmxRequest htmx, HttpServletResponse response) {
        return render(htmx, response, HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(HtmxRequest htmx, HttpServletResponse response) {
        return render(htmx, response, HttpStatus.CONTENT_TOO_LARGE,
                "That file is larger than the upload limit. Choose a smaller file.");
    }

    /**
     * The database is away or no connection was free in time: 503 with "try again", not a generic error. Anything
     * else in these exception types is a bug and goes to the default error handling.
     */
    @ExceptionHandler({org.springframework.dao.DataAccessException.class,
            org.springframework.transaction.CannotCreateTransactionException.class,
            org.jooq.exception.DataAccessException.class})
    ModelAndView databaseUnavailable(Exception e, HtmxRequest htmx, HttpServletResponse response) throws Exception {
        if (!DatabaseUnavailable.is(e)) {
            throw e;
        }
        log.warn("Database unavailable: {}", e.toString());
        response.setHeader("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS);
        return render(htmx, response, HttpStatus.SERVICE_UNAVAILABLE, DatabaseUnavailable.MESSAGE);
    }

    static ModelAndView render(HtmxRequest htmx, HttpServletResponse response, HttpStatus status, String message) {
        // The back button restoring a page swaps the whole body: it gets the error page, like a plain request.
        if (htmx.isHtmxRequest() && !htmx.isHistoryRestoreRequest()) {
            // The message goes where the user is (#flash; the page's htmx-config swaps 4xx responses), and the
            // address bar keeps the page they are on, not the address that failed.
            response.setHeader("HX-Retarget", "#flash");
            response.setHeader("HX-Reswap", "innerHTML");
            response.setHeader("HX-Push-Url", "false");
            ModelAndView alert = new ModelAndView("fragments/alert :: alert", status);
            alert.addObject("message", message);
            alert.addObject("level", "error");
            return alert;
        }
        ModelAndView page = new ModelAndView("error/page", status);
        page.addObject("status", status.value());
        page.addObject("heading", status == HttpStatus.NOT_FOUND ? "Page not found"
                : status == HttpStatus.FORBIDDEN ? "Not allowed"
                : status == HttpStatus.SERVICE_UNAVAILABLE ? "Please try again in a moment" : "That did not work");
        page.addObject("message", message);
        return page;
    }
}
