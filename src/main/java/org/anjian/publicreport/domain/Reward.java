package org.anjian.publicreport.domain;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A reward for a substantiated report (举报奖励): decided with the amount of {@link ReportingReward},
 * approved by the district, then paid and recorded. Only a substantiated report earns one.
 */
public class Reward {

    public enum State { DECIDED, APPROVED, PAID }

    public record Snapshot(UUID id, UUID reportId, State state, long amountYuan, String basis, LocalDate decidedOn, LocalDate approvedOn,
                           LocalDate paidOn, String paymentRef) {
    }

    private final Snapshot decided;
    private State state;
    private LocalDate approvedOn;
    private LocalDate paidOn;
    private String paymentRef;

    private Reward(Snapshot s) {
        this.decided = s;
        this.state = s.state();
        this.approvedOn = s.approvedOn();
        this.paidOn = s.paidOn();
        this.paymentRef = s.paymentRef();
    }

    /** 奖励决定 for a verified, substantiated report. */
    public static Reward decide(UUID id, PublicReport report, long amountYuan, String basis, LocalDate today) {
        if (report.state() != ReportState.VERIFIED && report.state() != ReportState.FEEDBACK_GIVEN && report.state() != ReportState.CLOSED
                || !Boolean.TRUE.equals(report.substantiated())) {
            throw ReportRuleViolation.refused("publicreport.reward.notSubstantiated", "只有经核查属实的举报才能给予奖励");
        }
        if (amountYuan <= 0) {
            throw ReportRuleViolation.invalid("amountYuan", "publicreport.reward.amount", "奖励金额须大于 0");
        }
        return new Reward(new Snapshot(id, report.id(), State.DECIDED, amountYuan, basis, today, null, null, null));
    }

    public static Reward restore(Snapshot s) {
        return new Reward(s);
    }

    public void approve(LocalDate today) {
        if (state != State.DECIDED) {
            throw ReportRuleViolation.refused("publicreport.reward.state", "奖励处于“" + state + "”状态，不能审批", state.name(), "APPROVE");
        }
        state = State.APPROVED;
        approvedOn = today;
    }

    public void pay(String reference, LocalDate today) {
        if (state != State.APPROVED) {
            throw ReportRuleViolation.refused("publicreport.reward.state", "奖励处于“" + state + "”状态，不能发放", state.name(), "PAY");
        }
        if (reference == null || reference.isBlank() || reference.length() > 100) {
            throw ReportRuleViolation.invalid("paymentRef", "publicreport.reward.paymentRef", "请填写发放凭证号");
        }
        state = State.PAID;
        paidOn = today;
        paymentRef = reference.strip();
    }

    public State state() {
        return state;
    }

    public Snapshot snapshot() {
        return new Snapshot(decided.id(), decided.reportId(), state, decided.amountYuan(), decided.basis(), decided.decidedOn(), approvedOn,
                paidOn, paymentRef);
    }
}
