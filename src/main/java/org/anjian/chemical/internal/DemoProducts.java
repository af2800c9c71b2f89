package org.anjian.chemical.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.anjian.chemical.internal.ChemicalCatalogue.ChemicalInput;
import org.anjian.chemical.internal.ChemicalLabels.Label;
import org.anjian.chemical.internal.EnterpriseProducts.ProductInput;
import org.anjian.enterprise.EnterpriseLookup;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.enterprise.Sector;
import org.anjian.shared.config.DistrictProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo district's catalogue entries with their label facts ({@code chemical/demo-catalogue.json})
 * and, for each demo hazchem enterprise, its products (一企一品一码) made from what its units hold,
 * reproducible from the enterprise's id; about one in four of an enterprise's further products is withdrawn, so that scanning a
 * withdrawn product's code can be tried on the demo.
 */
@Component
class DemoProducts {

    private static final Logger log = LoggerFactory.getLogger(DemoProducts.class);
    static final String CATALOGUE = "chemical/demo-catalogue.json";

    record Entry(String name, String cas, String un, boolean key, List<String> classes, String signal, List<String> pictograms, String hazards,
                 String precautions, String firstAid, String fire, String leak, List<List<String>> products) {
    }

    record File(String note, List<Entry> chemicals) {
    }

    private static final String[] WITHDRAWAL = {"停产，产品退出市场", "改用低毒替代品，停止使用", "储存设施改造，暂停经营"};

    private final EnterpriseProducts products;
    private final HazardUnits units;
    private final ChemicalRepository catalogue;
    private final LabelRepository lookup;
    private final ChemicalLabels labels;
    private final EnterpriseLookup enterprises;
    private final Clock clock;
    private final DistrictProperties district;

    DemoProducts(EnterpriseProducts products, HazardUnits units, ChemicalRepository catalogue, LabelRepository lookup, ChemicalLabels labels,
                 EnterpriseLookup enterprises, Clock clock, DistrictProperties district) {
        this.products = products;
        this.units = units;
        this.catalogue = catalogue;
        this.lookup = lookup;
        this.labels = labels;
        this.enterprises = enterprises;
        this.clock = clock;
        this.district = district;
    }

    static List<Entry> entries() {
        try (InputStream in = new ClassPathResource(CATALOGUE).getInputStream()) {
            return JsonMapper.builder().build().readValue(in, File.class).chemicals();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + CATALOGUE, e);
        }
    }

    /** The catalogue entries of the demo chemicals with their label facts, by name; added once. */
    Map<String, UUID> catalogue() {
        Map<String, UUID> ids = new HashMap<>();
        List<Entry> entries = entries();
        for (Entry e : entries) {
            UUID id = lookup.chemicalByCas(e.cas()).orElse(null);
            if (id == null) {
                id = UUID.randomUUID();
                catalogue.insert(id, new ChemicalInput(e.name(), e.cas(), e.un(), e.classes(), false, false, e.key()), clock.instant());
                labels.store(id, new Label(e.signal(), e.pictograms(), e.hazards(), e.precautions(), e.firstAid(), e.fire(), e.leak()));
            }
            ids.put(e.name(), id);
        }
        return ids;
    }

    void load(List<UUID> demoEnterprises, int limit) {
        Map<String, UUID> chemicals = catalogue();
        Map<String, Entry> byName = new HashMap<>();
        entries().forEach(e -> byName.put(e.name(), e));
        LocalDate today = LocalDate.now(clock.withZone(district.zone()));
        int enterprisesSeen = 0;
        int made = 0;
        int withdrawn = 0;
        for (UUID id : demoEnterprises) {
            if (enterprisesSeen >= limit) {
                break;
            }
            EnterpriseSummary e = enterprises.find(id).filter(x -> x.sector() == Sector.HAZCHEM).orElse(null);
            if (e == null) {
                continue;
            }
            enterprisesSeen++;
            if (products.hasProducts(id)) {
                continue;
            }
            Random random = new Random(UUID.nameUUIDFromBytes(("demo-product:" + id).getBytes(StandardCharsets.UTF_8)).getLeastSignificantBits());
            Map<String, Set<String>> roles = new HashMap<>();
            for (HazardUnits.UnitView u : units.ofEnterprise(id)) {
                for (HazardUnits.InventoryView i : u.inventories()) {
                    String name = i.substance().startsWith("某") ? i.substance().substring(1) : i.substance();
                    if (!chemicals.containsKey(name)) {
                        continue;
                    }
                    Set<String> r = roles.computeIfAbsent(name, k -> new LinkedHashSet<>());
                    if ("PRODUCTION".equals(u.kind())) {
                        r.add(random.nextBoolean() ? "PRODUCED" : "USED");
                    } else {
                        r.add("STORED");
                        if (random.nextInt(3) == 0) {
                            r.add("SOLD");
                        }
                    }
                }
            }
            if (roles.isEmpty()) {
                roles.put("甲醇", new LinkedHashSet<>(List.of("STORED", "USED")));
            }
            String phone = "023-4755" + String.format("%04d", random.nextInt(10_000));
            int index = 0;
            for (Map.Entry<String, Set<String>> r : roles.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
                List<List<String>> options = byName.get(r.getKey()).products();
                List<String> product = options.get(random.nextInt(options.size()));
                EnterpriseProducts.Stored stored = products.record(e, new ProductInput(id, chemicals.get(r.getKey()), product.get(0), product.get(1),
                        new ArrayList<>(r.getValue()), phone));
                made++;
                // an enterprise's first product stays active, so every demo enterprise has a code that scans as in use
                if (index++ > 0 && random.nextInt(4) == 0) {
                    products.withdrawForDemo(stored, WITHDRAWAL[random.nextInt(WITHDRAWAL.length)], today.minusDays(1 + random.nextInt(300)));
                    withdrawn++;
                }
            }
        }
        log.info("Demo chemical products for {} hazchem enterprises: {} products with codes, {} withdrawn", enterprisesSeen, made, withdrawn);
    }
}
