package org.anjian.permit.internal;

import java.time.LocalDate;
import java.util.List;
import org.anjian.permit.domain.CertificateCategory;
import org.anjian.permit.domain.PermitViolation;
import org.anjian.permit.domain.WorkType;
import org.anjian.permit.domain.Worker;
import org.anjian.permit.domain.WorkerCertificates;
import org.anjian.training.CertificateRegistry;
import org.anjian.training.SpecialOperationCategory;
import org.springframework.stereotype.Component;

/**
 * An uncertified worker on a permit is refused (无证不上岗, 令第30号; GB 30871-2022 4.10 b): before a worker is
 * put on a permit whose work asks for a 特种作业操作证, the certificate number is looked up in the district's
 * certificate registry (training module). When the registry knows the number, its word decides: a
 * certificate not valid on every day of the work (not yet issued, expired, its 3-yearly review missed,
 * revoked, or of another category) refuses the worker, whatever validity was typed on the permit; a valid
 * one takes the registry's last day instead of the typed one.
 * <p>
 * A number the registry does not know keeps the permit's own check of the typed category and validity
 * ({@link WorkerCertificates}): enterprises (and contractors' workers) whose certificates are not yet
 * entered in the registry can still file permits. The certificate need not belong to the permit's
 * enterprise, since contractors' workers work on its permits. 起重机械 operators hold a 特种设备作业人员证,
 * which is not in this registry, so they keep the typed check too.
 */
@Component
class RegisteredCertificates {

    private final CertificateRegistry registry;

    RegisteredCertificates(CertificateRegistry registry) {
        this.registry = registry;
    }

    /** The workers, with the registry's validity where it knows the certificate; refuses one whose registered certificate is not valid. */
    List<Worker> confirm(WorkType type, List<Worker> workers, LocalDate firstDay, LocalDate lastDay) {
        if (type == null || firstDay == null || lastDay == null) {
            return workers; // the draft refuses these inputs itself
        }
        CertificateCategory required = WorkerCertificates.requiredFor(type).orElse(null);
        SpecialOperationCategory category = registryCategory(required);
        if (category == null) {
            return workers;
        }
        return workers.stream().map(w -> confirm(w, type, required, category, firstDay, lastDay)).toList();
    }

    private Worker confirm(Worker w, WorkType type, CertificateCategory required, SpecialOperationCategory category, LocalDate firstDay,
                           LocalDate lastDay) {
        if (w.certificateNumber() == null) {
            return w;
        }
        // validity only ends (expiry, missed review, revocation): valid on the last day and issued by the first is valid throughout
        CertificateRegistry.Check check = registry.check(w.certificateNumber(), category, lastDay);
        if (!check.found()) {
            return w;
        }
        if (check.valid()) {
            CertificateRegistry.Check first = registry.check(w.certificateNumber(), category, firstDay);
            check = first.valid() ? check : first;
        }
        if (!check.valid()) {
            String why = reason(check, required);
            throw PermitViolation.refused("permit.worker.certificate.registry",
                    "作业人员%s的特种作业操作证（%s）%s，不能列入%s作业票（无证不得上岗，令第30号）".formatted(w.name(), w.certificateNumber(), why,
                            type.label()), w.name(), w.certificateNumber(), why, type.label());
        }
        return new Worker(w.name(), required, w.certificateNumber(), check.validUntil());
    }

    static String reason(CertificateRegistry.Check check, CertificateCategory required) {
        return switch (check.reason()) {
            case "OTHER_CATEGORY" -> "不是%s类别".formatted(required.label());
            case "NOT_YET_ISSUED" -> "在作业开始时尚未发证";
            case "EXPIRED" -> "已于%s到期失效".formatted(check.validUntil());
            case "REVIEW_OVERDUE" -> "未按期复审，已失效";
            case "REVOKED" -> "已被撤销";
            default -> "在作业期内无效";
        };
    }

    /** The 特种作业 category of the registry for the certificate a work asks for; null for 起重机械 (特种设备作业人员证) and none. */
    static SpecialOperationCategory registryCategory(CertificateCategory c) {
        if (c == null) {
            return null;
        }
        return switch (c) {
            case ELECTRICAL -> SpecialOperationCategory.ELECTRICAL;
            case WELDING_AND_THERMAL_CUTTING -> SpecialOperationCategory.WELDING_AND_THERMAL_CUTTING;
            case WORK_AT_HEIGHT -> SpecialOperationCategory.WORK_AT_HEIGHT;
            case HAZARDOUS_CHEMICALS -> SpecialOperationCategory.HAZARDOUS_CHEMICALS;
            case CRANE_OPERATION -> null;
        };
    }
}
