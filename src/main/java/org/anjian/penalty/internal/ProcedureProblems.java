package org.anjian.penalty.internal;

import java.util.Arrays;
import org.anjian.penalty.domain.CaseAction;
import org.anjian.penalty.domain.CaseState;
import org.anjian.penalty.domain.ProcedureViolation;
import org.anjian.shared.error.DomainException;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;

/**
 * The one place a {@link ProcedureViolation} of the domain becomes the application's
 * {@link DomainException}: a wrong input is 400 with its fields, a refusal 409; a state or action
 * among the arguments is named by its message key, so the refusal reads in the reader's language.
 */
public final class ProcedureProblems {

    private ProcedureProblems() {
    }

    public static DomainException of(ProcedureViolation v) {
        if (v.isInvalidInput()) {
            return new DomainException(HttpStatus.BAD_REQUEST, v.reason(), v.getMessage(), v.fields().stream()
                    .map(f -> new DomainException.FieldError(f.field(), f.code(), f.defaultMessage())).toList());
        }
        return DomainException.conflict(v.reason(), v.getMessage(), Arrays.stream(v.args()).map(ProcedureProblems::term).toArray());
    }

    private static Object term(Object arg) {
        if (arg instanceof CaseState s) {
            return new DefaultMessageSourceResolvable(new String[] {"penalty.state." + s}, s.name());
        }
        if (arg instanceof CaseAction a) {
            return new DefaultMessageSourceResolvable(new String[] {"penalty.action." + a}, a.name());
        }
        return arg;
    }
}
