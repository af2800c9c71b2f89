package org.anjian.risk.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anjian.risk.AssessmentMethod;
import org.anjian.risk.ControlMeasureType;
import org.anjian.risk.ResponsibleLevel;
import org.anjian.risk.RiskPointKind;
import org.anjian.risk.domain.ControlMeasure;
import org.anjian.risk.internal.RiskPointRecord;
import org.anjian.risk.internal.RiskService;

/**
 * The risk point form as the browser sends it: plain strings, lists one entry per line, and one
 * textarea per kind of control measure. Anything unreadable becomes null here, so the service
 * names the field in Chinese instead of the binder answering with a type error.
 */
record RiskPointForm(String unitName, String name, String kind, String postId, String hazardousFactors, String possibleAccidents,
                     String method, String l, String e, String c, String likelihood, String severity, String engineering,
                     String management, String training, String ppe, String emergency, String responsibleLevel,
                     String responsiblePerson, String responsiblePhone) {

    static RiskPointForm empty() {
        return new RiskPointForm("", "", "PLACE", "", "", "", "LEC", "", "", "", "", "", "", "", "", "", "", "", "", "");
    }

    static RiskPointForm of(RiskPointRecord r) {
        Map<ControlMeasureType, String> m = new java.util.EnumMap<>(ControlMeasureType.class);
        for (ControlMeasure cm : r.controlMeasures()) {
            m.merge(cm.type(), cm.description(), (a, b) -> a + "\n" + b);
        }
        var a = r.assessment();
        return new RiskPointForm(r.unitName(), r.name(), r.kind().name(), r.postId() == null ? "" : r.postId().toString(),
                String.join("\n", r.hazardousFactors()), String.join("\n", r.possibleAccidents()), a.method().name(), plain(a.l()),
                plain(a.e()), plain(a.c()), a.likelihood() == null ? "" : a.likelihood().toString(),
                a.severity() == null ? "" : a.severity().toString(), m.getOrDefault(ControlMeasureType.ENGINEERING, ""),
                m.getOrDefault(ControlMeasureType.MANAGEMENT, ""), m.getOrDefault(ControlMeasureType.TRAINING, ""),
                m.getOrDefault(ControlMeasureType.PPE, ""), m.getOrDefault(ControlMeasureType.EMERGENCY, ""), r.responsibleLevel().name(),
                r.responsiblePerson(), r.responsiblePhone() == null ? "" : r.responsiblePhone());
    }

    RiskService.RiskPointInput toInput(UUID enterpriseId) {
        AssessmentMethod m = parse(AssessmentMethod.class, method);
        List<RiskService.MeasureInput> measures = new ArrayList<>();
        add(measures, ControlMeasureType.ENGINEERING, engineering);
        add(measures, ControlMeasureType.MANAGEMENT, management);
        add(measures, ControlMeasureType.TRAINING, training);
        add(measures, ControlMeasureType.PPE, ppe);
        add(measures, ControlMeasureType.EMERGENCY, emergency);
        boolean lec = m == AssessmentMethod.LEC;
        boolean ls = m == AssessmentMethod.LS;
        return new RiskService.RiskPointInput(enterpriseId, unitName, name, parse(RiskPointKind.class, kind), uuid(postId),
                RiskPageController.lines(nz(hazardousFactors)), RiskPageController.lines(nz(possibleAccidents)), m,
                lec ? decimal(l) : null, lec ? decimal(e) : null, lec ? decimal(c) : null, ls ? integer(likelihood) : null,
                ls ? integer(severity) : null, measures, parse(ResponsibleLevel.class, responsibleLevel), responsiblePerson, responsiblePhone);
    }

    private static void add(List<RiskService.MeasureInput> measures, ControlMeasureType type, String text) {
        RiskPageController.lines(nz(text)).forEach(line -> measures.add(new RiskService.MeasureInput(type, line)));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String plain(BigDecimal d) {
        return d == null ? "" : d.toPlainString();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        try {
            return value == null || value.isBlank() ? null : Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException ex) {
            return null;
        }
    }

    private static UUID uuid(String s) {
        try {
            return s == null || s.isBlank() ? null : UUID.fromString(s.trim());
        } catch (IllegalArgumentException ex) {
            return new UUID(0, 0);
        }
    }

    private static BigDecimal decimal(String s) {
        try {
            return s == null || s.isBlank() ? null : new BigDecimal(s.trim());
        } catch (NumberFormatException ex) {
            return null;
        }
    }

    private static Integer integer(String s) {
        try {
            return s == null || s.isBlank() ? null : Integer.valueOf(s.trim());
        } catch (NumberFormatException ex) {
            return null;
        }
    }
}
