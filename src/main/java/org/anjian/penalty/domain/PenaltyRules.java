package org.anjian.penalty.domain;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Set;

/**
 * The thresholds and periods a case runs on, from configuration because the province sets them
 * (重大执法决定法制审核目录, 听证 amounts) and changes them without a release.
 *
 * @param legalReviewFineYuan fine from which a decision is 重大 and needs 法制审核 (行政处罚法 第五十八条)
 * @param hearingFineYuan     fine from which the party may ask for a hearing (行政处罚法 第六十三条, provincial amount)
 * @param hearingRequestDays  days after the notice to ask for a hearing (第六十四条: 五日内)
 * @param statementDays       days to state a defence when there is no right to a hearing
 */
public record PenaltyRules(long legalReviewFineYuan, long hearingFineYuan, int hearingRequestDays, int statementDays) {

    public static final PenaltyRules DEFAULTS = new PenaltyRules(50_000, 50_000, 5, 3);

    public boolean legalReviewRequired(long fineYuan, Set<Measure> measures) {
        return fineYuan >= legalReviewFineYuan || !Collections.disjoint(measures, Measure.SEVERE);
    }

    public boolean hearingRight(long fineYuan, Set<Measure> measures) {
        return fineYuan >= hearingFineYuan || !Collections.disjoint(measures, Measure.SEVERE);
    }

    /** The last day of the statement (or hearing-request) period that starts with the notice. */
    public LocalDate periodEnds(LocalDate notifiedOn, boolean hearingRight) {
        return notifiedOn.plusDays(hearingRight ? hearingRequestDays : statementDays);
    }

    /** A decision may be issued on the day the period ends, not before. */
    public void requirePeriodOver(LocalDate notifiedOn, boolean hearingRight, LocalDate today) {
        LocalDate end = periodEnds(notifiedOn, hearingRight);
        if (today.isBefore(end)) {
            throw ProcedureViolation.refused("penalty.period.running", "陈述申辩（听证申请）期限未届满", end);
        }
    }

    public void requireHearingRequestInTime(LocalDate notifiedOn, boolean hearingRight, LocalDate today) {
        if (!hearingRight) {
            throw ProcedureViolation.refused("penalty.hearing.noRight", "this penalty does not qualify for a hearing");
        }
        if (today.isAfter(periodEnds(notifiedOn, true))) {
            throw ProcedureViolation.refused("penalty.hearing.late", "the hearing-request period has ended", periodEnds(notifiedOn, true));
        }
    }
}
