package org.anjian.chemical.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.anjian.chemical.ChemicalSupervisionDemo;
import org.anjian.chemical.domain.PipelineHazardKind;
import org.anjian.chemical.domain.PressureClass;
import org.anjian.chemical.domain.SystemState;
import org.anjian.chemical.internal.PipelineRepository.FuelUserRow;
import org.anjian.chemical.internal.PipelineRepository.PipelineRow;
import org.anjian.chemical.internal.StorageSites.SiteInput;
import org.anjian.chemical.internal.StorageSites.TankInput;
import org.anjian.enterprise.EnterpriseLookup;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.enterprise.Sector;
import org.anjian.hazard.HazardGrade;
import org.anjian.hazard.HazardManagement;
import org.anjian.hazard.HazardSource;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.organization.Region;
import org.anjian.shared.config.DistrictProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo district's key processes, storage sites (some with gaps in the 四个系统), pipelines with
 * hazards and fuel users, reproducible from each enterprise's id; then each hazchem enterprise's
 * chemical facts are announced so that its supervision class takes them in.
 */
@Component
class DemoSupervision implements ChemicalSupervisionDemo {

    private static final Logger log = LoggerFactory.getLogger(DemoSupervision.class);

    private final KeyProcesses processes;
    private final StorageSites sites;
    private final Pipelines pipelines;
    private final SupervisionRepository repository;
    private final PipelineRepository pipelineRepository;
    private final HazardManagement hazards;
    private final EnterpriseLookup enterprises;
    private final OrganizationDirectory organization;
    private final ChemicalFacts facts;
    private final Clock clock;
    private final ZoneId zone;
    private final JsonMapper json = JsonMapper.builder().build();

    DemoSupervision(KeyProcesses processes, StorageSites sites, Pipelines pipelines, SupervisionRepository repository,
                    PipelineRepository pipelineRepository, HazardManagement hazards, EnterpriseLookup enterprises,
                    OrganizationDirectory organization, ChemicalFacts facts, Clock clock, DistrictProperties district) {
        this.processes = processes;
        this.sites = sites;
        this.pipelines = pipelines;
        this.repository = repository;
        this.pipelineRepository = pipelineRepository;
        this.hazards = hazards;
        this.enterprises = enterprises;
        this.organization = organization;
        this.facts = facts;
        this.clock = clock;
        this.zone = district.zone();
    }

    private static final String[] PLANTS = {"一车间", "二车间", "合成装置", "精馏装置", "反应工段"};
    private static final String[][] SITE_KINDS = {
            {"LIQUEFIED_HYDROCARBON", "液化烃罐区", "液化石油气", "PRESSURE"},
            {"LIQUEFIED_HYDROCARBON", "丙烯球罐区", "丙烯", "PRESSURE"},
            {"OIL", "成品油罐区", "汽油", "ATMOSPHERIC"},
            {"OIL", "甲醇罐区", "甲醇", "ATMOSPHERIC"},
            {"GAS", "液氨储罐区", "液氨", "PRESSURE"}};

