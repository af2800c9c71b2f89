package org.anjian.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.anjian.identity.internal.AuditChainVerifier;
import org.anjian.identity.internal.AuditQuery;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/audit")
@PreAuthorize("hasRole('AUDITOR')")
@Tag(name = "audit", description = "审计日志 (the SM3-chained audit trail)")
class AuditApiController {

    private final AuditQuery query;
    private final AuditChainVerifier verifier;

    AuditApiController(AuditQuery query, AuditChainVerifier verifier) {
        this.query = query;
        this.verifier = verifier;
    }

    @GetMapping
    PageResult<AuditQuery.Row> list(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                                    @RequestParam(required = false) String entityType, @RequestParam(required = false) String entityId,
                                    @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
                                    @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return query.search(new AuditQuery.Filter(actor, action, entityType, entityId, from, to), PageRequest.of(page, size));
    }

    @GetMapping("/verify")
    @Operation(summary = "Walk the SM3 chain and report the first broken link")
    AuditChainVerifier.Verification verify() {
        return verifier.verify();
    }
}
