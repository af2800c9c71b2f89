package org.anjian.inspection.internal;

import org.anjian.shared.config.DistrictProperties;
import java.time.ZoneId;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.anjian.inspection.domain.LeadState;
import org.anjian.enterprise.EnterpriseLookup;
import org.anjian.enterprise.EnterpriseSummary;
import org.anjian.enterprise.Sector;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.Role;
import org.anjian.shared.web.PageRequest;
import org.anjian.shared.web.PageResult;
import org.springframework.http.HttpStatus;
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
public class Leads implements org.anjian.inspection.LeadIntake {

    private final LeadRepository repository;
    private final EnterpriseLookup enterprises;
    private final InspectionService inspections;
    private final AuditTrail audit;
    private final Clock clock;

    private final ZoneId zone;
    private final org.springframework.context.ApplicationEventPublisher events;

    Leads(LeadRepository repository, EnterpriseLookup enterprises, InspectionService inspections, AuditTrail audit,
          Clock clock, DistrictProperties district, org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.zone = district.zone();
        this.repository = repository;
        this.enterprises = enterprises;
        this.inspections = inspections;
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
        Optional<EnterpriseSummary> e = n == null || n.enterpriseId() == null ? Optional.empty() : enterprises.find(n.enterpriseId());
        org.anjian.inspection.domain.Lead.Report report = n == null ? null : new org.anjian.inspection.domain.Lead.Report(n.kind(), n.enterpriseId(), n.siteName(), n.siteAddress(),
                e.map(EnterpriseSummary::townId).orElse(n.townId()), e.map(x -> x.sector().name()).orElse(blank(n.sector())), n.description(),
                n.receivedOn(), n.source(), n.reporterName(), n.reporterPhone());
        Set<String> sectors = Arrays.stream(Sector.values()).map(Enum::name).collect(Collectors.toSet());
        org.anjian.inspection.domain.Lead lead = Refusals.get(() -> org.anjian.inspection.domain.Lead.receive(UUID.randomUUID(), report, e.isPresent(), sectors, today()));
        repository.insert(lead, user.getUsername(), clock.instant());
        org.anjian.inspection.domain.Lead.Report r = lead.report();
        // the reporter stays out of the audit trail too: only whether one was named
        audit.record("INSPECTION_LEAD_RECEIVED", "inspection-lead", lead.id(), null, Map.of("kind", r.kind(), "enterpriseId",
                String.valueOf(r.enterpriseId()), "site", String.valueOf(r.siteName()), "source", r.source(),
                "reporterNamed", r.reporterPhone() != null || r.reporterName() != null));
        return get(user, lead.id());
    }

