package org.anjian.trusteeship.internal;

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
import org.anjian.trusteeship.internal.TrusteeshipRecords.Agency;
import org.anjian.trusteeship.internal.TrusteeshipRecords.Contract;
import org.anjian.trusteeship.internal.TrusteeshipRecords.Evaluation;
import org.anjian.trusteeship.internal.TrusteeshipRecords.Finding;
import org.anjian.trusteeship.internal.TrusteeshipRecords.Report;
import org.anjian.trusteeship.internal.TrusteeshipRecords.Visit;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class TrusteeshipRepository {

    static final String CONTRACT = "select c.*, g.name as agency_name from tru_contract c join tru_agency g on g.id = c.agency_id";

    private final JdbcClient jdbc;

    TrusteeshipRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ------------------------------------------------------------ the AGENCY data scope

    /** The enterprises served by {@code :scopeAgency} on {@code :scopeToday}, for {@code column in (…)}. */
    static final String SERVED = "(select sc.enterprise_id from tru_contract sc where sc.agency_id = :scopeAgency and sc.start_on <= :scopeToday"
            + " and sc.end_on >= :scopeToday and (sc.terminated_on is null or sc.terminated_on > :scopeToday))";

    public ScopeConditions.Condition servedBy(UUID agencyId, String column, LocalDate today) {
        return new ScopeConditions.Condition(column + " in " + SERVED, Map.of("scopeAgency", agencyId, "scopeToday", today));
    }

    public boolean serves(UUID agencyId, UUID enterpriseId, LocalDate today) {
        return jdbc.sql("select exists (select 1 from tru_contract sc where sc.agency_id = :scopeAgency and sc.enterprise_id = :e"
                        + " and sc.start_on <= :scopeToday and sc.end_on >= :scopeToday and (sc.terminated_on is null or sc.terminated_on > :scopeToday))")
                .param("scopeAgency", agencyId).param("e", enterpriseId).param("scopeToday", today).query(Boolean.class).single();
    }

    // ------------------------------------------------------------ agencies

    public List<Agency> agencies() {
        return jdbc.sql("select * from tru_agency order by name").query(TrusteeshipRepository::agency).list();
    }

    public Optional<Agency> agency(UUID id) {
        return jdbc.sql("select * from tru_agency where id = ?").param(id).query(TrusteeshipRepository::agency).optional();
    }

    public boolean agencyCodeTaken(String creditCode) {
        return jdbc.sql("select exists (select 1 from tru_agency where credit_code = ?)").param(creditCode).query(Boolean.class).single();
    }

    public boolean hasAgencies() {
        return jdbc.sql("select exists (select 1 from tru_agency)").query(Boolean.class).single();
    }

    public void insert(Agency a) {
        jdbc.sql("""
                insert into tru_agency (id, name, credit_code, qualification, qualification_no, qualification_valid_until, contact, phone, address,
                  created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(a.id(), a.name(), a.creditCode(), a.qualification(), a.qualificationNo(), a.qualificationValidUntil(), a.contact(), a.phone(),
                        a.address(), utc(a.createdAt()), utc(a.createdAt())).update();
    }

    // ------------------------------------------------------------ contracts

    public record ContractFilter(UUID agencyId, UUID enterpriseId, String status, Boolean governmentPurchased, String text, LocalDate today) {
    }

    public PageResult<Contract> contracts(ContractFilter f, ScopeConditions.Condition scope, PageRequest page) {
        Map<String, Object> params = new HashMap<>(scope.params());
        StringBuilder where = new StringBuilder(" where " + scope.sql());
        params.put("today", f.today());
        if (f.agencyId() != null) {
            where.append(" and c.agency_id = :agencyId");
            params.put("agencyId", f.agencyId());
        }
        if (f.enterpriseId() != null) {
            where.append(" and c.enterprise_id = :enterpriseId");
            params.put("enterpriseId", f.enterpriseId());
        }
        if (f.governmentPurchased() != null) {
            where.append(" and c.government_purchased = :gp");
            params.put("gp", f.governmentPurchased());
        }
        if (f.status() != null) {
            where.append(switch (f.status()) {
                case "ACTIVE" -> " and c.start_on <= :today and c.end_on >= :today and (c.terminated_on is null or c.terminated_on > :today)";
                case "PENDING" -> " and c.start_on > :today and (c.terminated_on is null or c.terminated_on > :today)";
                case "ENDED" -> " and c.end_on < :today and (c.terminated_on is null or c.terminated_on > c.end_on)";
                case "TERMINATED" -> " and c.terminated_on is not null and c.terminated_on <= :today";
                default -> "";
            });
        }
        if (f.text() != null && !f.text().isBlank()) {
            where.append(" and (c.enterprise_name ilike :text or g.name ilike :text or c.contract_no ilike :text)");
            params.put("text", "%" + f.text().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        long total = jdbc.sql("select count(*) from tru_contract c join tru_agency g on g.id = c.agency_id" + where).params(params)
                .query(Long.class).single();
        params.put("limit", page.size());
        params.put("offset", page.offset());
        List<Contract> items = jdbc.sql(CONTRACT + where + " order by c.end_on desc, c.enterprise_name, c.id limit :limit offset :offset")
                .params(params).query(TrusteeshipRepository::contract).list();
        return new PageResult<>(items, total, page.page(), page.size());
    }

    public Optional<Contract> contract(UUID id, ScopeConditions.Condition scope) {
        return jdbc.sql(CONTRACT + " where c.id = :id and " + scope.sql()).params(scope.params()).param("id", id)
                .query(TrusteeshipRepository::contract).optional();
    }

    public List<Contract> contractsOfEnterprise(UUID enterpriseId) {
        return jdbc.sql(CONTRACT + " where c.enterprise_id = ?").param(enterpriseId).query(TrusteeshipRepository::contract).list();
    }

    public void insert(Contract c) {
        jdbc.sql("""
                insert into tru_contract (id, agency_id, enterprise_id, enterprise_name, town_id, park_id, sector, contract_no, start_on, end_on,
                  service_scope, price_yuan, government_purchased, visits_per_month, created_at, updated_at)
                values (:id, :agency, :enterprise, :name, :town, :park, :sector, :no, :start, :end, :scope, :price, :gp, :vpm, :now, :now)""")
                .param("id", c.id()).param("agency", c.agencyId()).param("enterprise", c.enterpriseId()).param("name", c.enterpriseName())
                .param("town", c.townId()).param("park", c.parkId()).param("sector", c.sector()).param("no", c.contractNo())
                .param("start", c.startOn()).param("end", c.endOn()).param("scope", c.serviceScope()).param("price", c.priceYuan())
                .param("gp", c.governmentPurchased()).param("vpm", c.visitsPerMonth()).param("now", utc(c.createdAt())).update();
    }

    public void terminate(UUID id, LocalDate on, String reason, int version, Instant now) {
        int n = jdbc.sql("update tru_contract set terminated_on = ?, termination_reason = ?, updated_at = ?, version = version + 1 where id = ? and version = ?")
                .params(on, reason, utc(now), id, version).update();
        if (n != 1) {
            throw new OptimisticLockingFailureException("contract " + id + " was changed by someone else");
        }
    }

    // ------------------------------------------------------------ visits, findings, reports

    public void insert(Visit v, Contract c) {
        jdbc.sql("""
                insert into tru_visit (id, contract_id, agency_id, enterprise_id, town_id, park_id, sector, visited_on, visitor_name, content, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(v.id(), c.id(), c.agencyId(), c.enterpriseId(), c.townId(), c.parkId(), c.sector(), v.visitedOn(), v.visitorName(), v.content(),
                        utc(v.createdAt())).update();
        for (Finding f : v.findings()) {
            jdbc.sql("insert into tru_finding (id, visit_id, enterprise_id, hazard_id, place, description, grade, deadline) values (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(f.id(), v.id(), c.enterpriseId(), f.hazardId(), f.place(), f.description(), f.grade(), f.deadline()).update();
        }
    }

    public List<Visit> visits(UUID contractId) {
        List<Visit> visits = jdbc.sql("select * from tru_visit where contract_id = ? order by visited_on desc, created_at desc").param(contractId)
                .query((rs, n) -> new Visit(rs.getObject("id", UUID.class), rs.getObject("contract_id", UUID.class), rs.getObject("agency_id", UUID.class),
                        rs.getObject("enterprise_id", UUID.class), rs.getObject("visited_on", LocalDate.class), rs.getString("visitor_name"),
                        rs.getString("content"), List.of(), instant(rs, "created_at"))).list();
        if (visits.isEmpty()) {
            return visits;
        }
        Map<UUID, List<Finding>> findings = new HashMap<>();
        jdbc.sql("select f.* from tru_finding f join tru_visit v on v.id = f.visit_id where v.contract_id = ? order by f.deadline").param(contractId)
                .query((rs, n) -> findings.computeIfAbsent(rs.getObject("visit_id", UUID.class), k -> new java.util.ArrayList<>())
                        .add(new Finding(rs.getObject("id", UUID.class), rs.getObject("hazard_id", UUID.class), rs.getString("place"),
                                rs.getString("description"), rs.getString("grade"), rs.getObject("deadline", LocalDate.class)))).list();
        return visits.stream().map(v -> new Visit(v.id(), v.contractId(), v.agencyId(), v.enterpriseId(), v.visitedOn(), v.visitorName(), v.content(),
                findings.getOrDefault(v.id(), List.of()), v.createdAt())).toList();
    }

    /** Visits and findings of a contract in a month: what its monthly report counts. */
    public int[] visitsAndFindings(UUID contractId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select count(distinct v.id), count(f.id) from tru_visit v left join tru_finding f on f.visit_id = v.id
                where v.contract_id = ? and v.visited_on between ? and ?""")
                .params(contractId, from, to).query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)}).single();
    }

    public boolean reportExists(UUID contractId, LocalDate month) {
        return jdbc.sql("select exists (select 1 from tru_monthly_report where contract_id = ? and month = ?)").params(contractId, month)
                .query(Boolean.class).single();
    }

    public void insert(Report r, Contract c) {
        jdbc.sql("""
                insert into tru_monthly_report (id, contract_id, agency_id, enterprise_id, town_id, park_id, sector, month, visits, findings, summary, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.id(), c.id(), c.agencyId(), c.enterpriseId(), c.townId(), c.parkId(), c.sector(), r.month(), r.visits(), r.findings(),
                        r.summary(), utc(r.createdAt())).update();
    }

    public List<Report> reports(UUID contractId) {
        return jdbc.sql("select * from tru_monthly_report where contract_id = ? order by month desc").param(contractId)
                .query((rs, n) -> new Report(rs.getObject("id", UUID.class), rs.getObject("contract_id", UUID.class), rs.getObject("agency_id", UUID.class),
                        rs.getObject("enterprise_id", UUID.class), rs.getObject("month", LocalDate.class), rs.getInt("visits"), rs.getInt("findings"),
                        rs.getString("summary"), instant(rs, "created_at"))).list();
    }

    // ------------------------------------------------------------ evaluation and figures

    public void insert(Evaluation e) {
        jdbc.sql("insert into tru_evaluation (id, agency_id, year, score, rating, evaluator, note, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(e.id(), e.agencyId(), e.year(), e.score(), e.rating(), e.evaluator(), e.note(), utc(e.createdAt())).update();
    }

    public boolean evaluated(UUID agencyId, int year) {
        return jdbc.sql("select exists (select 1 from tru_evaluation where agency_id = ? and year = ?)").params(agencyId, year).query(Boolean.class).single();
    }

    public List<Evaluation> evaluations(UUID agencyId) {
        return jdbc.sql("select * from tru_evaluation where agency_id = ? order by year desc").param(agencyId)
                .query((rs, n) -> new Evaluation(rs.getObject("id", UUID.class), rs.getObject("agency_id", UUID.class), rs.getInt("year"), rs.getInt("score"),
                        rs.getString("rating"), rs.getString("evaluator"), rs.getString("note"), instant(rs, "created_at"))).list();
    }

    /** An agency's figures for a year: contracts in force at some time, visits, findings, reports. */
    public record AgencyFigures(long contracts, long governmentPurchased, long visits, long findings, long reports) {
    }

    public AgencyFigures figures(UUID agencyId, int year) {
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        return jdbc.sql("""
                select (select count(*) from tru_contract c where c.agency_id = :a and c.start_on <= :to and c.end_on >= :from),
                       (select count(*) from tru_contract c where c.agency_id = :a and c.start_on <= :to and c.end_on >= :from and c.government_purchased),
                       (select count(*) from tru_visit v where v.agency_id = :a and v.visited_on between :from and :to),
                       (select count(*) from tru_finding f join tru_visit v on v.id = f.visit_id where v.agency_id = :a and v.visited_on between :from and :to),
                       (select count(*) from tru_monthly_report r where r.agency_id = :a and r.month between :from and :to)""")
                .param("a", agencyId).param("from", from).param("to", to)
                .query((rs, n) -> new AgencyFigures(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5))).single();
    }

    /** Visits this month of the contracts in force under a scope condition (alias {@code c}). */
    public long visitsThisMonth(ScopeConditions.Condition scope, LocalDate from, LocalDate to) {
        return jdbc.sql("select count(*) from tru_visit v join tru_contract c on c.id = v.contract_id where v.visited_on between :from and :to and "
                        + scope.sql()).params(scope.params()).param("from", from).param("to", to).query(Long.class).single();
    }

    static OffsetDateTime utc(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static Agency agency(ResultSet rs, int n) throws SQLException {
        return new Agency(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("credit_code"), rs.getString("qualification"),
                rs.getString("qualification_no"), rs.getObject("qualification_valid_until", LocalDate.class), rs.getString("contact"),
                rs.getString("phone"), rs.getString("address"), instant(rs, "created_at"), rs.getInt("version"));
    }

    static Contract contract(ResultSet rs, int n) throws SQLException {
        return new Contract(rs.getObject("id", UUID.class), rs.getObject("agency_id", UUID.class), rs.getString("agency_name"),
                rs.getObject("enterprise_id", UUID.class), rs.getString("enterprise_name"), rs.getObject("town_id", UUID.class),
                rs.getObject("park_id", UUID.class), rs.getString("sector"), rs.getString("contract_no"), rs.getObject("start_on", LocalDate.class),
                rs.getObject("end_on", LocalDate.class), rs.getString("service_scope"), rs.getBigDecimal("price_yuan"), rs.getBoolean("government_purchased"),
                rs.getInt("visits_per_month"), rs.getObject("terminated_on", LocalDate.class), rs.getString("termination_reason"),
                instant(rs, "created_at"), rs.getInt("version"));
    }
}
