package org.anjian.shared.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.lang.reflect.Type;
import java.util.Set;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Every request body is checked against the limits declared on its type ({@code @Size},
 * {@code @DecimalMax} matching the column …), whether or not the endpoint remembered
 * {@code @Valid}: a limit declared once holds on every endpoint that reads the type. Violations
 * are a 400 problem naming each field.
 */
@ControllerAdvice
class ValidatedRequestBodies extends RequestBodyAdviceAdapter {

    private final Validator validator;

    ValidatedRequestBodies(Validator validator) {
        this.validator = validator;
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        // endpoints that ask for @Valid get Spring's own validation, with its binding result
        return !parameter.hasParameterAnnotation(Valid.class) && !parameter.hasParameterAnnotation(Validated.class);
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
                                Class<? extends HttpMessageConverter<?>> converterType) {
        if (body == null) {
            // a literal JSON null: no body, refused where one is required as Spring refuses an empty one
            RequestBody annotation = parameter.getParameterAnnotation(RequestBody.class);
            if (annotation == null || annotation.required()) {
                throw new HttpMessageNotReadableException("Required request body is missing", inputMessage);
            }
            return null;
        }
        Set<ConstraintViolation<Object>> violations = validator.validate(body);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return body;
    }
}
