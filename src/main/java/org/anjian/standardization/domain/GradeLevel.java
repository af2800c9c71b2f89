package org.anjian.standardization.domain;

/**
 * The grades of 应急〔2021〕83号 (一级 highest). The minimum scores are those of the 2014 评审管理办法
 * (一级 ≥ 90, 二级 ≥ 75, 三级 ≥ 60): 83号 leaves them to the industry 定级标准, so they are defaults the
 * district may change ({@code anjian.standardization.min-scores}).
 */
public enum GradeLevel {
    LEVEL_1(90), LEVEL_2(75), LEVEL_3(60);

    private final int defaultMinScore;

    GradeLevel(int defaultMinScore) {
        this.defaultMinScore = defaultMinScore;
    }

    public int defaultMinScore() {
        return defaultMinScore;
    }
}
