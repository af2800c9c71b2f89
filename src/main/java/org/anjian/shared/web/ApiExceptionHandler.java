package org.anjian.shared.web;

import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.anjian.shared.error.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error as RFC 9457 problem details, with {@code errors: [{"field","message"}]} for
 * validation and a {@code reason} code a client can switch on. Never a stack trace.
 */
@RestControllerAdvice(annotations = RestController.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private final MessageSource messages;

    public ApiExceptionHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> domain(DomainException ex) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(ex.status(), text(ex.reason(), ex.getMessage(), ex.args()));
        pd.setTitle(text("shared.problem." + ex.status().value(), ex.status().getReasonPhrase()));
        pd.setProperty("reason", ex.reason());
        ex.problemProperties().forEach(pd::setProperty);
        if (!ex.fieldErrors().isEmpty()) {
            pd.setProperty("errors", ex.fieldErrors().stream()
                    .map(f -> Map.of("field", f.field(), "message", text(f.code(), f.defaultMessage())))
                    .toList());
        }
        return ResponseEntity.status(ex.status()).body(pd);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraint(ConstraintViolationException ex) {
        List<Map<String, String>> errors = ex.getConstraintViolations().stream()
                .map(v -> Map.of("field", lastNode(v.getPropertyPath().toString()), "message", v.getMessage()))
                .toList();
        return validation(errors);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException ex) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, text("shared.problem.forbidden", "forbidden"));
        pd.setTitle(text("shared.problem.403", "Forbidden"));
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(pd);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
        return validation(List.of(Map.of("field", ex.getName(), "message", text("shared.validation.type", "wrong type"))));
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex, HttpHeaders headers,
                                                                          HttpStatusCode status, WebRequest request) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, text("shared.problem.tooLarge", "request too large"));
        pd.setTitle(text("shared.problem.413", "Payload Too Large"));
        pd.setProperty("reason", "shared.tooLarge");
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
    }

    /**
     * The database refused a value the input carried (too long for its column, out of range, a
     * constraint): the client's fault, so a 400 (409 for a duplicate), never a 500. Bean validation
     * names the field where a limit is declared; this is the net under every other column.
     */
    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<ProblemDetail> stored(DataAccessException ex) {
        HttpStatus status = SqlStates.clientFault(ex);
        if (status == null) {
            return unexpected(ex);
        }
        log.info("input refused by the database: {}", SqlStates.describe(ex));
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, text("shared.problem.stored", "a value is out of range"));
        pd.setTitle(text("shared.problem." + status.value(), status.getReasonPhrase()));
        pd.setProperty("reason", status == HttpStatus.CONFLICT ? "shared.conflict" : "shared.validation.stored");
        SqlStates.column(ex).ifPresent(column -> pd.setProperty("errors",
                List.of(Map.of("field", column, "message", text("shared.validation.invalid", "invalid")))));
        return ResponseEntity.status(status).body(pd);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        log.error("unexpected error", ex);
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, text("shared.problem.unexpected", "unexpected error"));
        return ResponseEntity.internalServerError().body(pd);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        return fromBinding(ex);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, text("shared.problem.unreadable", "malformed request body"));
        pd.setTitle(text("shared.problem.400", "Bad Request"));
        pd.setProperty("reason", "shared.unreadable");
        String field = unreadableField(ex);
        if (field != null) {
            boolean nul = ex.getCause() instanceof tools.jackson.databind.exc.InvalidFormatException ife && ife.getTargetType() == String.class;
            pd.setProperty("errors", List.of(Map.of("field", field,
                    "message", nul ? text("shared.validation.nul", "NUL not allowed") : text("shared.validation.type", "wrong type"))));
        }
        return ResponseEntity.badRequest().body(pd);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail pd && pd.getTitle() != null) {
            pd.setTitle(text("shared.problem." + statusCode.value(), pd.getTitle()));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private ResponseEntity<Object> fromBinding(BindException ex) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldError fe : ex.getBindingResult().getFieldErrors()) {
            String msg = fe.getDefaultMessage() == null ? text("shared.validation.invalid", "invalid") : fe.getDefaultMessage();
            errors.add(Map.of("field", fe.getField(), "message", msg));
        }
        ex.getBindingResult().getGlobalErrors().forEach(ge ->
                errors.add(Map.of("field", ge.getObjectName(), "message", String.valueOf(ge.getDefaultMessage()))));
        return ResponseEntity.badRequest().body(validation(errors).getBody());
    }

    private ResponseEntity<ProblemDetail> validation(List<Map<String, String>> errors) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, text("shared.problem.validation", "validation failed"));
        pd.setTitle(text("shared.problem.400", "Bad Request"));
        pd.setProperty("reason", "shared.validation");
        pd.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(pd);
    }

    /** Jackson names the path of the field it could not read; clients want that field. */
    private static String unreadableField(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getCause();
        if (cause instanceof tools.jackson.databind.DatabindException de && !de.getPath().isEmpty()) {
            var ref = de.getPath().get(de.getPath().size() - 1);
            return ref.getPropertyName() != null ? ref.getPropertyName() : null;
        }
        return null;
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private String text(String code, String fallback, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(code, args, fallback, locale);
    }
}
