package org.anjian.risk.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.organization.Region;
import org.anjian.risk.RiskLevel;
import org.anjian.risk.internal.PostCards;
import org.anjian.risk.internal.PostRecord;
import org.anjian.risk.internal.RiskPointRecord;
import org.anjian.risk.internal.RiskRepository;
import org.anjian.risk.internal.RiskService;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.CurrentUser;
import org.anjian.shared.security.ScopeKind;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The risk pages: the district's four-colour map for officials, an enterprise's four-colour picture,
 * a post's 两单两卡 (viewed, edited, printed). Phones first: one column at 375 px.
 */
@Controller
@RequestMapping("/risk")
class RiskPageController {

    static final String DISTRICT = "risk/district";
    static final String ENTERPRISE = "risk/enterprise";
    static final String POST = "risk/post";

    private final RiskService service;
    private final OrganizationDirectory organization;
    private final MessageSource messages;
    private final PostCards cards;

    /** Enough for a district; the map stays quick to draw on a phone. */
    static final int MAP_ENTERPRISES = 2000;
    private final org.anjian.enterprise.EnterpriseLookup enterpriseLookup;

    RiskPageController(RiskService service, OrganizationDirectory organization, MessageSource messages, PostCards cards,
                       org.anjian.enterprise.EnterpriseLookup enterpriseLookup) {
        this.enterpriseLookup = enterpriseLookup;
        this.service = service;
        this.organization = organization;
        this.messages = messages;
        this.cards = cards;
    }

    /** An enterprise user lands on its own picture; everybody else on the district map. */
    @GetMapping
    String home() {
        AnjianUser user = CurrentUser.require();
        if (user.scope().kind() == ScopeKind.ENTERPRISE) {
            return "redirect:/risk/enterprises/" + user.scope().id();
        }
        return "redirect:/risk/map";
    }

    @GetMapping("/map")
    String district(@RequestParam(required = false) UUID regionId, Model model) {
        AnjianUser user = CurrentUser.require();
        List<UUID> regions = regionId == null ? null : List.copyOf(organization.regionAndDescendants(regionId));
        model.addAttribute("towns", organization.townsForCurrentUser());
        model.addAttribute("regionId", regionId);
        model.addAttribute("enterprises", service.enterprisesByRisk(user, regions, 50));
        model.addAttribute("townNames", townNames());
        model.addAttribute("levels", RiskLevel.values());
        return DISTRICT;
    }

    /** A town with its live risk points per level and the colour of its highest level. */
    record TownRisk(UUID id, String name, Double lat, Double lon, Map<RiskLevel, Long> counts, RiskLevel highest, String colour) {
    }

    record LevelInfo(String name, String label, String colour) {
    }

    /** Every town's centre and name, so the map without tiles still shows where the district is. */
    record TownLabel(UUID id, String name, Double lat, Double lon) {
    }

    /** An enterprise at its position, coloured by its highest live risk point (the district's four-colour map). */
    record EnterpriseDot(UUID id, String name, double lat, double lon, RiskLevel highest, String colour) {
    }

    record DistrictData(List<TownRisk> towns, List<TownLabel> labels, List<LevelInfo> levels, List<EnterpriseDot> enterprises) {
    }

