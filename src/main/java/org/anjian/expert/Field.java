package org.anjian.expert;

/** A field of expertise (专业领域) an expert is called in for. */
public enum Field {
    MINE,
    HAZARDOUS_CHEMICALS,
    FIREWORKS,
    INDUSTRY_TRADE,
    DUST_EXPLOSION,
    CONFINED_SPACE,
    AMMONIA_REFRIGERATION,
    METALLURGY,
    ELECTRICAL,
    SPECIAL_EQUIPMENT,
    FIRE,
    CONSTRUCTION,
    OCCUPATIONAL_HEALTH,
    EMERGENCY_RESCUE
}
