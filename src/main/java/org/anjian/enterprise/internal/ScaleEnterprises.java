package org.anjian.enterprise.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.anjian.enterprise.EnterpriseScaleData;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.enterprise.OperatingStatus;
import org.anjian.enterprise.RiskFlag;
import org.anjian.enterprise.Scale;
import org.anjian.enterprise.Sector;
import org.anjian.enterprise.SubSector;
import org.anjian.enterprise.SupervisionClass;
import org.anjian.enterprise.domain.CreditCode;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.organization.Region;
import org.anjian.organization.RegionKind;
import org.anjian.shared.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * District-scale enterprises: the demo's distributions (towns, parks, sub-sectors, scales, flags, statuses, names,
 * valid credit codes) drawn in Java with a fixed seed, written 5,000 rows per {@code insert … select from unnest(…)},
 * then classified by the rule set in force like an import.
 */
@Component
class ScaleEnterprises implements EnterpriseScaleData {

    private static final Logger log = LoggerFactory.getLogger(ScaleEnterprises.class);
    private static final int CHUNK = 5_000;

    private final JdbcClient jdbc;
    private final OrganizationDirectory organization;
    private final ClassificationService classification;
    private final AuditTrail audit;
    private final Clock clock;

    ScaleEnterprises(JdbcClient jdbc, OrganizationDirectory organization, ClassificationService classification, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.organization = organization;
        this.classification = classification;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public List<EnterpriseSummary> generate(int total) {
        long existing = jdbc.sql("select count(*) from ent_enterprise").query(Long.class).single();
        List<Region> towns = organization.towns();
        if (existing < total && !towns.isEmpty()) {
            long start = System.nanoTime();
            insert((int) existing, (int) (total - existing), towns);
            jdbc.sql("analyze ent_enterprise").update();
            int classified = classification.reclassifyAll("SCALE");
            audit.recordAs("system", null, "SCALE_DATA_GENERATED", "enterprise", "scale", null, Map.of("enterprises", total - existing));
            log.info("district scale: {} enterprises generated, {} classified in {} ms", total - existing, classified, (System.nanoTime() - start) / 1_000_000);
        }
        return jdbc.sql("select id, credit_code, name, town_id, park_id, sector, sub_sector, scale, status, supervision_class, latitude, longitude"
                        + " from ent_enterprise order by id")
                .query((rs, n) -> new EnterpriseSummary(rs.getObject("id", UUID.class), rs.getString("credit_code"), rs.getString("name"),
                        rs.getObject("town_id", UUID.class), rs.getObject("park_id", UUID.class), Sector.valueOf(rs.getString("sector")),
                        SubSector.valueOf(rs.getString("sub_sector")), Scale.valueOf(rs.getString("scale")), OperatingStatus.valueOf(rs.getString("status")),
                        Set.of(), rs.getString("supervision_class") == null ? null : SupervisionClass.valueOf(rs.getString("supervision_class")),
                        (Double) rs.getObject("latitude"), (Double) rs.getObject("longitude")))
                .list();
    }

    private void insert(int offset, int count, List<Region> towns) {
        Random rnd = new Random(DemoEnterprises.SEED + offset);
        Map<UUID, List<Region>> parks = new HashMap<>();
        organization.regions().stream().filter(r -> r.kind() == RegionKind.PARK)
                .forEach(p -> parks.computeIfAbsent(p.parentId(), k -> new ArrayList<>()).add(p));
        Set<String> codes = new java.util.HashSet<>(jdbc.sql("select credit_code from ent_enterprise").query(String.class).list());
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        for (int from = 0; from < count; from += CHUNK) {
            int n = Math.min(CHUNK, count - from);
            UUID[] id = new UUID[n];
            String[] code = new String[n];
            String[] name = new String[n];
            String[] legal = new String[n];
            String[] address = new String[n];
            String[] phone = new String[n];
            Double[] lat = new Double[n];
            Double[] lon = new Double[n];
            UUID[] town = new UUID[n];
            UUID[] park = new UUID[n];
            String[] sector = new String[n];
            String[] sub = new String[n];
            String[] scale = new String[n];
            Integer[] employees = new Integer[n];
            String[] status = new String[n];
            String[] flags = new String[n];
            String[] grade = new String[n];
            Integer[] accidents = new Integer[n];
            Integer[] enforcement = new Integer[n];
            for (int k = 0; k < n; k++) {
                int i = offset + from + k + 1;
                Region t = towns.get(rnd.nextInt(towns.size()));
                SubSector s = DemoEnterprises.subSector(rnd);
                Scale sc = DemoEnterprises.scale(rnd, s);
                Set<RiskFlag> f = s == null ? EnumSet.noneOf(RiskFlag.class) : DemoEnterprises.flags(rnd, s);
                String c;
                do {
                    StringBuilder sb = new StringBuilder("91500116");
                    for (int d = 0; d < 9; d++) {
                        sb.append(CreditCode.ALPHABET.charAt(rnd.nextInt(CreditCode.ALPHABET.length())));
                    }
                    c = CreditCode.complete(sb.toString());
                } while (!codes.add(c));
                List<Region> townParks = parks.getOrDefault(t.id(), List.of());
                Region p = !townParks.isEmpty() && rnd.nextInt(10) < 4 ? townParks.get(rnd.nextInt(townParks.size())) : null;
                double baseLat = p != null && p.latitude() != null ? p.latitude() : t.latitude() == null ? 29.1 : t.latitude();
                double baseLon = p != null && p.longitude() != null ? p.longitude() : t.longitude() == null ? 106.2 : t.longitude();
                id[k] = UUID.nameUUIDFromBytes(("scale-enterprise:" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                code[k] = c;
                name[k] = DemoEnterprises.name(rnd, t, s, i);
                legal[k] = DemoEnterprises.person(rnd);
                address[k] = t.name() + "工业路" + (1 + rnd.nextInt(300)) + "号";
                phone[k] = "023-" + (47000000 + rnd.nextInt(999999));
                lat[k] = Math.round((baseLat + rnd.nextGaussian() * 0.012) * 1e6) / 1e6;
                lon[k] = Math.round((baseLon + rnd.nextGaussian() * 0.012) * 1e6) / 1e6;
                town[k] = t.id();
                park[k] = p == null ? null : p.id();
                sector[k] = s.sector().name();
                sub[k] = s.name();
                scale[k] = sc.name();
                employees[k] = switch (sc) {
                    case ABOVE_SIZE -> 100 + rnd.nextInt(1200);
                    case ABOVE_QUOTA -> 30 + rnd.nextInt(200);
                    case SMALL_MICRO -> 3 + rnd.nextInt(60);
                };
                status[k] = DemoEnterprises.status(rnd).name();
                flags[k] = String.join(",", f.stream().map(Enum::name).toList());
                grade[k] = rnd.nextInt(10) < 3 ? "LEVEL_" + (2 + rnd.nextInt(2)) : (rnd.nextInt(20) == 0 ? "LEVEL_1" : null);
                accidents[k] = rnd.nextInt(40) == 0 ? 1 + rnd.nextInt(2) : 0;
                enforcement[k] = rnd.nextInt(6) == 0 ? 1 + rnd.nextInt(4) : 0;
            }
            jdbc.sql("""
                    insert into ent_enterprise (id, credit_code, name, legal_representative, address, phone, latitude, longitude, town_id, park_id,
                      sector, sub_sector, scale, employees, status, flags, standardization_grade, accidents_3y, enforcement_count, created_at, updated_at)
                    select r.id, r.code, r.name, r.legal, r.address, r.phone, r.lat, r.lon, r.town, r.park, r.sector, r.sub, r.scale, r.employees,
                      r.status, case when r.flags = '' then '{}'::text[] else string_to_array(r.flags, ',') end, r.grade, r.accidents, r.enforcement, ?, ?
                    from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::float8[], ?::float8[], ?::uuid[], ?::uuid[],
                      ?::text[], ?::text[], ?::text[], ?::int[], ?::text[], ?::text[], ?::text[], ?::int[], ?::int[])
                      as r(id, code, name, legal, address, phone, lat, lon, town, park, sector, sub, scale, employees, status, flags, grade, accidents, enforcement)
                    """)
                    .params(now, now, id, code, name, legal, address, phone, lat, lon, town, park, sector, sub, scale, employees, status, flags, grade,
                            accidents, enforcement)
                    .update();
        }
    }
}
