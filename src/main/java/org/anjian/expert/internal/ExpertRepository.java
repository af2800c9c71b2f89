package org.anjian.expert.internal;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.anjian.expert.ExpertStatus;
import org.anjian.expert.Field;
import org.anjian.expert.ServiceKind;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The pool, its certificates, the service record and the district's suspensions, in SQL. */
@Repository
public class ExpertRepository {

    private final JdbcClient jdbc;

    ExpertRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The filters of the list: any may be null. {@code qualified} is judged on {@code today}. */
    public record Filter(Field field, ExpertStatus status, Boolean qualified, String q) {
    }

    public Optional<Expert> find(UUID id, int year) {
        return jdbc.sql(SELECT + " where e.id = :id").param("id", id).param("from", LocalDate.of(year, 1, 1))
                .param("to", LocalDate.of(year, 12, 31)).query(this::map).optional().map(e -> withQualifications(List.of(e)).get(0));
    }

    public Optional<Expert> findByUser(UUID userId, int year) {
        return jdbc.sql(SELECT + " where e.user_id = :id").param("id", userId).param("from", LocalDate.of(year, 1, 1))
                .param("to", LocalDate.of(year, 12, 31)).query(this::map).optional().map(e -> withQualifications(List.of(e)).get(0));
    }

    private static final String SELECT = """
            select e.*, (select count(*) from expert_service s where s.expert_id = e.id and s.service_date between :from and :to) as load
            from expert_expert e""";

