package org.anjian.penalty.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.anjian.inspection.ViolationCategory;
import org.anjian.penalty.domain.CaseEvent;
import org.anjian.penalty.domain.CaseFacts;
import org.anjian.penalty.domain.CaseSource;
import org.anjian.penalty.domain.CaseState;
import org.anjian.penalty.domain.Measure;
import org.anjian.penalty.domain.PenaltyCase;
import org.anjian.penalty.internal.PenaltyCaseService.EnforcementRecord;
import org.anjian.penalty.internal.PenaltyCaseService.HearingRecord;
import org.anjian.penalty.internal.PenaltyCaseService.InvestigationRecord;
import org.anjian.penalty.internal.PenaltyCaseService.LegalReview;
import org.anjian.penalty.internal.PenaltyCaseService.PaymentRecord;
import org.anjian.penalty.internal.PenaltyCaseService.TimelineEntry;
import org.anjian.penalty.internal.PenaltyCaseService.TransferRecord;
import org.anjian.shared.error.DomainException;
import org.anjian.shared.web.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Penalty cases in {@code penalty_case} and their case file (timeline, investigation records,
 * legal reviews, hearing, payments, court enforcement, transfer). Saving a case writes its row and
 * what its registered events added to the file.
 */
@Repository
class PenaltyCaseRepository {

    /** A case with what its closing depends on. */
    private static final String SELECT = """
            select c.*, (select coalesce(sum(p.amount_yuan), 0) from penalty_payment p where p.case_id = c.id) as paid_yuan,
              exists (select 1 from penalty_enforcement e where e.case_id = c.id) as enforcement_applied
            from penalty_case c""";

    private final JdbcClient jdbc;

    private final java.time.ZoneId zone;

    PenaltyCaseRepository(JdbcClient jdbc, org.anjian.shared.config.DistrictProperties district) {
        this.jdbc = jdbc;
        this.zone = district.zone();
    }

    /** What a list asks for; {@code ownEnterpriseId} limits it to one enterprise's cases whatever else is asked. */
    record Criteria(UUID ownEnterpriseId, CaseState state, UUID enterpriseId, Integer year, UUID handlerId, Integer decidedYear) {
    }

    // ---- the aggregate ---------------------------------------------------------------------------

    Optional<PenaltyCase> find(UUID id) {
        return jdbc.sql(SELECT + " where c.id = ?").param(id).query(PenaltyCaseRepository::map).optional();
    }

    /** The case, its row locked until the transaction ends: two officers acting at once cannot both pass the same check. */
    Optional<PenaltyCase> lock(UUID id) {
        jdbc.sql("select id from penalty_case where id = ? for update").param(id).query(UUID.class).optional();
        return find(id);
    }

    /** A new case; false when a case was already filed for its source (an order filed twice). */
    boolean add(PenaltyCase c, String actor, Instant now) {
        PenaltyCase.Snapshot s = c.snapshot();
        CaseFacts f = s.circumstances();
        int inserted = jdbc.sql("""
                        insert into penalty_case (id, state, source, source_ref, inspection_id, enterprise_id, categories, facts, responsible_person,
                          handler_ids, major_hazard, self_reported, rectifying, hidden, first_offence, minor, corrected_promptly, refused_to_rectify,
                          filed_by, filed_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict do nothing""")
                .params(s.id(), s.state().name(), s.source().name(), s.sourceRef(), s.inspectionId(), s.enterpriseId(), names(s.categories()),
                        s.facts(), s.responsiblePerson(), s.handlerIds().toArray(UUID[]::new), f.majorHazard(), f.selfReported(), f.rectifying(),
                        f.hidden(), f.firstOffence(), f.minor(), f.correctedPromptly(), f.refusedToRectify(), s.filedBy(), utc(now), utc(now)).update();
        if (inserted == 0) {
            return false;
        }
        file(c, actor, now);
        return true;
    }

