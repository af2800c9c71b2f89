package org.anjian.permit.domain;

/**
 * A grade of a special work. The same order serves all graded types: 动火 特级 &gt; 一级 &gt; 二级
 * (5.1), 高处 Ⅳ &gt; Ⅲ &gt; Ⅱ &gt; Ⅰ (8.1.3), 吊装 一级 &gt; 二级 &gt; 三级 (9.1). {@link #NONE} for the
 * types the standard does not grade.
 */
public enum WorkGrade {
    NONE,
    /** 动火 特级. */
    SPECIAL,
    /** 动火 一级, 高处 Ⅰ级, 吊装 一级. */
    FIRST,
    /** 动火 二级, 高处 Ⅱ级, 吊装 二级. */
    SECOND,
    /** 高处 Ⅲ级, 吊装 三级. */
    THIRD,
    /** 高处 Ⅳ级. */
    FOURTH;

    /** The grade as the permit of this work type writes it. */
    public String label(WorkType type) {
        if (this == NONE) {
            return "—";
        }
        if (type == WorkType.WORK_AT_HEIGHT) {
            return switch (this) {
                case FIRST -> "Ⅰ级";
                case SECOND -> "Ⅱ级";
                case THIRD -> "Ⅲ级";
                default -> "Ⅳ级";
            };
        }
        return switch (this) {
            case SPECIAL -> "特级";
            case FIRST -> "一级";
            case SECOND -> "二级";
            case THIRD -> "三级";
            default -> "四级";
        };
    }
}
