package org.anjian.inspection.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anjian.inspection.internal.RandomDrawService;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.security.CurrentUser;
import org.anjian.shared.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "random-draws", description = "双随机、一公开 (random draws of enterprises and inspectors)")
class RandomDrawApiController {

    private final RandomDrawService draws;

    RandomDrawApiController(RandomDrawService draws) {
        this.draws = draws;
    }

    record DrawView(UUID id, String title, String seed, String algorithm, RandomDrawService.Pool pool, int count,
                    List<RandomDrawService.Result> result) {
        static DrawView of(RandomDrawService.Draw d) {
            return new DrawView(d.id(), d.title(), d.seed(), d.algorithm(), d.pool(), d.count(), d.result());
        }
    }

    record PoolSnapshot(List<UUID> enterpriseIds, List<UUID> inspectorIds) {
    }

    record DrawDetail(UUID id, String title, String seed, String algorithm, RandomDrawService.Pool pool, int count,
                      List<RandomDrawService.Result> result, PoolSnapshot poolSnapshot) {
    }

    record ConflictRequest(UUID inspectorId, UUID enterpriseId, String kind, String note) {
    }

    @PostMapping("/random-draws")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Draw enterprises from a pool (the enterprise list's filters) and two conflict-free inspectors each; "
            + "the seed is generated when absent and always recorded")
    DrawView draw(@RequestBody RandomDrawService.Request request) {
        return DrawView.of(draws.draw(CurrentUser.require(), request));
    }

    @GetMapping("/random-draws/{id}")
    @Operation(summary = "A draw with its seed, algorithm and pool snapshot, enough to re-run it")
    DrawDetail get(@PathVariable UUID id) {
        if (!CurrentUser.require().hasAnyRole(Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.AUDITOR)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "shared.problem.forbidden", "forbidden");
        }
        RandomDrawService.Draw d = draws.find(id).orElseThrow(() -> DomainException.notFound("random draw"));
        return new DrawDetail(d.id(), d.title(), d.seed(), d.algorithm(), d.pool(), d.count(), d.result(),
                new PoolSnapshot(d.poolEnterpriseIds(), d.poolInspectorIds()));
    }

    @GetMapping("/public/random-draws")
    @Operation(summary = "Published draws (一公开), without signing in")
    List<DrawView> published() {
        return draws.published(100).stream().map(DrawView::of).toList();
    }

    @PostMapping("/inspection-conflicts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Declare a conflict of interest (FAMILY, FORMER_EMPLOYER, OTHER); draws never pair the two")
    Map<String, UUID> conflict(@RequestBody ConflictRequest r) {
        return Map.of("id", draws.declareConflict(CurrentUser.require(), r.inspectorId(), r.enterpriseId(), r.kind(), r.note()));
    }
}
