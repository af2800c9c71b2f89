package org.anjian.governance.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.anjian.enterprise.EnterpriseLookup;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.governance.domain.AssessmentFacts;
import org.anjian.governance.domain.AssessmentScheme;
import org.anjian.governance.domain.FiveColourScale;
import org.anjian.governance.internal.AssessmentRepository.Fact;
import org.anjian.governance.internal.AssessmentRepository.NewScore;
import org.anjian.governance.internal.AssessmentRepository.Target;
import org.anjian.organization.Department;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.organization.Region;
import org.anjian.shared.config.DistrictProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes and stores a month's scores for every town and department: the year's facts from 1 January to the end
 * of the month (accidents, hazards and penalties from the modules' events, the standardization grades in force,
 * the enterprises in production from the registry), scored by the scheme, coloured by the 五色图 scale and ranked
 * (一票否决 last, then by score). The month's earlier result is replaced in the same transaction.
 */
@Component
public class ScoreComputation {

    private final AssessmentRepository repository;
    private final OrganizationDirectory organization;
    private final EnterpriseLookup enterprises;
    private final Clock clock;
    private final ZoneId zone;

    ScoreComputation(AssessmentRepository repository, OrganizationDirectory organization, EnterpriseLookup enterprises, Clock clock,
                     DistrictProperties district) {
        this.repository = repository;
        this.organization = organization;
        this.enterprises = enterprises;
        this.clock = clock;
        this.zone = district.zone();
    }

    /** A town or department being assessed; a department's facts are those of the supervision lines it regulates. */
    public record Unit(String kind, UUID id, String name, Set<String> sectors) {
    }

    public record Outcome(String period, int units, long durationMs) {
    }

    public List<Unit> units() {
        List<Unit> out = new ArrayList<>();
        for (Region t : organization.towns()) {
            out.add(new Unit(AssessmentService.TOWN, t.id(), t.name(), Set.of()));
        }
        for (Department d : organization.departments()) {
            if (!d.sectors().isEmpty()) {
                out.add(new Unit(AssessmentService.DEPARTMENT, d.id(), d.name(), Set.copyOf(d.sectors())));
            }
        }
        return out;
    }

    @Transactional
    public Outcome compute(YearMonth month) {
        long started = System.nanoTime();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant from = LocalDate.of(month.getYear(), 1, 1).atStartOfDay(zone).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        AssessmentScheme scheme = repository.scheme();
        FiveColourScale colours = repository.colours();
        Map<String, Map<String, BigDecimal>> targets = new HashMap<>();
        for (Target t : repository.targets(month.getYear())) {
            targets.computeIfAbsent(t.unitKind() + "/" + t.unitId(), k -> new HashMap<>()).put(t.indicatorCode(), t.value());
        }
        List<Fact> facts = repository.facts(from, to);
        Set<UUID> graded = new HashSet<>();
        for (Fact f : facts) {
            if (f.kind().equals("STANDARDIZATION")) {
                graded.add(f.enterpriseId());
            }
        }
        List<EnterpriseSummary> producing = enterprises.pool(null, null, null);

        List<NewScore> town = new ArrayList<>();
        List<NewScore> department = new ArrayList<>();
        for (Unit u : units()) {
            Predicate<UUID> townMatch = id -> id != null && id.equals(u.id());
            Predicate<String> sectorMatch = s -> s != null && u.sectors().contains(s);
            boolean isTown = u.kind().equals(AssessmentService.TOWN);
            List<AssessmentFacts.Accident> accidents = new ArrayList<>();
            int registered = 0;
            int closed = 0;
            int penalties = 0;
            for (Fact f : facts) {
                boolean mine = isTown ? townMatch.test(f.townId()) : sectorMatch.test(f.sector());
                if (!mine) {
                    continue;
                }
                switch (f.kind()) {
                    case "ACCIDENT" -> accidents.add(new AssessmentFacts.Accident(f.sourceId(), f.enterpriseName(),
                            LocalDate.ofInstant(f.occurredAt(), zone), f.grade(), f.deaths(), f.missing()));
                    case "HAZARD" -> {
                        registered++;
                        if (f.closedAt() != null && f.closedAt().isBefore(to)) {
                            closed++;
                        }
                    }
                    case "PENALTY" -> penalties++;
                    default -> {
                    }
                }
            }
            int count = 0;
            int withGrade = 0;
            for (EnterpriseSummary e : producing) {
                boolean mine = isTown ? townMatch.test(e.townId()) : e.sector() != null && sectorMatch.test(e.sector().name());
                if (mine) {
                    count++;
                    if (graded.contains(e.id())) {
                        withGrade++;
                    }
                }
            }
            AssessmentScheme.Result r = scheme.score(targets.getOrDefault(u.kind() + "/" + u.id(), Map.of()),
                    new AssessmentFacts(accidents, registered, closed, penalties, count, withGrade));
            NewScore s = new NewScore(u.kind(), u.id(), u.name(), r.total(), r.vetoed(), colours.colourOf(r.total(), r.vetoed()).code(), 0, r.lines());
            (isTown ? town : department).add(s);
        }
        List<NewScore> all = new ArrayList<>(ranked(town));
        all.addAll(ranked(department));
        repository.replaceScores(month.toString(), all, now);
        long ms = (System.nanoTime() - started) / 1_000_000;
        if (month.equals(YearMonth.from(LocalDate.ofInstant(now, zone)))) {
            repository.recordRun(now, ms, all.size());
        }
        return new Outcome(month.toString(), all.size(), ms);
    }

    /** 一票否决 last, then the higher score first, then by name; equal scores share no rank (the list is a ranking to read down). */
    static List<NewScore> ranked(List<NewScore> scores) {
        List<NewScore> sorted = scores.stream().sorted(Comparator.comparing(NewScore::vetoed).thenComparing(NewScore::total, Comparator.reverseOrder())
                .thenComparing(NewScore::unitName)).toList();
        List<NewScore> out = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            NewScore s = sorted.get(i);
            out.add(new NewScore(s.unitKind(), s.unitId(), s.unitName(), s.total(), s.vetoed(), s.colourCode(), i + 1, s.lines()));
        }
        return out;
    }
}
