package org.anjian.inspection.internal;

import org.anjian.shared.config.DistrictProperties;
import java.time.ZoneId;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.anjian.enterprise.EnterpriseLookup;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.enterprise.Sector;
import org.anjian.enterprise.SupervisionClass;
import org.anjian.identity.UserDirectory;
import org.anjian.inspection.domain.InspectionPlan;
import org.anjian.inspection.domain.PlanGeneration;
import org.anjian.inspection.domain.PlanItem;
import org.anjian.inspection.domain.PlanState;
import org.anjian.inspection.domain.UnplannedInspections;
import org.anjian.inspection.domain.PlanProgress;
import org.anjian.organization.Department;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.organization.Region;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.Role;
import org.anjian.shared.security.ScopeKind;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 年度执法计划 and 月度实施计划 (ENF-1): generated from the supervision classes and the inspectors'
 * capacity ({@link PlanGeneration}), adjusted and approved by the district, published once a year;
 * its progress, its unplanned share and its 执法清零 list read from the finished inspections
 * ({@link PlanProgress}). Inspections planned outside it pass {@link #admit}.
 */
@Service
@Transactional
public class InspectionPlans {

    public static final Set<String> UNPLANNED_REASONS = UnplannedInspections.REASONS;
    static final int DEFAULT_CAPACITY_PER_INSPECTOR_MONTH = 8;

    private final InspectionPlanRepository repository;
    private final EnterpriseLookup enterprises;
    private final UserDirectory users;
    private final OrganizationDirectory organization;
    private final AuditTrail audit;
    private final Clock clock;
    private final double unplannedShareLimit;

    private final ZoneId zone;
    InspectionPlans(InspectionPlanRepository repository, EnterpriseLookup enterprises, UserDirectory users, OrganizationDirectory organization,
                    AuditTrail audit, Clock clock,
                    InspectionProperties properties, DistrictProperties district) {
        this.zone = district.zone();
        this.repository = repository;
        this.enterprises = enterprises;
        this.users = users;
        this.organization = organization;
        this.audit = audit;
        this.clock = clock;
        this.unplannedShareLimit = properties.plan().unplannedShareLimit();
    }

    public record Campaign(String name, String sector, Integer extraInspections) {
    }

    public record Priorities(List<String> sectors, List<Campaign> campaigns) {
        public Priorities {
            sectors = sectors == null ? List.of() : List.copyOf(sectors);
            campaigns = campaigns == null ? List.of() : List.copyOf(campaigns);
        }
    }

    public record NewPlan(Integer year, Priorities priorities, Integer capacityPerInspectorMonth) {
    }

    public record Plan(UUID id, int year, String state, int capacityPerInspectorMonth, int certifiedInspectors, int monthlyCapacity,
                       Priorities priorities, int items, int enterprises, List<Integer> plannedByMonth, List<Integer> shortfallByMonth,
                       int totalShortfall, String createdBy, Instant createdAt, String approvedBy, Instant approvedAt, String publishedBy,
                       Instant publishedAt) {
    }

    public record Item(UUID id, UUID planId, UUID enterpriseId, String enterpriseName, UUID townId, UUID parkId, String sector,
                       String supervisionClass, int month, Integer generatedMonth, String basis, String campaign, boolean priority,
                       boolean removed, String note, String status, UUID inspectionId) {
        Item withStatus(String s, UUID inspection) {
            return new Item(id, planId, enterpriseId, enterpriseName, townId, parkId, sector, supervisionClass, month, generatedMonth, basis,
                    campaign, priority, removed, note, s, inspection);
        }
    }

    public record ItemFilter(Integer month, UUID townId, String sector, String state, UUID enterpriseId) {
    }

    public record ItemChange(Integer month, Boolean remove, String reason) {
    }

    public record NewItem(UUID enterpriseId, Integer month, String reason) {
    }

    public record Progress(UUID planId, int year, List<PlanProgress.Month> months, PlanProgress.Month total, double unplannedShareLimit,
                           boolean overLimit) {
    }

    public record UncoveredEnterprise(UUID enterpriseId, String enterpriseName, UUID townId, String sector, int items, int firstMonth) {
    }

    /** 执法清零: IN_PROGRESS during the year; after it CLEARED when every planned enterprise was inspected, else NOT_CLEARED. */
    public record Clearance(UUID planId, int year, String status, int plannedEnterprises, int inspectedEnterprises,
                            List<UncoveredEnterprise> uncovered) {
    }

    /** What a reader may see of a plan: everything, or the items of some regions or sectors. */
    record Scope(Set<UUID> regions, Set<String> sectors) {
        static final Scope ALL = new Scope(null, null);

        boolean covers(UUID town, UUID park, String sector) {
            if (regions != null && !(town != null && regions.contains(town)) && !(park != null && regions.contains(park))) {
                return false;
            }
            return sectors == null || sectors.contains(sector);
        }

        boolean whole() {
            return regions == null && sectors == null;
        }
    }

    // ------------------------------------------------------------------ generation and changes

    public Plan generate(AnjianUser user, NewPlan n) {
        requireDistrict(user);
        int perInspector = n == null || n.capacityPerInspectorMonth() == null ? DEFAULT_CAPACITY_PER_INSPECTOR_MONTH : n.capacityPerInspectorMonth();
        Priorities priorities = n == null || n.priorities() == null ? new Priorities(List.of(), List.of()) : n.priorities();
        Set<String> sectorNames = java.util.Arrays.stream(Sector.values()).map(Enum::name).collect(Collectors.toSet());
        Refusals.check(() -> InspectionPlan.checkGeneration(n == null ? null : n.year(), perInspector, priorities.sectors(), priorities.campaigns().stream()
                .map(c -> c == null ? null : new InspectionPlan.CampaignRequest(c.name(), c.sector(), c.extraInspections())).toList(), sectorNames));
        List<EnterpriseSummary> pool = enterprises.pool(null, null, null);
        Map<SupervisionClass, Integer> perYear = new EnumMap<>(SupervisionClass.class);
        for (SupervisionClass c : SupervisionClass.values()) {
            perYear.put(c, enterprises.inspectionsPerYear(c));
        }
        List<PlanGeneration.Candidate> candidates = pool.stream().map(e -> new PlanGeneration.Candidate(e.id(), e.sector().name(),
                e.supervisionClass() == SupervisionClass.A, e.supervisionClass() == null ? 0 : perYear.get(e.supervisionClass()))).toList();
        int inspectors = certifiedInspectors();
        int capacity = PlanGeneration.monthlyCapacity(inspectors, perInspector);
        PlanGeneration.Result result = PlanGeneration.generate(candidates, new HashSet<>(priorities.sectors()), priorities.campaigns().stream()
                .map(c -> new PlanGeneration.Campaign(c.name().trim(), c.sector(), c.extraInspections())).toList(), capacity);

        UUID id = UUID.randomUUID();
        Map<UUID, EnterpriseSummary> byId = pool.stream().collect(Collectors.toMap(EnterpriseSummary::id, e -> e));
        List<InspectionPlanRepository.NewItem> rows = result.visits().stream().map(v -> new InspectionPlanRepository.NewItem(UUID.randomUUID(), id,
                byId.get(v.enterpriseId()), v.month(), v.generatedMonth(), v.basis().name(), v.campaign(), v.priority(), null)).toList();
        repository.insert(new InspectionPlanRepository.NewPlan(id, n.year(), perInspector, inspectors, capacity, "A/B/C/D = " + perYear.get(SupervisionClass.A)
                + "/" + perYear.get(SupervisionClass.B) + "/" + perYear.get(SupervisionClass.C) + "/" + perYear.get(SupervisionClass.D), priorities,
                user.getUsername(), clock.instant()), rows);
        audit.record("INSPECTION_PLAN_GENERATED", "inspection-plan", id, null, Map.of("year", n.year(), "items", rows.size(),
                "monthlyCapacity", capacity, "shortfall", result.totalShortfall(), "priorities", priorities));
        return plan(id);
    }

    public Item changeItem(AnjianUser user, UUID planId, UUID itemId, ItemChange change) {
        requireDistrict(user);
        InspectionPlan plan = load(planId);
        Refusals.check(plan::requireDraft);
        PlanItem item = repository.loadItem(planId, itemId).orElseThrow(() -> DomainException.notFound("plan item"));
        int monthBefore = item.month();
        if (change != null && Boolean.TRUE.equals(change.remove())) {
            Refusals.check(() -> plan.removeItem(item, change.reason()));
            repository.saveItem(item);
            audit.record("INSPECTION_PLAN_ITEM_REMOVED", "inspection-plan", plan.id(), Map.of("item", itemId, "month", monthBefore),
                    Map.of("item", itemId, "removed", true, "reason", item.note()));
        } else {
            Refusals.check(() -> plan.moveItem(item, change == null ? null : change.month(), change == null ? null : change.reason()));
            repository.saveItem(item);
            audit.record("INSPECTION_PLAN_ITEM_MOVED", "inspection-plan", plan.id(), Map.of("item", itemId, "month", monthBefore),
                    Map.of("item", itemId, "month", item.month()));
        }
        return repository.item(planId, itemId).orElseThrow();
    }

    public Item addItem(AnjianUser user, UUID planId, NewItem n) {
        requireDistrict(user);
        InspectionPlan plan = load(planId);
        Optional<EnterpriseSummary> e = n == null || n.enterpriseId() == null ? Optional.empty() : enterprises.find(n.enterpriseId());
        PlanItem item = Refusals.get(() -> plan.addItem(UUID.randomUUID(), e.isPresent(), n == null ? null : n.month(),
                e.map(x -> x.supervisionClass() == SupervisionClass.A).orElse(false), n == null ? null : n.reason()));
        repository.insertItem(new InspectionPlanRepository.NewItem(item.id(), planId, e.get(), item.month(), null, "ADDED", null, item.priority(),
                item.note()));
        audit.record("INSPECTION_PLAN_ITEM_ADDED", "inspection-plan", plan.id(), null, Map.of("item", item.id(), "enterpriseId", e.get().id(),
                "month", item.month()));
        return repository.item(planId, item.id()).orElseThrow();
    }

    public Plan approve(AnjianUser user, UUID planId) {
        requireDistrict(user);
        InspectionPlan plan = load(planId);
        PlanState before = plan.state();
        Refusals.check(() -> plan.approve(user.getUsername(), clock.instant()));
        repository.save(plan);
        audit.record("INSPECTION_PLAN_APPROVED", "inspection-plan", planId, Map.of("state", before.name()), Map.of("state", plan.state().name()));
        return plan(planId);
    }

    public Plan publish(AnjianUser user, UUID planId) {
        requireDistrict(user);
        InspectionPlan plan = load(planId);
        PlanState before = plan.state();
        Refusals.check(() -> {
            plan.publish(user.getUsername(), clock.instant(), repository.published(plan.year()).isPresent());
            repository.save(plan);
        });
        audit.record("INSPECTION_PLAN_PUBLISHED", "inspection-plan", planId, Map.of("state", before.name()), Map.of("state", plan.state().name()));
        return plan(planId);
    }

    // ------------------------------------------------------------------ the hook for inspections outside the plan

    /**
     * Called by {@link InspectionService#plan} inside its transaction, after the inspection was
     * inserted. When the year has a published plan and the enterprise has no open item left in it,
     * the inspection is unplanned: without a reason it is refused (409) once the year's unplanned
     * share (unplanned ÷ (plan items + unplanned), counting inspections already scheduled) would
     * exceed the limit. An inspection from a random draw carries RANDOM_DRAW as its reason.
     */
    public void admit(UUID inspectionId, UUID enterpriseId, LocalDate plannedOn, UUID drawId, String reason) {
        String why = Refusals.get(() -> UnplannedInspections.reasonOf(reason, drawId != null));
        if (plannedOn == null) {
            return;
        }
        int year = plannedOn.getYear();
        Optional<UUID> plan = published(year);
        if (plan.isEmpty()) {
            return;
        }
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        if (!UnplannedInspections.isUnplanned(repository.itemsOf(plan.get(), enterpriseId), repository.inspectionsOf(enterpriseId, from, to))) {
            return;
        }
        if (why == null) {
            Refusals.check(() -> new UnplannedInspections(unplannedShareLimit).admitWithoutReason(repository.itemsOf(plan.get()),
                    repository.unplanned(plan.get(), from, to)));
        }
        repository.recordUnplanned(inspectionId, year, why, clock.instant());
    }

    /** {done, due} items of the year's published plan due through the month (计划完成率); null without a published plan. */
    long[] completion(int year, int throughMonth) {
        Optional<UUID> id = published(year);
        if (id.isEmpty()) {
            return null;
        }
        PlanProgress.Result r = compute(plan(id.get()), Scope.ALL);
        long due = 0;
        long done = 0;
        for (Item i : activeItems(id.get())) {
            if (i.month() <= throughMonth) {
                due++;
                PlanProgress.Status st = r.statusByItem().get(i.id());
                if (st == PlanProgress.Status.DONE || st == PlanProgress.Status.DONE_LATE) {
                    done++;
                }
            }
        }
        return new long[] {done, due};
    }

    public double unplannedShareLimit() {
        return unplannedShareLimit;
    }

    // ------------------------------------------------------------------ reading

    @Transactional(readOnly = true)
    public List<Plan> list(AnjianUser user, Integer year) {
        readScope(user);
        return repository.ids(year).stream().map(this::plan).toList();
    }

    @Transactional(readOnly = true)
    public Plan get(AnjianUser user, UUID id) {
        readScope(user);
        return plan(id);
    }

    @Transactional(readOnly = true)
    public Optional<UUID> published(int year) {
        return repository.published(year);
    }

    @Transactional(readOnly = true)
    public PageResult<Item> items(AnjianUser user, UUID planId, ItemFilter f, PageRequest page) {
        List<Item> all = filteredItems(user, planId, f);
        int from = Math.min(all.size(), page.offset());
        return new PageResult<>(all.subList(from, Math.min(all.size(), from + page.size())), all.size(), page.page(), page.size());
    }

    @Transactional(readOnly = true)
    public Progress progress(AnjianUser user, UUID planId) {
        Scope scope = readScope(user);
        Plan plan = plan(planId);
        PlanProgress.Result r = compute(plan, scope);
        return new Progress(planId, plan.year(), r.months(), r.total(), unplannedShareLimit,
                r.total().unplannedShare() != null && r.total().unplannedShare() > unplannedShareLimit);
    }

    @Transactional(readOnly = true)
    public Clearance clearance(AnjianUser user, UUID planId) {
        Scope scope = readScope(user);
        Plan plan = plan(planId);
        List<Item> items = activeItems(planId).stream().filter(i -> scope.covers(i.townId(), i.parkId(), i.sector())).toList();
        Set<UUID> inspected = new HashSet<>(repository.inspectedEnterprises(yearStart(plan.year()), yearStart(plan.year() + 1)));
        Map<UUID, List<Item>> byEnterprise = items.stream().collect(Collectors.groupingBy(Item::enterpriseId, LinkedHashMap::new, Collectors.toList()));
        List<UncoveredEnterprise> uncovered = byEnterprise.entrySet().stream().filter(en -> !inspected.contains(en.getKey()))
                .map(en -> {
                    Item first = en.getValue().stream().min(Comparator.comparingInt(Item::month)).orElseThrow();
                    return new UncoveredEnterprise(en.getKey(), first.enterpriseName(), first.townId(), first.sector(), en.getValue().size(), first.month());
                })
                .sorted(Comparator.comparingInt(UncoveredEnterprise::firstMonth).thenComparing(UncoveredEnterprise::enterpriseName))
                .toList();
        boolean over = today().getYear() > plan.year();
        String status = !over ? "IN_PROGRESS" : uncovered.isEmpty() ? "CLEARED" : "NOT_CLEARED";
        return new Clearance(planId, plan.year(), status, byEnterprise.size(), byEnterprise.size() - uncovered.size(), uncovered);
    }

    @Transactional(readOnly = true)
    public byte[] export(AnjianUser user, UUID planId, ItemFilter f) {
        List<Item> items = filteredItems(user, planId, f);
        Plan plan = plan(planId);
        Map<UUID, String> towns = organization.regions().stream().collect(Collectors.toMap(Region::id, Region::name, (a, b) -> a));
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(plan.year() + "年度执法计划");
            String[] head = {"月份", "企业", "镇街/园区", "行业", "监管类别", "依据", "专项行动", "重点", "状态", "说明"};
            Row h = sheet.createRow(0);
            for (int c = 0; c < head.length; c++) {
                h.createCell(c).setCellValue(head[c]);
            }
            int r = 1;
            for (Item i : items) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(i.month());
                row.createCell(1).setCellValue(i.enterpriseName());
                row.createCell(2).setCellValue(towns.getOrDefault(i.parkId() != null ? i.parkId() : i.townId(), ""));
                row.createCell(3).setCellValue(SECTOR_NAMES.getOrDefault(i.sector(), i.sector()));
                row.createCell(4).setCellValue(i.supervisionClass() == null ? "" : i.supervisionClass());
                row.createCell(5).setCellValue(BASIS_NAMES.getOrDefault(i.basis(), i.basis()));
                row.createCell(6).setCellValue(i.campaign() == null ? "" : i.campaign());
                row.createCell(7).setCellValue(i.priority() ? "是" : "");
                row.createCell(8).setCellValue(STATUS_NAMES.getOrDefault(i.status(), i.status()));
                row.createCell(9).setCellValue(i.note() == null ? "" : i.note());
            }
            sheet.setColumnWidth(1, 40 * 256);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final Map<String, String> SECTOR_NAMES = Map.of("INDUSTRY_TRADE", "工贸", "NON_COAL_MINE", "非煤矿山", "HAZCHEM", "危险化学品",
            "FIREWORKS", "烟花爆竹");
    private static final Map<String, String> BASIS_NAMES = Map.of("CLASS", "分级分类频次", "PRIORITY_SECTOR", "重点行业", "CAMPAIGN", "专项行动",
            "ADDED", "调整增加");
    private static final Map<String, String> STATUS_NAMES = Map.of("OPEN", "待检查", "OVERDUE", "逾期未检", "DONE", "按期完成", "DONE_LATE", "逾期完成",
            "REMOVED", "已删除");

    /** Readers: the district, inspectors and auditors all of it; a town its own towns' items; a department its sectors'. */
    Scope readScope(AnjianUser user) {
        if (user.hasAnyRole(Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.AUDITOR)) {
            return Scope.ALL;
        }
        if (user.hasRole(Role.TOWN_OFFICIAL) && user.scope().kind() == ScopeKind.REGION) {
            return new Scope(organization.regionAndDescendants(user.scope().id()), null);
        }
        if (user.hasRole(Role.DEPARTMENT_OFFICIAL) && user.scope().kind() == ScopeKind.DEPARTMENT) {
            return new Scope(null, new HashSet<>(organization.department(user.scope().id()).map(Department::sectors).orElse(List.of())));
        }
        throw new DomainException(HttpStatus.FORBIDDEN, "inspection.plan.forbidden", "plans are read by the district, inspectors, towns and departments");
    }

    private List<Item> filteredItems(AnjianUser user, UUID planId, ItemFilter f) {
        Scope scope = readScope(user);
        Plan plan = plan(planId);
        ItemFilter filter = f == null ? new ItemFilter(null, null, null, null, null) : f;
        Set<UUID> towns = filter.townId() == null ? null : organization.regionAndDescendants(filter.townId());
        List<Item> all;
        if ("REMOVED".equals(filter.state())) {
            all = repository.removedItems(planId).stream().map(i -> i.withStatus("REMOVED", null)).toList();
        } else {
            PlanProgress.Result r = compute(plan, scope);
            all = activeItems(planId).stream().filter(i -> scope.covers(i.townId(), i.parkId(), i.sector())).map(i -> i.withStatus(r.statusByItem().get(i.id()).name(), r.inspectionByItem().get(i.id()))).toList();
        }
        return all.stream()
                .filter(i -> scope.covers(i.townId(), i.parkId(), i.sector()))
                .filter(i -> filter.month() == null || i.month() == filter.month())
                .filter(i -> towns == null || towns.contains(i.townId()) || (i.parkId() != null && towns.contains(i.parkId())))
                .filter(i -> filter.sector() == null || filter.sector().isBlank() || filter.sector().equals(i.sector()))
                .filter(i -> filter.state() == null || filter.state().isBlank() || filter.state().equals(i.status()))
                .filter(i -> filter.enterpriseId() == null || filter.enterpriseId().equals(i.enterpriseId()))
                .sorted(Comparator.comparingInt(Item::month).thenComparing(Item::enterpriseName).thenComparing(i -> i.id().toString()))
                .toList();
    }

    private PlanProgress.Result compute(Plan plan, Scope scope) {
        List<PlanProgress.Item> items = activeItems(plan.id()).stream().filter(i -> scope.covers(i.townId(), i.parkId(), i.sector()))
                .map(i -> new PlanProgress.Item(i.id(), i.enterpriseId(), i.month())).toList();
        List<PlanProgress.Done> done = repository.finished(yearStart(plan.year()), yearStart(plan.year() + 1)).stream()
                .filter(f -> scope.covers(f.townId(), f.parkId(), f.sector()))
                .map(f -> new PlanProgress.Done(f.inspectionId(), f.enterpriseId(), f.finishedAt().atZoneSameInstant(zone).toLocalDate()))
                .toList();
        return PlanProgress.of(plan.year(), items, done, today(), plan.monthlyCapacity());
    }

    private List<Item> activeItems(UUID planId) {
        return repository.activeItems(planId);
    }

    Plan plan(UUID id) {
        return repository.find(id).orElseThrow(() -> DomainException.notFound("inspection plan"));
    }

    private InspectionPlan load(UUID id) {
        return repository.load(id).orElseThrow(() -> DomainException.notFound("inspection plan"));
    }

    private static void requireDistrict(AnjianUser user) {
        if (!user.hasRole(Role.DISTRICT_ADMIN)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "inspection.plan.forbidden", "only the district makes the plan");
        }
    }

    int certifiedInspectors() {
        return (int) users.usersWithRole(Role.INSPECTOR).stream().filter(u -> u.enabled() && u.enforcementCertNo() != null && !u.enforcementCertNo().isBlank())
                .count();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    private OffsetDateTime yearStart(int year) {
        return LocalDate.of(year, 1, 1).atStartOfDay(zone).toOffsetDateTime();
    }
}
