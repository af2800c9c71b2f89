package org.anjian.hazard.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.anjian.hazard.HazardGrade;
import org.anjian.hazard.HazardSource;
import org.anjian.hazard.HazardState;

/**
 * A hazard and its closed loop (DP-3, DP-4), free of any framework so that the rules read as the
 * regulation does:
 * <ul>
 *   <li>REPORTED → PLANNED ({@link #plan}) → RECTIFYING ({@link #start}) → RECTIFIED ({@link #complete})
 *       → VERIFIED ({@link #verify}) → CLOSED ({@link #close}); a rejected verification sends it back
 *       to RECTIFYING ({@link #reject}).</li>
 *   <li>A major hazard does not start rectification before the five assurances and the dual report.</li>
 *   <li>Nobody verifies their own rectification; a major hazard is verified by a regulator or expert.</li>
 *   <li>A major hazard may be put under listed supervision while it is open.</li>
 * </ul>
 */
public class Hazard {

    private final UUID id;
    private final UUID enterpriseId;
    private final HazardGrade grade;
    private final HazardSource source;
    private final boolean selfReported;
    private final boolean unreported;
    private final Instant deadline;
    private HazardState state;
    private String plan;
    private FiveAssurances fiveAssurances;
    private DualReport dualReport;
    private UUID rectifiedBy;
    private Instant rectifiedAt;
    private UUID verifiedBy;
    private Instant verifiedAt;
    private Instant closedAt;
    private ListedSupervision listedSupervision;
    private int rejections;

    @SuppressWarnings("java:S107") // the aggregate is rebuilt from its stored columns
    public Hazard(UUID id, UUID enterpriseId, HazardGrade grade, HazardSource source, boolean selfReported, boolean unreported,
                  Instant deadline, HazardState state, String plan, FiveAssurances fiveAssurances, DualReport dualReport,
                  UUID rectifiedBy, Instant rectifiedAt, UUID verifiedBy, Instant verifiedAt, Instant closedAt,
                  ListedSupervision listedSupervision, int rejections) {
        this.id = Objects.requireNonNull(id);
        this.enterpriseId = Objects.requireNonNull(enterpriseId);
        this.grade = Objects.requireNonNull(grade);
        this.source = Objects.requireNonNull(source);
        this.selfReported = selfReported;
        this.unreported = unreported;
        this.deadline = deadline;
        this.state = Objects.requireNonNull(state);
        this.plan = plan;
        this.fiveAssurances = fiveAssurances == null ? FiveAssurances.NONE : fiveAssurances;
        this.dualReport = dualReport == null ? DualReport.NONE : dualReport;
        this.rectifiedBy = rectifiedBy;
        this.rectifiedAt = rectifiedAt;
        this.verifiedBy = verifiedBy;
        this.verifiedAt = verifiedAt;
        this.closedAt = closedAt;
        this.listedSupervision = listedSupervision;
        this.rejections = rejections;
    }

    /**
     * A newly found hazard. A major hazard the enterprise found itself is self-reported (guidance,
     * not penalty); one somebody else found that the enterprise had not reported is unreported
     * (heavier penalty) — enforcement reads both marks.
     */
    public static Hazard found(UUID id, UUID enterpriseId, HazardGrade grade, HazardSource source, boolean enterpriseHadReportedIt,
                               Instant deadline) {
        boolean major = grade == HazardGrade.MAJOR;
        boolean self = major && source == HazardSource.SELF_CHECK;
        boolean unreported = major && source != HazardSource.SELF_CHECK && !enterpriseHadReportedIt;
        return new Hazard(id, enterpriseId, grade, source, self, unreported, deadline, HazardState.REPORTED, null, null, null,
                null, null, null, null, null, null, 0);
    }

    /** Records or revises the rectification plan, with the five assurances and dual report as far as they are known. */
    public void plan(String plan, FiveAssurances assurances, DualReport report) {
        require(state == HazardState.REPORTED || state == HazardState.PLANNED, "plan");
        if (plan == null || plan.isBlank()) {
            throw new HazardRuleViolation("hazard.plan.required", "a rectification plan is required");
        }
        this.plan = plan.trim();
        if (assurances != null) {
            this.fiveAssurances = assurances;
        }
        if (report != null) {
            this.dualReport = report;
        }
        state = HazardState.PLANNED;
    }

