package org.anjian.inspection;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.anjian.enterprise.Sector;

/**
 * What an inspector reads before going on site (一体化 check list, ENF-3): the sector's check
 * items and the enterprise's open hazards. Implemented by the hazard module, which owns both and
 * depends on this one, so that this module does not depend on that one.
 */
public interface InspectionPreparation {

    record OpenHazard(UUID id, String place, String description, boolean major, String state, LocalDate deadline) {
    }

    List<OpenHazard> openHazards(UUID enterpriseId);

    /** The items to check in an enterprise of the sector, in order. */
    List<String> checklistItems(Sector sector);
}
