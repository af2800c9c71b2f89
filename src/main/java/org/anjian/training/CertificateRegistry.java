package org.anjian.training;

import java.time.LocalDate;

/**
 * Whether a special-operation certificate (特种作业操作证) is valid on a day for a category: issued by
 * then, not past its last day, its 3-yearly review (复审) not overdue, not revoked. The permit module may
 * ask this before a special work starts (无证不上岗).
 */
public interface CertificateRegistry {

    /**
     * @param found     a certificate with this number exists
     * @param valid     valid on the day for the category
     * @param reason    why not: {@code UNKNOWN}, {@code OTHER_CATEGORY}, {@code NOT_YET_ISSUED}, {@code EXPIRED}, {@code REVIEW_OVERDUE},
     *                  {@code REVOKED}; {@code null} when valid
     * @param holderName the holder, masked (张*三)
     * @param validUntil the certificate's last day
     */
    record Check(boolean found, boolean valid, String reason, String holderName, LocalDate validUntil) {
    }

    Check check(String certificateNumber, SpecialOperationCategory category, LocalDate on);
}
