package org.anjian.training;

/** The categories of 特种作业 (令第30号, Appendix 目录; REFERENCE-RULES §7). */
public enum SpecialOperationCategory {
    ELECTRICAL("电工作业"),
    WELDING_AND_THERMAL_CUTTING("焊接与热切割作业"),
    WORK_AT_HEIGHT("高处作业"),
    REFRIGERATION_AND_AIR_CONDITIONING("制冷与空调作业"),
    COAL_MINE("煤矿安全作业"),
    METAL_NONMETAL_MINE("金属非金属矿山安全作业"),
    OIL_AND_GAS("石油天然气安全作业"),
    METALLURGY("冶金（有色）生产安全作业"),
    HAZARDOUS_CHEMICALS("危险化学品安全作业"),
    FIREWORKS("烟花爆竹安全作业"),
    OTHER("其他特种作业");

    private final String label;

    SpecialOperationCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
