package org.anjian.accident;

/**
 * Where an accident counts in the statistics: the four supervision lines of the registry plus the
 * lines outside it. Road traffic and fire accidents have a 7-day 补报 window instead of 30.
 */
public enum AccidentSector {
    INDUSTRY_TRADE, NON_COAL_MINE, HAZCHEM, FIREWORKS, CONSTRUCTION, ROAD_TRAFFIC, FIRE, OTHER;

    public boolean isMine() {
        return this == NON_COAL_MINE;
    }
}
