package org.anjian.risk.internal;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.anjian.risk.AssessmentMethod;
import org.anjian.risk.ControlMeasureType;
import org.anjian.risk.ResponsibleLevel;
import org.anjian.risk.RiskLevel;
import org.anjian.risk.RiskPointKind;
import org.anjian.risk.domain.Assessment;
import org.anjian.risk.domain.ControlMeasure;
import org.anjian.organization.ScopeConditions.Condition;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Risk points and posts on JdbcClient. Every query takes the caller's scope as a condition on alias {@code p}. */
@Repository
public class RiskRepository {

    /** Orders levels from the highest, so that {@code min(rank)} is a record set's highest level. */
    static final String LEVEL_RANK = "case p.level when 'MAJOR' then 0 when 'HIGH' then 1 when 'GENERAL' then 2 else 3 end";

    private final JdbcClient jdbc;

    RiskRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }


    public record Filter(UUID enterpriseId, RiskLevel level, List<UUID> regionIds, UUID postId, boolean includeRetired) {
    }

    // ---- risk points ----------------------------------------------------------------------------------------

    public Optional<RiskPointRecord> find(UUID id) {
        return jdbc.sql("select p.* from risk_point p where p.id = ?").param(id).query(this::mapPoint).optional()
                .map(this::withMeasures);
    }

    public PageResult<RiskPointRecord> search(Filter f, Condition scope, PageRequest page) {
        Map<String, Object> params = new HashMap<>(scope.params());
        StringBuilder where = new StringBuilder(" where (").append(scope.sql()).append(")");
        if (!f.includeRetired()) {
            where.append(" and not p.retired");
        }
        if (f.enterpriseId() != null) {
            where.append(" and p.enterprise_id = :enterpriseId");
            params.put("enterpriseId", f.enterpriseId());
        }
        if (f.level() != null) {
            where.append(" and p.level = :level");
            params.put("level", f.level().name());
        }
        if (f.postId() != null) {
            where.append(" and p.post_id = :postId");
            params.put("postId", f.postId());
        }
        if (f.regionIds() != null) {
            where.append(" and (p.town_id in (:regionIds) or p.park_id in (:regionIds))");
            params.put("regionIds", f.regionIds().isEmpty() ? List.of(new UUID(0, 0)) : f.regionIds());
        }
        long total = jdbc.sql("select count(*) from risk_point p" + where).params(params).query(Long.class).single();
        params.put("limit", page.size());
        params.put("offset", page.offset());
        List<RiskPointRecord> items = jdbc.sql("select p.* from risk_point p" + where + " order by p.retired, " + LEVEL_RANK
                        + ", p.enterprise_name, p.unit_name, p.name limit :limit offset :offset")
                .params(params).query(this::mapPoint).list();
        return new PageResult<>(withMeasures(items), total, page.page(), page.size());
    }

    /** The live risk points of one post, highest level first: the post risk list (岗位风险清单). */
    public List<RiskPointRecord> pointsOfPost(UUID postId) {
        return withMeasures(jdbc.sql("select p.* from risk_point p where p.post_id = ? and not p.retired order by " + LEVEL_RANK + ", p.name")
                .param(postId).query(this::mapPoint).list());
    }

    public List<RiskPointRecord> pointsOfEnterprise(UUID enterpriseId) {
        return withMeasures(jdbc.sql("select p.* from risk_point p where p.enterprise_id = ? and not p.retired order by p.unit_name, "
                + LEVEL_RANK + ", p.name").param(enterpriseId).query(this::mapPoint).list());
    }

    public void insert(RiskPointRecord r) {
        Assessment a = r.assessment();
        jdbc.sql("""
                insert into risk_point (id, enterprise_id, enterprise_name, town_id, park_id, sector, unit_name, name, kind, post_id,
                  hazardous_factors, possible_accidents, method, lec_l, lec_e, lec_c, ls_likelihood, ls_severity, score, level,
                  responsible_level, responsible_person, responsible_phone)
                values (:id, :enterprise, :enterpriseName, :town, :park, :sector, :unit, :name, :kind, :post, :factors, :accidents,
                  :method, :l, :e, :c, :likelihood, :severity, :score, :level, :responsibleLevel, :person, :phone)""")
                .params(pointParams(r)).param("id", r.id()).param("enterprise", r.enterpriseId())
                .param("enterpriseName", r.enterpriseName()).param("town", r.townId()).param("park", r.parkId())
                .param("sector", r.sector()).update();
        saveMeasures(r.id(), r.controlMeasures());
    }

    /** Saves a changed risk point; false when someone else changed it in between. */
    public boolean update(RiskPointRecord r, int expectedVersion) {
        int n = jdbc.sql("""
                update risk_point set enterprise_name = :enterpriseName, unit_name = :unit, name = :name, kind = :kind, post_id = :post,
                  hazardous_factors = :factors, possible_accidents = :accidents, method = :method, lec_l = :l, lec_e = :e, lec_c = :c,
                  ls_likelihood = :likelihood, ls_severity = :severity, score = :score, level = :level,
                  responsible_level = :responsibleLevel, responsible_person = :person, responsible_phone = :phone,
                  version = version + 1, updated_at = now()
                where id = :id and version = :version and not retired""")
                .params(pointParams(r)).param("enterpriseName", r.enterpriseName()).param("id", r.id())
                .param("version", expectedVersion).update();
        if (n == 1) {
            jdbc.sql("delete from risk_control_measure where risk_point_id = ?").param(r.id()).update();
            saveMeasures(r.id(), r.controlMeasures());
        }
        return n == 1;
    }

    public boolean retire(UUID id, int expectedVersion) {
        return jdbc.sql("update risk_point set retired = true, retired_at = now(), version = version + 1, updated_at = now() "
                + "where id = ? and version = ? and not retired").params(id, expectedVersion).update() == 1;
    }

    public long countPoints() {
        return jdbc.sql("select count(*) from risk_point").query(Long.class).single();
    }

    private static Map<String, Object> pointParams(RiskPointRecord r) {
        Assessment a = r.assessment();
        Map<String, Object> m = new HashMap<>();
        m.put("unit", r.unitName());
        m.put("name", r.name());
        m.put("kind", r.kind().name());
        m.put("post", r.postId());
        m.put("factors", r.hazardousFactors().toArray(String[]::new));
        m.put("accidents", r.possibleAccidents().toArray(String[]::new));
        m.put("method", a.method().name());
        m.put("l", a.l());
        m.put("e", a.e());
        m.put("c", a.c());
        m.put("likelihood", a.likelihood());
        m.put("severity", a.severity());
        m.put("score", a.score());
        m.put("level", a.level().name());
        m.put("responsibleLevel", r.responsibleLevel().name());
        m.put("person", r.responsiblePerson());
        m.put("phone", r.responsiblePhone());
        return m;
    }

    private void saveMeasures(UUID pointId, List<ControlMeasure> measures) {
        for (int i = 0; i < measures.size(); i++) {
            ControlMeasure m = measures.get(i);
            jdbc.sql("insert into risk_control_measure (risk_point_id, sort_order, type, description) values (?, ?, ?, ?)")
                    .params(pointId, i, m.type().name(), m.description()).update();
        }
    }

    private RiskPointRecord withMeasures(RiskPointRecord r) {
        return withMeasures(List.of(r)).get(0);
    }

    /** Loads the measures of a page of points in one query rather than one per point. */
    private List<RiskPointRecord> withMeasures(List<RiskPointRecord> points) {
        if (points.isEmpty()) {
            return points;
        }
        Map<UUID, List<ControlMeasure>> byPoint = new HashMap<>();
        jdbc.sql("select risk_point_id, type, description from risk_control_measure where risk_point_id in (:ids) order by risk_point_id, sort_order")
                .param("ids", points.stream().map(RiskPointRecord::id).toList())
                .query(rs -> {
                    byPoint.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new ControlMeasure(ControlMeasureType.valueOf(rs.getString(2)), rs.getString(3)));
                });
        return points.stream().map(p -> new RiskPointRecord(p.id(), p.enterpriseId(), p.enterpriseName(), p.townId(), p.parkId(),
                p.sector(), p.unitName(), p.name(), p.kind(), p.postId(), p.hazardousFactors(), p.possibleAccidents(), p.assessment(),
                List.copyOf(byPoint.getOrDefault(p.id(), List.of())), p.responsibleLevel(), p.responsiblePerson(), p.responsiblePhone(),
                p.retired(), p.updatedAt(), p.version())).toList();
    }

    private RiskPointRecord mapPoint(ResultSet rs, int n) throws SQLException {
        AssessmentMethod method = AssessmentMethod.valueOf(rs.getString("method"));
        BigDecimal score = rs.getBigDecimal("score").stripTrailingZeros();
        if (score.scale() < 0) {
            score = score.setScale(0);
        }
        Assessment a = new Assessment(method, strip(rs.getBigDecimal("lec_l")), strip(rs.getBigDecimal("lec_e")),
                strip(rs.getBigDecimal("lec_c")), (Integer) rs.getObject("ls_likelihood"), (Integer) rs.getObject("ls_severity"), score,
                RiskLevel.valueOf(rs.getString("level")));
        return new RiskPointRecord(rs.getObject("id", UUID.class), rs.getObject("enterprise_id", UUID.class), rs.getString("enterprise_name"),
                rs.getObject("town_id", UUID.class), rs.getObject("park_id", UUID.class), rs.getString("sector"), rs.getString("unit_name"),
                rs.getString("name"), RiskPointKind.valueOf(rs.getString("kind")), rs.getObject("post_id", UUID.class),
                strings(rs, "hazardous_factors"), strings(rs, "possible_accidents"), a, List.of(),
                ResponsibleLevel.valueOf(rs.getString("responsible_level")), rs.getString("responsible_person"),
                rs.getString("responsible_phone"), rs.getBoolean("retired"), rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                rs.getInt("version"));
    }

    private static BigDecimal strip(BigDecimal d) {
        if (d == null) {
            return null;
        }
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    // ---- posts -----------------------------------------------------------------------------------------------

    public Optional<PostRecord> findPost(UUID id) {
        return jdbc.sql("select p.* from risk_post p where p.id = ?").param(id).query(RiskRepository::mapPost).optional();
    }

    public List<PostRecord> posts(UUID enterpriseId, Condition scope, boolean includeRetired) {
        Map<String, Object> params = new HashMap<>(scope.params());
        StringBuilder where = new StringBuilder(" where (").append(scope.sql()).append(")");
        if (enterpriseId != null) {
            where.append(" and p.enterprise_id = :enterpriseId");
            params.put("enterpriseId", enterpriseId);
        }
        if (!includeRetired) {
            where.append(" and not p.retired");
        }
        return jdbc.sql("select p.* from risk_post p" + where + " order by p.enterprise_name, p.workshop nulls last, p.name limit 1000")
                .params(params).query(RiskRepository::mapPost).list();
    }

    public void insertPost(PostRecord r) {
        jdbc.sql("""
                insert into risk_post (id, enterprise_id, enterprise_name, town_id, park_id, sector, name, workshop, duties, operation_steps,
                  prohibitions, emergency_measures, emergency_contacts)
                values (:id, :enterprise, :enterpriseName, :town, :park, :sector, :name, :workshop, :duties, :steps, :prohibitions,
                  :measures, :contacts)""")
                .params(postParams(r)).param("id", r.id()).param("enterprise", r.enterpriseId()).param("enterpriseName", r.enterpriseName())
                .param("town", r.townId()).param("park", r.parkId()).param("sector", r.sector()).update();
    }

    public boolean updatePost(PostRecord r, int expectedVersion) {
        return jdbc.sql("""
                update risk_post set name = :name, workshop = :workshop, duties = :duties, operation_steps = :steps,
                  prohibitions = :prohibitions, emergency_measures = :measures, emergency_contacts = :contacts,
                  version = version + 1, updated_at = now()
                where id = :id and version = :version and not retired""")
                .params(postParams(r)).param("id", r.id()).param("version", expectedVersion).update() == 1;
    }

    public boolean retirePost(UUID id, int expectedVersion) {
        return jdbc.sql("update risk_post set retired = true, version = version + 1, updated_at = now() where id = ? and version = ? and not retired")
                .params(id, expectedVersion).update() == 1;
    }

    /** A retired post's risk points stay, but no longer point at a post nobody holds. */
    public void detachPoints(UUID postId) {
        jdbc.sql("update risk_point set post_id = null, version = version + 1, updated_at = now() where post_id = ? and not retired")
                .param(postId).update();
    }

    private static Map<String, Object> postParams(PostRecord r) {
        Map<String, Object> m = new HashMap<>();
        m.put("name", r.name());
        m.put("workshop", r.workshop());
        m.put("duties", r.duties().toArray(String[]::new));
        m.put("steps", r.operationSteps().toArray(String[]::new));
        m.put("prohibitions", r.prohibitions().toArray(String[]::new));
        m.put("measures", r.emergencyMeasures().toArray(String[]::new));
        m.put("contacts", r.emergencyContacts().toArray(String[]::new));
        return m;
    }

    static PostRecord mapPost(ResultSet rs, int n) throws SQLException {
        return new PostRecord(rs.getObject("id", UUID.class), rs.getObject("enterprise_id", UUID.class), rs.getString("enterprise_name"),
                rs.getObject("town_id", UUID.class), rs.getObject("park_id", UUID.class), rs.getString("sector"), rs.getString("name"),
                rs.getString("workshop"), strings(rs, "duties"), strings(rs, "operation_steps"), strings(rs, "prohibitions"),
                strings(rs, "emergency_measures"), strings(rs, "emergency_contacts"), rs.getBoolean("retired"),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(), rs.getInt("version"));
    }

    private static List<String> strings(ResultSet rs, String col) throws SQLException {
        Array array = rs.getArray(col);
        return array == null ? List.of() : List.copyOf(Arrays.asList((String[]) array.getArray()));
    }

    // ---- the four-colour maps ----------------------------------------------------------------------------------

    /** Live risk points per town (or park's town) and level. */
    public record TownLevelCount(UUID townId, RiskLevel level, long count) {
    }

    public List<TownLevelCount> countsByTown(Condition scope) {
        return jdbc.sql("select p.town_id, p.level, count(*) from risk_point p where not p.retired and (" + scope.sql()
                        + ") group by p.town_id, p.level")
                .params(scope.params())
                .query((rs, n) -> new TownLevelCount(rs.getObject(1, UUID.class), RiskLevel.valueOf(rs.getString(2)), rs.getLong(3)))
                .list();
    }

    /** An enterprise with its highest live risk level and its points per level. */
    public record EnterpriseRisk(UUID enterpriseId, String enterpriseName, UUID townId, RiskLevel highest, Map<RiskLevel, Long> counts) {
        public long count(RiskLevel level) {
            return counts.getOrDefault(level, 0L);
        }
    }

    /** Enterprises ordered by their highest level, then by how many MAJOR and HIGH points they have. */
    public List<EnterpriseRisk> enterprisesByRisk(Condition scope, List<UUID> regionIds, int limit) {
        Map<String, Object> params = new HashMap<>(scope.params());
        String region = "";
        if (regionIds != null) {
            region = " and (p.town_id in (:regionIds) or p.park_id in (:regionIds))";
            params.put("regionIds", regionIds.isEmpty() ? List.of(new UUID(0, 0)) : regionIds);
        }
        params.put("limit", limit);
        return jdbc.sql("""
                select p.enterprise_id, max(p.enterprise_name) as name, (array_agg(p.town_id))[1] as town_id,
                  count(*) filter (where p.level = 'MAJOR') as major, count(*) filter (where p.level = 'HIGH') as high,
                  count(*) filter (where p.level = 'GENERAL') as general, count(*) filter (where p.level = 'LOW') as low
                from risk_point p where not p.retired and (%s)%s
                group by p.enterprise_id
                order by major desc, high desc, general desc, name limit :limit""".formatted(scope.sql(), region))
                .params(params)
                .query((rs, n) -> {
                    Map<RiskLevel, Long> counts = new LinkedHashMap<>();
                    for (RiskLevel l : RiskLevel.values()) {
                        counts.put(l, rs.getLong(l.name().toLowerCase()));
                    }
                    RiskLevel highest = Arrays.stream(RiskLevel.values()).filter(l -> counts.get(l) > 0).findFirst().orElse(RiskLevel.LOW);
                    return new EnterpriseRisk(rs.getObject("enterprise_id", UUID.class), rs.getString("name"),
                            rs.getObject("town_id", UUID.class), highest, counts);
                }).list();
    }
}
