package org.anjian.inspection.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.anjian.inspection.internal.Leads;
import org.anjian.shared.security.CurrentUser;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/inspection-leads")
@Tag(name = "inspection-leads", description = "打非治违线索与吹哨人举报 (leads: illegal activity and internal whistleblowers)")
class LeadApiController {

    private final Leads leads;

    LeadApiController(Leads leads) {
        this.leads = leads;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Receive a lead; the reporter's name and phone are stored encrypted and shown only to the district")
    Leads.Lead receive(@RequestBody(required = false) Leads.NewLead body) {
        return leads.receive(CurrentUser.require(), body);
    }

    @GetMapping
    PageResult<Leads.Lead> list(@RequestParam(required = false) String state, @RequestParam(required = false) String kind,
                                @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return leads.list(CurrentUser.require(), state, kind, PageRequest.of(page, size));
    }

    @GetMapping("/{id}")
    Leads.Lead get(@PathVariable UUID id) {
        return leads.get(CurrentUser.require(), id);
    }

    @PostMapping("/{id}/assign")
    @Operation(summary = "Assign to two certified inspectors: an unplanned inspection with reason LEAD")
    Leads.Lead assign(@PathVariable UUID id, @RequestBody(required = false) Leads.Assignment body) {
        return leads.assign(CurrentUser.require(), id, body);
    }

    @PostMapping("/{id}/close")
    @Operation(summary = "Close with the outcome (CONFIRMED, NOT_CONFIRMED) and what was found")
    Leads.Lead close(@PathVariable UUID id, @RequestBody(required = false) Leads.Closing body) {
        return leads.close(CurrentUser.require(), id, body);
    }

    @PostMapping("/{id}/reward")
    @Operation(summary = "Record the reward (举报奖励) of a confirmed lead")
    Leads.Lead reward(@PathVariable UUID id, @RequestBody(required = false) Leads.Reward body) {
        return leads.reward(CurrentUser.require(), id, body);
    }
}
