package org.anjian.training.domain;

/** The warning videos of TRN-1: electric shock, falls, poisoning, machinery, vehicles. */
public enum WarningVideo {
    ELECTRIC_SHOCK, FALL, POISONING, MACHINERY, VEHICLE
}