    @GetMapping("/map/data")
    @ResponseBody
    DistrictData districtData() {
        AnjianUser user = CurrentUser.require();
        Map<UUID, Map<RiskLevel, Long>> byTown = new LinkedHashMap<>();
        for (RiskRepository.TownLevelCount c : service.countsByTown(user)) {
            if (c.townId() != null) {
                byTown.computeIfAbsent(c.townId(), k -> new EnumMap<>(RiskLevel.class)).merge(c.level(), c.count(), Long::sum);
            }
        }
        List<TownRisk> towns = new ArrayList<>();
        List<TownLabel> labels = new ArrayList<>();
        for (Region t : organization.towns()) {
            labels.add(new TownLabel(t.id(), t.name(), t.latitude(), t.longitude()));
            Map<RiskLevel, Long> counts = new EnumMap<>(RiskLevel.class);
            for (RiskLevel l : RiskLevel.values()) {
                counts.put(l, byTown.getOrDefault(t.id(), Map.of()).getOrDefault(l, 0L));
            }
            RiskLevel highest = Arrays.stream(RiskLevel.values()).filter(l -> counts.get(l) > 0).findFirst().orElse(null);
            if (highest != null) {
                towns.add(new TownRisk(t.id(), t.name(), t.latitude(), t.longitude(), counts, highest, highest.colour()));
            }
        }
        towns.sort(Comparator.comparingLong((TownRisk t) -> t.counts().get(RiskLevel.MAJOR) * 1000 + t.counts().get(RiskLevel.HIGH)).reversed());
        List<LevelInfo> levels = Arrays.stream(RiskLevel.values())
                .map(l -> new LevelInfo(l.name(), messages.getMessage("risk.level." + l, null, LocaleContextHolder.getLocale()), l.colour()))
                .toList();
        List<EnterpriseDot> dots = new ArrayList<>();
        List<RiskRepository.EnterpriseRisk> risky = service.enterprisesByRisk(user, null, MAP_ENTERPRISES);
        // one look-up for the positions of all of them (one per enterprise took 2,000 queries at district scale)
        Map<UUID, org.anjian.enterprise.EnterpriseSummary> positions = enterpriseLookup.findAll(risky.stream().map(RiskRepository.EnterpriseRisk::enterpriseId).toList());
        for (RiskRepository.EnterpriseRisk e : risky) {
            java.util.Optional.ofNullable(positions.get(e.enterpriseId())).filter(s -> s.latitude() != null && s.longitude() != null)
                    .ifPresent(s -> dots.add(new EnterpriseDot(e.enterpriseId(), e.enterpriseName(), s.latitude(), s.longitude(), e.highest(),
                            e.highest().colour())));
        }
        return new DistrictData(towns, labels, levels, dots);
    }

    /** A unit (风险单元) of an enterprise with its points; the unit takes the colour of its highest point. */
    record Unit(String name, RiskLevel highest, List<RiskPointRecord> points) {
    }

    @GetMapping("/enterprises/{id}")
    String enterprise(@PathVariable UUID id, Model model) {
        AnjianUser user = CurrentUser.require();
        EnterpriseSummary enterprise = service.enterprise(user, id);
        List<RiskPointRecord> points = service.pointsOfEnterprise(user, id);
        Map<String, List<RiskPointRecord>> byUnit = new LinkedHashMap<>();
        points.forEach(p -> byUnit.computeIfAbsent(p.unitName(), k -> new ArrayList<>()).add(p));
        List<Unit> units = byUnit.entrySet().stream()
                .map(e -> new Unit(e.getKey(), e.getValue().stream().map(p -> p.assessment().level()).min(Comparator.naturalOrder()).orElseThrow(),
                        e.getValue()))
                .sorted(Comparator.comparing(Unit::highest).thenComparing(Unit::name))
                .toList();
        Map<RiskLevel, Long> counts = new EnumMap<>(RiskLevel.class);
        for (RiskLevel l : RiskLevel.values()) {
            counts.put(l, points.stream().filter(p -> p.assessment().level() == l).count());
        }
        model.addAttribute("enterprise", enterprise);
        model.addAttribute("units", units);
        model.addAttribute("total", points.size());
        model.addAttribute("counts", counts);
        model.addAttribute("levels", RiskLevel.values());
        model.addAttribute("posts", service.posts(user, id));
        model.addAttribute("canEdit", RiskService.canWrite(user));
        model.addAttribute("townName", enterprise.townId() == null ? "" : organization.region(enterprise.townId()).map(Region::name).orElse(""));
        return ENTERPRISE;
    }

