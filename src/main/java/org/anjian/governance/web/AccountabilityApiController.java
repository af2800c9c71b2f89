package org.anjian.governance.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anjian.governance.AccountabilityDocumentKind;
import org.anjian.governance.internal.AccountabilityRepository;
import org.anjian.governance.internal.AccountabilityService;
import org.anjian.shared.security.CurrentUser;
import org.anjian.shared.web.Downloads;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/accountability")
@Tag(name = "accountability", description = "责任追究 (GOV-4): responsibility lists, 明查暗访 records, numbered 警示函 / 督办函 / 通报 / 约谈 / 挂牌督办 / 移送问责")
class AccountabilityApiController {

    private final AccountabilityService service;

    AccountabilityApiController(AccountabilityService service) {
        this.service = service;
    }

    record VisitDetail(AccountabilityRepository.Visit visit, List<Map<String, Object>> problems) {
    }

    @GetMapping("/duties")
    @Operation(summary = "The responsibility lists of leaders and offices (党政同责、一岗双责 …)")
    List<AccountabilityRepository.Duty> duties() {
        return service.duties(CurrentUser.require());
    }

    @PostMapping("/duties")
    @ResponseStatus(HttpStatus.CREATED)
    AccountabilityRepository.Duty addDuty(@RequestBody AccountabilityService.DutyInput body) {
        return service.addDuty(CurrentUser.require(), body);
    }

    @PutMapping("/duties/{id}")
    AccountabilityRepository.Duty updateDuty(@PathVariable UUID id, @RequestBody AccountabilityService.DutyInput body) {
        return service.updateDuty(CurrentUser.require(), id, body);
    }

    @DeleteMapping("/duties/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteDuty(@PathVariable UUID id) {
        service.deleteDuty(CurrentUser.require(), id);
    }

    @GetMapping("/supervision-visits")
    @Operation(summary = "明查暗访 records, newest first")
    PageResult<AccountabilityRepository.Visit> visits(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return service.visits(CurrentUser.require(), PageRequest.of(page, size));
    }

    @PostMapping("/supervision-visits")
    @ResponseStatus(HttpStatus.CREATED)
    AccountabilityRepository.Visit recordVisit(@RequestBody AccountabilityService.NewVisit body) {
        return service.recordVisit(CurrentUser.require(), body);
    }

    @GetMapping("/supervision-visits/{id}")
    @Operation(summary = "A visit with the problems registered from it")
    VisitDetail visit(@PathVariable UUID id) {
        var user = CurrentUser.require();
        return new VisitDetail(service.visit(user, id), service.visitProblems(user, id));
    }

    @GetMapping("/documents")
    PageResult<AccountabilityRepository.Document> documents(@RequestParam(required = false) AccountabilityDocumentKind kind,
                                                            @RequestParam(required = false) Integer year, @RequestParam(required = false) Integer page,
                                                            @RequestParam(required = false) Integer size) {
        return service.documents(CurrentUser.require(), kind, year, PageRequest.of(page, size));
    }

    @PostMapping("/documents")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue a document; its number 〔year〕N号 is the next of its kind this year")
    AccountabilityRepository.Document issue(@RequestBody AccountabilityService.NewDocument body) {
        return service.issue(CurrentUser.require(), body);
    }

    @GetMapping("/documents/{id}")
    AccountabilityRepository.Document document(@PathVariable UUID id) {
        return service.document(CurrentUser.require(), id);
    }

    @GetMapping("/documents/{id}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
        var user = CurrentUser.require();
        var d = service.document(user, id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment(d.kind().title() + "-" + d.number() + ".pdf"))
                .body(service.pdf(user, id));
    }
}
