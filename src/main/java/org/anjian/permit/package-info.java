/**
 * Electronic special work permits (特殊作业 / 电子作业票, PRM-1) per GB 30871-2022《危险化学品企业特殊作业安全规范》:
 * the eight work types with their grades, validity, approval level, gas analysis and the people on a
 * permit, as a {@link org.anjian.permit.domain.WorkPermit} aggregate whose transitions the standard's
 * rules guard. A worker's 特种作业操作证 is checked against the training module's
 * {@link org.anjian.training.CertificateRegistry} where it knows the number.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Work permits",
        allowedDependencies = {"shared", "enterprise", "identity", "organization", "training"})
package org.anjian.permit;