    private String where(Filter f, LocalDate today, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" where true");
        if (f.field() != null) {
            where.append(" and :field = any(e.fields)");
            params.put("field", f.field().name());
        }
        if (f.status() != null) {
            where.append(" and e.status = :status");
            params.put("status", f.status().name());
        }
        if (f.qualified() != null) {
            where.append(f.qualified() ? " and" : " and not").append(" exists (select 1 from expert_qualification q where q.expert_id = e.id and q.valid_until >= :today)");
            params.put("today", today);
        }
        if (f.q() != null && !f.q().isBlank()) {
            where.append(" and (e.name like :q or e.employer_name like :q)");
            params.put("q", "%" + f.q().trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        params.put("from", LocalDate.of(today.getYear(), 1, 1));
        params.put("to", LocalDate.of(today.getYear(), 12, 31));
        return where.toString();
    }

    public PageResult<Expert> search(Filter f, LocalDate today, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        String where = where(f, today, params);
        long total = jdbc.sql("select count(*) from expert_expert e" + where).params(params).query(Long.class).single();
        params.put("limit", page.size());
        params.put("offset", page.offset());
        List<Expert> items = jdbc.sql(SELECT + where + " order by case e.status when 'ACTIVE' then 0 when 'SUSPENDED' then 1 else 2 end, e.name, e.id"
                + " limit :limit offset :offset").params(params).query(this::map).list();
        return new PageResult<>(withQualifications(items), total, page.page(), page.size());
    }

    public void forEach(Filter f, LocalDate today, Consumer<Expert> each) {
        Map<String, Object> params = new HashMap<>();
        String where = where(f, today, params);
        withQualifications(jdbc.sql(SELECT + where + " order by e.name, e.id").params(params).query(this::map).list()).forEach(each);
    }

    /** Every ACTIVE expert holding a certificate valid on {@code today}, with this year's services: who may be selected. */
    public List<Expert> selectable(LocalDate today) {
        return withQualifications(jdbc.sql(SELECT + " where e.status = 'ACTIVE' and exists (select 1 from expert_qualification q where q.expert_id = e.id"
                        + " and q.valid_until >= :today) order by e.id")
                .param("today", today).param("from", LocalDate.of(today.getYear(), 1, 1)).param("to", LocalDate.of(today.getYear(), 12, 31))
                .query(this::map).list());
    }

    public void insert(Expert e, Instant now) {
        jdbc.sql("""
                insert into expert_expert (id, name, user_id, fields, title, employer_name, employer_enterprise_id, phone, status, created_at, updated_at)
                values (:id, :name, :userId, :fields, :title, :employerName, :employerId, :phone, :status, :now, :now)""")
                .param("id", e.id()).param("name", e.name()).param("userId", e.userId()).param("fields", names(e.fields()))
                .param("title", e.title()).param("employerName", e.employerName()).param("employerId", e.employerEnterpriseId())
                .param("phone", e.phone()).param("status", e.status().name()).param("now", utc(now)).update();
        replaceQualifications(e.id(), e.qualifications());
    }

    public void update(Expert e, Instant now) {
        int n = jdbc.sql("""
                update expert_expert set name = :name, user_id = :userId, fields = :fields, title = :title, employer_name = :employerName,
                  employer_enterprise_id = :employerId, phone = :phone, status = :status, updated_at = :now, version = version + 1
                where id = :id and version = :version""")
                .param("id", e.id()).param("name", e.name()).param("userId", e.userId()).param("fields", names(e.fields()))
                .param("title", e.title()).param("employerName", e.employerName()).param("employerId", e.employerEnterpriseId())
                .param("phone", e.phone()).param("status", e.status().name()).param("now", utc(now)).param("version", e.version()).update();
        if (n != 1) {
            throw new OptimisticLockingFailureException("expert " + e.id() + " was changed by someone else");
        }
        replaceQualifications(e.id(), e.qualifications());
    }

    private void replaceQualifications(UUID expertId, List<Expert.Qualification> qualifications) {
        jdbc.sql("delete from expert_qualification where expert_id = ?").param(expertId).update();
        for (Expert.Qualification q : qualifications) {
            jdbc.sql("insert into expert_qualification (id, expert_id, kind, number, valid_until) values (?, ?, ?, ?, ?)")
                    .params(UUID.randomUUID(), expertId, q.kind(), q.number(), q.validUntil()).update();
        }
    }

    // --- services

    /** Inserts unless the same (expert, kind, reference) exists; answers the id of the one stored. */
    public UUID insertService(ServiceRecord s) {
        int n = jdbc.sql("""
                insert into expert_service (id, expert_id, kind, service_date, enterprise_id, reference, hours, summary, rater_ids, recorded_by, recorded_at)
                values (:id, :expertId, :kind, :date, :enterpriseId, :reference, :hours, :summary, :raters, :recordedBy, :recordedAt)
                on conflict (expert_id, kind, reference) do nothing""")
                .param("id", s.id()).param("expertId", s.expertId()).param("kind", s.kind().name()).param("date", s.date())
                .param("enterpriseId", s.enterpriseId()).param("reference", s.reference()).param("hours", s.hours()).param("summary", s.summary())
                .param("raters", s.raterIds().toArray(UUID[]::new)).param("recordedBy", s.recordedBy()).param("recordedAt", utc(s.recordedAt()))
                .update();
        if (n == 1) {
            return s.id();
        }
        return jdbc.sql("select id from expert_service where expert_id = ? and kind = ? and reference = ?")
                .params(s.expertId(), s.kind().name(), s.reference()).query(UUID.class).single();
    }

    public Optional<ServiceRecord> service(UUID id) {
        return jdbc.sql("select * from expert_service where id = ?").param(id).query(ExpertRepository::mapService).optional();
    }

    /** The services of an expert, newest first; all years when {@code year} is null. */
    public List<ServiceRecord> services(UUID expertId, Integer year) {
        if (year == null) {
            return jdbc.sql("select * from expert_service where expert_id = ? order by service_date desc, recorded_at desc").param(expertId)
                    .query(ExpertRepository::mapService).list();
        }
        return jdbc.sql("select * from expert_service where expert_id = ? and service_date between ? and ? order by service_date desc, recorded_at desc")
                .params(expertId, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).query(ExpertRepository::mapService).list();
    }

    public void updateService(UUID id, BigDecimal hours, String summary) {
        jdbc.sql("update expert_service set hours = ?, summary = ? where id = ?").params(hours, summary, id).update();
    }

    /** Stores the rating unless one exists; false when the service was already rated. */
    public boolean rate(UUID id, ServiceRecord.Rating r, UUID raterId) {
        return jdbc.sql("""
                update expert_service set quality = ?, professionalism = ?, timeliness = ?, rating_comment = ?, rated_by = ?, rated_by_id = ?, rated_at = ?
                where id = ? and rated_at is null""")
                .params(r.quality(), r.professionalism(), r.timeliness(), r.comment(), r.ratedBy(), raterId, utc(r.ratedAt()), id).update() == 1;
    }

    /** One row per expert: the year's services, hours, ratings and star sums, as the evaluation needs them. */
    public record YearTally(UUID expertId, long services, BigDecimal hours, long rated, long quality, long professionalism, long timeliness,
                            int lowestStar) {
    }

    public Map<UUID, YearTally> tallies(int year, UUID expertId) {
        Map<UUID, YearTally> map = new LinkedHashMap<>();
        jdbc.sql("""
                select expert_id, count(*) as services, coalesce(sum(hours), 0) as hours, count(rated_at) as rated,
                  coalesce(sum(quality), 0) as q, coalesce(sum(professionalism), 0) as p, coalesce(sum(timeliness), 0) as t,
                  coalesce(min(least(quality, professionalism, timeliness)), 0) as lowest
                from expert_service where service_date between :from and :to and (cast(:expert as uuid) is null or expert_id = :expert)
                group by expert_id""")
                .param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year, 12, 31)).param("expert", expertId)
                .query((rs, n) -> new YearTally(rs.getObject("expert_id", UUID.class), rs.getLong("services"), rs.getBigDecimal("hours"),
                        rs.getLong("rated"), rs.getLong("q"), rs.getLong("p"), rs.getLong("t"), rs.getInt("lowest")))
                .list().forEach(t -> map.put(t.expertId(), t));
        return map;
    }

    public List<Expert> all(int year) {
        return withQualifications(jdbc.sql(SELECT + " order by e.name, e.id").param("from", LocalDate.of(year, 1, 1))
                .param("to", LocalDate.of(year, 12, 31)).query(this::map).list());
    }

    // --- suspensions

    public record Suspension(int year, String result, String reason, String decidedBy, Instant decidedAt) {
    }

    public boolean insertSuspension(UUID expertId, int year, String result, String reason, String decidedBy, Instant at) {
        return jdbc.sql("""
                insert into expert_suspension (id, expert_id, year, result, reason, decided_by, decided_at) values (?, ?, ?, ?, ?, ?, ?)
                on conflict (expert_id, year) do nothing""")
                .params(UUID.randomUUID(), expertId, year, result, reason, decidedBy, utc(at)).update() == 1;
    }

    public Map<UUID, Suspension> suspensions(int year) {
        Map<UUID, Suspension> map = new HashMap<>();
        jdbc.sql("select * from expert_suspension where year = ?").param(year).query((rs, n) -> {
            map.put(rs.getObject("expert_id", UUID.class), new Suspension(rs.getInt("year"), rs.getString("result"), rs.getString("reason"),
                    rs.getString("decided_by"), instant(rs, "decided_at")));
            return null;
        }).list();
        return map;
    }

    // --- mapping

    /** The experts with their certificates, read in one query for the whole list. */
    private List<Expert> withQualifications(List<Expert> experts) {
        if (experts.isEmpty()) {
            return experts;
        }
        Map<UUID, List<Expert.Qualification>> byExpert = new HashMap<>();
        jdbc.sql("select * from expert_qualification where expert_id = any(?) order by valid_until desc, kind")
                .param(experts.stream().map(Expert::id).toArray(UUID[]::new))
                .query((r, i) -> byExpert.computeIfAbsent(r.getObject("expert_id", UUID.class), k -> new ArrayList<>())
                        .add(new Expert.Qualification(r.getString("kind"), r.getString("number"), r.getObject("valid_until", LocalDate.class))))
                .list();
        return experts.stream().map(e -> new Expert(e.id(), e.name(), e.userId(), e.fields(), e.title(), List.copyOf(byExpert.getOrDefault(e.id(), List.of())),
                e.employerName(), e.employerEnterpriseId(), e.phone(), e.status(), e.servicesThisYear(), e.version())).toList();
    }

    private Expert map(ResultSet rs, int n) throws SQLException {
        Set<Field> fields = EnumSet.noneOf(Field.class);
        for (String f : (String[]) rs.getArray("fields").getArray()) {
            fields.add(Field.valueOf(f));
        }
        return new Expert(rs.getObject("id", UUID.class), rs.getString("name"), rs.getObject("user_id", UUID.class), fields, rs.getString("title"),
                List.of(), rs.getString("employer_name"), rs.getObject("employer_enterprise_id", UUID.class), rs.getString("phone"),
                ExpertStatus.valueOf(rs.getString("status")), rs.getLong("load"), rs.getInt("version"));
    }

    static ServiceRecord mapService(ResultSet rs, int n) throws SQLException {
        ServiceRecord.Rating rating = rs.getObject("rated_at") == null ? null
                : new ServiceRecord.Rating(rs.getInt("quality"), rs.getInt("professionalism"), rs.getInt("timeliness"), rs.getString("rating_comment"),
                rs.getString("rated_by"), instant(rs, "rated_at"));
        Array raters = rs.getArray("rater_ids");
        return new ServiceRecord(rs.getObject("id", UUID.class), rs.getObject("expert_id", UUID.class), ServiceKind.valueOf(rs.getString("kind")),
                rs.getObject("service_date", LocalDate.class), rs.getObject("enterprise_id", UUID.class), rs.getString("reference"),
                rs.getBigDecimal("hours"), rs.getString("summary"), raters == null ? List.of() : Arrays.asList((UUID[]) raters.getArray()),
                rs.getString("recorded_by"), instant(rs, "recorded_at"), rating);
    }

    private static String[] names(Set<Field> fields) {
        List<String> list = new ArrayList<>();
        for (Field f : Field.values()) {
            if (fields.contains(f)) {
                list.add(f.name());
            }
        }
        return list.toArray(String[]::new);
    }

    static OffsetDateTime utc(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
