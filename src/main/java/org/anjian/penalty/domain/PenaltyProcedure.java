package org.anjian.penalty.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.anjian.shared.security.Role;

/**
 * The procedural rules of a penalty case (行政处罚法, 安全生产行政执法规定), each a method named
 * after the rule. The amounts and periods the province sets come from {@link PenaltyRules}; the
 * rest is the law's and the same everywhere. Refusals are {@link ProcedureViolation}s.
 */
public final class PenaltyProcedure {

    public static final PenaltyProcedure DEFAULTS = new PenaltyProcedure(PenaltyRules.DEFAULTS);

    private final PenaltyRules rules;

    public PenaltyProcedure(PenaltyRules rules) {
        this.rules = rules;
    }

    public PenaltyRules rules() {
        return rules;
    }

    // ---- 立案 ------------------------------------------------------------------------------------

    /** 两名持证执法人员: a case is handled by at least two different inspectors, each holding an enforcement certificate (行政处罚法 第四十二条). */
    public static boolean handledByTwoCertifiedInspectors(List<UUID> handlers, Predicate<UUID> certified) {
        List<UUID> distinct = handlers == null ? List.of() : handlers.stream().distinct().toList();
        return distinct.size() >= 2 && distinct.stream().allMatch(certified);
    }

    /** 持证: an enabled inspector with an enforcement certificate number (执法证). */
    public static boolean holdsAnEnforcementCertificate(boolean enabled, Set<Role> roles, String certificateNo) {
        return enabled && roles.contains(Role.INSPECTOR) && certificateNo != null && !certificateNo.isBlank();
    }

    /** A case that cites an inspection is against the enterprise that inspection inspected. */
    public static boolean citesAnInspectionOfTheSameEnterprise(UUID inspectedEnterpriseId, UUID enterpriseId) {
        return inspectedEnterpriseId != null && inspectedEnterpriseId.equals(enterpriseId);
    }

    /**
     * A 重大事故隐患 that the inspection found, not the enterprise's own report: the case is about a
     * major hazard that was not reported (隐瞒不报), which the discretion rules put in the heavier band.
     */
    public static CaseFacts circumstancesOfAnInspection(boolean foundAMajorHazard) {
        return foundAMajorHazard ? new CaseFacts(true, false, false, true, false, false, false, false) : CaseFacts.NONE;
    }

    // ---- 拟处罚意见 ------------------------------------------------------------------------------

    /** 重大执法决定法制审核: from the provincial amount, or with a suspension, revocation or closure. */
    public boolean legalReviewRequired(long fineYuan, Set<Measure> measures) {
        return rules.legalReviewRequired(fineYuan, measures);
    }

    /** 听证: the party may ask for one from the provincial amount, or with a suspension, revocation or closure. */
    public boolean hearingRight(long fineYuan, Set<Measure> measures) {
        return rules.hearingRight(fineYuan, measures);
    }

    /** A fine outside the band the discretion rules recommend (自由裁量基准). */
    public static boolean outsideTheDiscretionBand(Optional<DiscretionRule> rule, long fineYuan) {
        return rule.isPresent() && fineYuan >= 0 && !rule.get().inBand(fineYuan);
    }

    /** 超出裁量基准幅度须书面说明理由: a fine outside the band needs a written reason. */
    public static boolean aFineOutsideTheBandIsExplained(Optional<DiscretionRule> rule, long fineYuan, String reason) {
        return !outsideTheDiscretionBand(rule, fineYuan) || (reason != null && !reason.isBlank());
    }

    // ---- 法制审核 --------------------------------------------------------------------------------

    /** 重大执法决定须经法制审核: a proposal that needs the legal review is not notified before the review approved it. */
    public void requireLegalReviewOfAMajorDecision(CaseState state, Boolean reviewRequired) {
        if (state == CaseState.PROPOSED && Boolean.TRUE.equals(reviewRequired)) {
            throw ProcedureViolation.refused("penalty.review.required", "重大执法决定须经法制审核", Labels.yuan(rules.legalReviewFineYuan()));
        }
    }

    /** 不得审核本人承办的案件: neither a handler of the case nor the officer who proposed the penalty reviews it. */
    public static void requireAReviewerWhoDoesNotHandleTheCase(List<UUID> handlers, UUID proposedBy, UUID reviewer) {
        if (handlers.contains(reviewer) || reviewer.equals(proposedBy)) {
            throw ProcedureViolation.refused("penalty.review.self", "不得审核本人承办的案件");
        }
    }

    // ---- 告知, 听证, 决定 -------------------------------------------------------------------------

    /** The last day of the hearing-request period (with a right to a hearing) or of the statement period (without). */
    public LocalDate periodEnds(LocalDate notifiedOn, boolean hearingRight) {
        return rules.periodEnds(notifiedOn, hearingRight);
    }

    /** 听证申请: only for a penalty that gives the right, and not after the request period's last day. */
    public void requireAHearingRequestInTime(LocalDate notifiedOn, boolean hearingRight, LocalDate today) {
        rules.requireHearingRequestInTime(notifiedOn, hearingRight, today);
    }

    /** 听证由非本案调查人员主持: the presiding officer is not one of the case's investigators. */
    public static boolean mayPresideTheHearing(List<UUID> handlers, UUID officerId) {
        return !handlers.contains(officerId);
    }

    /** 听证由非本案调查人员主持: the presiding officer is not one of the case's investigators. */
    public static void requireAPresidingOfficerWhoDidNotInvestigate(List<UUID> handlers, UUID presidingOfficerId) {
        if (!mayPresideTheHearing(handlers, presidingOfficerId)) {
            throw ProcedureViolation.refused("penalty.hearing.presidingHandler", "听证由非本案调查人员主持");
        }
    }

    /** 陈述申辩期满方可决定: the decision is issued on the period's last day at the earliest. */
    public void requireTheStatementPeriodOver(LocalDate notifiedOn, boolean hearingRight, LocalDate today) {
        rules.requirePeriodOver(notifiedOn, hearingRight, today);
    }

    // ---- 执行, 结案 ------------------------------------------------------------------------------

    /** Only a decision with a fine takes payments. */
    public static void requireAFineToPay(long fineYuan) {
        if (fineYuan == 0) {
            throw ProcedureViolation.refused("penalty.payment.noFine", "the decision has no fine");
        }
    }

    /** The payments together do not exceed the fine. */
    public static boolean paymentsWithinTheFine(long paidYuan, long amountYuan, long fineYuan) {
        return paidYuan + amountYuan <= fineYuan;
    }

    /** A payment or an application to the court is dated from the decision's day to today. */
    public static boolean betweenTheDecisionAndToday(LocalDate date, LocalDate decidedOn, LocalDate today) {
        return date != null && !date.isAfter(today) && !date.isBefore(decidedOn);
    }

    /**
     * 结案: a fine is paid in full or the court was asked to enforce it (行政处罚法 第七十二条); a
     * decision without a fine closes with the execution of its measures recorded.
     */
    public static void requireFullPaymentOrCourtEnforcementToClose(long fineYuan, long paidYuan, boolean enforcementApplied, String measuresDone) {
        if (fineYuan > 0) {
            if (paidYuan < fineYuan && !enforcementApplied) {
                throw ProcedureViolation.refused("penalty.close.unpaid", "the fine is not paid in full and no court enforcement was applied for",
                        Labels.yuan(paidYuan), Labels.yuan(fineYuan));
            }
        } else if (measuresDone == null || measuresDone.isBlank()) {
            throw ProcedureViolation.invalid("measuresDone", "penalty.close.measuresDone", "请记录处罚措施的执行情况");
        }
    }
}
