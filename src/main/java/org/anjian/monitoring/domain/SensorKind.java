package org.anjian.monitoring.domain;

import java.util.List;

/**
 * What a sensor measures and the units a reading of it may carry (MON-1). Gas detectors follow
 * GB/T 50493-2019: combustible gas in %LEL, toxic gas in ppm.
 */
public enum SensorKind {
    LEVEL("液位", List.of("m", "mm", "%")),
    TEMPERATURE("温度", List.of("℃")),
    PRESSURE("压力", List.of("MPa", "kPa")),
    COMBUSTIBLE_GAS("可燃气体", List.of("%LEL")),
    TOXIC_GAS("有毒气体", List.of("ppm")),
    DISPLACEMENT("位移", List.of("mm")),
    RAINFALL("降雨量", List.of("mm"));

    private final String label;
    private final List<String> units;

    SensorKind(String label, List<String> units) {
        this.label = label;
        this.units = units;
    }

    public String label() {
        return label;
    }

    public List<String> units() {
        return units;
    }

    public boolean accepts(String unit) {
        return unit != null && units.contains(unit);
    }
}
