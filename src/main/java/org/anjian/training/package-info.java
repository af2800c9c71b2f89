/**
 * Training and certificates (TRN-1, TRN-2): training records (三级安全教育, new hires, re-training,
 * transfers, 工贸安全大讲堂, warning videos), special-operation certificates (特种作业操作证: 6 years, reviewed
 * every 3 years, 令第30号), principal and safety-manager assessment certificates (3 years, 令第44号) and
 * registered safety engineers, with expiry and review warnings and an Excel import/export. Other modules
 * ask {@link org.anjian.training.CertificateRegistry} whether a certificate is valid on a day for a category.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Training and certificates", allowedDependencies = {"shared", "enterprise", "organization"})
package org.anjian.training;
