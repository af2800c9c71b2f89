package org.anjian.inspection.internal;

import org.anjian.shared.config.DistrictProperties;
import java.time.ZoneId;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.anjian.enterprise.EnterpriseLookup;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.enterprise.Sector;
import org.anjian.identity.UserDirectory;
import org.anjian.identity.UserSummary;
import org.anjian.inspection.PenaltyDecision;
import org.anjian.inspection.domain.IndicatorMath;
import org.anjian.inspection.domain.KeyEnterprises;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 互联网+执法 indicators and the 三个强度 (ENF-8), each rate against its target of 100%:
 * <dl>
 * <dt>重点企业信息录入率 (key-enterprise data entry rate)</dt>
 * <dd>Key enterprises are the enterprises in production of class A or of a high-risk sector (危险化学品,
 * 非煤矿山, 烟花爆竹). One is <em>complete</em> — ready to be inspected from the system — when its
 * registry record has a credit code, a town, a supervision class and a surveyed position (latitude
 * and longitude). Rate = complete key enterprises ÷ key enterprises, as of today.</dd>
 * <dt>执法人员信息录入率 (inspector data entry rate)</dt>
 * <dd>Enabled INSPECTOR accounts with an enforcement certificate number ÷ enabled INSPECTOR accounts.</dd>
 * <dt>线上执法率 (online enforcement rate)</dt>
 * <dd>Inspections finished in the period that were started and finished in the system with an
 * on-site record in it (at least one finding or one enforcement document) ÷ inspections finished in
 * the period.</dd>
 * <dt>监管行业覆盖率 (sector coverage)</dt>
 * <dd>Sectors with enterprises in production that had at least one finished inspection from 1 January
 * to the end of the period ÷ sectors with enterprises in production.</dd>
 * <dt>计划完成率 (plan completion)</dt>
 * <dd>Items of the year's published plan due so far — through the month asked for, else through the
 * last month that is over (December for a past year, none for a future one) — that are done (on
 * time or late) ÷ those items; n/a without a published plan or with nothing due yet.</dd>
 * <dt>检查强度 (inspection intensity)</dt><dd>Inspections finished in the period ÷ certified inspectors.</dd>
 * <dt>处罚强度 (penalty intensity)</dt><dd>Penalty decisions in the period per 100 inspections finished in it.</dd>
 * <dt>罚款强度 (fine intensity)</dt><dd>Total fines of the period's decisions in yuan, and per decision.</dd>
 * </dl>
 * A rate with nothing to divide by is null (n/a). Penalty decisions arrive as {@link PenaltyDecision}
 * events from the penalty module and are kept one row per case.
 */
@Service
@Transactional(readOnly = true)
public class EnforcementIndicators {

    public static final double TARGET = 1.0;

    private final EnforcementIndicatorRepository repository;
    private final EnterpriseLookup enterprises;
    private final UserDirectory users;
    private final InspectionPlans plans;
    private final Clock clock;

    private final ZoneId zone;
    EnforcementIndicators(EnforcementIndicatorRepository repository, EnterpriseLookup enterprises, UserDirectory users, InspectionPlans plans, Clock clock, DistrictProperties district) {
        this.zone = district.zone();
        this.repository = repository;
        this.enterprises = enterprises;
        this.users = users;
        this.plans = plans;
        this.clock = clock;
    }

    /** numerator ÷ denominator = value (null: n/a) against the target (1.0 = 100%). */
    public record Rate(long numerator, long denominator, Double value, double target) {
        static Rate of(long n, long d) {
            return new Rate(n, d, IndicatorMath.rate(n, d), TARGET);
        }
    }

    public record Intensity(long inspections, long certifiedInspectors, Double inspectionsPerInspector, long decisions,
                            Double decisionsPer100Inspections, long finesYuan, Double finePerDecisionYuan) {
    }

    public record MonthRow(int month, long inspections, long online, Double onlineRate, long decisions, long finesYuan,
                           Double decisionsPer100Inspections) {
    }

    public record SectorRow(String sector, long enterprises, long inspectedEnterprises, long inspections, long decisions, long finesYuan,
                            boolean covered) {
    }

    public record InspectorRow(UUID inspectorId, String name, boolean certified, long inspections, long decisions, long finesYuan) {
    }

    public record Indicators(int year, Integer month, LocalDate from, LocalDate to, Rate keyEnterpriseEntry, Rate inspectorEntry,
                             Rate onlineEnforcement, Rate sectorCoverage, Rate planCompletion, Intensity intensity, List<MonthRow> byMonth,
                             List<SectorRow> bySector, List<InspectorRow> byInspector) {
    }

    /** Upserted by case: the decision is whole in every delivery, so a second one changes nothing. */
    @ApplicationModuleListener
    void on(PenaltyDecision d) {
        if (d == null || d.caseId() == null || d.decidedAt() == null) {
            return;
        }
        String sector = d.enterpriseId() == null ? null : enterprises.find(d.enterpriseId()).map(e -> e.sector().name()).orElse(null);
        repository.upsertDecision(d.caseId(), d.enterpriseId(), sector, d.inspectionId(), d.handlerIds() == null ? List.of() : d.handlerIds(),
                Math.max(0, d.fineYuan()), d.decidedAt());
    }

