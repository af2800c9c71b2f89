package org.anjian.standardization.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anjian.enterprise.EnterpriseLookup;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.enterprise.RiskFlag;
import org.anjian.enterprise.Scale;
import org.anjian.enterprise.Sector;
import org.anjian.enterprise.SubSector;
import org.anjian.organization.Department;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.organization.Region;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.Role;
import org.anjian.standardization.domain.GradeLevel;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * STD-2: the standardization rate (达标率) of the seed's two targets — 规上工贸 ≥ 80%, 规上 四涉一有限一使用 ≥ 90% —
 * over the enterprises in production, with a grade in force today, by town and by trade, within the
 * caller's scope. Regulators only: it is a figure about many enterprises.
 */
@Service
@Transactional(readOnly = true)
public class StandardizationRates {

    static final Role[] READERS = {Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.TOWN_OFFICIAL, Role.DEPARTMENT_OFFICIAL, Role.EXPERT, Role.AUDITOR};

    private final EnterpriseLookup enterprises;
    private final OrganizationDirectory organization;
    private final StandardizationRepository repository;
    private final StandardizationService service;

    StandardizationRates(EnterpriseLookup enterprises, OrganizationDirectory organization, StandardizationRepository repository,
                         StandardizationService service) {
        this.enterprises = enterprises;
        this.organization = organization;
        this.repository = repository;
        this.service = service;
    }

    /** A share with its target: {@code met} when graded ÷ total reaches it (no enterprise: met). */
    public record Rate(String key, String name, long total, long graded, double percent, Integer target, boolean met) {
        static Rate of(String key, String name, long total, long graded, Integer target) {
            double p = total == 0 ? 0 : Math.round(graded * 1000.0 / total) / 10.0;
            return new Rate(key, name, total, graded, p, target, target == null || total == 0 || graded * 100 >= (long) target * total);
        }
    }

    public record Overview(LocalDate today, Rate aboveSize, Rate fourPlusTwo, List<Rate> byTownAboveSize, List<Rate> byTownFourPlusTwo,
                           List<Rate> byTrade, Map<String, Long> gradesByLevel, long expiringSoon, long expired, long revocationProposals,
                           long openApplications, int warningDays) {
    }

    public void requireReader(AnjianUser user) {
        if (!user.hasAnyRole(READERS)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "shared.problem.forbidden", "forbidden");
        }
    }

    /** Whether the enterprise counts for the first target: 工贸, 规模以上. */
    static boolean aboveSizeIndustryTrade(EnterpriseSummary e) {
        return e.sector() == Sector.INDUSTRY_TRADE && e.scale() == Scale.ABOVE_SIZE;
    }

    /** …and for the second: with one of the five flags of 四涉一有限一使用. */
    static boolean fourPlusTwo(EnterpriseSummary e) {
        return aboveSizeIndustryTrade(e) && e.flags().stream().anyMatch(RiskFlag::isFourPlusTwo);
    }

    public Overview overview(AnjianUser user) {
        requireReader(user);
        LocalDate today = service.today();
        StandardizationProperties p = service.properties();
        List<EnterpriseSummary> pool = pool(user);
        Map<UUID, String> grades = repository.gradesInForce(today);
        List<EnterpriseSummary> above = pool.stream().filter(StandardizationRates::aboveSizeIndustryTrade).toList();
        List<EnterpriseSummary> four = above.stream().filter(StandardizationRates::fourPlusTwo).toList();
        Rate aboveRate = Rate.of("ABOVE_SIZE", "规上工贸企业", above.size(), above.stream().filter(e -> grades.containsKey(e.id())).count(),
                p.targetAboveSize());
        Rate fourRate = Rate.of("FOUR_PLUS_TWO", "规上四涉一有限一使用企业", four.size(), four.stream().filter(e -> grades.containsKey(e.id())).count(),
                p.targetFourPlusTwo());
        List<Rate> byTownAbove = new ArrayList<>();
        List<Rate> byTownFour = new ArrayList<>();
        for (Region town : organization.towns()) {
            List<EnterpriseSummary> a = above.stream().filter(e -> town.id().equals(e.townId())).toList();
            List<EnterpriseSummary> f = four.stream().filter(e -> town.id().equals(e.townId())).toList();
            if (a.isEmpty()) {
                continue;
            }
            byTownAbove.add(Rate.of(town.id().toString(), town.name(), a.size(), a.stream().filter(e -> grades.containsKey(e.id())).count(),
                    p.targetAboveSize()));
            byTownFour.add(Rate.of(town.id().toString(), town.name(), f.size(), f.stream().filter(e -> grades.containsKey(e.id())).count(),
                    p.targetFourPlusTwo()));
        }
        List<Rate> byTrade = new ArrayList<>();
        for (SubSector s : SubSector.values()) {
            if (s.sector() != Sector.INDUSTRY_TRADE) {
                continue;
            }
            List<EnterpriseSummary> a = above.stream().filter(e -> e.subSector() == s).toList();
            if (!a.isEmpty()) {
                byTrade.add(Rate.of(s.name(), s.name(), a.size(), a.stream().filter(e -> grades.containsKey(e.id())).count(), p.targetAboveSize()));
            }
        }
        Map<String, Long> byLevel = new LinkedHashMap<>();
        for (GradeLevel l : GradeLevel.values()) {
            byLevel.put(l.name(), pool.stream().filter(e -> l.name().equals(grades.get(e.id()))).count());
        }
        StandardizationRepository.Figures fig = repository.figures(service.scope(user), today, today.plusDays(p.warningDays()));
        return new Overview(today, aboveRate, fourRate, byTownAbove, byTownFour, byTrade, byLevel, fig.expiring(), fig.expired(), fig.proposals(), fig.open(), p.warningDays());
    }

    /** The enterprises in production the caller may count: a town its own, a department its sectors. */
    private List<EnterpriseSummary> pool(AnjianUser user) {
        return switch (user.scope().kind()) {
            case DISTRICT -> all(null);
            case REGION -> all(user.scope().id());
            case DEPARTMENT -> {
                List<String> sectors = organization.department(user.scope().id()).map(Department::sectors).orElse(List.of());
                yield all(null).stream().filter(e -> sectors.contains(e.sector().name())).toList();
            }
            case ENTERPRISE, AGENCY -> List.of();
        };
    }

    private List<EnterpriseSummary> all(UUID regionId) {
        List<EnterpriseSummary> out = new ArrayList<>();
        for (Sector s : Sector.values()) {
            out.addAll(enterprises.pool(s, regionId, null));
        }
        return out;
    }

}
