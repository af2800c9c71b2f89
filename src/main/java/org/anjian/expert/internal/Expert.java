package org.anjian.expert.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.anjian.expert.ExpertStatus;
import org.anjian.expert.ExpertSummary;
import org.anjian.expert.Field;

/** An expert of the pool as stored. */
public record Expert(UUID id, String name, UUID userId, Set<Field> fields, String title, List<Qualification> qualifications,
                     String employerName, UUID employerEnterpriseId, String phone, ExpertStatus status, long servicesThisYear, int version) {

    /** A certificate (注册安全工程师, 高级工程师资格 …); it qualifies the expert through the day it is valid until. */
    public record Qualification(String kind, String number, LocalDate validUntil) {

        public boolean validOn(LocalDate day) {
            return validUntil != null && !validUntil.isBefore(day);
        }
    }

    /** Qualified on a day when at least one certificate is valid that day (valid until today counts; until yesterday does not). */
    public boolean qualifiedOn(LocalDate day) {
        return qualifications.stream().anyMatch(q -> q.validOn(day));
    }

    /** The last day the expert is qualified, or null without any certificate. */
    public LocalDate qualifiedUntil() {
        return qualifications.stream().map(Qualification::validUntil).max(LocalDate::compareTo).orElse(null);
    }

    public boolean selectableOn(LocalDate day) {
        return status == ExpertStatus.ACTIVE && qualifiedOn(day);
    }

    public ExpertSummary summary() {
        return new ExpertSummary(id, name, title, fields, employerName, employerEnterpriseId, phone, status, userId);
    }
}