    @Override
    @Transactional
    public void load(List<UUID> demoEnterprises) {
        if (pipelines.hasPipelines()) {
            return;
        }
        List<EnterpriseSummary> hazchem = new ArrayList<>();
        for (UUID id : demoEnterprises) {
            enterprises.find(id).filter(e -> e.sector() == Sector.HAZCHEM).ifPresent(hazchem::add);
            if (hazchem.size() >= DemoUnits.ENTERPRISES) {
                break;
            }
        }
        int processCount = 0;
        int siteCount = 0;
        int gaps = 0;
        LocalDate today = LocalDate.now(clock.withZone(zone));
        var catalogue = processes.catalogue().processes();
        for (EnterpriseSummary e : hazchem) {
            Random random = new Random(UUID.nameUUIDFromBytes(("demo-chemical-supervision:" + e.id()).getBytes(StandardCharsets.UTF_8))
                    .getLeastSignificantBits());
            if (random.nextInt(100) < 30) {
                int n = 1 + random.nextInt(2);
                for (int i = 0; i < n; i++) {
                    var p = catalogue.get(random.nextInt(catalogue.size()));
                    processes.setForDemo(e, p.code(), PLANTS[random.nextInt(PLANTS.length)], random.nextInt(100) < 85, random.nextInt(100) < 70);
                    processCount++;
                }
            }
            if (random.nextInt(100) < 35) {
                String[] kind = SITE_KINDS[random.nextInt(SITE_KINDS.length)];
                List<TankInput> tanks = new ArrayList<>();
                int n = 2 + random.nextInt(3);
                for (int i = 0; i < n; i++) {
                    tanks.add(new TankInput("T-" + (101 + i), kind[2], BigDecimal.valueOf(kind[3].equals("PRESSURE") ? 100 + 50 * random.nextInt(8)
                            : 500 + 500 * random.nextInt(10)), kind[3]));
                }
                SystemState[] states = new SystemState[4];
                for (int i = 0; i < 4; i++) {
                    int roll = random.nextInt(100);
                    states[i] = roll < 82 ? SystemState.PRESENT : roll < 92 ? SystemState.OUT_OF_ORDER : SystemState.ABSENT;
                    gaps += states[i].isGap() ? 1 : 0;
                }
                UUID unit = repository.storageUnit(e.id()).orElse(null);
                sites.createForDemo(e, new SiteInput(e.id(), kind[1], kind[0], unit, states[0], states[1], states[2], states[3],
                        today.minusDays(random.nextInt(120)), tanks));
                siteCount++;
            }
        }
        int segments = pipelines(hazchem, today);
        int fuelUsers = fuelUsers();
        for (EnterpriseSummary e : hazchem) {
            facts.announce(e.id());
        }
        log.info("Demo chemical supervision: {} key processes, {} storage sites with {} gaps, {} pipeline segments, {} fuel users",
                processCount, siteCount, gaps, segments, fuelUsers);
    }

    private record Segment(String name, String medium, PressureClass pressureClass, String design, int diameter, String length, int town,
                           double[][] offsets, String operatorName) {
    }

    private static final List<Segment> SEGMENTS = List.of(
            new Segment("中缅天然气管道江津段", "NATURAL_GAS", PressureClass.HIGH, "10", 1016, "38.5", 0,
                    new double[][] {{-0.06, -0.05}, {-0.02, -0.02}, {0.02, 0.0}, {0.06, 0.03}}, "西南天然气管道运营公司"),
            new Segment("德感工业园中压燃气干管", "NATURAL_GAS", PressureClass.MEDIUM, "0.4", 315, "6.2", 1,
                    new double[][] {{-0.015, -0.01}, {0.0, 0.004}, {0.02, 0.012}}, null),
            new Segment("珞璜港成品油管道", "REFINED_OIL", PressureClass.HIGH, "6.3", 323, "12.8", 2,
                    new double[][] {{-0.03, 0.01}, {0.0, 0.0}, {0.03, -0.015}}, null),
            new Segment("双福次高压燃气管道", "NATURAL_GAS", PressureClass.SUB_HIGH, "1.6", 406, "9.4", 3,
                    new double[][] {{-0.02, 0.02}, {0.0, 0.0}, {0.015, -0.02}}, null),
            new Segment("白沙液化石油气输送管线", "LPG", PressureClass.SUB_HIGH, "1.2", 159, "3.1", 4,
                    new double[][] {{-0.01, 0.0}, {0.01, 0.006}}, null),
            new Segment("几江城区低压燃气支管", "NATURAL_GAS", PressureClass.LOW, "0.005", 110, "1.7", 5,
                    new double[][] {{-0.006, -0.004}, {0.0, 0.0}, {0.007, 0.003}}, null));

