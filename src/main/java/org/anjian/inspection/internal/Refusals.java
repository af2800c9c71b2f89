package org.anjian.inspection.internal;

import java.util.function.Supplier;
import org.anjian.inspection.domain.InspectionRuleViolation;
import org.anjian.shared.error.DomainException;
import org.springframework.http.HttpStatus;

/**
 * The one place where the domain's {@link InspectionRuleViolation} becomes the shared
 * {@link DomainException}: a refused transition is 409, refused input 400 naming its fields; the
 * reason code (the message key) is kept, so pages and problem details read as before.
 */
final class Refusals {

    private Refusals() {
    }

    static DomainException of(InspectionRuleViolation v) {
        if (v.isInvalidInput()) {
            return new DomainException(HttpStatus.BAD_REQUEST, v.reason(), v.getMessage(),
                    v.fields().stream().map(f -> new DomainException.FieldError(f.field(), f.code(), f.defaultMessage())).toList());
        }
        return DomainException.conflict(v.reason(), v.getMessage());
    }

    /** Runs a step of an aggregate, mapping its refusal. */
    static void check(Runnable step) {
        try {
            step.run();
        } catch (InspectionRuleViolation v) {
            throw of(v);
        }
    }

    /** Runs a step of an aggregate that answers something, mapping its refusal. */
    static <T> T get(Supplier<T> step) {
        try {
            return step.get();
        } catch (InspectionRuleViolation v) {
            throw of(v);
        }
    }
}
