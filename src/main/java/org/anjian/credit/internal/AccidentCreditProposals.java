package org.anjian.credit.internal;

import java.time.ZoneId;
import org.anjian.accident.AccidentRecorded;
import org.anjian.shared.config.DistrictProperties;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * An accident the consequence rules mark for a credit entry becomes a blacklist proposal for the
 * enterprise, which the district then decides. Idempotent on the accident id: a redelivered or
 * revised accident finds its proposal already there.
 */
@Component
class AccidentCreditProposals {

    private final CreditService credit;
    private final ZoneId zone;

    AccidentCreditProposals(CreditService credit, DistrictProperties district) {
        this.zone = district.zone();
        this.credit = credit;
    }

    @ApplicationModuleListener
    void on(AccidentRecorded e) {
        if (!e.creditEntryProposed() || e.enterpriseId() == null) {
            return;
        }
        String detail = "%s 生产安全事故（%s），死亡 %d 人，失踪 %d 人：%s".formatted(
                e.occurredAt().atZone(zone).toLocalDate(), gradeName(e.grade()), e.deaths(), e.missing(), e.summary());
        credit.propose("accident:" + e.accidentId(), e.enterpriseName(), e.creditCode(), e.enterpriseId(), "ACCIDENT",
                detail.length() > 2000 ? detail.substring(0, 2000) : detail);
    }

    static String gradeName(org.anjian.accident.AccidentGrade g) {
        return switch (g) {
            case ORDINARY -> "一般";
            case LARGER -> "较大";
            case MAJOR -> "重大";
            case EXTRAORDINARY -> "特别重大";
        };
    }
}
