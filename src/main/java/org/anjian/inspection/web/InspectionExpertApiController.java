package org.anjian.inspection.web;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.UUID;
import org.anjian.inspection.internal.InspectionExperts;
import org.anjian.shared.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 执法+专家: the experts going along on an inspection. */
@RestController
@RequestMapping("/api/v1/inspections/{id}/experts")
class InspectionExpertApiController {

    private final InspectionExperts experts;

    InspectionExpertApiController(InspectionExperts experts) {
        this.experts = experts;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Select experts for the inspection ({\"fields\":[...],\"count\":1}, optional seed): count per field, "
            + "never the enterprise's own employees; 409 naming the field when too few are available")
    List<InspectionExperts.SelectedExpert> select(@PathVariable UUID id, @RequestBody(required = false) InspectionExperts.Request body) {
        return experts.select(CurrentUser.require(), id, body);
    }

    @GetMapping
    List<InspectionExperts.SelectedExpert> list(@PathVariable UUID id) {
        return experts.list(CurrentUser.require(), id);
    }
}
