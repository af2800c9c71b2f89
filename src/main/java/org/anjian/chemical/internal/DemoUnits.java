package org.anjian.chemical.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.anjian.chemical.ChemicalDemo;
import org.anjian.chemical.internal.HazardUnits.Custodian;
import org.anjian.chemical.internal.HazardUnits.Custodians;
import org.anjian.chemical.internal.HazardUnits.UnitInput;
import org.anjian.chemical.internal.MajorHazardAssessment.SubstanceInput;
import org.anjian.enterprise.EnterpriseLookup;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.enterprise.Sector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Storage and production units of the demo district's hazchem enterprises, reproducible from each enterprise's id. */
@Component
class DemoUnits implements ChemicalDemo {

    private static final Logger log = LoggerFactory.getLogger(DemoUnits.class);
    static final int ENTERPRISES = 150;

    private final HazardUnits units;
    private final EnterpriseLookup enterprises;
    private final DemoProducts products;

    DemoUnits(HazardUnits units, EnterpriseLookup enterprises, DemoProducts products) {
        this.units = units;
        this.enterprises = enterprises;
        this.products = products;
    }

    /** A kind of unit: its name, kind and the substances with their range of maximum tonnes. */
    private record Template(String name, String kind, Object[][] substances) {
    }

    private static final List<Template> TEMPLATES = List.of(
            new Template("液氨储罐区", "STORAGE", new Object[][] {{"氨", 4, 60}}),
            new Template("液氯钢瓶库", "STORAGE", new Object[][] {{"氯", 1, 25}}),
            new Template("液化石油气储罐区", "STORAGE", new Object[][] {{"液化石油气", 20, 260}}),
            new Template("甲醇储罐区", "STORAGE", new Object[][] {{"甲醇", 150, 1800}}),
            new Template("成品油库", "STORAGE", new Object[][] {{"汽油", 40, 700}, {"某柴油", "W5.4", 200, 3000}}),
            new Template("苯类储罐区", "STORAGE", new Object[][] {{"苯", 10, 160}, {"甲苯", 100, 900}}),
            new Template("加氢装置", "PRODUCTION", new Object[][] {{"氢", 1, 9}, {"甲醇", 40, 400}}),
            new Template("溶剂仓库", "STORAGE", new Object[][] {{"乙酸乙酯", 60, 900}, {"丙酮", 50, 700}}),
            new Template("光气化装置", "PRODUCTION", new Object[][] {{"碳酰氯", 0.05, 1.2}, {"氯", 1, 8}}));
    private static final int[] PEOPLE = {0, 12, 36, 64, 150, 420};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙"};
    private static final String[] GIVEN = {"建国", "明", "华", "强", "志刚", "海燕", "丽", "伟", "军", "平", "磊", "静"};

    @Override
    @Transactional
    public void load(List<UUID> demoEnterprises) {
        int loaded = 0;
        int sources = 0;
        for (UUID id : demoEnterprises) {
            if (loaded >= ENTERPRISES) {
                break;
            }
            EnterpriseSummary e = enterprises.find(id).filter(x -> x.sector() == Sector.HAZCHEM).orElse(null);
            if (e == null) {
                continue;
            }
            loaded++;
            if (units.hasUnits(id)) {
                continue;
            }
            Random random = new Random(UUID.nameUUIDFromBytes(("demo-chemical:" + id).getBytes(StandardCharsets.UTF_8)).getLeastSignificantBits());
            int count = 1 + random.nextInt(3);
            for (int u = 0; u < count; u++) {
                Template t = TEMPLATES.get(random.nextInt(TEMPLATES.size()));
                List<SubstanceInput> inventories = new ArrayList<>();
                for (Object[] s : t.substances()) {
                    boolean byClass = s.length == 4;
                    double min = ((Number) s[byClass ? 2 : 1]).doubleValue();
                    double max = ((Number) s[byClass ? 3 : 2]).doubleValue();
                    BigDecimal tonnes = BigDecimal.valueOf(min + random.nextDouble() * (max - min)).setScale(2, java.math.RoundingMode.HALF_UP);
                    inventories.add(new SubstanceInput((String) s[0], null, byClass ? (String) s[1] : null, tonnes));
                }
                UnitInput in = new UnitInput(id, (count > 1 ? (u + 1) + "号" : "") + t.name(), t.kind(), PEOPLE[random.nextInt(PEOPLE.length)],
                        new Custodians(person(random), person(random), person(random)), inventories);
                if (units.recordForDemo(e, in)) {
                    sources++;
                }
            }
        }
        log.info("Demo chemical units for {} hazchem enterprises; {} major hazard sources", loaded, sources);
        products.load(demoEnterprises, ENTERPRISES);
    }

    private static Custodian person(Random random) {
        return new Custodian(SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)],
                "139" + String.format("%08d", random.nextInt(100_000_000)));
    }
}
