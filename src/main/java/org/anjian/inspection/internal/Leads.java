package org.anjian.inspection.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.anjian.enterprise.EnterpriseLookup;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.enterprise.Sector;
import org.anjian.identity.UserDirectory;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.error.DomainException.FieldError;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.Role;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 打非治违 leads and 吹哨人 reports (ENF-11): received, assigned to two certified inspectors (an
 * inspection outside the plan with reason LEAD when the enterprise is registered; an unregistered
 * site is visited by the assigned inspectors without an inspection record), closed with what was
 * found, and a reward (举报奖励) recorded for a confirmed one. The reporter's name and phone are
 * encrypted at rest and shown only to the district; everyone else sees them masked.
 */
@Service
@Transactional
public class Leads {

    static final Set<String> KINDS = Set.of("ILLEGAL_ACTIVITY", "WHISTLEBLOWER");
    static final Set<String> SOURCES = Set.of("HOTLINE", "ONLINE", "LETTER", "VISIT", "REFERRAL");
    static final Set<String> OUTCOMES = Set.of("CONFIRMED", "NOT_CONFIRMED");

    private final JdbcClient jdbc;
    private final EnterpriseLookup enterprises;
    private final UserDirectory users;
    private final InspectionService inspections;
    private final LeadCipher cipher;
    private final AuditTrail audit;
    private final Clock clock;