    public void start() {
        require(state == HazardState.PLANNED, "start");
        if (isMajor() && !fiveAssurances.complete()) {
            throw new HazardRuleViolation("hazard.major.fiveAssurances", "a major hazard needs the five assurances before rectification");
        }
        if (isMajor() && !dualReport.complete()) {
            throw new HazardRuleViolation("hazard.major.dualReport", "a major hazard needs the dual report before rectification");
        }
        state = HazardState.RECTIFYING;
    }

    public void complete(Actor by, Instant now) {
        require(state == HazardState.RECTIFYING, "complete");
        rectifiedBy = by.id();
        rectifiedAt = now;
        state = HazardState.RECTIFIED;
    }

    public void verify(Actor by, Instant now) {
        require(state == HazardState.RECTIFIED, "verify");
        checkVerifier(by);
        verifiedBy = by.id();
        verifiedAt = now;
        state = HazardState.VERIFIED;
    }

    public void reject(Actor by) {
        require(state == HazardState.RECTIFIED, "reject");
        checkVerifier(by);
        rejections++;
        rectifiedBy = null;
        rectifiedAt = null;
        state = HazardState.RECTIFYING;
    }

    /** Evidence (a photo when found or after rectification) joins an open hazard; a closed one is on record as it was closed. */
    public void acceptEvidence() {
        if (state == HazardState.CLOSED) {
            throw new HazardRuleViolation("hazard.photo.closed", "a closed hazard takes no new evidence");
        }
    }

    public void close(Instant now) {
        require(state == HazardState.VERIFIED, "close");
        closedAt = now;
        state = HazardState.CLOSED;
    }

    public void listSupervision(ListedSupervision supervision) {
        if (!isMajor()) {
            throw new HazardRuleViolation("hazard.supervision.notMajor", "only a major hazard is put under listed supervision");
        }
        if (state == HazardState.CLOSED || state == HazardState.VERIFIED) {
            throw new HazardRuleViolation("hazard.supervision.notOpen", "the hazard is no longer open");
        }
        if (supervision == null || supervision.level() == null || supervision.deadline() == null
                || supervision.supervisor() == null || supervision.supervisor().isBlank()) {
            throw new HazardRuleViolation("hazard.supervision.incomplete", "level, supervisor and deadline are required");
        }
        listedSupervision = supervision;
    }

    /** Past its deadline and not yet rectified. */
    public boolean isOverdue(Instant now) {
        return deadline != null && now.isAfter(deadline)
                && (state == HazardState.REPORTED || state == HazardState.PLANNED || state == HazardState.RECTIFYING);
    }

    private void checkVerifier(Actor by) {
        if (by.id().equals(rectifiedBy)) {
            throw new HazardRuleViolation("hazard.verify.self", "nobody verifies their own rectification");
        }
        if (isMajor() && !by.regulatorOrExpert()) {
            throw new HazardRuleViolation("hazard.verify.major", "a major hazard is verified by a regulator or an expert");
        }
    }

    private void require(boolean allowed, String action) {
        if (!allowed) {
            throw new HazardRuleViolation("hazard.transition.illegal", "cannot " + action + " a hazard that is " + state);
        }
    }

    public boolean isMajor() {
        return grade == HazardGrade.MAJOR;
    }

    public UUID id() { return id; }
    public UUID enterpriseId() { return enterpriseId; }
    public HazardGrade grade() { return grade; }
    public HazardSource source() { return source; }
    public boolean selfReported() { return selfReported; }
    public boolean unreported() { return unreported; }
    public Instant deadline() { return deadline; }
    public HazardState state() { return state; }
    public String plan() { return plan; }
    public FiveAssurances fiveAssurances() { return fiveAssurances; }
    public DualReport dualReport() { return dualReport; }
    public UUID rectifiedBy() { return rectifiedBy; }
    public Instant rectifiedAt() { return rectifiedAt; }
    public UUID verifiedBy() { return verifiedBy; }
    public Instant verifiedAt() { return verifiedAt; }
    public Instant closedAt() { return closedAt; }
    public ListedSupervision listedSupervision() { return listedSupervision; }
    public int rejections() { return rejections; }
}
