package org.anjian.enterprise;

/**
 * The sub-sector within a supervision line: 工贸八大行业, the three kinds of non-coal mine, the four
 * hazchem activities and the two fireworks trades. Each belongs to exactly one {@link Sector}.
 */
public enum SubSector {
    METALLURGY(Sector.INDUSTRY_TRADE),
    NONFERROUS(Sector.INDUSTRY_TRADE),
    BUILDING_MATERIALS(Sector.INDUSTRY_TRADE),
    MACHINERY(Sector.INDUSTRY_TRADE),
    LIGHT_INDUSTRY(Sector.INDUSTRY_TRADE),
    TEXTILE(Sector.INDUSTRY_TRADE),
    TOBACCO(Sector.INDUSTRY_TRADE),
    COMMERCE(Sector.INDUSTRY_TRADE),
    OPEN_PIT(Sector.NON_COAL_MINE),
    UNDERGROUND(Sector.NON_COAL_MINE),
    OIL_GAS(Sector.NON_COAL_MINE),
    HAZCHEM_PRODUCTION(Sector.HAZCHEM),
    HAZCHEM_TRADE(Sector.HAZCHEM),
    HAZCHEM_USE(Sector.HAZCHEM),
    HAZCHEM_STORAGE(Sector.HAZCHEM),
    FIREWORKS_WHOLESALE(Sector.FIREWORKS),
    FIREWORKS_RETAIL(Sector.FIREWORKS);

    private final Sector sector;

    SubSector(Sector sector) {
        this.sector = sector;
    }

    public Sector sector() {
        return sector;
    }
}