    private int pipelines(List<EnterpriseSummary> hazchem, LocalDate today) {
        List<Region> towns = organization.towns();
        if (towns.isEmpty()) {
            return 0;
        }
        int count = 0;
        List<UUID> withOperator = new ArrayList<>();
        for (int i = 0; i < SEGMENTS.size(); i++) {
            Segment s = SEGMENTS.get(i);
            Region town = towns.get(s.town() % towns.size());
            double lat = town.latitude() == null ? 29.1 : town.latitude();
            double lon = town.longitude() == null ? 106.2 : town.longitude();
            List<List<Double>> line = new ArrayList<>();
            for (double[] o : s.offsets()) {
                line.add(List.of(Math.round((lon + o[0]) * 1e6) / 1e6, Math.round((lat + o[1]) * 1e6) / 1e6));
            }
            EnterpriseSummary operator = s.operatorName() != null || hazchem.isEmpty() ? null : hazchem.get((i * 7) % hazchem.size());
            UUID id = UUID.nameUUIDFromBytes(("demo-pipeline:" + i).getBytes(StandardCharsets.UTF_8));
            pipelines.createForDemo(new PipelineRow(id, operator == null ? null : operator.id(),
                    operator == null ? (s.operatorName() == null ? "江津区燃气公司" : s.operatorName()) : null, town.id(),
                    operator == null ? null : operator.parkId(), operator == null ? null : operator.sector().name(), s.name(), s.medium(),
                    s.pressureClass(), new BigDecimal(s.design()), s.diameter(), new BigDecimal(s.length()),
                    json.writeValueAsString(java.util.Map.of("type", "LineString", "coordinates", line)), 0));
            if (operator != null) {
                withOperator.add(id);
            }
            count++;
        }
        // hazards: an occupation and a corrosion fed into the loop, a third-party construction on the segment without a registry operator
        Object[][] found = {
                {0, PipelineHazardKind.OCCUPATION, "K12+300", "管道中心线两侧5米内新建简易房屋占压", HazardGrade.GENERAL, 20},
                {1, PipelineHazardKind.CORROSION, "3号阀井", "阀井内管段外防腐层破损，局部锈蚀", HazardGrade.GENERAL, 30},
                {2, PipelineHazardKind.LEAK, "站场出站阀组", "法兰密封处检测到微量泄漏", HazardGrade.MAJOR, 7},
                {-1, PipelineHazardKind.THIRD_PARTY_CONSTRUCTION, "K25+800", "市政道路施工机械在管道保护范围内开挖", HazardGrade.GENERAL, 10}};
        for (Object[] f : found) {
            int index = (Integer) f[0];
            UUID pipelineId = index < 0 ? UUID.nameUUIDFromBytes("demo-pipeline:0".getBytes(StandardCharsets.UTF_8))
                    : index < withOperator.size() ? withOperator.get(index) : null;
            if (pipelineId == null) {
                continue;
            }
            PipelineRow row = pipelineRepository.find(pipelineId, org.anjian.organization.ScopeConditions.Condition.ALWAYS).orElseThrow();
            PipelineHazardKind kind = (PipelineHazardKind) f[1];
            UUID hazardRowId = UUID.nameUUIDFromBytes(("demo-pipeline-hazard:" + pipelineId + kind).getBytes(StandardCharsets.UTF_8));
            LocalDate deadline = today.plusDays((Integer) f[5]);
            UUID hazardId = row.enterpriseId() == null ? null
                    : hazards.registerFrom(HazardSource.INSPECTION, "chemical-pipeline-hazard:" + hazardRowId, row.enterpriseId(), (HazardGrade) f[4],
                    row.name() + " " + f[2], "【油气管道" + (kind.external() ? "外部" : "本体") + "隐患】" + f[3], null, "张执法",
                    deadline.atTime(18, 0).atZone(zone).toInstant());
            pipelineRepository.insertHazard(new PipelineRepository.HazardRow(hazardRowId, pipelineId, kind, (String) f[2], (String) f[3],
                    ((HazardGrade) f[4]).name(), today.minusDays(3), deadline, hazardId, null), clock.instant());
        }
        return count;
    }

    private int fuelUsers() {
        List<Region> towns = organization.towns();
        String[] names = {"老码头火锅店", "江津米花糖食品厂食堂", "几江酒楼", "德感小面馆", "双福职业学校食堂", "珞璜烧烤城", "白沙豆花饭庄", "支坪农家乐",
                "圣泉养老院食堂", "滨江路烤鱼店", "鼎山快餐店", "油溪河鲜馆"};
        String[] fuels = {"LPG", "ALCOHOL_FUEL", "PIPED_GAS"};
        int count = 0;
        for (int i = 0; i < names.length && !towns.isEmpty(); i++) {
            Region town = towns.get(i % towns.size());
            pipelines.addFuelUserForDemo(new FuelUserRow(UUID.nameUUIDFromBytes(("demo-fuel-user:" + i).getBytes(StandardCharsets.UTF_8)), null,
                    town.id(), names[i], town.name() + "主街" + (10 + i * 3) + "号", fuels[i % fuels.length], i == 1 || i == 4 ? "OTHER" : "CATERING",
                    i % 4 != 2, LocalDate.now(clock.withZone(zone)).minusDays(15L * i)));
            count++;
        }
        return count;
    }
}
