package org.anjian.accident.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An accident's investigation (ACC-2), free of any framework:
 * <ul>
 *   <li>the report is due 60 days from the accident (Decree 493 Art. 29), extendable once by at most 60 days;</li>
 *   <li>a mine accident with deaths is investigated by the city (提级调查);</li>
 *   <li>the report is approved after it was submitted;</li>
 *   <li>the case closes only after approval and with all four no-lets-go (四不放过) recorded with
 *       evidence: cause found, persons responsible handled, measures taken, staff educated;</li>
 *   <li>一案双查: the enterprise's and the regulators' duties are both examined before closing.</li>
 * </ul>
 */
public class Investigation {

    public static final int REPORT_DAYS = 60;
    public static final int MAX_EXTENSION_DAYS = 60;

    public enum Level { DISTRICT, CITY }

    /** The four no-lets-go, each with its evidence (null while not recorded). */
    public record NoLetsGo(String causeFound, String responsibleHandled, String measuresTaken, String staffEducated) {
        public static final NoLetsGo NONE = new NoLetsGo(null, null, null, null);

        public List<String> missing() {
            List<String> m = new ArrayList<>();
            if (blank(causeFound)) m.add("causeFound");
            if (blank(responsibleHandled)) m.add("responsibleHandled");
            if (blank(measuresTaken)) m.add("measuresTaken");
            if (blank(staffEducated)) m.add("staffEducated");
            return m;
        }

        public NoLetsGo merge(NoLetsGo other) {
            return other == null ? this : new NoLetsGo(or(other.causeFound, causeFound), or(other.responsibleHandled, responsibleHandled),
                    or(other.measuresTaken, measuresTaken), or(other.staffEducated, staffEducated));
        }
    }

    private final Instant occurredAt;
    private Level level;
    private String leader;
    private String members;
    private Instant startedAt;
    private Integer extensionDays;
    private Instant reportSubmittedAt;
    private String reportSummary;
    private Instant approvedAt;
    private String approvedBy;
    private NoLetsGo noLetsGo;
    private String enterpriseDuties;
    private String regulatorDuties;
    private Instant closedAt;

    @SuppressWarnings("java:S107")
    public Investigation(Instant occurredAt, Level level, String leader, String members, Instant startedAt, Integer extensionDays,
                         Instant reportSubmittedAt, String reportSummary, Instant approvedAt, String approvedBy, NoLetsGo noLetsGo,
                         String enterpriseDuties, String regulatorDuties, Instant closedAt) {
        this.occurredAt = occurredAt;
        this.level = level;
        this.leader = leader;
        this.members = members;
        this.startedAt = startedAt;
        this.extensionDays = extensionDays;
        this.reportSubmittedAt = reportSubmittedAt;
        this.reportSummary = reportSummary;
        this.approvedAt = approvedAt;
        this.approvedBy = approvedBy;
        this.noLetsGo = noLetsGo == null ? NoLetsGo.NONE : noLetsGo;
        this.enterpriseDuties = enterpriseDuties;
        this.regulatorDuties = regulatorDuties;
        this.closedAt = closedAt;
    }

    /** A mine accident with deaths (or missing) is escalated to the city. */
    public static Level levelFor(boolean mine, int dead) {
        return mine && dead > 0 ? Level.CITY : Level.DISTRICT;
    }

    public void start(Level level, String leader, String members, Instant now) {
        if (startedAt != null) {
            throw new AccidentRuleViolation("accident.investigation.started", "the investigation has already started");
        }
        if (blank(leader)) {
            throw new AccidentRuleViolation("accident.investigation.leader", "the team needs a leader");
        }
        this.level = level;
        this.leader = leader.trim();
        this.members = members;
        this.startedAt = now;
    }

    public Instant reportDue() {
        return occurredAt.plus(Duration.ofDays(REPORT_DAYS + (extensionDays == null ? 0 : extensionDays)));
    }

    /** Extends the report's deadline once, by 1 to 60 days. */
    public void extend(int days) {
        requireStarted();
        if (days < 1 || days > MAX_EXTENSION_DAYS) {
            throw new AccidentRuleViolation("accident.investigation.extensionRange", "an extension is 1 to 60 days");
        }
        if (extensionDays != null) {
            throw new AccidentRuleViolation("accident.investigation.extendedOnce", "the deadline is extended only once");
        }
        if (reportSubmittedAt != null) {
            throw new AccidentRuleViolation("accident.investigation.reportSubmitted", "the report is already in");
        }
        extensionDays = days;
    }

    public void submitReport(String summary, Instant now) {
        requireStarted();
        if (blank(summary)) {
            throw new AccidentRuleViolation("accident.investigation.reportRequired", "the report needs its findings");
        }
        if (approvedAt != null) {
            throw new AccidentRuleViolation("accident.investigation.approved", "the report is already approved");
        }
        reportSubmittedAt = now;
        reportSummary = summary.trim();
    }

    public boolean reportLate() {
        return reportSubmittedAt != null && reportSubmittedAt.isAfter(reportDue());
    }

    public void approve(String by, Instant now) {
        if (reportSubmittedAt == null) {
            throw new AccidentRuleViolation("accident.investigation.noReport", "there is no report to approve");
        }
        if (approvedAt != null) {
            throw new AccidentRuleViolation("accident.investigation.approved", "the report is already approved");
        }
        approvedAt = now;
        approvedBy = by;
    }

    public void record(NoLetsGo evidence, String enterpriseDuties, String regulatorDuties) {
        requireStarted();
        requireOpen();
        noLetsGo = noLetsGo.merge(evidence);
        this.enterpriseDuties = or(enterpriseDuties, this.enterpriseDuties);
        this.regulatorDuties = or(regulatorDuties, this.regulatorDuties);
    }

    /** Closes the case: approved report, all four no-lets-go with evidence, both sides of 一案双查. */
    public void close(Instant now) {
        requireStarted();
        requireOpen();
        if (approvedAt == null) {
            throw new AccidentRuleViolation("accident.close.notApproved", "the investigation report is not approved");
        }
        if (!noLetsGo.missing().isEmpty()) {
            throw new AccidentRuleViolation("accident.close.noLetsGo", "missing no-lets-go: " + noLetsGo.missing());
        }
        if (blank(enterpriseDuties) || blank(regulatorDuties)) {
            throw new AccidentRuleViolation("accident.close.dualCheck", "一案双查: both the enterprise's and the regulators' duties");
        }
        closedAt = now;
    }

    private void requireStarted() {
        if (startedAt == null) {
            throw new AccidentRuleViolation("accident.investigation.notStarted", "no investigation yet");
        }
    }

    private void requireOpen() {
        if (closedAt != null) {
            throw new AccidentRuleViolation("accident.closed", "the case is closed");
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String or(String a, String b) {
        return a != null && !a.isBlank() ? a.trim() : b;
    }

    public Level level() { return level; }
    public String leader() { return leader; }
    public String members() { return members; }
    public Instant startedAt() { return startedAt; }
    public Integer extensionDays() { return extensionDays; }
    public Instant reportSubmittedAt() { return reportSubmittedAt; }
    public String reportSummary() { return reportSummary; }
    public Instant approvedAt() { return approvedAt; }
    public String approvedBy() { return approvedBy; }
    public NoLetsGo noLetsGo() { return noLetsGo; }
    public String enterpriseDuties() { return enterpriseDuties; }
    public String regulatorDuties() { return regulatorDuties; }
    public Instant closedAt() { return closedAt; }
    public boolean started() { return startedAt != null; }
}
