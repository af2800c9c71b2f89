package org.anjian.inspection.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code anjian.inspection.*}: the settings of inspections, documents, plans and leads.
 *
 * @param leadKey          the OLD Base64 AES key of leads' reporters, read only to convert them to SM4 at startup
 *                         ({@link LeadCiphertexts}); reporters are now encrypted by {@code anjian.crypto.field-key}
 * @param photo            limits of an on-site photo
 * @param exam             the on-site safety knowledge exam
 * @param plan             the annual inspection plan
 * @param documentNumber   pattern of a document number; {@code {code}}, {@code {year}} and {@code {seq}} are filled in
 * @param reinspectionDays days after a rectification deadline within which the order is re-inspected
 */
@ConfigurationProperties("anjian.inspection")
public record InspectionProperties(@DefaultValue("") String leadKey,
                                   @DefaultValue Photo photo,
                                   @DefaultValue Exam exam,
                                   @DefaultValue Plan plan,
                                   @DefaultValue("津应急{code}〔{year}〕{seq}号") String documentNumber,
                                   @DefaultValue("10") int reinspectionDays) {

    /** @param maxBytes the largest photo accepted (5 MiB) */
    public record Photo(@DefaultValue("5242880") long maxBytes) {
    }

    /** @param passMark the lowest passing score out of 100 */
    public record Exam(@DefaultValue("80") int passMark) {
    }

    /** @param unplannedShareLimit the share of a year's inspections that may be unplanned (10%) */
    public record Plan(@DefaultValue("0.10") double unplannedShareLimit) {
    }
}
