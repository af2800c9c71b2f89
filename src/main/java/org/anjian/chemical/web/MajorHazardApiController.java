package org.anjian.chemical.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.anjian.chemical.domain.MajorHazardIdentification.Term;
import org.anjian.chemical.domain.MajorHazardIdentification.UnitAssessment;
import org.anjian.chemical.internal.MajorHazardAssessment;
import org.anjian.chemical.internal.MajorHazardAssessment.UnitInput;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** GB 18218-2018 as a calculator: identify and grade units from what they hold. */
@RestController
@RequestMapping("/api/v1/major-hazard-sources")
@Tag(name = "major-hazard-sources", description = "重大危险源辨识与分级 (GB 18218-2018)")
class MajorHazardApiController {

    private final MajorHazardAssessment assessment;

    MajorHazardApiController(MajorHazardAssessment assessment) {
        this.assessment = assessment;
    }

    record AssessmentRequest(List<UnitInput> units) {
    }

    record TermView(String substance, double q, double criticalQuantity, double beta, double ratio, String qRow, String betaRow) {

        static TermView of(Term t) {
            return new TermView(t.substance(), t.q().doubleValue(), t.criticalQuantity().doubleValue(), t.beta().doubleValue(),
                    t.ratio().doubleValue(), t.qRow(), t.betaRow());
        }
    }

    record UnitView(double s, double r, double alpha, Integer grade, String gradeLabel, boolean major, List<TermView> terms) {

        static UnitView of(UnitAssessment a) {
            return new UnitView(a.s().doubleValue(), a.r().doubleValue(), a.alpha().doubleValue(), a.grade(), a.gradeLabel(),
                    a.major(), a.terms().stream().map(TermView::of).toList());
        }
    }

    record AssessmentResponse(List<UnitView> units) {
    }

    @PostMapping("/assessment")
    @Operation(summary = "GB 18218-2018: per unit S = Σ q/Q (major when S ≥ 1), R = α·Σ β·q/Q, grade 一级 R ≥ 100, 二级 ≥ 50, 三级 ≥ 10, 四级 below; "
            + "q is the unit's maximum quantity in tonnes, Q the critical quantity (table 1, else table 2 by hazardClass)")
    AssessmentResponse assess(@RequestBody AssessmentRequest request) {
        return new AssessmentResponse(assessment.assess(request == null ? null : request.units()).stream().map(UnitView::of).toList());
    }
}