    /**
     * A lead from a public report (12350, source ONLINE), received for the report's handler: the
     * publicreport module checked that the handler may verify the report. No reporter is named here.
     */
    @Override
    public UUID receiveFromPublicReport(String handler, org.anjian.inspection.LeadIntake.ReportedLead n) {
        Optional<EnterpriseSummary> e = n.enterpriseId() == null ? Optional.empty() : enterprises.find(n.enterpriseId());
        String description = n.description() + (n.reference() == null ? "" : "\n（来源：" + n.reference() + "）");
        org.anjian.inspection.domain.Lead.Report report = new org.anjian.inspection.domain.Lead.Report("ILLEGAL_ACTIVITY", n.enterpriseId(),
                e.isPresent() ? null : n.siteName(), n.siteAddress(), e.map(EnterpriseSummary::townId).orElse(n.townId()),
                e.map(x -> x.sector().name()).orElse(null), description.length() > 4000 ? description.substring(0, 4000) : description,
                today(), "ONLINE", null, null);
        Set<String> sectors = Arrays.stream(Sector.values()).map(Enum::name).collect(Collectors.toSet());
        org.anjian.inspection.domain.Lead lead = Refusals.get(() -> org.anjian.inspection.domain.Lead.receive(UUID.randomUUID(), report,
                e.isPresent(), sectors, today()));
        repository.insert(lead, handler, clock.instant());
        audit.record("INSPECTION_LEAD_RECEIVED", "inspection-lead", lead.id(), null, Map.of("kind", report.kind(), "enterpriseId",
                String.valueOf(report.enterpriseId()), "site", String.valueOf(lead.report().siteName()), "source", report.source(),
                "publicReport", String.valueOf(n.reference()), "reporterNamed", false));
        return lead.id();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<org.anjian.inspection.LeadIntake.LeadStatus> status(UUID leadId) {
        return repository.load(leadId).map(l -> new org.anjian.inspection.LeadIntake.LeadStatus(l.id(), l.state().name(), l.inspectionId(),
                l.outcome(), l.result(), l.closedAt()));
    }

    public Lead assign(AnjianUser user, UUID id, Assignment a) {
        requireDistrict(user);
        get(user, id);
        org.anjian.inspection.domain.Lead lead = load(id);
        List<UUID> ids = a == null || a.inspectorIds() == null ? List.of() : a.inspectorIds();
        LocalDate plannedOn = a == null || a.plannedOn() == null ? today() : a.plannedOn();
        Refusals.check(() -> lead.assign(inspections.team(ids), plannedOn, (enterpriseId, team, on, reason) ->
                inspections.plan(user, new InspectionService.NewInspection(enterpriseId, team, on, null, reason)).id()));
        repository.save(lead);
        audit.record("INSPECTION_LEAD_ASSIGNED", "inspection-lead", id, Map.of("state", "NEW"),
                Map.of("state", lead.state().name(), "inspectors", lead.inspectorIds(), "inspectionId", String.valueOf(lead.inspectionId())));
        return get(user, id);
    }

    public Lead close(AnjianUser user, UUID id, Closing c) {
        get(user, id);
        org.anjian.inspection.domain.Lead lead = load(id);
        boolean onTeam = user.hasRole(Role.INSPECTOR) && lead.isAssignedTo(user.id());
        if (!user.hasRole(Role.DISTRICT_ADMIN) && !onTeam) {
            throw new DomainException(HttpStatus.FORBIDDEN, "inspection.lead.notOnTeam", "only the district or the lead's inspectors close it");
        }
        LeadState before = lead.state();
        Refusals.check(() -> lead.close(c == null ? null : c.outcome(), c == null ? null : c.result(), user.getUsername(), clock.instant()));
        repository.save(lead);
        audit.record("INSPECTION_LEAD_CLOSED", "inspection-lead", id, Map.of("state", before.name()),
                Map.of("state", lead.state().name(), "outcome", lead.outcome()));
        events.publishEvent(new org.anjian.inspection.LeadClosed(id, lead.outcome(), lead.result()));
        return get(user, id);
    }

    public Lead reward(AnjianUser user, UUID id, Reward r) {
        requireDistrict(user);
        get(user, id);
        org.anjian.inspection.domain.Lead lead = load(id);
        Refusals.check(() -> lead.reward(r == null ? null : r.amountYuan(), r == null ? null : r.paidOn(), today()));
        repository.save(lead);
        audit.record("INSPECTION_LEAD_REWARDED", "inspection-lead", id, null, Map.of("amountYuan", lead.rewardYuan(), "paidOn", lead.rewardPaidOn()));
        return get(user, id);
    }

    @Transactional(readOnly = true)
    public PageResult<Lead> list(AnjianUser user, String state, String kind, PageRequest page) {
        requireReader(user);
        String s = blank(state);
        String k = blank(kind);
        long total = repository.count(s, k);
        Map<UUID, String> names = new HashMap<>();
        List<Lead> items = repository.list(s, k, page).stream().map(x -> view(x, user, names)).toList();
        return new PageResult<>(items, total, page.page(), page.size());
    }

    @Transactional(readOnly = true)
    public Lead get(AnjianUser user, UUID id) {
        requireReader(user);
        return repository.find(id).map(x -> view(x, user, new HashMap<>())).orElseThrow(() -> DomainException.notFound("lead"));
    }

    private org.anjian.inspection.domain.Lead load(UUID id) {
        return repository.load(id).orElseThrow(() -> DomainException.notFound("lead"));
    }

    /** The lead as a reader sees it: the reporter's name and phone only for the district, masked for everyone else. */
    private Lead view(LeadRepository.Stored stored, AnjianUser user, Map<UUID, String> names) {
        boolean reveal = user.hasRole(Role.DISTRICT_ADMIN);
        org.anjian.inspection.domain.Lead l = stored.lead();
        org.anjian.inspection.domain.Lead.Report r = l.report();
        String name = r.reporterName();
        String phone = r.reporterPhone();
        UUID enterpriseId = r.enterpriseId();
        return new Lead(l.id(), r.kind(), enterpriseId,
                enterpriseId == null ? null : names.computeIfAbsent(enterpriseId, x -> enterprises.find(x).map(EnterpriseSummary::name).orElse("")),
                r.siteName(), r.siteAddress(), r.townId(), r.sector(), r.description(), r.receivedOn(), r.source(),
                reveal ? name : maskName(name), reveal ? phone : maskPhone(phone), !reveal && (name != null || phone != null), l.state().name(),
                l.inspectionId(), l.inspectorIds(), l.outcome(), l.result(), l.closedBy(), l.closedAt(), l.rewardYuan(), l.rewardPaidOn(),
                stored.createdAt());
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
        return LocalDate.now(clock.withZone(zone));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
