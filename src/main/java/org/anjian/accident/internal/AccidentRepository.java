package org.anjian.accident.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.anjian.accident.AccidentGrade;
import org.anjian.accident.AccidentSector;
import org.anjian.accident.AccidentState;
import org.anjian.accident.AccidentType;
import org.anjian.accident.domain.ConsequenceRule;
import org.anjian.accident.domain.Investigation;
import org.anjian.organization.ScopeConditions.Condition;
import org.anjian.shared.config.DistrictProperties;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class AccidentRepository {

    private final JdbcClient jdbc;

    private final ZoneId zone;

    AccidentRepository(JdbcClient jdbc, DistrictProperties district) {
        this.zone = district.zone();
        this.jdbc = jdbc;
    }

    /** The enterprise's accidents that happened after {@code since}: its supervision-class input. */
    int countSince(java.util.UUID enterpriseId, java.time.Instant since) {
        return jdbc.sql("select count(*) from acc_accident where enterprise_id = ? and occurred_at > ?")
                .params(enterpriseId, java.time.OffsetDateTime.ofInstant(since, java.time.ZoneOffset.UTC)).query(Integer.class).single();
    }


    public record Filter(AccidentState state, AccidentGrade grade, AccidentSector sector, AccidentType type, UUID enterpriseId,
                         Integer year) {
    }

    public Optional<AccidentRecord> find(UUID id, Condition scope) {
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("id", id);
        return jdbc.sql("select * from acc_accident a where a.id = :id and (" + scope.sql() + ")").params(params)
                .query(AccidentRepository::map).optional();
    }

    public PageResult<AccidentRecord> search(Filter f, Condition scope, PageRequest page) {
        Map<String, Object> params = new HashMap<>(scope.params());
        StringBuilder where = new StringBuilder(" where (").append(scope.sql()).append(")");
        if (f.state() != null) {
            where.append(" and a.state = :state");
            params.put("state", f.state().name());
        }
        if (f.grade() != null) {
            where.append(" and a.grade = :grade");
            params.put("grade", f.grade().name());
        }
        if (f.sector() != null) {
            where.append(" and a.sector = :sector");
            params.put("sector", f.sector().name());
        }
        if (f.type() != null) {
            where.append(" and a.accident_type = :type");
            params.put("type", f.type().name());
        }
        if (f.enterpriseId() != null) {
            where.append(" and a.enterprise_id = :enterpriseId");
            params.put("enterpriseId", f.enterpriseId());
        }
        if (f.year() != null) {
            where.append(" and extract(year from a.occurred_at at time zone :zone) = :year");
            params.put("year", f.year());
            params.put("zone", zone.getId());
        }
        long total = jdbc.sql("select count(*) from acc_accident a" + where).params(params).query(Long.class).single();
        params.put("limit", page.size());
        params.put("offset", page.offset());
        List<AccidentRecord> items = jdbc.sql("select a.* from acc_accident a" + where + " order by a.occurred_at desc limit :limit offset :offset")
                .params(params).query(AccidentRepository::map).list();
        return new PageResult<>(items, total, page.page(), page.size());
    }

    public void insert(AccidentRecord r) {
        jdbc.sql("""
                insert into acc_accident (id, enterprise_id, enterprise_name, credit_code, town_id, park_id, sector, accident_type, place,
                  occurred_at, people_involved, deaths, missing, serious_injuries, minor_injuries, direct_loss, summary, cause_behaviour,
                  cause_condition, cause_management, lacks_safe_conditions, grade, state, recorded_at, recorded_by, inv_level)
                values (:id, :enterprise, :enterpriseName, :creditCode, :town, :park, :sector, :type, :place, :occurredAt, :people,
                  :deaths, :missing, :serious, :minor, :loss, :summary, :behaviour, :condition, :management, :unsafe, :grade, :state,
                  :recordedAt, :recordedBy, :invLevel)""")
                .param("id", r.id()).param("enterprise", r.enterpriseId()).param("enterpriseName", r.enterpriseName())
                .param("creditCode", r.creditCode()).param("town", r.townId()).param("park", r.parkId()).param("sector", r.sector().name())
                .param("type", r.type().name()).param("place", r.place()).param("occurredAt", utc(r.occurredAt()))
                .param("people", r.peopleInvolved()).param("deaths", r.deaths()).param("missing", r.missing())
                .param("serious", r.seriousInjuries()).param("minor", r.minorInjuries()).param("loss", r.directLoss())
                .param("summary", r.summary()).param("behaviour", r.causeBehaviour()).param("condition", r.causeCondition())
                .param("management", r.causeManagement()).param("unsafe", r.lacksSafeConditions()).param("grade", r.grade().name())
                .param("state", r.state().name()).param("recordedAt", utc(r.recordedAt())).param("recordedBy", r.recordedBy())
                .param("invLevel", r.investigation().level() == null ? null : r.investigation().level().name())
                .update();
    }

    /** Saves casualties, findings, state and the investigation; a concurrent change in between is refused. */
    public void save(AccidentRecord r) {
        Investigation i = r.investigation();
        Investigation.NoLetsGo n = i.noLetsGo();
        int count = jdbc.sql("""
                update acc_accident set people_involved = :people, deaths = :deaths, missing = :missing, serious_injuries = :serious,
                  minor_injuries = :minor, direct_loss = :loss, cause_behaviour = :behaviour, cause_condition = :condition,
                  cause_management = :management, lacks_safe_conditions = :unsafe, grade = :grade, state = :state,
                  inv_level = :level, inv_leader = :leader, inv_members = :members, inv_started_at = :started,
                  inv_report_due = :due, inv_extension_days = :ext, inv_report_submitted_at = :submitted, inv_report_summary = :report,
                  inv_approved_at = :approved, inv_approved_by = :approvedBy, nlg_cause_found = :n1, nlg_responsible_handled = :n2,
                  nlg_measures_taken = :n3, nlg_staff_educated = :n4, dual_enterprise_duties = :de, dual_regulator_duties = :dr,
                  closed_at = :closed, version = version + 1
                where id = :id and version = :version""")
                .param("people", r.peopleInvolved()).param("deaths", r.deaths()).param("missing", r.missing())
                .param("serious", r.seriousInjuries()).param("minor", r.minorInjuries()).param("loss", r.directLoss())
                .param("behaviour", r.causeBehaviour()).param("condition", r.causeCondition()).param("management", r.causeManagement())
                .param("unsafe", r.lacksSafeConditions()).param("grade", r.grade().name()).param("state", r.state().name())
                .param("level", i.level() == null ? null : i.level().name()).param("leader", i.leader()).param("members", i.members())
                .param("started", utc(i.startedAt())).param("due", i.startedAt() == null ? null : utc(i.reportDue()))
                .param("ext", i.extensionDays()).param("submitted", utc(i.reportSubmittedAt())).param("report", i.reportSummary())
                .param("approved", utc(i.approvedAt())).param("approvedBy", i.approvedBy()).param("n1", n.causeFound())
                .param("n2", n.responsibleHandled()).param("n3", n.measuresTaken()).param("n4", n.staffEducated())
                .param("de", i.enterpriseDuties()).param("dr", i.regulatorDuties()).param("closed", utc(i.closedAt()))
                .param("id", r.id()).param("version", r.version())
                .update();
        if (count != 1) {
            throw new OptimisticLockingFailureException("accident " + r.id() + " was changed by someone else");
        }
    }

    public record Report(String level, Instant reportedAt, String reportedBy, String note) {
    }

    public void addReport(UUID accidentId, String level, Instant at, String by, String note) {
        jdbc.sql("insert into acc_report (accident_id, level, reported_at, reported_by, note) values (?, ?, ?, ?, ?)")
                .params(accidentId, level, utc(at), by, note).update();
    }

    public List<Report> reports(UUID accidentId) {
        return jdbc.sql("select * from acc_report where accident_id = ? order by reported_at, id").param(accidentId)
                .query((rs, n) -> new Report(rs.getString("level"), instant(rs, "reported_at"), rs.getString("reported_by"), rs.getString("note")))
                .list();
    }

    public List<ConsequenceRule> rules() {
        return jdbc.sql("select * from acc_consequence_rule order by sort_order").query((rs, n) -> new ConsequenceRule(rs.getString("code"),
                rs.getString("kind"), rs.getString("target"), rs.getString("sector") == null ? null : AccidentSector.valueOf(rs.getString("sector")),
                (Integer) rs.getObject("min_dead"), (Integer) rs.getObject("max_dead"),
                rs.getString("min_grade") == null ? null : AccidentGrade.valueOf(rs.getString("min_grade")),
                rs.getString("max_grade") == null ? null : AccidentGrade.valueOf(rs.getString("max_grade")),
                rs.getBoolean("requires_enterprise"), rs.getBoolean("requires_unsafe"), (Integer) rs.getObject("months"),
                (Integer) rs.getObject("points"), rs.getString("basis"))).list();
    }

    public record Consequence(UUID id, UUID accidentId, String ruleCode, String kind, String target, UUID targetId, String targetName,
                              Integer months, Integer points, String basis, String status, Instant createdAt, Instant updatedAt, String note) {
    }

    public List<Consequence> consequences(UUID accidentId) {
        return jdbc.sql("select * from acc_consequence where accident_id = ? order by created_at, rule_code").param(accidentId)
                .query(AccidentRepository::consequence).list();
    }

    public Optional<Consequence> consequence(UUID id) {
        return jdbc.sql("select * from acc_consequence where id = ?").param(id).query(AccidentRepository::consequence).optional();
    }

    /** Inserts the consequence unless the accident already has one from this rule; true when inserted. */
    public boolean addConsequence(Consequence c) {
        return jdbc.sql("""
                insert into acc_consequence (id, accident_id, rule_code, kind, target, target_id, target_name, months, points, basis, status,
                  created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (accident_id, rule_code) do nothing""")
                .params(c.id(), c.accidentId(), c.ruleCode(), c.kind(), c.target(), c.targetId(), c.targetName(), c.months(), c.points(),
                        c.basis(), c.status(), utc(c.createdAt()), utc(c.updatedAt()))
                .update() == 1;
    }

    public void setConsequenceStatus(UUID id, String status, String note, Instant at) {
        jdbc.sql("update acc_consequence set status = ?, note = coalesce(?, note), updated_at = ? where id = ?")
                .params(status, note, utc(at), id).update();
    }

    private static Consequence consequence(ResultSet rs, int n) throws SQLException {
        return new Consequence(rs.getObject("id", UUID.class), rs.getObject("accident_id", UUID.class), rs.getString("rule_code"),
                rs.getString("kind"), rs.getString("target"), rs.getObject("target_id", UUID.class), rs.getString("target_name"),
                (Integer) rs.getObject("months"), (Integer) rs.getObject("points"), rs.getString("basis"), rs.getString("status"),
                instant(rs, "created_at"), instant(rs, "updated_at"), rs.getString("note"));
    }

    static OffsetDateTime utc(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static AccidentRecord map(ResultSet rs, int n) throws SQLException {
        Instant occurredAt = instant(rs, "occurred_at");
        String level = rs.getString("inv_level");
        Investigation inv = new Investigation(occurredAt, level == null ? null : Investigation.Level.valueOf(level), rs.getString("inv_leader"),
                rs.getString("inv_members"), instant(rs, "inv_started_at"), (Integer) rs.getObject("inv_extension_days"),
                instant(rs, "inv_report_submitted_at"), rs.getString("inv_report_summary"), instant(rs, "inv_approved_at"),
                rs.getString("inv_approved_by"),
                new Investigation.NoLetsGo(rs.getString("nlg_cause_found"), rs.getString("nlg_responsible_handled"),
                        rs.getString("nlg_measures_taken"), rs.getString("nlg_staff_educated")),
                rs.getString("dual_enterprise_duties"), rs.getString("dual_regulator_duties"), instant(rs, "closed_at"));
        return new AccidentRecord(rs.getObject("id", UUID.class), rs.getObject("enterprise_id", UUID.class), rs.getString("enterprise_name"),
                rs.getString("credit_code"), rs.getObject("town_id", UUID.class), rs.getObject("park_id", UUID.class),
                AccidentSector.valueOf(rs.getString("sector")), AccidentType.valueOf(rs.getString("accident_type")), rs.getString("place"),
                occurredAt, (Integer) rs.getObject("people_involved"), rs.getInt("deaths"), rs.getInt("missing"),
                rs.getInt("serious_injuries"), rs.getInt("minor_injuries"), rs.getBigDecimal("direct_loss"), rs.getString("summary"),
                rs.getString("cause_behaviour"), rs.getString("cause_condition"), rs.getString("cause_management"),
                rs.getBoolean("lacks_safe_conditions"), AccidentGrade.valueOf(rs.getString("grade")),
                AccidentState.valueOf(rs.getString("state")), instant(rs, "recorded_at"), rs.getString("recorded_by"), inv,
                rs.getInt("version"));
    }
}
