package org.anjian.enterprise;

/**
 * The special-risk flags of ENT-2: 四涉一有限一使用 (涉爆粉尘, 涉氨制冷, 涉高温熔融金属, 有限空间作业,
 * 危险化学品使用) plus the 金属冶炼 process, which carries its own duties (ENT-4).
 */
public enum RiskFlag {
    DUST_EXPLOSION, AMMONIA_REFRIGERATION, MOLTEN_METAL, CONFINED_SPACE, HAZCHEM_USE, METAL_SMELTING;

    /** The five flags of 四涉一有限一使用, which make the three responsible persons mandatory (ENT-5). */
    public boolean isFourPlusTwo() {
        return this != METAL_SMELTING;
    }
}
