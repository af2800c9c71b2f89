package org.anjian.chemical.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.anjian.chemical.domain.KeyProcessCatalogue;
import org.anjian.chemical.internal.KeyProcesses;
import org.anjian.chemical.internal.KeyProcesses.EnterpriseProcesses;
import org.anjian.chemical.internal.KeyProcesses.ProcessInput;
import org.anjian.chemical.internal.KeyProcesses.ProcessView;
import org.anjian.shared.security.CurrentUser;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The 18 key supervised processes and the enterprises that run them. */
@RestController
@Tag(name = "key-processes", description = "重点监管危险化工工艺与重点监管危险化学品")
class KeyProcessApiController {

    private final KeyProcesses processes;

    KeyProcessApiController(KeyProcesses processes) {
        this.processes = processes;
    }

    @GetMapping("/api/v1/key-processes")
    @Operation(summary = "The catalogue of the 18 key supervised hazardous chemical processes (安监总管三〔2009〕116号, 〔2013〕3号)")
    KeyProcessCatalogue catalogue() {
        KeyProcesses.requireReaderOf(CurrentUser.require());
        return processes.catalogue();
    }

    @GetMapping("/api/v1/enterprise-key-processes")
    @Operation(summary = "The key processes run by enterprises in the caller's scope, by process, town, automatic control and SIS, paged")
    PageResult<ProcessView> list(@RequestParam(required = false) String processCode, @RequestParam(required = false) UUID townId,
                                 @RequestParam(required = false) Boolean automated, @RequestParam(required = false) Boolean sis,
                                 @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return processes.list(CurrentUser.require(), new KeyProcesses.Filter(blank(processCode), townId, automated, sis), PageRequest.of(page, size));
    }

    @GetMapping("/api/v1/enterprise-key-processes/{enterpriseId}")
    @Operation(summary = "An enterprise's key processes and the key supervised chemicals among its inventories")
    EnterpriseProcesses ofEnterprise(@PathVariable UUID enterpriseId) {
        return processes.ofEnterprise(CurrentUser.require(), enterpriseId);
    }

    @PostMapping("/api/v1/enterprise-key-processes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record that an enterprise runs a key process, with automatic control and SIS in place or not; the supervision class follows")
    ProcessView set(@RequestBody ProcessInput body) {
        return processes.set(CurrentUser.require(), body);
    }

    @DeleteMapping("/api/v1/enterprise-key-processes/{enterpriseId}/{processCode}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "The enterprise no longer runs the process")
    void remove(@PathVariable UUID enterpriseId, @PathVariable String processCode) {
        processes.remove(CurrentUser.require(), enterpriseId, processCode);
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
