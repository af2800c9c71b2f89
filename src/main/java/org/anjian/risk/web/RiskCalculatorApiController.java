package org.anjian.risk.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import org.anjian.risk.RiskLevel;
import org.anjian.risk.RiskProperties;
import org.anjian.risk.domain.LecAssessment;
import org.anjian.risk.domain.RiskMatrix;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.error.DomainException.FieldError;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The assessment methods as calculators, for enterprises grading their risk points and for checking them. */
@RestController
@RequestMapping("/api/v1/risk")
@Tag(name = "risk", description = "风险评价计算 (LEC and LS risk assessment)")
class RiskCalculatorApiController {

    private final RiskMatrix matrix;

    RiskCalculatorApiController(RiskProperties properties) {
        this.matrix = new RiskMatrix(properties.lsLowMax(), properties.lsGeneralMax(), properties.lsHighMax());
    }

    record LecRequest(BigDecimal l, BigDecimal e, BigDecimal c) {
    }

    record LecResponse(BigDecimal d, RiskLevel level) {
    }

    record LsRequest(Integer likelihood, Integer severity) {
    }

    record LsResponse(int r, RiskLevel level) {
    }

    @PostMapping("/lec")
    @Operation(summary = "LEC: D = L × E × C with the standard tables; D > 320 MAJOR, > 160 HIGH, > 70 GENERAL, else LOW")
    LecResponse lec(@RequestBody LecRequest request) {
        List<String> invalid = LecAssessment.invalidFactors(request.l(), request.e(), request.c());
        if (!invalid.isEmpty()) {
            throw DomainException.invalid(invalid.stream()
                    .map(f -> new FieldError(f, "risk.lec.invalid." + f, "不是标准取值"))
                    .toList());
        }
        LecAssessment.Result result = LecAssessment.assess(request.l(), request.e(), request.c());
        return new LecResponse(result.d(), result.level());
    }

    @PostMapping("/ls")
    @Operation(summary = "LS risk matrix: R = likelihood × severity, each 1–5, graded by the configured thresholds")
    LsResponse ls(@RequestBody LsRequest request) {
        List<FieldError> errors = new java.util.ArrayList<>();
        if (request.likelihood() == null || !RiskMatrix.inRange(request.likelihood())) {
            errors.add(new FieldError("likelihood", "risk.ls.range", "取值 1–5"));
        }
        if (request.severity() == null || !RiskMatrix.inRange(request.severity())) {
            errors.add(new FieldError("severity", "risk.ls.range", "取值 1–5"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        RiskMatrix.Result result = matrix.assess(request.likelihood(), request.severity());
        return new LsResponse(result.r(), result.level());
    }
}
