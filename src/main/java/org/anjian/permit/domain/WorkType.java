package org.anjian.permit.domain;

import java.util.EnumSet;
import java.util.Set;

/** The eight special works of GB 30871-2022 (clauses 5 to 12), each with the grades it knows. */
public enum WorkType {
    /** 动火作业 (5): 特级 / 一级 / 二级 (5.1). */
    HOT_WORK("动火", EnumSet.of(WorkGrade.SPECIAL, WorkGrade.FIRST, WorkGrade.SECOND)),
    /** 受限空间作业 (6): no grades. */
    CONFINED_SPACE("受限空间", EnumSet.of(WorkGrade.NONE)),
    /** 盲板抽堵作业 (7): no grades. */
    BLIND_PLATE("盲板抽堵", EnumSet.of(WorkGrade.NONE)),
    /** 高处作业 (8): Ⅰ–Ⅳ级 by height and method (8.1, Table 2). */
    WORK_AT_HEIGHT("高处", EnumSet.of(WorkGrade.FIRST, WorkGrade.SECOND, WorkGrade.THIRD, WorkGrade.FOURTH)),
    /** 吊装作业 (9): 一级 / 二级 / 三级 by mass (9.1). */
    LIFTING("吊装", EnumSet.of(WorkGrade.FIRST, WorkGrade.SECOND, WorkGrade.THIRD)),
    /** 临时用电 (10): no grades. */
    TEMPORARY_POWER("临时用电", EnumSet.of(WorkGrade.NONE)),
    /** 动土作业 (11): no grades. */
    EXCAVATION("动土", EnumSet.of(WorkGrade.NONE)),
    /** 断路作业 (12): no grades. */
    ROAD_CLOSURE("断路", EnumSet.of(WorkGrade.NONE));

    private final String label;
    private final Set<WorkGrade> grades;

    WorkType(String label, Set<WorkGrade> grades) {
        this.label = label;
        this.grades = grades;
    }

    /** The Chinese name used on the permit. */
    public String label() {
        return label;
    }

    /** The grades this work type has; {@link WorkGrade#NONE} alone when the standard grades it not. */
    public Set<WorkGrade> grades() {
        return EnumSet.copyOf(grades);
    }

    public boolean allows(WorkGrade grade) {
        return grade != null && grades.contains(grade);
    }

    public boolean isGraded() {
        return !grades.contains(WorkGrade.NONE);
    }
}
