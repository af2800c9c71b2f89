package org.anjian.training.domain;

/** 特种作业操作证, 主要负责人 and 安全管理人员 安全生产知识和管理能力考核合格证, 注册安全工程师. */
public enum CertificateKind {
    SPECIAL_OPERATION, PRINCIPAL, SAFETY_MANAGER, REGISTERED_ENGINEER
}
