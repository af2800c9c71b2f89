package org.anjian.governance.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.anjian.accident.AccidentGrade;
import org.anjian.governance.domain.AssessmentIndicator;
import org.anjian.governance.domain.AssessmentScheme;
import org.anjian.governance.domain.FiveColourScale;
import org.anjian.governance.internal.AssessmentRepository.LineRow;
import org.anjian.governance.internal.AssessmentRepository.ScoreRow;
import org.anjian.governance.internal.AssessmentRepository.Target;
import org.anjian.governance.internal.ScoreComputation.Unit;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.organization.Region;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.config.DistrictProperties;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.error.DomainException.FieldError;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.Role;
import org.anjian.shared.security.ScopeKind;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 目标考核 and 五色图 (GOV-1, GOV-3). The district admin keeps the scheme, the targets and the colour scale; the
 * scores are computed by {@link ScoreComputation} and read from the stored results. A town or department reads its
 * own score, the district's regulators and the auditor every score. Every write is audited.
 */
@Service
@Transactional
public class AssessmentService {

    public static final String TOWN = "TOWN";
    public static final String DEPARTMENT = "DEPARTMENT";

    static final Role[] READERS = {Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.TOWN_OFFICIAL, Role.DEPARTMENT_OFFICIAL, Role.AUDITOR};

    private final AssessmentRepository repository;
    private final ScoreComputation computation;
    private final OrganizationDirectory organization;
    private final AuditTrail audit;
    private final Clock clock;
    private final ZoneId zone;

    AssessmentService(AssessmentRepository repository, ScoreComputation computation, OrganizationDirectory organization, AuditTrail audit,
                      Clock clock, DistrictProperties district) {
        this.repository = repository;
        this.computation = computation;
        this.organization = organization;
        this.audit = audit;
        this.clock = clock;
        this.zone = district.zone();
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    public void requireReader(AnjianUser user) {
        if (!user.hasAnyRole(READERS)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "shared.problem.forbidden", "forbidden");
        }
    }

