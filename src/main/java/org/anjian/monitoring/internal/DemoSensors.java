package org.anjian.monitoring.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.anjian.chemical.HazardUnitDirectory;
import org.anjian.chemical.HazardUnitDirectory.HazardUnitRef;
import org.anjian.enterprise.EnterpriseLookup;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.enterprise.Sector;
import org.anjian.monitoring.MonitoringDemo;
import org.anjian.monitoring.domain.MonitoredObject;
import org.anjian.monitoring.domain.SensorKind;
import org.anjian.monitoring.internal.Ingestion.ReadingInput;
import org.anjian.monitoring.internal.Ingestion.Sender;
import org.anjian.monitoring.internal.SensorRepository.SensorRow;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.DataScope;
import org.anjian.shared.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo district's monitoring: a level, a temperature and a combustible gas sensor (GB/T 50493-2019
 * 5.5.2: level 1 at 25 %LEL, level 2 at 50 %LEL) on each of up to 40 major hazard sources, a pipeline
 * pressure sensor on a few; the last six hours of readings every ten minutes; and alarms in each
 * state of the life cycle. Reproducible from the enterprises' ids; loaded once.
 */
@Component
class DemoSensors implements MonitoringDemo {

    private static final Logger log = LoggerFactory.getLogger(DemoSensors.class);
    static final int SOURCES = 40;
    static final Sender DISTRICT = new Sender("demo", null, e -> true);

    private final Sensors sensors;
    private final SensorRepository repository;
    private final HazardUnitDirectory units;
    private final EnterpriseLookup enterprises;
    private final Ingestion ingestion;
    private final Alarms alarms;
    private final AlarmRepository alarmRepository;
    private final TransactionTemplate tx;
    private final Clock clock;
    private DutyRepository duties;
    private java.time.ZoneId zone = java.time.ZoneId.systemDefault();

    /** The 包保 duty records of the demo and the district's zone (set by Spring). */
    @org.springframework.beans.factory.annotation.Autowired
    void setDuties(DutyRepository duties, org.anjian.shared.config.DistrictProperties district) {
        this.duties = duties;
        this.zone = district.zone();
    }