    /** The case as it now is, if nobody moved it meanwhile, and what its events added to the case file. */
    void save(PenaltyCase c, String actor, Instant now) {
        PenaltyCase.Snapshot s = c.snapshot();
        CaseFacts f = s.circumstances();
        int updated = jdbc.sql("""
                        update penalty_case set state = ?, fine_yuan = ?, measures = ?, legal_basis = ?, discretion_rule = ?, discretion_reason = ?,
                          proposed_by = ?, review_required = ?, hearing_right = ?, major_hazard = ?, self_reported = ?, rectifying = ?, hidden = ?,
                          first_offence = ?, minor = ?, corrected_promptly = ?, refused_to_rectify = ?, notice_doc_id = ?, notified_on = ?,
                          decision_doc_id = ?, decision_number = ?, decided_at = ?, decided_on = ?, measures_done = ?, outcome_reason = ?, updated_at = ?
                        where id = ? and state = ?""")
                .params(s.state().name(), s.fineYuan(), s.fineYuan() == null ? null : names(s.measures()), s.legalBasis(), s.discretionRule(),
                        s.discretionReason(), s.proposedBy(), s.reviewRequired(), s.hearingRight(), f.majorHazard(), f.selfReported(), f.rectifying(),
                        f.hidden(), f.firstOffence(), f.minor(), f.correctedPromptly(), f.refusedToRectify(), s.noticeDocumentId(), s.notifiedOn(),
                        s.decisionDocumentId(), s.decisionNumber(), s.decidedAt() == null ? null : utc(s.decidedAt()), s.decidedOn(), s.measuresDone(),
                        s.outcomeReason(), utc(now), s.id(), c.loadedState().name()).update();
        if (updated == 0) {
            throw DomainException.conflict("penalty.transition.refused", "the case changed meanwhile", c.loadedState(), s.state());
        }
        file(c, actor, now);
    }

    /** Writes what the case's events add to its file: records, and a timeline row for each step. */
    private void file(PenaltyCase c, String actor, Instant now) {
        OffsetDateTime at = utc(now);
        for (Object e : c.events()) {
            if (e instanceof CaseEvent.Filed f) {
                timeline(f.caseId(), at, actor, "FILE", null, CaseState.FILED, f.source().name());
            } else if (e instanceof CaseEvent.Moved m) {
                timeline(m.caseId(), at, actor, m.action().name(), m.from(), m.to(), m.note());
            } else if (e instanceof CaseEvent.InvestigationRecorded r) {
                jdbc.sql("""
                                insert into penalty_investigation_record (id, case_id, kind, content, taken_at, recorder, recorded_at)
                                values (?, ?, ?, ?, ?, ?, ?)""")
                        .params(r.recordId(), r.caseId(), r.kind(), r.content(), utc(r.takenAt()), actor, at).update();
            } else if (e instanceof CaseEvent.ReviewSubmitted r) {
                jdbc.sql("insert into penalty_legal_review (id, case_id, submitted_by, submitted_at) values (?, ?, ?, ?)")
                        .params(r.reviewId(), r.caseId(), actor, at).update();
            } else if (e instanceof CaseEvent.ReviewDecided r) {
                jdbc.sql("""
                                update penalty_legal_review set reviewer_id = ?, reviewer = ?, outcome = ?, opinion = ?, reviewed_at = ?
                                where case_id = ? and outcome is null""")
                        .params(r.reviewerId(), actor, r.outcome(), r.opinion(), at, r.caseId()).update();
            } else if (e instanceof CaseEvent.HearingRequested r) {
                jdbc.sql("insert into penalty_hearing (case_id, requested_by, requested_at) values (?, ?, ?)").params(r.caseId(), actor, at).update();
            } else if (e instanceof CaseEvent.HearingHeld h) {
                jdbc.sql("update penalty_hearing set held_on = ?, presiding_officer_id = ?, presiding_officer = ?, summary = ? where case_id = ?")
                        .params(h.heldOn(), h.presidingOfficerId(), h.presidingOfficer(), h.summary(), h.caseId()).update();
            } else if (e instanceof CaseEvent.PaymentRecorded p) {
                jdbc.sql("""
                                insert into penalty_payment (id, case_id, amount_yuan, paid_on, receipt_no, recorded_by, recorded_at)
                                values (?, ?, ?, ?, ?, ?, ?)""")
                        .params(p.paymentId(), p.caseId(), p.amountYuan(), p.paidOn(), p.receiptNo(), actor, at).update();
            } else if (e instanceof CaseEvent.EnforcementApplied a) {
                jdbc.sql("""
                                insert into penalty_enforcement (id, case_id, court, applied_on, note, recorded_by, recorded_at)
                                values (?, ?, ?, ?, ?, ?, ?)""")
                        .params(a.applicationId(), a.caseId(), a.court(), a.appliedOn(), a.note(), actor, at).update();
            } else if (e instanceof CaseEvent.Transferred t) {
                jdbc.sql("insert into penalty_transfer (case_id, organ, transferred_on, reason, recorded_by) values (?, ?, ?, ?, ?)")
                        .params(t.caseId(), t.organ(), t.transferredOn(), t.reason(), actor).update();
            }
            // events for other modules (PenaltyDecided) are the service's to publish
        }
    }

