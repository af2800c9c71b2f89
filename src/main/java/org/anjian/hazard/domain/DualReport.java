package org.anjian.hazard.domain;

import java.time.LocalDate;

/** 双报告: a major hazard reported to the regulator and to the workforce's representative body, each with its date. */
public record DualReport(LocalDate toRegulatorOn, LocalDate toWorkforceOn) {

    public static final DualReport NONE = new DualReport(null, null);

    public boolean complete() {
        return toRegulatorOn != null && toWorkforceOn != null;
    }
}