    Leads(JdbcClient jdbc, EnterpriseLookup enterprises, UserDirectory users, InspectionService inspections, LeadCipher cipher, AuditTrail audit,
          Clock clock) {
        this.jdbc = jdbc;
        this.enterprises = enterprises;
        this.users = users;
        this.inspections = inspections;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    public record NewLead(String kind, UUID enterpriseId, String siteName, String siteAddress, UUID townId, String sector, String description,
                          LocalDate receivedOn, String source, String reporterName, String reporterPhone) {
    }

    public record Lead(UUID id, String kind, UUID enterpriseId, String enterpriseName, String siteName, String siteAddress, UUID townId,
                       String sector, String description, LocalDate receivedOn, String source, String reporterName, String reporterPhone,
                       boolean reporterMasked, String state, UUID inspectionId, List<UUID> inspectorIds, String outcome, String result,
                       String closedBy, Instant closedAt, Long rewardYuan, LocalDate rewardPaidOn, Instant createdAt) {
    }

    public record Assignment(List<UUID> inspectorIds, LocalDate plannedOn) {
    }

    public record Closing(String outcome, String result) {
    }

    public record Reward(Long amountYuan, LocalDate paidOn) {
    }

    public Lead receive(AnjianUser user, NewLead n) {
        requireDistrict(user);
        List<FieldError> errors = new ArrayList<>();
        if (n == null || n.kind() == null || !KINDS.contains(n.kind())) {
            errors.add(new FieldError("kind", "inspection.lead.kindRequired", "请选择线索类型"));
            throw DomainException.invalid(errors);
        }
        Optional<EnterpriseSummary> e = n.enterpriseId() == null ? Optional.empty() : enterprises.find(n.enterpriseId());
        if (n.enterpriseId() != null && e.isEmpty()) {
            errors.add(new FieldError("enterpriseId", "inspection.conflict.enterprise", "企业不存在"));
        }
        String site = blank(n.siteName());
        if ("WHISTLEBLOWER".equals(n.kind()) && n.enterpriseId() == null) {
            errors.add(new FieldError("enterpriseId", "inspection.lead.whistleblowerEnterprise", "吹哨人举报须指明其所在企业"));
        } else if (n.enterpriseId() == null && site == null) {
            errors.add(new FieldError("siteName", "inspection.lead.site", "请选择企业或填写未登记场所名称"));
        }
        if ((site != null && site.length() > 200) || (n.siteAddress() != null && n.siteAddress().length() > 300)) {
            errors.add(new FieldError("siteName", "shared.validation.tooLong", "内容过长"));
        }
        String sector = e.map(x -> x.sector().name()).orElse(blank(n.sector()));
        if (sector != null && Arrays.stream(Sector.values()).noneMatch(s -> s.name().equals(sector))) {
            errors.add(new FieldError("sector", "inspection.plan.sectorInvalid", "行业无效"));
        }
        if (n.description() == null || n.description().isBlank() || n.description().length() > 4000) {
            errors.add(new FieldError("description", "shared.validation.required", "必填"));
        }
        if (n.receivedOn() == null || n.receivedOn().isAfter(today())) {
            errors.add(new FieldError("receivedOn", "inspection.lead.receivedOnInvalid", "受理日期不能晚于今天"));
        }
        if (n.source() == null || !SOURCES.contains(n.source())) {
            errors.add(new FieldError("source", "inspection.lead.sourceRequired", "请选择线索来源"));
        }
        if (n.reporterName() != null && n.reporterName().length() > 50) {
            errors.add(new FieldError("reporterName", "shared.validation.tooLong", "内容过长"));
        }
        if (n.reporterPhone() != null && !n.reporterPhone().isBlank() && !n.reporterPhone().trim().matches("[0-9+\\- ]{5,20}")) {
            errors.add(new FieldError("reporterPhone", "inspection.lead.phone", "电话号码格式不正确"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into inspection_lead (id, kind, enterprise_id, site_name, site_address, town_id, sector, description, received_on, source,
                  reporter_name, reporter_phone, state, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'NEW', ?, ?)""")
                .params(id, n.kind(), n.enterpriseId(), site, blank(n.siteAddress()), e.map(EnterpriseSummary::townId).orElse(n.townId()), sector,
                        n.description().trim(), n.receivedOn(), n.source(), cipher.encrypt(n.reporterName()), cipher.encrypt(n.reporterPhone()),
                        user.getUsername(), now()).update();
        // the reporter stays out of the audit trail too: only whether one was named
        audit.record("INSPECTION_LEAD_RECEIVED", "inspection-lead", id, null, Map.of("kind", n.kind(), "enterpriseId", String.valueOf(n.enterpriseId()),
                "site", String.valueOf(site), "source", n.source(), "reporterNamed", n.reporterPhone() != null || n.reporterName() != null));
        return get(user, id);
    }

    public Lead assign(AnjianUser user, UUID id, Assignment a) {
        requireDistrict(user);
        Lead lead = get(user, id);
        if (!"NEW".equals(lead.state())) {
            throw DomainException.conflict("inspection.lead.notNew", "the lead is already assigned or closed");
        }
        List<UUID> team = a == null || a.inspectorIds() == null ? List.of() : a.inspectorIds().stream().distinct().toList();
        LocalDate plannedOn = a == null || a.plannedOn() == null ? today() : a.plannedOn();
        UUID inspectionId = null;
        if (lead.enterpriseId() != null) {
            inspectionId = inspections.plan(user, new InspectionService.NewInspection(lead.enterpriseId(), team, plannedOn, null, "LEAD")).id();
        } else if (team.size() < 2 || team.stream().anyMatch(u -> users.user(u)
                .filter(x -> x.roles().contains(Role.INSPECTOR) && x.enforcementCertNo() != null).isEmpty())) {
            throw DomainException.invalid("inspectorIds", "inspection.inspectors", "须有至少两名持证执法人员");
        }
        jdbc.sql("update inspection_lead set state = 'ASSIGNED', inspection_id = ?, inspector_ids = ? where id = ?")
                .params(inspectionId, team.toArray(UUID[]::new), id).update();
        audit.record("INSPECTION_LEAD_ASSIGNED", "inspection-lead", id, Map.of("state", "NEW"),
                Map.of("state", "ASSIGNED", "inspectors", team, "inspectionId", String.valueOf(inspectionId)));
        return get(user, id);
    }

    public Lead close(AnjianUser user, UUID id, Closing c) {
        Lead lead = get(user, id);
        boolean onTeam = user.hasRole(Role.INSPECTOR) && lead.inspectorIds() != null && lead.inspectorIds().contains(user.id());
        if (!user.hasRole(Role.DISTRICT_ADMIN) && !onTeam) {
            throw new DomainException(HttpStatus.FORBIDDEN, "inspection.lead.notOnTeam", "only the district or the lead's inspectors close it");
        }
        if (!"ASSIGNED".equals(lead.state())) {
            throw DomainException.conflict("inspection.lead.notAssigned", "only an assigned lead is closed");
        }
        List<FieldError> errors = new ArrayList<>();
        if (c == null || c.outcome() == null || !OUTCOMES.contains(c.outcome())) {
            errors.add(new FieldError("outcome", "inspection.lead.outcomeRequired", "请选择核查结果"));
        }
        if (c == null || c.result() == null || c.result().isBlank() || c.result().length() > 4000) {
            errors.add(new FieldError("result", "shared.validation.required", "必填"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        jdbc.sql("update inspection_lead set state = 'CLOSED', outcome = ?, result = ?, closed_by = ?, closed_at = ? where id = ?")
                .params(c.outcome(), c.result().trim(), user.getUsername(), now(), id).update();
        audit.record("INSPECTION_LEAD_CLOSED", "inspection-lead", id, Map.of("state", lead.state()),
                Map.of("state", "CLOSED", "outcome", c.outcome()));
        return get(user, id);
    }

    public Lead reward(AnjianUser user, UUID id, Reward r) {
        requireDistrict(user);
        Lead lead = get(user, id);
        if (!"CLOSED".equals(lead.state()) || !"CONFIRMED".equals(lead.outcome())) {
            throw DomainException.conflict("inspection.lead.notConfirmed", "rewards are paid for confirmed leads only");
        }
        if (lead.rewardYuan() != null) {
            throw DomainException.conflict("inspection.lead.rewarded", "the reward is already recorded");
        }
        List<FieldError> errors = new ArrayList<>();
        if (r == null || r.amountYuan() == null || r.amountYuan() <= 0 || r.amountYuan() > 100_000_000L) {
            errors.add(new FieldError("amountYuan", "inspection.lead.amountInvalid", "奖励金额须大于 0"));
        }
        if (r == null || r.paidOn() == null || r.paidOn().isAfter(today()) || r.paidOn().isBefore(lead.receivedOn())) {
            errors.add(new FieldError("paidOn", "inspection.lead.paidOnInvalid", "兑现日期须在受理日期到今天之间"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        jdbc.sql("update inspection_lead set reward_yuan = ?, reward_paid_on = ? where id = ?").params(r.amountYuan(), r.paidOn(), id).update();
        audit.record("INSPECTION_LEAD_REWARDED", "inspection-lead", id, null, Map.of("amountYuan", r.amountYuan(), "paidOn", r.paidOn()));
        return get(user, id);
    }

    @Transactional(readOnly = true)
    public PageResult<Lead> list(AnjianUser user, String state, String kind, PageRequest page) {
        requireReader(user);
        String where = " where (cast(? as varchar) is null or state = ?) and (cast(? as varchar) is null or kind = ?)";
        String s = blank(state);
        String k = blank(kind);
        long total = jdbc.sql("select count(*) from inspection_lead" + where).params(s, s, k, k).query(Long.class).single();
        Map<UUID, String> names = new HashMap<>();
        List<Lead> items = jdbc.sql("select * from inspection_lead" + where + " order by received_on desc, created_at desc limit ? offset ?")
                .params(s, s, k, k, page.size(), page.offset()).query((rs, n) -> map(rs, user, names)).list();
        return new PageResult<>(items, total, page.page(), page.size());
    }

    @Transactional(readOnly = true)
    public Lead get(AnjianUser user, UUID id) {
        requireReader(user);
        return jdbc.sql("select * from inspection_lead where id = ?").param(id).query((rs, n) -> map(rs, user, new HashMap<>())).optional()
                .orElseThrow(() -> DomainException.notFound("lead"));
    }

    private Lead map(ResultSet rs, AnjianUser user, Map<UUID, String> names) throws SQLException {
        boolean reveal = user.hasRole(Role.DISTRICT_ADMIN);
        String name = cipher.decrypt(rs.getBytes("reporter_name"));
        String phone = cipher.decrypt(rs.getBytes("reporter_phone"));
        UUID enterpriseId = rs.getObject("enterprise_id", UUID.class);
        java.sql.Array team = rs.getArray("inspector_ids");
        OffsetDateTime closed = rs.getObject("closed_at", OffsetDateTime.class);
        long reward = rs.getLong("reward_yuan");
        Long rewardYuan = rs.wasNull() ? null : reward;
        return new Lead(rs.getObject("id", UUID.class), rs.getString("kind"), enterpriseId,
                enterpriseId == null ? null : names.computeIfAbsent(enterpriseId, x -> enterprises.find(x).map(EnterpriseSummary::name).orElse("")),
                rs.getString("site_name"), rs.getString("site_address"), rs.getObject("town_id", UUID.class), rs.getString("sector"),
                rs.getString("description"), rs.getObject("received_on", LocalDate.class), rs.getString("source"),
                reveal ? name : maskName(name), reveal ? phone : maskPhone(phone), !reveal && (name != null || phone != null), rs.getString("state"),
                rs.getObject("inspection_id", UUID.class), team == null ? List.of() : Arrays.asList((UUID[]) team.getArray()), rs.getString("outcome"),
                rs.getString("result"), rs.getString("closed_by"), closed == null ? null : closed.toInstant(), rewardYuan,
                rs.getObject("reward_paid_on", LocalDate.class), rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    /** 张三 → 张*; a single character stays hidden entirely. */
    static String maskName(String name) {
        if (name == null) {
            return null;
        }
        return name.length() <= 1 ? "*" : name.substring(0, 1) + "*".repeat(name.length() - 1);
    }

    /** 13812345678 → 138****5678: enough to tell two reporters apart, not to call one. */
    static String maskPhone(String phone) {
        if (phone == null) {
            return null;
        }
        String p = phone.replaceAll("\\s", "");
        return p.length() < 8 ? "*".repeat(p.length()) : p.substring(0, 3) + "*".repeat(p.length() - 7) + p.substring(p.length() - 4);
    }

    private static void requireDistrict(AnjianUser user) {
        if (!user.hasRole(Role.DISTRICT_ADMIN)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "inspection.lead.forbidden", "only the district handles leads");
        }
    }

    private static void requireReader(AnjianUser user) {
        if (!user.hasAnyRole(Role.DISTRICT_ADMIN, Role.INSPECTOR, Role.AUDITOR)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "inspection.lead.forbidden", "leads are read by the district, inspectors and auditors");
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(InspectionService.SHANGHAI));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