    public Indicators indicators(AnjianUser user, Integer year, Integer month) {
        if (!user.hasAnyRole(Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.AUDITOR)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "inspection.indicator.forbidden", "indicators are read by the district, inspectors and auditors");
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        int y = year == null ? today.getYear() : year;
        if (y < 2000 || y > 2999) {
            throw DomainException.invalid("year", "inspection.plan.yearInvalid", "年度无效");
        }
        if (month != null && (month < 1 || month > 12)) {
            throw DomainException.invalid("month", "inspection.plan.monthInvalid", "月份为 1–12");
        }
        LocalDate from = month == null ? LocalDate.of(y, 1, 1) : LocalDate.of(y, month, 1);
        LocalDate to = month == null ? LocalDate.of(y + 1, 1, 1) : from.plusMonths(1);

        // registry and accounts: as of today
        List<EnterpriseSummary> producing = enterprises.pool(null, null, null);
        long key = 0;
        long complete = 0;
        Map<String, Long> enterprisesBySector = new HashMap<>();
        for (EnterpriseSummary e : producing) {
            enterprisesBySector.merge(e.sector().name(), 1L, Long::sum);
            if (KeyEnterprises.isKey(e.sector(), e.supervisionClass())) {
                key++;
                if (complete(e)) {
                    complete++;
                }
            }
        }
        List<UserSummary> inspectors = users.usersWithRole(Role.INSPECTOR).stream().filter(UserSummary::enabled).toList();
        long certified = inspectors.stream().filter(EnforcementIndicators::certified).count();

        // the period's inspections and decisions
        record Done(UUID id, String sector, UUID enterpriseId, UUID[] team, int month, boolean online) {
        }
        List<Done> done = repository.finished(start(from), start(to)).stream()
                .map(f -> new Done(f.id(), f.sector(), f.enterpriseId(), f.team(), f.finishedAt().atZoneSameInstant(zone).getMonthValue(), f.online()))
                .toList();
        record Decision(String sector, UUID[] handlers, long fine, int month) {
        }
        List<Decision> decisions = repository.decisions(start(from), start(to)).stream()
                .map(t -> new Decision(t.sector(), t.handlers(), t.fineYuan(), t.decidedAt().atZoneSameInstant(zone).getMonthValue()))
                .toList();
        Set<String> coveredSectors = new HashSet<>(repository.inspectedSectors(start(LocalDate.of(y, 1, 1)), start(to)));
        coveredSectors.retainAll(enterprisesBySector.keySet());

        long online = done.stream().filter(Done::online).count();
        long fines = decisions.stream().mapToLong(Decision::fine).sum();
        // due so far: the months already over (this month's visits are not late yet), or through the month asked for
        int through = month != null ? month : y < today.getYear() ? 12 : y > today.getYear() ? 0 : today.getMonthValue() - 1;
        long[] completion = plans.completion(y, through);

        List<MonthRow> byMonth = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            final int mm = m;
            long n = done.stream().filter(d -> d.month() == mm).count();
            long on = done.stream().filter(d -> d.month() == mm && d.online()).count();
            long dec = decisions.stream().filter(d -> d.month() == mm).count();
            long f = decisions.stream().filter(d -> d.month() == mm).mapToLong(Decision::fine).sum();
            byMonth.add(new MonthRow(m, n, on, IndicatorMath.rate(on, n), dec, f, IndicatorMath.per100(dec, n)));
        }
        List<SectorRow> bySector = new ArrayList<>();
        for (Sector s : Sector.values()) {
            String name = s.name();
            bySector.add(new SectorRow(name, enterprisesBySector.getOrDefault(name, 0L),
                    done.stream().filter(d -> name.equals(d.sector())).map(Done::enterpriseId).distinct().count(),
                    done.stream().filter(d -> name.equals(d.sector())).count(),
                    decisions.stream().filter(d -> name.equals(d.sector())).count(),
                    decisions.stream().filter(d -> name.equals(d.sector())).mapToLong(Decision::fine).sum(), coveredSectors.contains(name)));
        }
        List<InspectorRow> byInspector = new ArrayList<>();
        for (UserSummary u : inspectors) {
            long n = done.stream().filter(d -> List.of(d.team()).contains(u.id())).count();
            List<Decision> mine = decisions.stream().filter(d -> List.of(d.handlers()).contains(u.id())).toList();
            byInspector.add(new InspectorRow(u.id(), u.displayName(), certified(u), n, mine.size(), mine.stream().mapToLong(Decision::fine).sum()));
        }
        byInspector.sort(java.util.Comparator.comparingLong((InspectorRow r) -> -r.inspections()).thenComparing(InspectorRow::name));

        return new Indicators(y, month, from, to.minusDays(1), Rate.of(complete, key), Rate.of(certified, inspectors.size()),
                Rate.of(online, done.size()), Rate.of(coveredSectors.size(), enterprisesBySector.size()),
                completion == null ? Rate.of(0, 0) : Rate.of(completion[0], completion[1]),
                new Intensity(done.size(), certified, IndicatorMath.average(done.size(), certified), decisions.size(),
                        IndicatorMath.per100(decisions.size(), done.size()), fines, IndicatorMath.average(fines, decisions.size())),
                byMonth, bySector, byInspector);
    }

    /** What "complete enough to inspect" means for a key enterprise; see the class comment. */
    static boolean complete(EnterpriseSummary e) {
        return e.creditCode() != null && !e.creditCode().isBlank() && e.townId() != null && e.supervisionClass() != null && e.latitude() != null
                && e.longitude() != null;
    }

    private static boolean certified(UserSummary u) {
        return u.enforcementCertNo() != null && !u.enforcementCertNo().isBlank();
    }

    private OffsetDateTime start(LocalDate d) {
        return d.atStartOfDay(zone).toOffsetDateTime();
    }
}