    private void timeline(UUID id, OffsetDateTime at, String actor, String action, CaseState from, CaseState to, String note) {
        jdbc.sql("insert into penalty_timeline (case_id, at, actor, action, from_state, to_state, note) values (?, ?, ?, ?, ?, ?, ?)")
                .params(id, at, actor, action, from == null ? null : from.name(), to.name(), note).update();
    }

    // ---- lists and counts ------------------------------------------------------------------------

    List<PenaltyCase> search(Criteria k, PageRequest page) {
        Map<String, Object> p = new LinkedHashMap<>();
        String where = where(k, p);
        if (page.after() != null) {
            // keyset: penalty_case_filed_idx (filed_at desc, id) from the cursor on instead of skipping page × size cases
            org.anjian.shared.web.Cursor c = org.anjian.shared.web.Cursor.parse(page.after(), 2);
            where += " and c.filed_at <= :afterFiled and not (c.filed_at = :afterFiled and c.id <= :afterId)";
            p.put("afterFiled", c.instant(0));
            p.put("afterId", c.uuid(1));
        }
        return jdbc.sql(SELECT + where + " order by c.filed_at desc, c.id limit :limit offset :offset").params(p).param("limit", page.size())
                .param("offset", page.offset()).query(PenaltyCaseRepository::map).list();
    }

    long count(Criteria k) {
        Map<String, Object> p = new LinkedHashMap<>();
        String where = where(k, p);
        return jdbc.sql("select count(*) from penalty_case c" + where).params(p).query(Long.class).single();
    }

    private String where(Criteria k, Map<String, Object> p) {
        StringBuilder where = new StringBuilder(" where true");
        if (k.ownEnterpriseId() != null) {
            where.append(" and c.enterprise_id = :own");
            p.put("own", k.ownEnterpriseId());
        }
        if (k.state() != null) {
            where.append(" and c.state = :state");
            p.put("state", k.state().name());
        }
        if (k.enterpriseId() != null) {
            where.append(" and c.enterprise_id = :enterprise");
            p.put("enterprise", k.enterpriseId());
        }
        if (k.year() != null) {
            // a range rather than extract(year …), so that the filed_at index answers it
            where.append(" and c.filed_at >= make_timestamptz(:year, 1, 1, 0, 0, 0, :zone) and c.filed_at < make_timestamptz(:year + 1, 1, 1, 0, 0, 0, :zone)");
            p.put("year", k.year());
            p.put("zone", zone.getId());
        }
        if (k.decidedYear() != null) {
            where.append(" and c.decided_at >= :decidedFrom and c.decided_at < :decidedTo");
            p.put("decidedFrom", java.time.LocalDate.of(k.decidedYear(), 1, 1).atStartOfDay(zone).toOffsetDateTime());
            p.put("decidedTo", java.time.LocalDate.of(k.decidedYear() + 1, 1, 1).atStartOfDay(zone).toOffsetDateTime());
        }
        if (k.handlerId() != null) {
            where.append(" and :handler = any(c.handler_ids)");
            p.put("handler", k.handlerId());
        }
        return where.toString();
    }

