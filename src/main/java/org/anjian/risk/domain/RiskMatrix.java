package org.anjian.risk.domain;

import org.anjian.risk.RiskLevel;

/**
 * The LS risk matrix (风险矩阵法): R = L × S, likelihood and severity each 1–5. Where the grades
 * start is configuration, because two variants are published: the default grades 1–3 低,
 * 4–8 一般, 9–16 较大, 20–25 重大; the other puts 9 under 一般 ({@code generalMax = 9}).
 *
 * @param lowMax     the highest R graded 低
 * @param generalMax the highest R graded 一般
 * @param highMax    the highest R graded 较大; above it 重大
 */
public record RiskMatrix(int lowMax, int generalMax, int highMax) {

    public static final RiskMatrix DEFAULT = new RiskMatrix(3, 8, 16);

    public RiskMatrix {
        if (!(1 <= lowMax && lowMax < generalMax && generalMax < highMax && highMax < 25)) {
            throw new IllegalArgumentException("thresholds must rise within 1..24: " + lowMax + ", " + generalMax + ", " + highMax);
        }
    }

    public static boolean inRange(int factor) {
        return factor >= 1 && factor <= 5;
    }

    public record Result(int r, RiskLevel level) {
    }

    public Result assess(int likelihood, int severity) {
        if (!inRange(likelihood) || !inRange(severity)) {
            throw new IllegalArgumentException("likelihood and severity are 1..5");
        }
        int r = likelihood * severity;
        return new Result(r, grade(r));
    }

    public RiskLevel grade(int r) {
        if (r <= lowMax) {
            return RiskLevel.LOW;
        }
        if (r <= generalMax) {
            return RiskLevel.GENERAL;
        }
        if (r <= highMax) {
            return RiskLevel.HIGH;
        }
        return RiskLevel.MAJOR;
    }
}
