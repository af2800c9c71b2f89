package org.anjian.risk.domain;

import java.math.BigDecimal;
import org.anjian.risk.AssessmentMethod;
import org.anjian.risk.RiskLevel;

/**
 * One assessment of a risk point: the method, the factors of that method only, and what the
 * method's policy made of them. There is no constructor taking a level: the level is the policy's
 * answer ({@link LecAssessment}, {@link RiskMatrix}), so nobody can grade a point lower by hand.
 */
public record Assessment(AssessmentMethod method, BigDecimal l, BigDecimal e, BigDecimal c, Integer likelihood, Integer severity,
                         BigDecimal score, RiskLevel level) {

    /** D = L × E × C; throws when a factor is not a value of its table. */
    public static Assessment lec(BigDecimal l, BigDecimal e, BigDecimal c) {
        LecAssessment.Result r = LecAssessment.assess(l, e, c);
        return new Assessment(AssessmentMethod.LEC, l, e, c, null, null, r.d(), r.level());
    }

    /** R = L × S graded by the configured matrix; throws when a factor is outside 1–5. */
    public static Assessment ls(int likelihood, int severity, RiskMatrix matrix) {
        RiskMatrix.Result r = matrix.assess(likelihood, severity);
        return new Assessment(AssessmentMethod.LS, null, null, null, likelihood, severity, BigDecimal.valueOf(r.r()), r.level());
    }
}
