package org.anjian.inspection.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.anjian.inspection.InspectionFindingRecorded;
import org.anjian.inspection.ViolationCategory;

/**
 * An inspection (现场检查, ENF-3) as a life cycle: PLANNED for a team of at least two certified
 * inspectors, ON_SITE from its first finding, DONE when finished — and once done it takes no more
 * findings and no more check results. A mine (or any sector the district names) is finished only
 * after an exam of its key people (逢查必考). Each finding registers {@link InspectionFindingRecorded},
 * which the hazard module makes a hazard.
 */
public final class Inspection {

    /** A finding as the inspector enters it. */
    public record NewFinding(String place, String description, Boolean major, String criterionCode, String legalBasis, LocalDate deadline,
                             Double latitude, Double longitude, ViolationCategory category) {
    }

    /** A finding recorded on this inspection. */
    public record Finding(UUID id, String place, String description, boolean major, String criterionCode, String legalBasis, LocalDate deadline,
                          Double latitude, Double longitude, ViolationCategory category, String recordedBy, Instant recordedAt) {
    }

    /** One item of the 一体化 check list, checked on site. */
    public record CheckedItem(String item, String outcome, String recordedBy, Instant recordedAt) {
    }

    /** The enterprise inspected, with the place it had when the inspection was planned. */
    public record Site(UUID enterpriseId, UUID townId, UUID parkId, String sector) {
    }

    /** A rectification deadline is at the earliest today and at the latest this many days ahead. */
    public static final int LONGEST_DEADLINE_DAYS = 366;
    static final int LONGEST_COMPANIONS = 500;

    private final UUID id;
    private final Site site;
    private final List<UUID> inspectorIds;
    private final LocalDate plannedOn;
    private final UUID drawId;
    private InspectionState state;
    private Instant startedAt;
    private Instant finishedAt;
    private String companions;
    private final List<Finding> newFindings = new ArrayList<>();
    private final List<Object> events = new ArrayList<>();

    public Inspection(UUID id, Site site, List<UUID> inspectorIds, LocalDate plannedOn, UUID drawId, InspectionState state, Instant startedAt,
                      Instant finishedAt, String companions) {
        this.id = id;
        this.site = site;
        this.inspectorIds = List.copyOf(inspectorIds);
        this.plannedOn = plannedOn;
        this.drawId = drawId;
        this.state = state;
        this.startedAt = startedAt;
        this.finishedAt = finishedAt;
        this.companions = companions;
    }

    /**
     * Plans an inspection of an enterprise ({@code site} null when the enterprise does not exist)
     * by a lawful {@link EnforcementTeam} on a day. Every wrong field is named at once.
     */
    public static Inspection plan(UUID id, Site site, List<EnforcementTeam.Member> team, LocalDate plannedOn, UUID drawId) {
        List<InspectionRuleViolation.Field> errors = new ArrayList<>();
        if (site == null) {
            errors.add(new InspectionRuleViolation.Field("enterpriseId", "inspection.conflict.enterprise", "企业不存在"));
        }
        if (!EnforcementTeam.isLawful(team)) {
            errors.add(EnforcementTeam.refusal());
        }
        if (plannedOn == null) {
            errors.add(new InspectionRuleViolation.Field("plannedOn", "shared.validation.required", "必填"));
        }
        InspectionRuleViolation.throwIfAny(errors);
        return new Inspection(id, site, team.stream().map(EnforcementTeam.Member::id).distinct().toList(), plannedOn, drawId,
                InspectionState.PLANNED, null, null, null);
    }

