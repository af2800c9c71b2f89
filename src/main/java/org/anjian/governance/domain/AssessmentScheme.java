package org.anjian.governance.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.anjian.accident.AccidentGrade;

/**
 * The district's assessment scheme (考核办法和考核细则, GOV-1) as data: its indicators and the 一票否决 conditions —
 * an accident of {@code vetoGrade} or worse (较大及以上事故严格"一票否决", seed ZH-13), or one accident with
 * {@code vetoDeaths} dead or more; either may be absent. {@link #score} turns a unit's facts into its points,
 * one line per point given or taken, each naming the facts behind it.
 */
public record AssessmentScheme(String name, AccidentGrade vetoGrade, Integer vetoDeaths, List<AssessmentIndicator> indicators) {

    public AssessmentScheme {
        indicators = List.copyOf(indicators);
    }

    /** A line of a score: a base or rate score (SCORE, positive), a deduction (DEDUCTION, negative) or a veto (VETO, 0). */
    public record Line(String indicatorCode, String kind, BigDecimal points, String explanation, String sourceId) {
    }

    public record Result(BigDecimal total, boolean vetoed, List<Line> lines) {
    }

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** The sum of the weights: the most a unit can score. */
    public BigDecimal maximum() {
        return indicators.stream().map(AssessmentIndicator::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * The unit's score. {@code targets} holds the unit's target per indicator code; an indicator without one uses its
     * default. Accidents are taken in date order, so when the deductions reach the weight the later ones deduct less.
     */
    public Result score(Map<String, BigDecimal> targets, AssessmentFacts facts) {
        List<Line> lines = new ArrayList<>();
        for (AssessmentIndicator i : indicators) {
            BigDecimal target = targets.getOrDefault(i.code(), i.defaultTarget());
            switch (i.code()) {
                case AssessmentIndicator.ACCIDENTS -> accidents(i, target, facts, lines);
                case AssessmentIndicator.HAZARD_RECTIFICATION -> {
                    if (facts.hazardsRegistered() == 0) {
                        lines.add(new Line(i.code(), "SCORE", round(i.weight()), "%s：本期无登记隐患，得%s分".formatted(i.name(), plain(i.weight())), null));
                    } else {
                        BigDecimal rate = percent(facts.hazardsClosed(), facts.hazardsRegistered());
                        BigDecimal points = proportional(i.weight(), rate, target);
                        lines.add(new Line(i.code(), "SCORE", points, "%s：登记%d项，整改销号%d项，整改率%s%%，目标%s%%，得%s分".formatted(i.name(),
                                facts.hazardsRegistered(), facts.hazardsClosed(), plain(rate), plain(target), plain(points)), null));
                    }
                }
                case AssessmentIndicator.ENFORCEMENT -> {
                    BigDecimal points = proportional(i.weight(), BigDecimal.valueOf(facts.penalties()), target);
                    lines.add(new Line(i.code(), "SCORE", points, "%s：行政处罚决定%d件，目标%s件，得%s分".formatted(i.name(), facts.penalties(),
                            plain(target), plain(points)), null));
                }
                case AssessmentIndicator.STANDARDIZATION -> {
                    if (facts.enterprises() == 0) {
                        lines.add(new Line(i.code(), "SCORE", round(i.weight()), "%s：无在产企业，得%s分".formatted(i.name(), plain(i.weight())), null));
                    } else {
                        BigDecimal rate = percent(facts.graded(), facts.enterprises());
                        BigDecimal points = proportional(i.weight(), rate, target);
                        lines.add(new Line(i.code(), "SCORE", points, "%s：在产企业%d家，达标%d家，达标率%s%%，目标%s%%，得%s分".formatted(i.name(),
                                facts.enterprises(), facts.graded(), plain(rate), plain(target), plain(points)), null));
                    }
                }
                default -> lines.add(new Line(i.code(), "SCORE", BigDecimal.ZERO.setScale(2), "%s：无计分规则，得0分".formatted(i.name()), null));
            }
        }
        boolean vetoed = false;
        for (AssessmentFacts.Accident a : sorted(facts.accidents())) {
            AccidentGrade g = AccidentGrade.valueOf(a.grade());
            boolean byGrade = vetoGrade != null && g.atLeast(vetoGrade);
            boolean byDeaths = vetoDeaths != null && a.dead() >= vetoDeaths;
            if (byGrade || byDeaths) {
                vetoed = true;
                lines.add(new Line(AssessmentIndicator.ACCIDENTS, "VETO", BigDecimal.ZERO.setScale(2), "一票否决：%s %s %s（%s）".formatted(
                        who(a), a.date(), casualties(a), gradeName(g)), a.sourceId()));
            }
        }
        BigDecimal total = lines.stream().map(Line::points).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_UP);
        return new Result(total, vetoed, lines);
    }

    private void accidents(AssessmentIndicator i, BigDecimal ceiling, AssessmentFacts facts, List<Line> lines) {
        lines.add(new Line(i.code(), "SCORE", round(i.weight()), "%s：基础分%s分".formatted(i.name(), plain(i.weight())), null));
        BigDecimal left = round(i.weight());
        int dead = 0;
        for (AssessmentFacts.Accident a : sorted(facts.accidents())) {
            dead += a.dead();
            BigDecimal due = i.perDeath().multiply(BigDecimal.valueOf(a.dead())).add(i.perAccident());
            BigDecimal taken = round(due.min(left));
            left = left.subtract(taken);
            String capped = taken.compareTo(round(due)) < 0 ? "（扣完为止）" : "";
            lines.add(new Line(i.code(), "DEDUCTION", taken.negate(), "事故：%s %s %s（%s） 扣%s分%s".formatted(who(a), a.date(), casualties(a),
                    gradeName(AccidentGrade.valueOf(a.grade())), plain(taken), capped), a.sourceId()));
        }
        if (BigDecimal.valueOf(dead).compareTo(ceiling) > 0 && i.overTarget().signum() > 0) {
            BigDecimal taken = round(i.overTarget().min(left));
            lines.add(new Line(i.code(), "DEDUCTION", taken.negate(), "全年死亡%d人，超过控制指标%s人 扣%s分".formatted(dead, plain(ceiling), plain(taken)),
                    null));
        }
    }

    private static List<AssessmentFacts.Accident> sorted(List<AssessmentFacts.Accident> accidents) {
        return accidents.stream().sorted(Comparator.comparing(AssessmentFacts.Accident::date).thenComparing(AssessmentFacts.Accident::sourceId)).toList();
    }

    private static String who(AssessmentFacts.Accident a) {
        return a.enterpriseName() == null || a.enterpriseName().isBlank() ? "辖区内" : a.enterpriseName();
    }

    private static String casualties(AssessmentFacts.Accident a) {
        if (a.deaths() == 0 && a.missing() == 0) {
            return "无死亡";
        }
        return a.missing() == 0 ? "死亡%d人".formatted(a.deaths()) : "死亡%d人失踪%d人".formatted(a.deaths(), a.missing());
    }

    public static String gradeName(AccidentGrade g) {
        return switch (g) {
            case ORDINARY -> "一般事故";
            case LARGER -> "较大事故";
            case MAJOR -> "重大事故";
            case EXTRAORDINARY -> "特别重大事故";
        };
    }

    /** weight × min(1, actual ÷ target); a target of 0 is met by anything. */
    static BigDecimal proportional(BigDecimal weight, BigDecimal actual, BigDecimal target) {
        if (target.signum() <= 0 || actual.compareTo(target) >= 0) {
            return round(weight);
        }
        return weight.multiply(actual).divide(target, 2, RoundingMode.HALF_UP);
    }

    static BigDecimal percent(int part, int whole) {
        return BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    static BigDecimal round(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }

    /** A number as people write it: 12, 12.5, 95. */
    public static String plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }
}
