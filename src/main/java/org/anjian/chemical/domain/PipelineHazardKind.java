package org.anjian.chemical.domain;

/**
 * A pipeline hazard as the 油气长输管道 隐患 registers sort them (the seed's 油气长输管道专项整治):
 * external (外部隐患: occupation over the line, third-party construction nearby) or in the pipe body
 * (本体隐患: corrosion, leaks).
 */
public enum PipelineHazardKind {
    /** 占压. */
    OCCUPATION(true),
    /** 第三方施工. */
    THIRD_PARTY_CONSTRUCTION(true),
    /** 腐蚀. */
    CORROSION(false),
    /** 泄漏. */
    LEAK(false);

    private final boolean external;

    PipelineHazardKind(boolean external) {
        this.external = external;
    }

    public boolean external() {
        return external;
    }

    public String category() {
        return external ? "EXTERNAL" : "BODY";
    }
}
