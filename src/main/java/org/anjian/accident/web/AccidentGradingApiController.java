package org.anjian.accident.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.anjian.accident.AccidentGrade;
import org.anjian.accident.domain.AccidentGrading;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.error.DomainException.FieldError;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/accidents")
@Tag(name = "accidents", description = "生产安全事故 (accidents)")
class AccidentGradingApiController {

    /** Missing and deaths are counts of people; the loss is in yuan with at most fen. */
    record GradingRequest(Integer deaths, Integer missing, Integer seriousInjuries,
                          @jakarta.validation.constraints.DecimalMax(org.anjian.accident.internal.AccidentService.MAX_LOSS_YUAN) BigDecimal directLossYuan) {
    }

    record GradingResponse(AccidentGrade grade) {
    }

    @PostMapping("/grading")
    @Operation(summary = "Grade an accident per State Council Decree 493 (missing persons count with deaths)")
    GradingResponse grade(@RequestBody GradingRequest r) {
        List<FieldError> errors = new ArrayList<>();
        nonNegative(errors, "deaths", r.deaths(), true);
        nonNegative(errors, "missing", r.missing(), false);
        nonNegative(errors, "seriousInjuries", r.seriousInjuries(), true);
        if (r.directLossYuan() == null) {
            errors.add(new FieldError("directLossYuan", "shared.validation.required", "必填"));
        } else if (r.directLossYuan().signum() < 0) {
            errors.add(new FieldError("directLossYuan", "accident.negative", "不能为负数"));
        } else if (r.directLossYuan().scale() > 2) {
            errors.add(new FieldError("directLossYuan", "accident.loss.fen", "金额最多精确到分"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        return new GradingResponse(AccidentGrading.grade(r.deaths(), r.missing() == null ? 0 : r.missing(), r.seriousInjuries(),
                r.directLossYuan()));
    }

    private static void nonNegative(List<FieldError> errors, String field, Integer value, boolean required) {
        if (value == null) {
            if (required) {
                errors.add(new FieldError(field, "shared.validation.required", "必填"));
            }
        } else if (value < 0) {
            errors.add(new FieldError(field, "accident.negative", "不能为负数"));
        }
    }
}
