package org.anjian.training.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.anjian.organization.ScopeConditions;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.anjian.training.domain.CertificateKind;
import org.anjian.training.internal.TrainingRecords.Certificate;
import org.anjian.training.internal.TrainingRecords.Training;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class TrainingRepository {

    private final JdbcClient jdbc;

    TrainingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ------------------------------------------------------------ training records

    public record TrainingFilter(String kind, UUID enterpriseId, Integer year, String text) {
    }

    public PageResult<Training> trainings(TrainingFilter f, ScopeConditions.Condition scope, PageRequest page) {
        Map<String, Object> params = new HashMap<>(scope.params());
        StringBuilder where = new StringBuilder(" where " + scope.sql());
        if (f.kind() != null) {
            where.append(" and t.kind = :kind");
            params.put("kind", f.kind());
        }
        if (f.enterpriseId() != null) {
            where.append(" and t.enterprise_id = :e");
            params.put("e", f.enterpriseId());
        }
        if (f.year() != null) {
            where.append(" and extract(year from t.held_on) = :year");
            params.put("year", f.year());
        }
        if (f.text() != null) {
            where.append(" and (t.enterprise_name ilike :text or t.topic ilike :text)");
            params.put("text", like(f.text()));
        }
        long total = jdbc.sql("select count(*) from trn_record t" + where).params(params).query(Long.class).single();
        params.put("limit", page.size());
        params.put("offset", page.offset());
        List<Training> items = jdbc.sql("select * from trn_record t" + where + " order by t.held_on desc, t.id limit :limit offset :offset")
                .params(params).query(TrainingRepository::training).list();
        return new PageResult<>(items, total, page.page(), page.size());
    }

    public Optional<Training> training(UUID id, ScopeConditions.Condition scope) {
        return jdbc.sql("select * from trn_record t where t.id = :id and " + scope.sql()).params(scope.params()).param("id", id)
                .query(TrainingRepository::training).optional();
    }

    public void insert(Training t) {
        jdbc.sql("""
                insert into trn_record (id, enterprise_id, enterprise_name, town_id, park_id, sector, kind, video, topic, held_on, hours, trainees, trainer, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(t.id(), t.enterpriseId(), t.enterpriseName(), t.townId(), t.parkId(), t.sector(), t.kind(), t.video(), t.topic(), t.heldOn(),
                        t.hours(), t.trainees(), t.trainer(), utc(t.createdAt())).update();
    }

    /** Training hours and trainees by kind in a year, within the scope. */
    public List<Map<String, Object>> trainingByKind(ScopeConditions.Condition scope, int year) {
        return jdbc.sql("select t.kind, count(*) as sessions, sum(t.trainees) as trainees, sum(t.hours) as hours from trn_record t where "
                        + scope.sql() + " and extract(year from t.held_on) = :year group by t.kind order by t.kind")
                .params(scope.params()).param("year", year).query().listOfRows();
    }

    // ------------------------------------------------------------ certificates

    public record CertificateFilter(String kind, String category, UUID enterpriseId, String status, String text, LocalDate today) {
    }

    public PageResult<Certificate> certificates(CertificateFilter f, ScopeConditions.Condition scope, PageRequest page) {
        Map<String, Object> params = new HashMap<>(scope.params());
        StringBuilder where = new StringBuilder(" where " + scope.sql());
        params.put("today", f.today());
        if (f.kind() != null) {
            where.append(" and c.kind = :kind");
            params.put("kind", f.kind());
        }
        if (f.category() != null) {
            where.append(" and c.category = :category");
            params.put("category", f.category());
        }
        if (f.enterpriseId() != null) {
            where.append(" and c.enterprise_id = :e");
            params.put("e", f.enterpriseId());
        }
        if (f.status() != null) {
            where.append(switch (f.status()) {
                // invalid today: expired, review missed or revoked
                case "INVALID" -> " and (c.valid_until < :today or c.review_due < :today or c.revoked_on <= :today)";
                // valid, but something to do within the warning period (60 days; 30 for assessments)
                case "ACTION" -> " and c.valid_until >= :today and (c.review_due is null or c.review_due >= :today) and (c.revoked_on is null or c.revoked_on > :today)"
                        + " and (c.review_due <= :today + 60 or c.valid_until <= :today + case when c.kind in ('PRINCIPAL', 'SAFETY_MANAGER') then 30 else 60 end)";
                default -> "";
            });
        }
        if (f.text() != null) {
            where.append(" and (c.enterprise_name ilike :text or c.holder_name ilike :text or c.number ilike :text)");
            params.put("text", like(f.text()));
        }
        long total = jdbc.sql("select count(*) from trn_certificate c" + where).params(params).query(Long.class).single();
        params.put("limit", page.size());
        params.put("offset", page.offset());
        List<Certificate> items = jdbc.sql("select * from trn_certificate c" + where
                        + " order by least(c.valid_until, coalesce(c.review_due, c.valid_until)), c.id limit :limit offset :offset")
                .params(params).query(TrainingRepository::certificate).list();
        return new PageResult<>(items, total, page.page(), page.size());
    }

    public Optional<Certificate> certificate(UUID id, ScopeConditions.Condition scope) {
        return jdbc.sql("select * from trn_certificate c where c.id = :id and " + scope.sql()).params(scope.params()).param("id", id)
                .query(TrainingRepository::certificate).optional();
    }

    public Optional<Certificate> certificateByNumber(String number) {
        return jdbc.sql("select * from trn_certificate c where c.number = ?").param(number).query(TrainingRepository::certificate).optional();
    }

    public void insert(Certificate c, byte[] idNumber, Instant now) {
        jdbc.sql("""
                insert into trn_certificate (id, enterprise_id, enterprise_name, town_id, park_id, sector, kind, category, holder_name, id_number_enc,
                  id_number_masked, number, issuer, issued_on, valid_until, review_due, last_reviewed_on, revoked_on, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(c.id(), c.enterpriseId(), c.enterpriseName(), c.townId(), c.parkId(), c.sector(), c.kind().name(), c.category(), c.holderName(),
                        idNumber, c.idNumberMasked(), c.number(), c.issuer(), c.issuedOn(), c.validUntil(), c.reviewDue(), c.lastReviewedOn(), c.revokedOn(),
                        utc(now), utc(now)).update();
    }

    public void saveDates(Certificate c, Instant now) {
        int n = jdbc.sql("update trn_certificate set review_due = ?, last_reviewed_on = ?, revoked_on = ?, updated_at = ?, version = version + 1"
                        + " where id = ? and version = ?")
                .params(c.reviewDue(), c.lastReviewedOn(), c.revokedOn(), utc(now), c.id(), c.version()).update();
        if (n != 1) {
            throw new OptimisticLockingFailureException("certificate " + c.id() + " was changed by someone else");
        }
    }

    /** Counts within the scope: valid, needing action within the warning period, invalid; by kind. */
    public List<Map<String, Object>> figures(ScopeConditions.Condition scope, LocalDate today) {
        return jdbc.sql("""
                select c.kind,
                  count(*) filter (where c.valid_until < :today or c.review_due < :today or c.revoked_on <= :today) as invalid,
                  count(*) filter (where c.valid_until >= :today and (c.review_due is null or c.review_due >= :today) and (c.revoked_on is null or c.revoked_on > :today)
                    and (c.review_due <= :today + 60 or c.valid_until <= :today + case when c.kind in ('PRINCIPAL', 'SAFETY_MANAGER') then 30 else 60 end)) as action,
                  count(*) as total
                from trn_certificate c where """ + " " + scope.sql() + " group by c.kind order by c.kind")
                .params(scope.params()).param("today", today).query().listOfRows();
    }

    public boolean hasAny() {
        return jdbc.sql("select exists (select 1 from trn_certificate)").query(Boolean.class).single();
    }

    static String like(String text) {
        return "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    static OffsetDateTime utc(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    static Training training(ResultSet rs, int n) throws SQLException {
        OffsetDateTime created = rs.getObject("created_at", OffsetDateTime.class);
        return new Training(rs.getObject("id", UUID.class), rs.getObject("enterprise_id", UUID.class), rs.getString("enterprise_name"),
                rs.getObject("town_id", UUID.class), rs.getObject("park_id", UUID.class), rs.getString("sector"), rs.getString("kind"), rs.getString("video"),
                rs.getString("topic"), rs.getObject("held_on", LocalDate.class), rs.getBigDecimal("hours"), rs.getInt("trainees"), rs.getString("trainer"),
                created == null ? null : created.toInstant());
    }

    static Certificate certificate(ResultSet rs, int n) throws SQLException {
        return new Certificate(rs.getObject("id", UUID.class), rs.getObject("enterprise_id", UUID.class), rs.getString("enterprise_name"),
                rs.getObject("town_id", UUID.class), rs.getObject("park_id", UUID.class), rs.getString("sector"), CertificateKind.valueOf(rs.getString("kind")),
                rs.getString("category"), rs.getString("holder_name"), rs.getString("id_number_masked"), rs.getString("number"), rs.getString("issuer"),
                rs.getObject("issued_on", LocalDate.class), rs.getObject("valid_until", LocalDate.class), rs.getObject("review_due", LocalDate.class),
                rs.getObject("last_reviewed_on", LocalDate.class), rs.getObject("revoked_on", LocalDate.class), rs.getInt("version"));
    }
}
