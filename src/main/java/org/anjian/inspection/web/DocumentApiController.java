package org.anjian.inspection.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.anjian.inspection.internal.EnforcementDocuments;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.security.CurrentUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "documents", description = "执法文书 (numbered enforcement documents)")
class DocumentApiController {

    private final EnforcementDocuments documents;

    DocumentApiController(EnforcementDocuments documents) {
        this.documents = documents;
    }

    record Reinspection(Boolean rectified, String opinion) {
    }

    @org.springframework.web.bind.annotation.PostMapping("/api/v1/orders/{id}/reinspection")
    @Operation(summary = "Re-inspect a rectification order: the numbered opinion closes it (rectified) or escalates it")
    EnforcementDocuments.Order reinspect(@PathVariable UUID id, @org.springframework.web.bind.annotation.RequestBody Reinspection body) {
        if (body.rectified() == null) {
            throw DomainException.invalid("rectified", "shared.validation.required", "必填");
        }
        return documents.reinspect(CurrentUser.require(), id, body.rectified(), body.opinion());
    }

    @GetMapping("/api/v1/orders/{id}")
    EnforcementDocuments.Order order(@PathVariable UUID id) {
        return documents.order(CurrentUser.require(), id);
    }

    @GetMapping("/api/v1/orders/overdue")
    @Operation(summary = "Open rectification orders past their re-inspection date")
    java.util.List<EnforcementDocuments.Order> overdue() {
        return documents.overdueOrders(CurrentUser.require());
    }

    @GetMapping("/api/v1/documents/{id}.pdf")
    @Operation(summary = "An issued enforcement document, as it was issued")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
        EnforcementDocuments.Pdf pdf = documents.pdf(CurrentUser.require(), id).orElseThrow(() -> DomainException.notFound("document"));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(pdf.number() + ".pdf", StandardCharsets.UTF_8).build().toString())
                .body(pdf.content());
    }
}
