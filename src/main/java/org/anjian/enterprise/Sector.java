package org.anjian.enterprise;

/** The four supervision lines of the seed (工贸 / 非煤矿山 / 危化 / 烟花爆竹). */
public enum Sector {
    INDUSTRY_TRADE, NON_COAL_MINE, HAZCHEM, FIREWORKS
}