    /** Cases with a decision (决定书), newest first: what the public disclosure shows. */
    List<PenaltyCase> decided(PageRequest page) {
        return jdbc.sql(SELECT + " where c.state in (:decided) order by c.decided_at desc, c.id limit :limit offset :offset")
                .param("decided", decidedStates()).param("limit", page.size()).param("offset", page.offset()).query(PenaltyCaseRepository::map).list();
    }

    long countDecided() {
        return jdbc.sql("select count(*) from penalty_case where state in (:decided)").param("decided", decidedStates()).query(Long.class).single();
    }

    List<PenaltyCase> decidedBetween(LocalDate from, LocalDate to) {
        return jdbc.sql(SELECT + " where c.state in (:decided) and c.decided_on between :from and :to order by c.decided_on, c.id")
                .param("decided", decidedStates()).param("from", from).param("to", to).query(PenaltyCaseRepository::map).list();
    }

    long countIn(CaseState state) {
        return jdbc.sql("select count(*) from penalty_case where state = ?").param(state.name()).query(Long.class).single();
    }

    long countOpenHandledBy(UUID userId) {
        return jdbc.sql("select count(*) from penalty_case where :user = any(handler_ids) and state not in (:final)").param("user", userId)
                .param("final", finalStates()).query(Long.class).single();
    }

    long countOpenOf(UUID enterpriseId) {
        return jdbc.sql("select count(*) from penalty_case where enterprise_id = :enterprise and state not in (:final)").param("enterprise", enterpriseId)
                .param("final", finalStates()).query(Long.class).single();
    }

    private static List<String> decidedStates() {
        return Arrays.stream(CaseState.values()).filter(CaseState::isDecided).map(Enum::name).toList();
    }

    private static List<String> finalStates() {
        return Arrays.stream(CaseState.values()).filter(CaseState::isFinal).map(Enum::name).toList();
    }

    // ---- the case file ---------------------------------------------------------------------------

    List<TimelineEntry> timeline(UUID id) {
        return jdbc.sql("select * from penalty_timeline where case_id = ? order by id").param(id)
                .query((rs, n) -> new TimelineEntry(instant(rs, "at"), rs.getString("actor"), rs.getString("action"),
                        rs.getString("from_state") == null ? null : CaseState.valueOf(rs.getString("from_state")), CaseState.valueOf(rs.getString("to_state")),
                        rs.getString("note"))).list();
    }

    List<InvestigationRecord> investigation(UUID id) {
        return jdbc.sql("select * from penalty_investigation_record where case_id = ? order by taken_at, recorded_at").param(id)
                .query((rs, n) -> new InvestigationRecord(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("content"),
                        instant(rs, "taken_at"), rs.getString("recorder"))).list();
    }

    List<LegalReview> reviews(UUID id) {
        return jdbc.sql("select * from penalty_legal_review where case_id = ? order by submitted_at").param(id)
                .query((rs, n) -> new LegalReview(rs.getObject("id", UUID.class), rs.getString("submitted_by"), instant(rs, "submitted_at"),
                        rs.getString("reviewer"), rs.getString("outcome"), rs.getString("opinion"), instant(rs, "reviewed_at"))).list();
    }

