package org.anjian.inspection.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.anjian.enterprise.EnterpriseLookup;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.enterprise.Sector;
import org.anjian.enterprise.SupervisionClass;
import org.anjian.identity.UserDirectory;
import org.anjian.identity.UserSummary;
import org.anjian.inspection.domain.RandomDraw;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.error.DomainException.FieldError;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs and keeps random draws (ENF-2). The pool is snapshotted (enterprise and inspector ids) with
 * the seed and the algorithm's name, so the draw can be re-run and checked by anyone from what is
 * published. Inspectors are the enabled users with the inspector role and an enforcement certificate.
 */
@Service
@Transactional
public class RandomDrawService {

    static final int INSPECTORS_PER_ENTERPRISE = 2;
    private static final SecureRandom SEEDS = new SecureRandom();

    private final RandomDrawRepository repository;
    private final EnterpriseLookup enterprises;
    private final UserDirectory users;
    private final AuditTrail audit;
    private final Clock clock;

    RandomDrawService(RandomDrawRepository repository, EnterpriseLookup enterprises, UserDirectory users, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.enterprises = enterprises;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    public record Pool(Sector sector, UUID regionId, SupervisionClass supervisionClass) {
    }

    public record Request(String title, Pool pool, Integer count, String seed) {
    }

    public record Result(UUID enterpriseId, List<UUID> inspectorIds) {
    }

    public record Draw(UUID id, String title, String seed, String algorithm, Pool pool, int count, List<Result> result,
                       List<UUID> poolEnterpriseIds, List<UUID> poolInspectorIds, String createdBy, Instant createdAt) {
    }

    public Draw draw(AnjianUser user, Request r) {
        if (!user.hasRole(Role.DISTRICT_ADMIN)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "inspection.draw.forbidden", "only the district draws");
        }
        Pool pool = r.pool() == null ? new Pool(null, null, null) : r.pool();
        List<UUID> poolIds = enterprises.pool(pool.sector(), pool.regionId(), pool.supervisionClass()).stream().map(EnterpriseSummary::id).toList();
        List<FieldError> errors = new ArrayList<>();
        if (r.count() == null || r.count() < 1) {
            errors.add(new FieldError("count", "inspection.draw.count", "抽取数量至少为 1"));
        } else if (r.count() > poolIds.size()) {
            errors.add(new FieldError("count", "inspection.draw.countOverPool", "抽取数量超过名录库企业数"));
        }
        if (r.seed() != null && (r.seed().isBlank() || r.seed().length() > 100)) {
            errors.add(new FieldError("seed", "inspection.draw.seed", "随机种子为 1–100 个字符"));
        }
        if (r.title() != null && r.title().length() > 200) {
            errors.add(new FieldError("title", "shared.validation.tooLong", "过长"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        List<UUID> inspectors = users.usersWithRole(Role.INSPECTOR).stream()
                .filter(u -> u.enabled() && u.enforcementCertNo() != null && !u.enforcementCertNo().isBlank())
                .map(UserSummary::id).toList();
        Set<String> conflicts = repository.conflictPairs();
        String seed = r.seed() != null ? r.seed().trim() : HexFormat.of().formatHex(SEEDS.generateSeed(16));
        RandomDraw.Outcome outcome = RandomDraw.draw(poolIds, r.count(), inspectors, (i, e) -> conflicts.contains(i + "/" + e),
                INSPECTORS_PER_ENTERPRISE, seed);
        if (!outcome.drawn()) {
            List<Map<String, Object>> shortages = outcome.shortages().stream().map(s -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("enterpriseId", s.enterpriseId());
                m.put("enterpriseName", enterprises.find(s.enterpriseId()).map(EnterpriseSummary::name).orElse(""));
                m.put("eligibleInspectors", s.eligibleInspectors());
                return m;
            }).toList();
            throw new ShortageException(shortages);
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        String title = r.title() == null || r.title().isBlank() ? "双随机抽查" : r.title().trim();
        List<Result> result = outcome.assignments().stream().map(a -> new Result(a.enterpriseId(), a.inspectorIds())).toList();
        repository.insert(new Draw(id, title, seed, RandomDraw.ALGORITHM, pool, r.count(), result, poolIds, inspectors, user.getUsername(), now),
                RandomDraw.ALGORITHM, INSPECTORS_PER_ENTERPRISE);
        Draw draw = find(id).orElseThrow();
        audit.record("RANDOM_DRAW_MADE", "random-draw", id, null, Map.of("title", title, "seed", seed, "pool", poolIds.size(),
                "inspectors", inspectors.size(), "drawn", r.count()));
        return draw;
    }

    /** A conflict of interest an inspector declared with an enterprise; the draw never pairs them. */
    public UUID declareConflict(AnjianUser user, UUID inspectorId, UUID enterpriseId, String kind, String note) {
        if (!user.hasRole(Role.DISTRICT_ADMIN) && !(user.hasRole(Role.INSPECTOR) && user.id().equals(inspectorId))) {
            throw new DomainException(HttpStatus.FORBIDDEN, "inspection.conflict.forbidden", "inspectors declare their own conflicts");
        }
        List<FieldError> errors = new ArrayList<>();
        if (inspectorId == null || users.user(inspectorId).filter(u -> u.roles().contains(Role.INSPECTOR)).isEmpty()) {
            errors.add(new FieldError("inspectorId", "inspection.conflict.inspector", "不是执法人员"));
        }
        if (enterpriseId == null || enterprises.find(enterpriseId).isEmpty()) {
            errors.add(new FieldError("enterpriseId", "inspection.conflict.enterprise", "企业不存在"));
        }
        if (kind == null || !List.of("FAMILY", "FORMER_EMPLOYER", "OTHER").contains(kind)) {
            errors.add(new FieldError("kind", "inspection.conflict.kind", "请选择回避类型"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        UUID id = UUID.randomUUID();
        if (repository.insertConflict(id, inspectorId, enterpriseId, kind, note, clock.instant())) {
            audit.record("CONFLICT_DECLARED", "inspection-conflict", id, null,
                    Map.of("inspectorId", inspectorId, "enterpriseId", enterpriseId, "kind", kind));
        }
        return id;
    }

    @Transactional(readOnly = true)
    public Optional<Draw> find(UUID id) {
        return repository.find(id);
    }

    @Transactional(readOnly = true)
    public List<Draw> published(int limit) {
        return repository.published(limit);
    }

    /** The draw could not give every drawn enterprise two inspectors; nothing was drawn. */
    public static class ShortageException extends DomainException {
        private final transient List<Map<String, Object>> shortages;

        ShortageException(List<Map<String, Object>> shortages) {
            super(HttpStatus.CONFLICT, "inspection.draw.shortage", "not enough eligible inspectors");
            this.shortages = shortages;
        }

        @Override
        public Map<String, Object> problemProperties() {
            return Map.of("shortages", shortages);
        }
    }
}
