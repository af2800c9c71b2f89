package org.anjian.permit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** GB 30871-2022 4.10 b (the guardian checks the workers' certificates); 令第30号: no 特种作业 without a valid certificate. */
class WorkerCertificatesTest {

    private static final LocalDate LAST_DAY = LocalDate.of(2026, 12, 3);

    @Test
    void aWelderWhoseCertificateIsValidThroughTheLastDayMayDoHotWork() {
        Worker w = new Worker("张焊", CertificateCategory.WELDING_AND_THERMAL_CUTTING, "T500101199001011234", LAST_DAY);
        assertThat(WorkerCertificates.mayWork(w, WorkType.HOT_WORK, LAST_DAY)).isTrue();
    }

    @Test
    void aCertificateExpiringTheDayBeforeTheLastDayDoesNotCount() {
        Worker w = new Worker("张焊", CertificateCategory.WELDING_AND_THERMAL_CUTTING, "T500101199001011234", LAST_DAY.minusDays(1));
        assertThatThrownBy(() -> WorkerCertificates.check(w, WorkType.HOT_WORK, LAST_DAY)).isInstanceOf(PermitViolation.class)
                .hasMessageContaining("张焊").hasMessageContaining("焊接与热切割作业");
    }

    @Test
    void aWorkerWithoutACertificateOrWithAnotherCategoryCannotBePutOnAPermitThatAsksForOne() {
        assertThat(WorkerCertificates.mayWork(new Worker("李四", null, null, null), WorkType.TEMPORARY_POWER, LAST_DAY)).isFalse();
        assertThat(WorkerCertificates.mayWork(new Worker("李四", CertificateCategory.WELDING_AND_THERMAL_CUTTING, "X1", LAST_DAY),
                WorkType.TEMPORARY_POWER, LAST_DAY)).isFalse();
        assertThat(WorkerCertificates.mayWork(new Worker("李四", CertificateCategory.ELECTRICAL, "X1", LAST_DAY), WorkType.TEMPORARY_POWER, LAST_DAY))
                .isTrue();
        assertThat(WorkerCertificates.mayWork(new Worker("王五", CertificateCategory.WORK_AT_HEIGHT, null, LAST_DAY), WorkType.WORK_AT_HEIGHT,
                LAST_DAY)).isFalse();
    }

    @Test
    void excavationAsksForNoParticularCertificate() {
        assertThat(WorkerCertificates.requiredFor(WorkType.EXCAVATION)).isEmpty();
        assertThat(WorkerCertificates.mayWork(new Worker("赵六", null, null, null), WorkType.EXCAVATION, LAST_DAY)).isTrue();
    }
}
