package org.anjian.command.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.anjian.accident.AccidentSituation;
import org.anjian.accident.AccidentSituation.RecentAccident;
import org.anjian.command.CommandLayer;
import org.anjian.enterprise.EnterpriseLookup;
import org.anjian.enterprise.EnterpriseSituation;
import org.anjian.enterprise.EnterpriseSituation.ExpiringLicence;
import org.anjian.enterprise.EnterpriseSituation.Placed;
import org.anjian.enterprise.Sector;
import org.anjian.enterprise.SupervisionClass;
import org.anjian.hazard.HazardSituation;
import org.anjian.hazard.HazardSituation.OpenHazards;
import org.anjian.hazard.HazardSituation.OverdueMajor;
import org.anjian.inspection.InspectionSituation;
import org.anjian.inspection.InspectionSituation.TodayInspection;
import org.anjian.monitoring.OpenAlarms;
import org.anjian.monitoring.OpenAlarms.OpenAlarm;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.organization.Region;
import org.anjian.permit.PermitSituation;
import org.anjian.permit.PermitSituation.UnderWay;
import org.anjian.risk.RiskLevel;
import org.anjian.risk.RiskSituation;
import org.anjian.risk.RiskSituation.EnterpriseRisk;
import org.anjian.shared.config.DistrictProperties;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.live.LiveMessage;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.DataScope;
import org.anjian.shared.security.Role;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The command view's figures for a reader: each owning module answers one aggregate query for the reader's scope
 * (enterprises with positions, risk levels, open hazards per enterprise, open alarms, recent accidents, permits
 * under way, today's inspections); this class puts them on the enterprises' positions and counts them by town and
 * sector. A town official's scope is their town, a department's its sectors; enterprises and agencies are refused.
 */
@Service
public class CommandSituation {

    /** Who reads the district view: the regulators (within their scope) and the auditors. */
    static final Set<Role> READERS = Set.of(Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.TOWN_OFFICIAL, Role.DEPARTMENT_OFFICIAL, Role.AUDITOR);
    /** The accidents layer shows the last twelve months. */
    static final Duration ACCIDENT_WINDOW = Duration.ofDays(365);
    /** The trends cover the current month and the eleven before it. */
    static final int TREND_MONTHS = 12;
    /** Licences ending within this many days are warned of. */
    static final int LICENCE_WARNING_DAYS = 30;
    static final int WARNING_LIMIT = 20;

    static final Map<SupervisionClass, String> CLASS_COLOURS = Map.of(SupervisionClass.A, "#c92a2a", SupervisionClass.B, "#e8590c",
            SupervisionClass.C, "#f2b705", SupervisionClass.D, "#2b8a3e");
    static final String UNCLASSIFIED_COLOUR = "#868e96";

    private final EnterpriseSituation enterprises;
    private final EnterpriseLookup lookup;
    private final RiskSituation risk;
    private final HazardSituation hazards;
    private final InspectionSituation inspections;
    private final AccidentSituation accidents;
    private final PermitSituation permits;
    private final OpenAlarms alarms;
    private final OrganizationDirectory organization;
    private final DistrictProperties district;
    private final MessageSource messages;
    private final Clock clock;

    CommandSituation(EnterpriseSituation enterprises, EnterpriseLookup lookup, RiskSituation risk, HazardSituation hazards,
                     InspectionSituation inspections, AccidentSituation accidents, PermitSituation permits, OpenAlarms alarms,
                     OrganizationDirectory organization, DistrictProperties district, MessageSource messages, Clock clock) {
        this.enterprises = enterprises;
        this.lookup = lookup;
        this.risk = risk;
        this.hazards = hazards;
        this.inspections = inspections;
        this.accidents = accidents;
        this.permits = permits;
        this.alarms = alarms;
        this.organization = organization;
        this.district = district;
        this.messages = messages;
        this.clock = clock;
    }

    // ---- access ------------------------------------------------------------------------------------

    /** The reader, when they may read the district view; 403 for enterprises, agencies, experts and the system administrators. */
    public AnjianUser requireReader(AnjianUser user) {
        if (user == null || READERS.stream().noneMatch(user::hasRole)) {
            throw new AccessDeniedException("the command view is the regulators'");
        }
        return user;
    }

    /** The towns the reader sees (a town official: theirs), in the district's order. */
    public List<Region> towns(AnjianUser user) {
        return organization.towns(user.scope());
    }

    /** The town asked for, if the reader sees it; a town outside their scope is 404, as if it did not exist. */
    public Region town(AnjianUser user, UUID townId) {
        return towns(user).stream().filter(t -> t.id().equals(townId)).findFirst()
                .orElseThrow(() -> DomainException.notFound("town"));
    }

    /** The live-update filter of the reader's stream: alarms and permits of enterprises in their scope. */
    public Predicate<LiveMessage> visibleTo(AnjianUser user) {
        DataScope scope = user.scope();
        return m -> m.enterpriseId() != null && lookup.inScope(scope, m.enterpriseId());
    }

    public static final Set<String> LIVE_TOPICS = Set.of(OpenAlarms.LIVE_TOPIC, PermitSituation.LIVE_TOPIC);

    // ---- the map -----------------------------------------------------------------------------------

    /** Counts of one layer, the map's numbers: keys are the layer paths plus a few details. */
    public static Map<String, Long> emptyCounts() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (CommandLayer l : CommandLayer.values()) {
            m.put(l.path(), 0L);
        }
        m.put("majorHazards", 0L);
        m.put("overdueHazards", 0L);
        m.put("majorRisk", 0L);
        m.put("unrepliedAlarms", 0L);
        return m;
    }

    public record TownCounts(UUID id, String name, Double lat, Double lon, Map<String, Long> counts) {
    }

    public record SectorCounts(String sector, String label, Map<String, Long> counts) {
    }

    public record Named(UUID id, String name) {
    }

    /** {@code GET /command/overview}: the totals, enterprises per class, per highest risk level, and the counts per town and per sector. */
    public record Overview(Named town, Instant at, Map<String, Long> totals, Map<String, Long> enterprisesByClass, Map<String, Long> riskByLevel,
                           List<TownCounts> byTown, List<SectorCounts> bySector) {
    }

    /** Everything the reader sees, read once from the modules (one query each) and filtered to a town when asked. */
    private final class Snapshot {
        final Map<UUID, Placed> byId = new HashMap<>();
        final List<Placed> placed;
        final List<EnterpriseRisk> risks;
        final List<OpenHazards> open;
        final List<OpenAlarm> openAlarms;
        final List<RecentAccident> recent;
        final List<UnderWay> underWay;
        final List<TodayInspection> today;
        final Instant now;

        Snapshot(AnjianUser user, UUID townId, Set<CommandLayer> layers) {
            this(user, townId, layers, true);
        }

        /** {@code positions}: whether the layers' enterprises are looked up for their positions (the overview only counts). */
        Snapshot(AnjianUser user, UUID townId, Set<CommandLayer> layers, boolean positions) {
            DataScope scope = user.scope();
            now = clock.instant();
            Predicate<UUID> inTown = t -> townId == null || townId.equals(t);
            risks = layers.contains(CommandLayer.RISK) ? risk.highestByEnterprise(scope).stream().filter(r -> inTown.test(r.townId())).toList() : List.of();
            open = layers.contains(CommandLayer.HAZARDS) ? hazards.openByEnterprise(scope, now).stream().filter(h -> inTown.test(h.townId())).toList() : List.of();
            openAlarms = layers.contains(CommandLayer.ALARMS) ? alarms.open(scope).stream().filter(a -> inTown.test(a.townId())).toList() : List.of();
            recent = layers.contains(CommandLayer.ACCIDENTS) ? accidents.since(scope, now.minus(ACCIDENT_WINDOW)).stream().filter(a -> inTown.test(a.townId())).toList()
                    : List.of();
            underWay = layers.contains(CommandLayer.PERMITS) ? permits.underWay(scope).stream().filter(p -> inTown.test(p.townId())).toList() : List.of();
            LocalDate day = LocalDate.ofInstant(now, district.zone());
            today = layers.contains(CommandLayer.INSPECTIONS) ? inspections.on(scope, day, district.zone()).stream().filter(i -> inTown.test(i.townId())).toList()
                    : List.of();
            if (!positions) {
                placed = List.of();
            } else if (layers.contains(CommandLayer.ENTERPRISES)) {
                placed = enterprises.placed(scope).stream().filter(e -> inTown.test(e.townId())).toList();
            } else {
                // the other layers need the positions of their own enterprises only (a few, or those with risk or open hazards)
                Set<UUID> ids = new java.util.HashSet<>();
                risks.forEach(r -> ids.add(r.enterpriseId()));
                open.forEach(h -> ids.add(h.enterpriseId()));
                openAlarms.forEach(a -> ids.add(a.enterpriseId()));
                recent.stream().filter(a -> a.enterpriseId() != null).forEach(a -> ids.add(a.enterpriseId()));
                underWay.forEach(p -> ids.add(p.enterpriseId()));
                today.forEach(i -> ids.add(i.enterpriseId()));
                placed = ids.isEmpty() ? List.of()
                        : ids.size() > 2_000 ? enterprises.placed(scope).stream().filter(e -> ids.contains(e.id())).toList() : enterprises.placed(scope, ids);
            }
            placed.forEach(e -> byId.put(e.id(), e));
        }
    }

    public Overview overview(AnjianUser user, UUID townId) {
        requireReader(user);
        Region town = townId == null ? null : town(user, townId);
        // the small layers as lists; enterprises, risk and open hazards as counts per town and sector from their modules
        Snapshot s = new Snapshot(user, townId, Set.of(CommandLayer.ALARMS, CommandLayer.ACCIDENTS, CommandLayer.PERMITS, CommandLayer.INSPECTIONS), false);
        DataScope scope = user.scope();
        Predicate<UUID> inTown = t -> townId == null || townId.equals(t);
        Map<String, Long> totals = emptyCounts();
        Map<UUID, Map<String, Long>> towns = new LinkedHashMap<>();
        List<Region> visibleTowns = town == null ? towns(user) : List.of(town);
        visibleTowns.forEach(t -> towns.put(t.id(), emptyCounts()));
        Map<String, Map<String, Long>> sectors = new LinkedHashMap<>();
        for (Sector sector : Sector.values()) {
            sectors.put(sector.name(), emptyCounts());
        }
        Map<String, Long> byClass = new LinkedHashMap<>();
        for (SupervisionClass c : SupervisionClass.values()) {
            byClass.put(c.name(), 0L);
        }
        byClass.put("NONE", 0L);
        Map<String, Long> byLevel = new LinkedHashMap<>();
        for (RiskLevel l : RiskLevel.values()) {
            byLevel.put(l.name(), 0L);
        }
        Counter count = (key, n, townOf, sectorOf) -> {
            totals.merge(key, n, Long::sum);
            Map<String, Long> t = towns.get(townOf);
            if (t != null) {
                t.merge(key, n, Long::sum);
            }
            Map<String, Long> sec = sectorOf == null ? null : sectors.get(sectorOf);
            if (sec != null) {
                sec.merge(key, n, Long::sum);
            }
        };
        for (EnterpriseSituation.ClassCount e : enterprises.countsByTownSectorClass(scope)) {
            if (inTown.test(e.townId())) {
                count.add("enterprises", e.enterprises(), e.townId(), e.sector().name());
                byClass.merge(e.supervisionClass() == null ? "NONE" : e.supervisionClass().name(), e.enterprises(), Long::sum);
            }
        }
        for (RiskSituation.LevelCount r : risk.highestByTownAndSector(scope)) {
            if (inTown.test(r.townId())) {
                count.add("risk", r.enterprises(), r.townId(), r.sector());
                if (r.highest() == RiskLevel.MAJOR) {
                    count.add("majorRisk", r.enterprises(), r.townId(), r.sector());
                }
                byLevel.merge(r.highest().name(), r.enterprises(), Long::sum);
            }
        }
        for (HazardSituation.OpenTally h : hazards.openByTownAndSector(scope, s.now)) {
            if (inTown.test(h.townId())) {
                count.add("hazards", h.open(), h.townId(), h.sector());
                count.add("majorHazards", h.major(), h.townId(), h.sector());
                count.add("overdueHazards", h.overdue(), h.townId(), h.sector());
            }
        }
        for (OpenAlarm a : s.openAlarms) {
            count.add("alarms", 1, a.townId(), a.sector());
            if (a.unrepliedAt(s.now)) {
                count.add("unrepliedAlarms", 1, a.townId(), a.sector());
            }
        }
        for (RecentAccident a : s.recent) {
            count.add("accidents", 1, a.townId(), a.sector());
        }
        for (UnderWay p : s.underWay) {
            count.add("permits", 1, p.townId(), p.sector());
        }
        for (TodayInspection i : s.today) {
            count.add("inspections", 1, i.townId(), i.sector());
        }
        List<TownCounts> townCounts = visibleTowns.stream()
                .map(t -> new TownCounts(t.id(), t.name(), t.latitude(), t.longitude(), towns.get(t.id()))).toList();
        List<SectorCounts> sectorCounts = sectors.entrySet().stream()
                .map(e -> new SectorCounts(e.getKey(), text("sector." + e.getKey()), e.getValue())).toList();
        return new Overview(town == null ? null : new Named(town.id(), town.name()), s.now, totals, byClass, byLevel, townCounts, sectorCounts);
    }

    @FunctionalInterface
    private interface Counter {
        void add(String key, long n, UUID town, String sector);
    }

    // ---- layers as GeoJSON -------------------------------------------------------------------------

    /** A rectangle of WGS-84 degrees: west, south, east, north (GeoJSON's bbox order). */
    public record Bbox(double west, double south, double east, double north) {
        boolean contains(double lat, double lon) {
            return lon >= west && lon <= east && lat >= south && lat <= north;
        }

        /** "west,south,east,north"; blank is none; anything else is a 400 naming the field. */
        public static Bbox parse(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            String[] parts = text.split(",");
            if (parts.length != 4) {
                throw DomainException.invalid("bbox", "command.bbox.invalid", "bbox must be west,south,east,north");
            }
            double[] v = new double[4];
            try {
                for (int i = 0; i < 4; i++) {
                    v[i] = Double.parseDouble(parts[i].trim());
                }
            } catch (NumberFormatException e) {
                throw DomainException.invalid("bbox", "command.bbox.invalid", "bbox must be west,south,east,north");
            }
            if (!(v[0] <= v[2] && v[1] <= v[3] && v[0] >= -180 && v[2] <= 180 && v[1] >= -90 && v[3] <= 90)) {
                throw DomainException.invalid("bbox", "command.bbox.invalid", "bbox must be west,south,east,north");
            }
            return new Bbox(v[0], v[1], v[2], v[3]);
        }
    }

    public record Geometry(String type, double[] coordinates) {
        static Geometry point(double lat, double lon) {
            return new Geometry("Point", new double[] {lon, lat});
        }
    }

    public record Feature(String type, Geometry geometry, Map<String, Object> properties) {
    }

    /** A GeoJSON FeatureCollection with the layer's name, how many things it counts and how many have no position to draw. */
    public record FeatureCollection(String type, String layer, long total, long unplaced, List<Feature> features) {
    }

    public FeatureCollection layer(AnjianUser user, CommandLayer layer, UUID townId, Bbox bbox) {
        requireReader(user);
        if (townId != null) {
            town(user, townId);
        }
        Snapshot s = new Snapshot(user, townId, Set.of(layer));
        Layer out = new Layer(bbox);
        switch (layer) {
            case ENTERPRISES -> s.placed.forEach(e -> {
                String cls = e.supervisionClass() == null ? "NONE" : e.supervisionClass().name();
                out.add(e, e.latitude(), e.longitude(), props(e, "supervisionClass", cls,
                        "colour", e.supervisionClass() == null ? UNCLASSIFIED_COLOUR : CLASS_COLOURS.get(e.supervisionClass()),
                        "label", e.name() + " · " + text("command.class." + cls)));
            });
            case RISK -> s.risks.forEach(r -> {
                Placed e = s.byId.get(r.enterpriseId());
                out.add(e, lat(e), lon(e), props(e, "enterpriseId", r.enterpriseId(), "level", r.highest().name(), "colour", r.highest().colour(),
                        "points", r.points(), "label", name(e) + " · " + text("risk.level." + r.highest().name()) + " · " + text("command.risk.points", r.points())));
            });
            case HAZARDS -> merge(s.open).forEach(h -> {
                Placed e = s.byId.get(h.enterpriseId());
                out.add(e, lat(e), lon(e), props(e, "enterpriseId", h.enterpriseId(), "open", h.open(), "major", h.major(), "overdue", h.overdue(),
                        "highlight", h.major() > 0, "colour", h.major() > 0 ? "#c92a2a" : "#f08c00",
                        "label", name(e) + " · " + text("command.hazards.popup", h.open(), h.major(), h.overdue())));
            });
            case ALARMS -> s.openAlarms.forEach(a -> {
                Placed e = s.byId.get(a.enterpriseId());
                boolean late = a.unrepliedAt(s.now);
                out.add(e, lat(e), lon(e), props(e, "enterpriseId", a.enterpriseId(), "id", a.id(), "level", a.level(), "state", a.state(),
                        "condition", a.condition(), "unreplied", late, "colour", late ? "#c92a2a" : "#e8590c",
                        "label", name(e) + " · " + a.sensorName() + " · " + a.level() + " · " + text("command.alarm.state." + a.state())));
            });
            case ACCIDENTS -> s.recent.forEach(a -> {
                Placed e = a.enterpriseId() == null ? null : s.byId.get(a.enterpriseId());
                Double lat = lat(e);
                Double lon = lon(e);
                if (lat == null && a.townId() != null) {
                    Region t = organization.region(a.townId()).orElse(null);
                    lat = t == null ? null : t.latitude();
                    lon = t == null ? null : t.longitude();
                }
                out.add(e, lat, lon, props(e, "enterpriseId", a.enterpriseId(), "id", a.id(), "grade", a.grade().name(), "deaths", a.deaths(),
                        "occurredAt", a.occurredAt().toString(), "colour", "#5f3dc4",
                        "label", (a.enterpriseName() == null ? a.place() : a.enterpriseName()) + " · " + text("accident.grade." + a.grade().name())
                                + " · " + LocalDate.ofInstant(a.occurredAt(), district.zone())));
            });
            case PERMITS -> s.underWay.forEach(p -> {
                Placed e = s.byId.get(p.enterpriseId());
                Double lat = p.latitude() != null ? p.latitude() : lat(e);
                Double lon = p.longitude() != null ? p.longitude() : lon(e);
                out.add(e, lat, lon, props(e, "enterpriseId", p.enterpriseId(), "id", p.id(), "number", p.number(), "type", p.type(), "state", p.state(),
                        "colour", "SUSPENDED".equals(p.state()) ? "#868e96" : "#1971c2",
                        "label", name(e) + " · " + p.number() + " · " + p.location() + " · " + text("command.permit.state." + p.state())));
            });
            case INSPECTIONS -> s.today.forEach(i -> {
                Placed e = s.byId.get(i.enterpriseId());
                out.add(e, lat(e), lon(e), props(e, "enterpriseId", i.enterpriseId(), "id", i.id(), "state", i.state(), "colour", "#0c8599",
                        "label", name(e) + " · " + text("inspection.state." + i.state())));
            });
            default -> throw new IllegalStateException(layer.name());
        }
        return new FeatureCollection("FeatureCollection", layer.path(), out.total, out.unplaced, out.features);
    }

    /** An enterprise whose hazard copies disagree on town or sector comes as several rows: one marker with the sums. */
    private static List<OpenHazards> merge(List<OpenHazards> rows) {
        Map<UUID, OpenHazards> m = new LinkedHashMap<>();
        for (OpenHazards h : rows) {
            m.merge(h.enterpriseId(), h, (a, b) -> new OpenHazards(a.enterpriseId(), a.townId(), a.sector(), a.open() + b.open(), a.major() + b.major(),
                    a.overdue() + b.overdue()));
        }
        return List.copyOf(m.values());
    }

    private static final class Layer {
        final Bbox bbox;
        final List<Feature> features = new ArrayList<>();
        long total;
        long unplaced;

        Layer(Bbox bbox) {
            this.bbox = bbox;
        }

        void add(Placed e, Double lat, Double lon, Map<String, Object> properties) {
            if (lat == null || lon == null) {
                total++;
                unplaced++;
                return;
            }
            if (bbox != null && !bbox.contains(lat, lon)) {
                return;
            }
            total++;
            features.add(new Feature("Feature", Geometry.point(lat, lon), properties));
        }
    }

    private static Double lat(Placed e) {
        return e == null ? null : e.latitude();
    }

    private static Double lon(Placed e) {
        return e == null ? null : e.longitude();
    }

    private static String name(Placed e) {
        return e == null ? "" : e.name();
    }

    /** The enterprise's common properties (id, name, town, sector) and the layer's own, in order. */
    private static Map<String, Object> props(Placed e, Object... pairs) {
        Map<String, Object> p = new LinkedHashMap<>();
        if (e != null) {
            p.put("enterpriseId", e.id());
            p.put("enterprise", e.name());
            p.put("townId", e.townId());
            p.put("sector", e.sector().name());
        }
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            p.put((String) pairs[i], pairs[i + 1]);
        }
        return p;
    }

    // ---- trends, rankings, warnings ----------------------------------------------------------------

    public record MonthFigures(String month, long hazardsFound, long hazardsClosed, long inspections, long accidents) {
    }

    public record Trends(List<MonthFigures> months) {
    }

    /** {@code GET /command/trends}: the last twelve months (this one included) of the reader's scope, or of one town. */
    public Trends trends(AnjianUser user, UUID townId) {
        requireReader(user);
        YearMonth to = YearMonth.from(clock.instant().atZone(district.zone()));
        return trends(user, townId, to.minusMonths(TREND_MONTHS - 1L), to);
    }

    Trends trends(AnjianUser user, UUID townId, YearMonth from, YearMonth to) {
        DataScope scope = townId == null ? user.scope() : townScope(user, townId);
        ZoneId zone = district.zone();
        HazardSituation.Months h = hazards.monthly(scope, from, to, zone);
        Map<YearMonth, Long> i = inspections.finishedByMonth(scope, from, to, zone);
        Map<YearMonth, Long> a = accidents.byMonth(scope, from, to, zone);
        List<MonthFigures> out = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            out.add(new MonthFigures(m.toString(), h.found().getOrDefault(m, 0L), h.closed().getOrDefault(m, 0L), i.getOrDefault(m, 0L),
                    a.getOrDefault(m, 0L)));
        }
        return new Trends(out);
    }

    /** A town's scope for the queries, after checking the reader sees it (the intersection of their scope and the town). */
    private DataScope townScope(AnjianUser user, UUID townId) {
        town(user, townId);
        DataScope town = DataScope.of(org.anjian.shared.security.ScopeKind.REGION, townId);
        // a department official sees only their sectors even within a town: keep their scope, the town filter follows in the caller
        return user.scope().kind() == org.anjian.shared.security.ScopeKind.DEPARTMENT ? user.scope() : town;
    }

    public record Ranked(String key, String name, long hazards, long majorHazards, long overdueHazards, long alarms, long accidents) {
    }

    public record Warnings(List<OverdueMajor> overdueMajorHazards, List<ExpiringLicence> expiringLicences, List<OpenAlarm> unrepliedAlarms,
                           Map<UUID, String> enterpriseNames, Map<UUID, String> townNames) {
    }

    public record Analysis(Overview overview, Trends trends, List<Ranked> towns, List<Ranked> sectors, Warnings warnings) {
    }

    /** CMD-2: trends, towns and sectors ranked by open hazards (major first), and the warnings. */
    public Analysis analysis(AnjianUser user) {
        Overview o = overview(user, null);
        Trends t = trends(user, null);
        Comparator<Ranked> worstFirst = Comparator.comparingLong(Ranked::majorHazards).reversed()
                .thenComparing(Comparator.comparingLong(Ranked::hazards).reversed()).thenComparing(Ranked::name);
        List<Ranked> towns = o.byTown().stream().map(c -> ranked(c.id().toString(), c.name(), c.counts())).sorted(worstFirst).toList();
        List<Ranked> sectors = o.bySector().stream().map(c -> ranked(c.sector(), c.label(), c.counts())).sorted(worstFirst).toList();
        return new Analysis(o, t, towns, sectors, warnings(user));
    }

    private static Ranked ranked(String key, String name, Map<String, Long> c) {
        return new Ranked(key, name, c.get("hazards"), c.get("majorHazards"), c.get("overdueHazards"), c.get("alarms"), c.get("accidents"));
    }

    public Warnings warnings(AnjianUser user) {
        requireReader(user);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, district.zone());
        List<OverdueMajor> overdue = hazards.overdueMajor(user.scope(), now, WARNING_LIMIT);
        List<ExpiringLicence> licences = enterprises.licencesExpiring(user.scope(), today, today.plusDays(LICENCE_WARNING_DAYS), WARNING_LIMIT);
        List<OpenAlarm> unreplied = alarms.open(user.scope()).stream().filter(a -> a.unrepliedAt(now)).limit(WARNING_LIMIT).toList();
        Map<UUID, String> names = new HashMap<>();
        unreplied.forEach(a -> lookup.find(a.enterpriseId()).ifPresent(e -> names.put(e.id(), e.name())));
        Map<UUID, String> townNames = new HashMap<>();
        organization.towns().forEach(r -> townNames.put(r.id(), r.name()));
        return new Warnings(overdue, licences, unreplied, names, townNames);
    }

    // ---- the bulletin's figures --------------------------------------------------------------------

    public record MonthReport(YearMonth month, String district, MonthFigures figures, Overview now, List<Ranked> towns, Warnings warnings) {
    }

    public MonthReport month(AnjianUser user, YearMonth month) {
        Analysis a = analysis(user);
        MonthFigures f = trends(user, null, month, month).months().get(0);
        return new MonthReport(month, organization.district().name(), f, a.overview(), a.towns(), a.warnings());
    }

    public ZoneId zone() {
        return district.zone();
    }

    public Instant now() {
        return clock.instant();
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
