package org.anjian.training.domain;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** REFERENCE-RULES §7: 特种作业操作证 6 years, 复审 every 3 years within 60 days before (令第30号 Art. 21, 22); assessments 3 years (令第44号). */
class CertificateRulesTest {

    static final LocalDate ISSUED = LocalDate.of(2020, 3, 1);

    @Test
    void aSpecialOperationCertificateIsValidSixYearsAndReviewedAfterThree() {
        assertThat(CertificateRules.validUntil(CertificateKind.SPECIAL_OPERATION, ISSUED)).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(CertificateRules.firstReviewDue(CertificateKind.SPECIAL_OPERATION, ISSUED)).isEqualTo(LocalDate.of(2023, 3, 1));
        assertThat(CertificateRules.validUntil(CertificateKind.PRINCIPAL, ISSUED)).isEqualTo(LocalDate.of(2023, 2, 28));
        assertThat(CertificateRules.firstReviewDue(CertificateKind.PRINCIPAL, ISSUED)).isNull();
        assertThat(CertificateRules.validUntil(CertificateKind.REGISTERED_ENGINEER, ISSUED)).isNull();
    }

    @Test
    void theReviewIsDoneWithinTheSixtyDaysUpToItsDueDate() {
        LocalDate due = LocalDate.of(2023, 3, 1);
        assertThat(CertificateRules.reviewAllowed(due, due.minusDays(60))).isTrue();
        assertThat(CertificateRules.reviewAllowed(due, due.minusDays(61))).isFalse();
        assertThat(CertificateRules.reviewAllowed(due, due)).isTrue();
        assertThat(CertificateRules.reviewAllowed(due, due.plusDays(1))).isFalse();
        // the second review would fall on the last day: the certificate is renewed instead
        assertThat(CertificateRules.nextReviewDue(due, LocalDate.of(2026, 2, 28))).isNull();
        assertThat(CertificateRules.nextReviewDue(due, LocalDate.of(2029, 2, 28))).isEqualTo(LocalDate.of(2026, 3, 1));
    }

    @Test
    void aMissedReviewVoidsTheCertificateAndTheWarningsStartSixtyOrThirtyDaysAhead() {
        LocalDate until = LocalDate.of(2026, 2, 28);
        LocalDate due = LocalDate.of(2023, 3, 1);
        assertThat(CertificateRules.status(CertificateKind.SPECIAL_OPERATION, ISSUED, until, due, false, due.minusDays(61))).isEqualTo("VALID");
        assertThat(CertificateRules.status(CertificateKind.SPECIAL_OPERATION, ISSUED, until, due, false, due.minusDays(60))).isEqualTo("REVIEW_DUE");
        assertThat(CertificateRules.status(CertificateKind.SPECIAL_OPERATION, ISSUED, until, due, false, due.plusDays(1))).isEqualTo("REVIEW_OVERDUE");
        assertThat(CertificateRules.valid("REVIEW_OVERDUE")).isFalse();
        assertThat(CertificateRules.status(CertificateKind.SPECIAL_OPERATION, ISSUED, until, null, false, until.minusDays(60))).isEqualTo("EXPIRING");
        assertThat(CertificateRules.status(CertificateKind.SPECIAL_OPERATION, ISSUED, until, null, false, until.plusDays(1))).isEqualTo("EXPIRED");
        LocalDate principalUntil = LocalDate.of(2023, 2, 28);
        assertThat(CertificateRules.status(CertificateKind.PRINCIPAL, ISSUED, principalUntil, null, false, principalUntil.minusDays(31))).isEqualTo("VALID");
        assertThat(CertificateRules.status(CertificateKind.PRINCIPAL, ISSUED, principalUntil, null, false, principalUntil.minusDays(30))).isEqualTo("EXPIRING");
        assertThat(CertificateRules.status(CertificateKind.SPECIAL_OPERATION, ISSUED, until, null, true, ISSUED.plusDays(1))).isEqualTo("REVOKED");
    }
}
