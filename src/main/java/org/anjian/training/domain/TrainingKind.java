package org.anjian.training.domain;

/** 三级安全教育, 新员工, 再培训, 转岗, 工贸安全大讲堂, 警示教育片. */
public enum TrainingKind {
    THREE_LEVEL, NEW_HIRE, RETRAINING, TRANSFER, LECTURE, WARNING_VIDEO
}