    Optional<HearingRecord> hearing(UUID id) {
        return jdbc.sql("select * from penalty_hearing where case_id = ?").param(id)
                .query((rs, n) -> new HearingRecord(rs.getString("requested_by"), instant(rs, "requested_at"), rs.getObject("held_on", LocalDate.class),
                        rs.getString("presiding_officer"), rs.getString("summary"))).optional();
    }

    List<PaymentRecord> payments(UUID id) {
        return jdbc.sql("select * from penalty_payment where case_id = ? order by paid_on, recorded_at").param(id)
                .query((rs, n) -> new PaymentRecord(rs.getObject("id", UUID.class), rs.getLong("amount_yuan"), rs.getObject("paid_on", LocalDate.class),
                        rs.getString("receipt_no"), rs.getString("recorded_by"))).list();
    }

    List<EnforcementRecord> enforcement(UUID id) {
        return jdbc.sql("select * from penalty_enforcement where case_id = ? order by applied_on").param(id)
                .query((rs, n) -> new EnforcementRecord(rs.getObject("id", UUID.class), rs.getString("court"), rs.getObject("applied_on", LocalDate.class),
                        rs.getString("note"), rs.getString("recorded_by"))).list();
    }

    Optional<TransferRecord> transfer(UUID id) {
        return jdbc.sql("select * from penalty_transfer where case_id = ?").param(id)
                .query((rs, n) -> new TransferRecord(rs.getString("organ"), rs.getObject("transferred_on", LocalDate.class), rs.getString("reason"),
                        rs.getString("recorded_by"))).optional();
    }

    // ---- mapping ---------------------------------------------------------------------------------

    private static PenaltyCase map(ResultSet rs, int n) throws SQLException {
        Set<ViolationCategory> categories = EnumSet.noneOf(ViolationCategory.class);
        for (String s : (String[]) rs.getArray("categories").getArray()) {
            categories.add(ViolationCategory.valueOf(s));
        }
        Set<Measure> measures = EnumSet.noneOf(Measure.class);
        if (rs.getArray("measures") != null) {
            for (String s : (String[]) rs.getArray("measures").getArray()) {
                measures.add(Measure.valueOf(s));
            }
        }
        return PenaltyCase.restore(new PenaltyCase.Snapshot(rs.getObject("id", UUID.class), CaseState.valueOf(rs.getString("state")),
                CaseSource.valueOf(rs.getString("source")), rs.getObject("source_ref", UUID.class), rs.getObject("inspection_id", UUID.class),
                rs.getObject("enterprise_id", UUID.class), categories, rs.getString("facts"), rs.getString("responsible_person"),
                Arrays.asList((UUID[]) rs.getArray("handler_ids").getArray()),
                new CaseFacts(rs.getBoolean("major_hazard"), rs.getBoolean("self_reported"), rs.getBoolean("rectifying"), rs.getBoolean("hidden"),
                        rs.getBoolean("first_offence"), rs.getBoolean("minor"), rs.getBoolean("corrected_promptly"), rs.getBoolean("refused_to_rectify")),
                rs.getObject("fine_yuan", Long.class), measures, rs.getString("legal_basis"), rs.getString("discretion_rule"),
                rs.getString("discretion_reason"), rs.getObject("proposed_by", UUID.class), rs.getObject("review_required", Boolean.class),
                rs.getObject("hearing_right", Boolean.class), rs.getObject("notice_doc_id", UUID.class), rs.getObject("notified_on", LocalDate.class),
                rs.getObject("decision_doc_id", UUID.class), rs.getString("decision_number"), instant(rs, "decided_at"),
                rs.getObject("decided_on", LocalDate.class), rs.getString("measures_done"), rs.getString("outcome_reason"), rs.getString("filed_by"),
                instant(rs, "filed_at"), instant(rs, "updated_at"), rs.getLong("paid_yuan"), rs.getBoolean("enforcement_applied")));
    }

    private static String[] names(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).collect(Collectors.toList()).toArray(String[]::new);
    }

    private static OffsetDateTime utc(Instant t) {
        return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
