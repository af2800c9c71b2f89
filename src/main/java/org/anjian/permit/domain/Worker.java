package org.anjian.permit.domain;

import java.time.LocalDate;

/**
 * A worker on a permit with the certificate they hold for the work (4.10: the guardian checks it).
 *
 * @param category          null when the worker holds none
 * @param certificateNumber the certificate's number, or null
 * @param validUntil        the last day the certificate is valid, or null
 */
public record Worker(String name, CertificateCategory category, String certificateNumber, LocalDate validUntil) {

    public Worker {
        if (name == null || name.isBlank() || name.length() > 50) {
            throw PermitViolation.invalid("permit.worker.name", "请填写作业人员姓名（不超过50字）");
        }
        name = name.strip();
        certificateNumber = certificateNumber == null || certificateNumber.isBlank() ? null : certificateNumber.strip();
    }
}
