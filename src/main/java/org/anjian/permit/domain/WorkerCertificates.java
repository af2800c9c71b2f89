package org.anjian.permit.domain;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Workers of a special work who do a 特种作业 hold a valid certificate for it (GB 30871-2022 4.10 b: the
 * guardian checks the workers' certificates; 《特种作业人员安全技术培训考核管理规定》 令第30号: no work
 * without a certificate). The certificate the work asks for: 动火 — 焊接与热切割作业; 临时用电 — 电工作业;
 * 高处 — 高处作业; 吊装 — 起重机械 operator. The other types (受限空间, 盲板抽堵, 动土, 断路) ask for no
 * particular certificate. A certificate is valid when it has a number and is valid through the last
 * day of the permit.
 */
public final class WorkerCertificates {

    private WorkerCertificates() {
    }

    /** The certificate category the work type asks of its workers; empty when none. */
    public static Optional<CertificateCategory> requiredFor(WorkType type) {
        return Optional.ofNullable(switch (type) {
            case HOT_WORK -> CertificateCategory.WELDING_AND_THERMAL_CUTTING;
            case TEMPORARY_POWER -> CertificateCategory.ELECTRICAL;
            case WORK_AT_HEIGHT -> CertificateCategory.WORK_AT_HEIGHT;
            case LIFTING -> CertificateCategory.CRANE_OPERATION;
            default -> null;
        });
    }

    /** Whether the worker may be put on a permit of this type whose work lasts until {@code lastDay}. */
    public static boolean mayWork(Worker worker, WorkType type, LocalDate lastDay) {
        return requiredFor(type).map(required -> worker.category() == required && worker.certificateNumber() != null
                && worker.validUntil() != null && !worker.validUntil().isBefore(lastDay)).orElse(true);
    }

    /** Refuses a worker who may not work on such a permit, naming the certificate asked for. */
    public static void check(Worker worker, WorkType type, LocalDate lastDay) {
        if (!mayWork(worker, type, lastDay)) {
            CertificateCategory required = requiredFor(type).orElseThrow();
            throw PermitViolation.refused("permit.worker.certificate", "作业人员%s没有在作业期内有效的%s特种作业操作证，不能列入%s作业票".formatted(
                    worker.name(), required.label(), type.label()), worker.name(), required.label(), type.label());
        }
    }
}