    @GetMapping("/posts/{id}")
    String post(@PathVariable UUID id, @RequestParam(required = false) Boolean saved, Model model) {
        AnjianUser user = CurrentUser.require();
        PostRecord post = service.post(user, id);
        return postPage(user, post, texts(post.name(), post.workshop(), post.duties(), post.operationSteps(), post.prohibitions(),
                post.emergencyMeasures(), post.emergencyContacts()), null, Boolean.TRUE.equals(saved), model);
    }

    /** The printed cards for a signed-in browser; the API's twin serves token clients. */
    @GetMapping(value = "/posts/{id}/cards.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @ResponseBody
    ResponseEntity<byte[]> cardsPdf(@PathVariable UUID id) {
        AnjianUser user = CurrentUser.require();
        PostRecord post = service.post(user, id);
        String pageUrl = ServletUriComponentsBuilder.fromCurrentContextPath().path("/risk/posts/{id}").buildAndExpand(id).toUriString();
        byte[] pdf = cards.render(post, service.postRisks(user, id), pageUrl);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename("cards-" + id + ".pdf").build().toString())
                .body(pdf);
    }

    /** The form's values: the stored lists, or what was just typed when it is shown again with errors. */
    private static Map<String, String> texts(String name, String workshop, List<String> duties, List<String> steps, List<String> prohibitions,
                                             List<String> measures, List<String> contacts) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("workshop", workshop == null ? "" : workshop);
        m.put("duties", String.join("\n", duties));
        m.put("operationSteps", String.join("\n", steps));
        m.put("prohibitions", String.join("\n", prohibitions));
        m.put("emergencyMeasures", String.join("\n", measures));
        m.put("emergencyContacts", String.join("\n", contacts));
        return m;
    }

    private String postPage(AnjianUser user, PostRecord post, Map<String, String> texts, Map<String, String> errors, boolean saved, Model model) {
        model.addAttribute("post", post);
        model.addAttribute("texts", texts);
        model.addAttribute("risks", service.postRisks(user, post.id()));
        model.addAttribute("canEdit", RiskService.canWrite(user) && !post.retired());
        model.addAttribute("errors", errors == null ? Map.of() : errors);
        model.addAttribute("saved", saved);
        return POST;
    }

    /** The cards' form: one textarea per list, one entry per line, as people write them on paper. */
    @PostMapping("/posts/{id}")
    String savePost(@PathVariable UUID id, @RequestParam String name, @RequestParam(required = false) String workshop,
                    @RequestParam(defaultValue = "") String duties, @RequestParam(defaultValue = "") String operationSteps,
                    @RequestParam(defaultValue = "") String prohibitions, @RequestParam(defaultValue = "") String emergencyMeasures,
                    @RequestParam(defaultValue = "") String emergencyContacts, Model model) {
        AnjianUser user = CurrentUser.require();
        PostRecord before = service.post(user, id);
        RiskService.PostInput input = new RiskService.PostInput(before.enterpriseId(), name, workshop, lines(duties), lines(operationSteps),
                lines(prohibitions), lines(emergencyMeasures), lines(emergencyContacts));
        try {
            service.updatePost(user, id, input);
        } catch (DomainException e) {
            if (e.fieldErrors().isEmpty()) {
                throw e;
            }
            Map<String, String> errors = new LinkedHashMap<>();
            e.fieldErrors().forEach(f -> errors.putIfAbsent(f.field(),
                    messages.getMessage(f.code(), null, f.defaultMessage(), LocaleContextHolder.getLocale())));
            return postPage(user, before, texts(name, workshop, input.duties(), input.operationSteps(), input.prohibitions(),
                    input.emergencyMeasures(), input.emergencyContacts()), errors, false, model);
        }
        return "redirect:/risk/posts/" + id + "?saved=true";
    }

    private Map<UUID, String> townNames() {
        Map<UUID, String> names = new LinkedHashMap<>();
        organization.regions().forEach(r -> names.put(r.id(), r.name()));
        return names;
    }

    static List<String> lines(String text) {
        return text.lines().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
