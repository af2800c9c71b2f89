package org.anjian.risk;

/** How a risk point was assessed: 作业条件危险性评价法 (LEC) or 风险矩阵法 (LS). */
public enum AssessmentMethod {
    LEC,
    LS
}