    public void requireAdmin(AnjianUser user) {
        if (!user.hasRole(Role.DISTRICT_ADMIN)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "shared.problem.forbidden", "forbidden");
        }
    }

    /** Whether the user reads every unit's score (the district's roles) rather than only their own. */
    public boolean readsAll(AnjianUser user) {
        return user.scope().kind() == ScopeKind.DISTRICT;
    }

    /** The units of a kind the user may read: null for all, else their own town (a park's town) or department. */
    Set<UUID> visibleUnits(AnjianUser user, String unitKind) {
        requireReader(user);
        if (readsAll(user)) {
            return null;
        }
        if (user.scope().kind() == ScopeKind.REGION) {
            return unitKind.equals(TOWN) ? organization.towns(user.scope()).stream().map(Region::id).collect(Collectors.toSet()) : Set.of();
        }
        if (user.scope().kind() == ScopeKind.DEPARTMENT) {
            return unitKind.equals(DEPARTMENT) ? Set.of(user.scope().id()) : Set.of();
        }
        return Set.of();
    }

    static String unitKind(String kind) {
        if (kind == null || kind.isBlank()) {
            return TOWN;
        }
        if (!kind.equals(TOWN) && !kind.equals(DEPARTMENT)) {
            throw DomainException.invalid("unitKind", "governance.assessment.unitKindInvalid", "unit kind must be TOWN or DEPARTMENT");
        }
        return kind;
    }

    /** The period asked for (yyyy-MM), or the latest with stored scores up to this month (a period computed ahead, as a
     * test or a wrong clock may leave, is not what a reader means by the current standing), or this month. */
    public String period(String asked) {
        if (asked != null && !asked.isBlank()) {
            try {
                return YearMonth.parse(asked.trim()).toString();
            } catch (DateTimeParseException e) {
                throw DomainException.invalid("period", "governance.assessment.periodInvalid", "period must be yyyy-MM");
            }
        }
        String now = YearMonth.from(today()).toString();
        // yyyy-MM sorts as text in time order
        return repository.periods().stream().filter(p -> p.compareTo(now) <= 0).findFirst().orElse(now);
    }

    // ------------------------------------------------------------ reading scores

    public record RankedScore(ScoreRow score, FiveColourScale.Band band) {
    }

    public record Ranking(String period, String unitKind, List<RankedScore> scores, FiveColourScale colours, Optional<AssessmentRepository.Run> lastRun,
                          List<String> periods) {
    }

    @Transactional(readOnly = true)
    public Ranking ranking(AnjianUser user, String period, String kind) {
        String unitKind = unitKind(kind);
        Set<UUID> units = visibleUnits(user, unitKind);
        String p = period(period);
        FiveColourScale colours = repository.colours();
        Map<String, FiveColourScale.Band> byCode = colours.bands().stream().collect(Collectors.toMap(FiveColourScale.Band::code, b -> b));
        List<RankedScore> rows = repository.scores(p, unitKind, units).stream()
                .map(s -> new RankedScore(s, byCode.getOrDefault(s.colourCode(), colours.bands().get(0)))).toList();
        return new Ranking(p, unitKind, rows, colours, repository.lastRun(), repository.periods());
    }

    public record ScoreDetail(ScoreRow score, FiveColourScale.Band band, List<LineRow> lines, Map<String, BigDecimal> byIndicator,
                              AssessmentScheme scheme) {
    }

    @Transactional(readOnly = true)
    public ScoreDetail detail(AnjianUser user, String period, String kind, UUID unitId) {
        String unitKind = unitKind(kind);
        Set<UUID> units = visibleUnits(user, unitKind);
        if (units != null && !units.contains(unitId)) {
            throw DomainException.notFound("score");
        }
        ScoreRow s = repository.score(period(period), unitKind, unitId).orElseThrow(() -> DomainException.notFound("score"));
        FiveColourScale colours = repository.colours();
        FiveColourScale.Band band = colours.bands().stream().filter(b -> b.code().equals(s.colourCode())).findFirst().orElse(colours.bands().get(0));
        List<LineRow> lines = repository.lines(s.id());
        Map<String, BigDecimal> byIndicator = new LinkedHashMap<>();
        for (LineRow l : lines) {
            byIndicator.merge(l.indicatorCode(), l.points(), BigDecimal::add);
        }
        return new ScoreDetail(s, band, lines, byIndicator, repository.scheme());
    }

    // ------------------------------------------------------------ the scheme, the colour scale and the targets

    @Transactional(readOnly = true)
    public AssessmentScheme scheme(AnjianUser user) {
        requireReader(user);
        return repository.scheme();
    }

    @Transactional(readOnly = true)
    public FiveColourScale colours(AnjianUser user) {
        requireReader(user);
        return repository.colours();
    }

    public record IndicatorChange(BigDecimal weight, BigDecimal perDeath, BigDecimal perAccident, BigDecimal overTarget, BigDecimal defaultTarget,
                                  String criteria) {
    }

    public AssessmentIndicator updateIndicator(AnjianUser user, String code, IndicatorChange change) {
        requireAdmin(user);
        AssessmentScheme scheme = repository.scheme();
        AssessmentIndicator before = scheme.indicators().stream().filter(i -> i.code().equals(code)).findFirst()
                .orElseThrow(() -> DomainException.notFound("indicator"));
        if (change == null) {
            throw DomainException.invalid("weight", "governance.assessment.weightRequired", "weight is required");
        }
        List<FieldError> errors = new ArrayList<>();
        nonNegative(errors, "weight", change.weight(), true, BigDecimal.valueOf(100));
        nonNegative(errors, "perDeath", change.perDeath(), false, BigDecimal.valueOf(100));
        nonNegative(errors, "perAccident", change.perAccident(), false, BigDecimal.valueOf(100));
        nonNegative(errors, "overTarget", change.overTarget(), false, BigDecimal.valueOf(100));
        nonNegative(errors, "defaultTarget", change.defaultTarget(), false, before.isRate() ? BigDecimal.valueOf(100) : BigDecimal.valueOf(100_000));
        if (change.criteria() != null && change.criteria().length() > 500) {
            errors.add(new FieldError("criteria", "governance.assessment.criteriaTooLong", "criteria too long"));
        }
        if (errors.isEmpty() && change.weight() != null) {
            BigDecimal others = scheme.indicators().stream().filter(i -> !i.code().equals(code)).map(AssessmentIndicator::weight)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            if (others.add(change.weight()).compareTo(BigDecimal.valueOf(100)) > 0) {
                errors.add(new FieldError("weight", "governance.assessment.weightsOver100", "the weights add up to more than 100"));
            }
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        AssessmentIndicator after = new AssessmentIndicator(code, before.name(), change.weight(), or(change.perDeath(), before.perDeath()),
                or(change.perAccident(), before.perAccident()), or(change.overTarget(), before.overTarget()),
                or(change.defaultTarget(), before.defaultTarget()), change.criteria() == null || change.criteria().isBlank() ? before.criteria()
                : change.criteria().trim());
        repository.updateIndicator(after, now());
        audit.record("ASSESSMENT_INDICATOR_CHANGED", "assessment-indicator", code, before, after);
        return after;
    }

    public record VetoChange(String vetoGrade, Integer vetoDeaths) {
    }

    public AssessmentScheme updateVeto(AnjianUser user, VetoChange change) {
        requireAdmin(user);
        AccidentGrade grade = null;
        if (change != null && change.vetoGrade() != null && !change.vetoGrade().isBlank()) {
            try {
                grade = AccidentGrade.valueOf(change.vetoGrade());
            } catch (IllegalArgumentException e) {
                throw DomainException.invalid("vetoGrade", "governance.assessment.vetoGradeInvalid", "unknown accident grade");
            }
        }
        Integer deaths = change == null ? null : change.vetoDeaths();
        if (deaths != null && (deaths < 1 || deaths > 1000)) {
            throw DomainException.invalid("vetoDeaths", "governance.assessment.vetoDeathsInvalid", "veto deaths must be 1 to 1000");
        }
        AssessmentScheme before = repository.scheme();
        repository.updateVeto(grade, deaths, now());
        AssessmentScheme after = repository.scheme();
        audit.record("ASSESSMENT_VETO_CHANGED", "assessment-scheme", before.name(), Map.of("vetoGrade", String.valueOf(before.vetoGrade()),
                "vetoDeaths", String.valueOf(before.vetoDeaths())), Map.of("vetoGrade", String.valueOf(after.vetoGrade()),
                "vetoDeaths", String.valueOf(after.vetoDeaths())));
        return after;
    }

    public record BandChange(String code, String name, String colour, BigDecimal minScore, String criteria) {
    }

    /** The whole scale at once, so the minimums can be checked against each other; the scores recolour at the next computation. */
    public FiveColourScale updateColours(AnjianUser user, List<BandChange> changes) {
        requireAdmin(user);
        FiveColourScale before = repository.colours();
        Map<String, BandChange> byCode = new LinkedHashMap<>();
        for (BandChange c : changes == null ? List.<BandChange>of() : changes) {
            if (c != null && c.code() != null) {
                byCode.put(c.code(), c);
            }
        }
        List<FiveColourScale.Band> proposed = new ArrayList<>();
        for (FiveColourScale.Band b : before.bands()) {
            BandChange c = byCode.get(b.code());
            proposed.add(c == null ? b : new FiveColourScale.Band(b.code(), c.name() == null ? b.name() : c.name().trim(),
                    c.colour() == null ? b.colour() : c.colour().trim(), c.minScore(), c.criteria() == null ? b.criteria() : c.criteria().trim(),
                    b.sortOrder()));
        }
        FiveColourScale after = new FiveColourScale(proposed);
        List<String[]> problems = after.problems();
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems.stream().map(p -> new FieldError("bands." + p[0], p[1], p[1])).toList());
        }
        for (FiveColourScale.Band b : after.bands()) {
            repository.updateBand(b, now());
        }
        audit.record("FIVE_COLOUR_SCALE_CHANGED", "five-colour-scale", "scale", before.bands(), after.bands());
        return after;
    }

    public record TargetView(int year, String unitKind, UUID unitId, String unitName, String indicatorCode, BigDecimal value, boolean isDefault) {
    }

    /** Every unit's target per indicator for the year, the defaults filled in; a town or department sees its own. */
    @Transactional(readOnly = true)
    public List<TargetView> targets(AnjianUser user, int year) {
        requireReader(user);
        AssessmentScheme scheme = repository.scheme();
        Map<String, BigDecimal> set = new java.util.HashMap<>();
        for (Target t : repository.targets(year)) {
            set.put(t.unitKind() + "/" + t.unitId() + "/" + t.indicatorCode(), t.value());
        }
        List<TargetView> out = new ArrayList<>();
        Set<UUID> towns = visibleUnits(user, TOWN);
        Set<UUID> departments = visibleUnits(user, DEPARTMENT);
        for (Unit u : units()) {
            Set<UUID> visible = u.kind().equals(TOWN) ? towns : departments;
            if (visible != null && !visible.contains(u.id())) {
                continue;
            }
            for (AssessmentIndicator i : scheme.indicators()) {
                BigDecimal v = set.get(u.kind() + "/" + u.id() + "/" + i.code());
                out.add(new TargetView(year, u.kind(), u.id(), u.name(), i.code(), v == null ? i.defaultTarget() : v, v == null));
            }
        }
        return out;
    }

    public record TargetChange(Integer year, String unitKind, UUID unitId, String indicatorCode, BigDecimal value) {
    }

    public TargetView setTarget(AnjianUser user, TargetChange change) {
        requireAdmin(user);
        List<FieldError> errors = new ArrayList<>();
        if (change == null) {
            throw DomainException.invalid("year", "governance.assessment.yearInvalid", "year is required");
        }
        if (change.year() == null || change.year() < 2000 || change.year() > 2100) {
            errors.add(new FieldError("year", "governance.assessment.yearInvalid", "year must be 2000 to 2100"));
        }
        String kind = change.unitKind() == null ? null : change.unitKind().trim();
        Optional<Unit> unit = units().stream().filter(u -> u.kind().equals(kind) && u.id().equals(change.unitId())).findFirst();
        if (unit.isEmpty()) {
            errors.add(new FieldError("unitId", "governance.assessment.unitUnknown", "no such town or department"));
        }
        Optional<AssessmentIndicator> indicator = repository.scheme().indicators().stream()
                .filter(i -> i.code().equals(change.indicatorCode())).findFirst();
        if (indicator.isEmpty()) {
            errors.add(new FieldError("indicatorCode", "governance.assessment.indicatorUnknown", "no such indicator"));
        }
        BigDecimal limit = indicator.map(i -> i.isRate() ? BigDecimal.valueOf(100) : BigDecimal.valueOf(100_000)).orElse(BigDecimal.valueOf(100_000));
        nonNegative(errors, "value", change.value(), true, limit);
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        Optional<Target> before = repository.target(change.year(), kind, change.unitId(), change.indicatorCode());
        Target t = new Target(change.year(), kind, change.unitId(), change.indicatorCode(), change.value().setScale(2, java.math.RoundingMode.HALF_UP));
        repository.saveTarget(t, now());
        audit.record("ASSESSMENT_TARGET_SET", "assessment-target", kind + "/" + change.unitId() + "/" + change.year() + "/" + change.indicatorCode(),
                before.orElse(null), t);
        return new TargetView(t.year(), kind, t.unitId(), unit.get().name(), t.indicatorCode(), t.value(), false);
    }

    // ------------------------------------------------------------ computing

    /** The district admin recomputes now (the daily job does the same at night): this month's scores, stored. */
    public ScoreComputation.Outcome recompute(AnjianUser user) {
        requireAdmin(user);
        ScoreComputation.Outcome o = computation.compute(YearMonth.from(today()));
        audit.record("ASSESSMENT_RECOMPUTED", "assessment-score", o.period(), null, Map.of("units", o.units(), "durationMs", o.durationMs()));
        return o;
    }

    /** Every town, and every department with a supervision line. */
    public List<Unit> units() {
        return computation.units();
    }

    private static BigDecimal or(BigDecimal v, BigDecimal otherwise) {
        return v == null ? otherwise : v;
    }

    private static void nonNegative(List<FieldError> errors, String field, BigDecimal v, boolean required, BigDecimal max) {
        if (v == null) {
            if (required) {
                errors.add(new FieldError(field, "governance.assessment.numberRequired", field + " is required"));
            }
        } else if (v.signum() < 0 || v.compareTo(max) > 0) {
            errors.add(new FieldError(field, "governance.assessment.numberOutOfRange", field + " must be 0 to " + max.toPlainString()));
        }
    }
}
