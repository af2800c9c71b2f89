package org.anjian.credit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.UUID;
import org.anjian.credit.internal.CreditRepairs;
import org.anjian.credit.internal.CreditRepairs.RepairView;
import org.anjian.shared.security.CurrentUser;
import org.anjian.shared.web.Downloads;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "credit-repairs", description = "信用修复 (credit repair): early removal of a credit entry on the enterprise's application")
class CreditRepairApiController {

    private final CreditRepairs repairs;

    CreditRepairApiController(CreditRepairs repairs) {
        this.repairs = repairs;
    }

    record Decision(String reason) {
    }

    @PostMapping("/api/v1/credit-records/{id}/repair-applications")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "The entry's enterprise applies for early removal with what it rectified and a proof (PDF/JPEG/PNG ≤ 10 MB);"
            + " 409 before the minimum period (12 months from the decision by default)")
    RepairView apply(@PathVariable UUID id, @RequestParam(required = false) String rectification,
                     @RequestParam(name = "proof", required = false) MultipartFile proof) throws IOException {
        return repairs.apply(CurrentUser.require(), id, rectification, proof == null ? null : proof.getOriginalFilename(),
                proof == null ? null : proof.getBytes());
    }

    @GetMapping("/api/v1/credit-repairs")
    @Operation(summary = "Credit repair applications within the reader's scope, pending first; an enterprise sees its own")
    PageResult<RepairView> list(@RequestParam(required = false) String state, @RequestParam(required = false) UUID recordId,
                                @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return repairs.search(CurrentUser.require(), state, recordId, PageRequest.of(page, size));
    }

    @GetMapping("/api/v1/credit-repairs/{id}")
    RepairView get(@PathVariable UUID id) {
        return repairs.get(CurrentUser.require(), id);
    }

    @GetMapping("/api/v1/credit-repairs/{id}/proof")
    ResponseEntity<byte[]> proof(@PathVariable UUID id) {
        CreditRepairs.Proof p = repairs.proof(CurrentUser.require(), id);
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, p.contentType()).header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment(p.fileName())).body(p.data());
    }

    @PostMapping("/api/v1/credit-repairs/{id}/{action:approve|reject}")
    @Operation(summary = "The district approves (the entry is removed early, shown as removed in the feed) or rejects, with a reason")
    RepairView decide(@PathVariable UUID id, @PathVariable String action, @RequestBody(required = false) Decision body) {
        return repairs.decide(CurrentUser.require(), id, action, body == null ? null : body.reason());
    }
}