    /**
     * Records a finding; the inspection goes on site with its first one. A finding that matches an
     * item of the official criteria of major hazards is major whatever was ticked.
     */
    public Finding recordFinding(UUID findingId, NewFinding f, String inspector, Instant now, ZoneId zone) {
        requireNotDone();
        List<InspectionRuleViolation.Field> errors = new ArrayList<>();
        if (f.place() == null || f.place().isBlank() || f.place().length() > 200) {
            errors.add(new InspectionRuleViolation.Field("place", "shared.validation.required", "必填"));
        }
        if (f.description() == null || f.description().isBlank()) {
            errors.add(new InspectionRuleViolation.Field("description", "shared.validation.required", "必填"));
        }
        if (f.category() == null) {
            errors.add(new InspectionRuleViolation.Field("category", "inspection.finding.category", "请选择违法违规类别"));
        }
        LocalDate today = LocalDate.ofInstant(now, zone);
        if (f.deadline() == null || f.deadline().isBefore(today) || f.deadline().isAfter(today.plusDays(LONGEST_DEADLINE_DAYS))) {
            errors.add(new InspectionRuleViolation.Field("deadline", "inspection.finding.deadline", "整改期限须在今天到一年之内"));
        }
        InspectionRuleViolation.throwIfAny(errors);
        boolean major = Boolean.TRUE.equals(f.major()) || blank(f.criterionCode()) != null;
        Finding finding = new Finding(findingId, f.place().trim(), f.description().trim(), major, blank(f.criterionCode()), blank(f.legalBasis()),
                f.deadline(), f.latitude(), f.longitude(), f.category(), inspector, now);
        newFindings.add(finding);
        state = InspectionState.ON_SITE;
        if (startedAt == null) {
            startedAt = now;
        }
        // the hazard is due at the end of the deadline day
        events.add(new InspectionFindingRecorded(id, findingId, site.enterpriseId(), major, finding.place(), finding.description(),
                finding.criterionCode(), inspector, f.deadline().plusDays(1).atStartOfDay(zone).toInstant(), f.category()));
        return finding;
    }

    /** One item of the check list: PASS or FAIL (a failed item is then recorded as a finding). */
    public CheckedItem checkItem(String item, String outcome, String inspector, Instant now) {
        requireNotDone();
        if (item == null || item.isBlank() || item.length() > 500) {
            throw InspectionRuleViolation.invalid("item", "shared.validation.required", "必填");
        }
        if (!"PASS".equals(outcome) && !"FAIL".equals(outcome)) {
            throw InspectionRuleViolation.invalid("outcome", "inspection.check.outcome", "请选择符合或不符合");
        }
        return new CheckedItem(item.trim(), outcome, inspector, now);
    }

    /** 执法+专家: who went along besides the inspectors, as free text (blank clears it). */
    public void noteCompanions(String text) {
        String t = blank(text);
        if (t != null && t.length() > LONGEST_COMPANIONS) {
            throw InspectionRuleViolation.invalid("companions", "inspection.companions", "同行人员不超过 500 字");
        }
        companions = t;
    }

    /**
     * Finishes the inspection, once. {@code examRequired}: the enterprise's sector is one where
     * every inspection examines the key people (逢查必考); then an answered exam must exist.
     */
    public void finish(Instant now, boolean examRequired, boolean examTaken) {
        requireNotDone();
        if (examRequired && !examTaken) {
            throw InspectionRuleViolation.refused("inspection.exam.required", "矿山检查须逢查必考");
        }
        state = InspectionState.DONE;
        if (startedAt == null) {
            startedAt = now;
        }
        finishedAt = now;
    }

    /** 执法必须两人以上: only the inspectors on the inspection record it. */
    public boolean isOnTeam(UUID userId) {
        return inspectorIds.contains(userId);
    }

    private void requireNotDone() {
        if (state.isFinal()) {
            throw InspectionRuleViolation.refused("inspection.done", "the inspection is finished");
        }
    }

    /** The findings recorded since the inspection was loaded, for saving. */
    public List<Finding> newFindings() {
        return List.copyOf(newFindings);
    }

    /** The events caused since the inspection was loaded, cleared as they are taken. */
    public List<Object> pullEvents() {
        List<Object> out = List.copyOf(events);
        events.clear();
        return out;
    }

    public UUID id() {
        return id;
    }

    public Site site() {
        return site;
    }

    public UUID enterpriseId() {
        return site.enterpriseId();
    }

    public List<UUID> inspectorIds() {
        return inspectorIds;
    }

    public LocalDate plannedOn() {
        return plannedOn;
    }

    public UUID drawId() {
        return drawId;
    }

    public InspectionState state() {
        return state;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public String companions() {
        return companions;
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
