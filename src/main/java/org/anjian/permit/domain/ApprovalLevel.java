package org.anjian.permit.domain;

/**
 * Who approves a permit, by GB 30871-2022 Table B.1 (informative) and 4.11 (the approver checks on
 * site that the approval level is right). A higher level in the same line may approve for a lower
 * one; the 配送电单位 approves 临时用电 and nobody else does.
 */
public enum ApprovalLevel {
    /** 所在基层单位. */
    BASE_UNIT("所在基层单位", 1),
    /** 所在单位专业部门. */
    PROFESSIONAL_DEPARTMENT("所在单位专业部门", 2),
    /** 安全管理部门. */
    SAFETY_DEPARTMENT("安全管理部门", 2),
    /** 主管厂长或总工程师. */
    PLANT_DIRECTOR("主管厂长或总工程师", 3),
    /** 主管领导. */
    MANAGING_LEADER("主管领导", 3),
    /** 配送电单位. */
    POWER_SUPPLIER("配送电单位", 0);

    private final String label;
    private final int rank;

    ApprovalLevel(String label, int rank) {
        this.label = label;
        this.rank = rank;
    }

    public String label() {
        return label;
    }

    /** Table B.1: the level that approves a permit of this type and grade. */
    public static ApprovalLevel requiredFor(WorkType type, WorkGrade grade) {
        return switch (type) {
            case HOT_WORK -> switch (grade) {
                case SPECIAL -> MANAGING_LEADER;
                case FIRST -> SAFETY_DEPARTMENT;
                default -> BASE_UNIT;
            };
            case WORK_AT_HEIGHT -> switch (grade) {
                case FIRST -> BASE_UNIT;
                case SECOND, THIRD -> PROFESSIONAL_DEPARTMENT;
                default -> PLANT_DIRECTOR;
            };
            case LIFTING -> grade == WorkGrade.FIRST ? PLANT_DIRECTOR : PROFESSIONAL_DEPARTMENT;
            case CONFINED_SPACE, BLIND_PLATE -> BASE_UNIT;
            case TEMPORARY_POWER -> POWER_SUPPLIER;
            case EXCAVATION, ROAD_CLOSURE -> PROFESSIONAL_DEPARTMENT;
        };
    }

    /** Whether an approver of this level may approve where {@code required} is asked. */
    public boolean suffices(ApprovalLevel required) {
        if (this == required) {
            return true;
        }
        if (required == POWER_SUPPLIER || this == POWER_SUPPLIER) {
            return false;
        }
        return rank > required.rank;
    }
}
