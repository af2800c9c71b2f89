package org.anjian.chemical.domain;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A storage site's 四个系统 checklist and the gaps in it: every system not present and working is a
 * gap. Which gaps are major accident hazards is read from 《化工和危险化学品生产经营单位重大生产安全事故
 * 隐患判定标准（试行）》 (安监总管三〔2017〕121号): item 12 for missing gas detection where flammable or
 * toxic gas may leak, item 5 for a tank farm of a 一级 or 二级 major hazard source without emergency
 * shut-off. Video and lightning warning gaps are general hazards.
 */
public record FourSystems(SystemState gasDetection, SystemState video, SystemState emergencyShutoff, SystemState lightningWarning) {

    /** The criterion code of the hazard module's catalogue for each item used here. */
    public static final String GAS_DETECTION_CRITERION = "HC-2017-12";
    public static final String SHUTOFF_CRITERION = "HC-2017-05";

    public Map<StorageSystem, SystemState> states() {
        Map<StorageSystem, SystemState> m = new EnumMap<>(StorageSystem.class);
        m.put(StorageSystem.GAS_DETECTION, gasDetection);
        m.put(StorageSystem.VIDEO, video);
        m.put(StorageSystem.EMERGENCY_SHUTOFF, emergencyShutoff);
        m.put(StorageSystem.LIGHTNING_WARNING, lightningWarning);
        return m;
    }

    public SystemState state(StorageSystem system) {
        return states().get(system);
    }

    /** The systems that are absent or out of order, in the checklist's order. */
    public List<StorageSystem> gaps() {
        List<StorageSystem> gaps = new ArrayList<>();
        states().forEach((system, state) -> {
            if (state.isGap()) {
                gaps.add(system);
            }
        });
        return gaps;
    }

    /**
     * The 重大事故隐患 criterion a gap meets, or null for a general hazard.
     *
     * @param majorHazardSourceGrade the GB 18218 grade of the unit the site belongs to (1 = 一级), or null
     */
    public static String criterion(StorageSystem gap, Integer majorHazardSourceGrade) {
        return switch (gap) {
            case GAS_DETECTION -> GAS_DETECTION_CRITERION;
            case EMERGENCY_SHUTOFF -> majorHazardSourceGrade != null && majorHazardSourceGrade <= 2 ? SHUTOFF_CRITERION : null;
            case VIDEO, LIGHTNING_WARNING -> null;
        };
    }
}