    DemoSensors(Sensors sensors, SensorRepository repository, HazardUnitDirectory units, EnterpriseLookup enterprises, Ingestion ingestion,
                Alarms alarms, AlarmRepository alarmRepository, TransactionTemplate tx, Clock clock) {
        this.sensors = sensors;
        this.repository = repository;
        this.units = units;
        this.enterprises = enterprises;
        this.ingestion = ingestion;
        this.alarms = alarms;
        this.alarmRepository = alarmRepository;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void load(List<UUID> demoEnterprises) {
        List<UUID> made = new ArrayList<>();
        int sources = 0;
        for (UUID id : demoEnterprises) {
            if (sources >= SOURCES) {
                break;
            }
            EnterpriseSummary e = enterprises.find(id).filter(x -> x.sector() == Sector.HAZCHEM).orElse(null);
            if (e == null) {
                continue;
            }
            List<HazardUnitRef> majors = units.ofEnterprise(id).stream().filter(HazardUnitRef::major).toList();
            if (majors.isEmpty()) {
                continue;
            }
            sources += majors.size();
            if (repository.hasSensors(id)) {
                continue;
            }
            demoDuties(e, majors, sources);
            tx.executeWithoutResult(s -> {
                int n = 0;
                for (HazardUnitRef u : majors) {
                    n++;
                    made.add(sensors.createForDemo(e, new Sensors.SensorInput(id, "LT-" + n + "01", u.name() + " 储罐液位", SensorKind.LEVEL, "%", u.id(),
                            null, null, 95.0, 85.0, 15.0, 5.0, 10.0, 60, true)));
                    made.add(sensors.createForDemo(e, new Sensors.SensorInput(id, "TT-" + n + "01", u.name() + " 温度", SensorKind.TEMPERATURE, "℃", u.id(),
                            null, null, 60.0, 45.0, null, null, 5.0, 60, true)));
                    made.add(sensors.createForDemo(e, new Sensors.SensorInput(id, "GT-" + n + "01", u.name() + " 可燃气体", SensorKind.COMBUSTIBLE_GAS, "%LEL",
                            u.id(), null, null, 50.0, 25.0, null, null, null, 60, true)));
                }
                if (made.size() % 4 == 0) {
                    made.add(sensors.createForDemo(e, new Sensors.SensorInput(id, "PT-901", "厂外输送管道压力", SensorKind.PRESSURE, "MPa", null,
                            MonitoredObject.PIPELINE_SEGMENT, "厂区至码头管道 K0+000～K1+200", 2.5, 2.2, 0.3, 0.2, 0.5, 60, true)));
                }
            });
        }
        if (made.isEmpty()) {
            return;
        }
        readings(made);
        alarmsInEachState(made);
        log.info("Demo monitoring: {} sensors on {} major hazard sources, with readings and alarms", made.size(), sources);
    }

    /**
     * 包保 duties on the enterprise's major hazard sources: the operational custodian 2 to 11 days ago and the technical one 10 to
     * 120 days ago, so that some are within their cadence (a week, a quarter) and some are not.
     */
    private void demoDuties(EnterpriseSummary e, List<HazardUnitRef> majors, int salt) {
        if (duties == null) {
            return;
        }
        java.time.LocalDate today = java.time.LocalDate.ofInstant(clock.instant(), zone);
        int k = salt;
        for (HazardUnitRef u : majors) {
            k++;
            for (HazardUnitDirectory.CustodianRef c : units.custodians(u.id())) {
                java.time.LocalDate day = switch (c.role()) {
                    case "OPERATIONAL" -> today.minusDays(2 + k % 10);
                    case "TECHNICAL" -> today.minusDays(10 + (k * 37) % 111);
                    default -> today.minusDays(30 + k % 60);
                };
                String problems = k % 3 == 0 ? "储罐区可燃气体探测器1台标定过期，已要求一周内完成标定" : null;
                duties.insert(new Duties.DutyView(UUID.nameUUIDFromBytes(("demo-duty:" + u.id() + c.role()).getBytes(StandardCharsets.UTF_8)), e.id(),
                        u.id(), u.name(), c.role(), c.name(), day, "对重大危险源开展安全风险隐患排查，检查监测监控设施和安全联锁投用情况", problems,
                        clock.instant()), e.townId(), e.parkId(), e.sector() == null ? null : e.sector().name(), null);
            }
        }
    }

    /** Six hours of normal readings every ten minutes: mid-range with a little noise. */
    private void readings(List<UUID> made) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        List<ReadingInput> batch = new ArrayList<>();
        for (UUID id : made) {
            SensorRow s = repository.find(id).orElseThrow();
            Random random = new Random(UUID.nameUUIDFromBytes(("demo-monitoring:" + id).getBytes(StandardCharsets.UTF_8)).getLeastSignificantBits());
            for (int i = 36; i >= 0; i--) {
                batch.add(new ReadingInput(id.toString(), now.minus(Duration.ofMinutes(10L * i)), normal(s.kind(), random), s.unit()));
            }
            if (batch.size() > 2000) {
                ingestion.ingest(DISTRICT, batch);
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            ingestion.ingest(DISTRICT, batch);
        }
    }

    static double normal(SensorKind kind, Random random) {
        double v = switch (kind) {
            case LEVEL -> 50 + random.nextGaussian() * 3;
            case TEMPERATURE -> 25 + random.nextGaussian();
            case COMBUSTIBLE_GAS -> Math.abs(random.nextGaussian());
            case PRESSURE -> 1.2 + random.nextGaussian() * 0.03;
            default -> 10 + random.nextGaussian();
        };
        return Math.round(v * 100) / 100.0;
    }

    /** Gas alarms on the first eight sensors of that kind, left in each state: two raised, two acknowledged, two disposed, two cleared. */
    /**
     * When the demo's alarm reading of a sensor is taken: 30 s ago, but always after the sensor's last stored reading. The
     * six hours of normal readings end on the minute; when the demo reached this step within 30 s of that minute
     * (which depends only on how fast the machine was), "30 s ago" fell on a stored reading's time, the alarm reading
     * was taken for a redelivery, stored once, raised nothing, and the demo failed looking for its alarm.
     */
    static Instant alarmReadingAt(Instant now, Instant lastReadAt) {
        Instant at = now.minusSeconds(30);
        return lastReadAt != null && !at.isAfter(lastReadAt) ? lastReadAt.plusSeconds(1) : at;
    }

    private void alarmsInEachState(List<UUID> made) {
        AnjianUser demo = new AnjianUser(UUID.nameUUIDFromBytes("demo-monitoring-user".getBytes(StandardCharsets.UTF_8)), "demo-monitoring",
                "企业值班员（演示）", EnumSet.of(Role.DISTRICT_ADMIN), DataScope.DISTRICT, null, true, false);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        int n = 0;
        for (UUID id : made) {
            SensorRow s = repository.find(id).orElseThrow();
            if (s.kind() != SensorKind.COMBUSTIBLE_GAS || n >= 8) {
                continue;
            }
            ingestion.ingest(DISTRICT, List.of(new ReadingInput(id.toString(), alarmReadingAt(now, s.lastReadAt()), n % 3 == 0 ? 55.0 : 31.0, "%LEL")));
            var open = alarmRepository.search(org.anjian.organization.ScopeConditions.Condition.ALWAYS,
                    new AlarmRepository.Filter(null, true, null, null, null, id), org.anjian.shared.web.PageRequest.of(0, 1)).items();
            if (open.isEmpty()) {
                // not expected any more (see alarmReadingAt); a demo sensor without its alarm is no reason to stop the demo
                log.warn("Demo monitoring: no open alarm on sensor {} after its alarm reading", id);
                continue;
            }
            UUID alarm = open.get(0).alarm().id();
            int stage = n / 2;
            if (stage >= 1) {
                alarms.acknowledge(demo, alarm, new Alarms.Note("已到现场，便携式检测仪复测确认"));
            }
            if (stage >= 2) {
                alarms.dispose(demo, alarm, new Alarms.Note("法兰垫片渗漏，已紧固并更换垫片，复测0%LEL"));
            }
            if (stage >= 3) {
                alarms.clear(demo, alarm);
            }
            n++;
        }
    }
}
