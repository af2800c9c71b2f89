package org.anjian.credit.domain;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An application for credit repair (信用修复): the enterprise of an entry in force asks for its early
 * removal (提前移出) once the minimum period has passed, with what it rectified and a proof; the
 * district approves — the entry is then removed early, never deleted — or rejects with a reason.
 * PENDING → APPROVED | REJECTED; each decision first asks whether the state allows it (else a 409 naming
 * the state and the action).
 *
 * <p>The minimum period counts from the decision that listed the entry; the day {@code minimumMonths}
 * later is the first day an application is accepted (安全生产严重失信主体名单 列入满 12 个月 may apply for
 * 提前移出, 应急管理部令第11号; the months per kind are configuration, see {@code CreditProperties}).
 */
public final class CreditRepair {

    public enum State { PENDING, APPROVED, REJECTED }

    /** The decision an application is for, as the credit entry gives it. */
    public record Entry(UUID id, String status, LocalDate decisionDate) {
    }

    public record Snapshot(UUID id, UUID recordId, State state, String rectification, LocalDate appliedOn, String appliedBy,
                           LocalDate decidedOn, String decidedBy, String decisionReason) {
    }

    private final Snapshot applied;
    private State state;
    private LocalDate decidedOn;
    private String decidedBy;
    private String decisionReason;

    private CreditRepair(Snapshot s) {
        this.applied = s;
        this.state = s.state();
        this.decidedOn = s.decidedOn();
        this.decidedBy = s.decidedBy();
        this.decisionReason = s.decisionReason();
    }

    /** The first day an application for early removal is accepted: the decision date plus the minimum months. */
    public static LocalDate earliestApplication(LocalDate decisionDate, int minimumMonths) {
        return decisionDate.plusMonths(minimumMonths);
    }

    /** 申请信用修复: for an entry in force, on or after {@link #earliestApplication}, with what was rectified. */
    public static CreditRepair apply(UUID id, Entry entry, int minimumMonths, String rectification, LocalDate today, String by) {
        if (entry == null || !"IN_FORCE".equals(entry.status()) || entry.decisionDate() == null) {
            throw CreditRuleViolation.refused("credit.repair.notInForce", "只有有效的失信记录才能申请信用修复",
                    entry == null ? null : entry.status(), "APPLY");
        }
        LocalDate earliest = earliestApplication(entry.decisionDate(), minimumMonths);
        if (today.isBefore(earliest)) {
            throw CreditRuleViolation.refused("credit.repair.tooEarly", "该记录自 " + entry.decisionDate() + " 起须公示满 " + minimumMonths
                    + " 个月，" + earliest + " 起方可申请提前移出", earliest.toString(), minimumMonths, entry.decisionDate().toString());
        }
        if (rectification == null || rectification.isBlank() || rectification.length() > 2000) {
            throw CreditRuleViolation.invalid("rectification", "credit.repair.rectification.invalid", "请说明整改情况（2000 字以内）");
        }
        return new CreditRepair(new Snapshot(id, entry.id(), State.PENDING, rectification.strip(), today, by, null, null, null));
    }

    public static CreditRepair restore(Snapshot s) {
        return new CreditRepair(s);
    }

    /** 同意: the entry is to be removed early today. */
    public void approve(String reason, LocalDate today, String by) {
        decide(State.APPROVED, "APPROVE", reason, today, by, "请填写审核意见");
    }

    /** 不予同意, with the reason the enterprise reads. */
    public void reject(String reason, LocalDate today, String by) {
        decide(State.REJECTED, "REJECT", reason, today, by, "请说明不予同意的理由");
    }

    private void decide(State to, String action, String reason, LocalDate today, String by, String missing) {
        if (state != State.PENDING) {
            throw CreditRuleViolation.refused("credit.repair.state", "信用修复申请处于“" + label(state) + "”状态，不能“"
                    + (to == State.APPROVED ? "同意" : "驳回") + "”", label(state), to == State.APPROVED ? "同意" : "驳回");
        }
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            throw CreditRuleViolation.invalid("reason", "credit.repair.reasonRequired", missing);
        }
        state = to;
        decidedOn = today;
        decidedBy = by;
        decisionReason = reason.strip();
    }

    private static String label(State s) {
        return switch (s) {
            case PENDING -> "待审核";
            case APPROVED -> "已同意";
            case REJECTED -> "已驳回";
        };
    }

    public State state() {
        return state;
    }

    public Snapshot snapshot() {
        return new Snapshot(applied.id(), applied.recordId(), state, applied.rectification(), applied.appliedOn(), applied.appliedBy(), decidedOn,
                decidedBy, decisionReason);
    }
}
