package org.anjian.enterprise;

import java.util.UUID;

/**
 * A fact of the chemical module that tells an enterprise's major hazard sources (how many, the
 * highest GB 18218-2018 grade among them) and how many key supervised processes it runs: inputs of
 * its supervision class (ENT-3, ENT-7). The chemical module's event implements it, so the enterprise
 * module learns the facts without depending on that module and without reading its tables. Carrying
 * the whole state rather than a change keeps the listener idempotent.
 */
public interface ChemicalFactsTally {

    UUID enterpriseId();

    int majorHazardSources();

    /** 1 = 一级 (the highest) … 4 = 四级; null when the enterprise has no major hazard source. */
    Integer highestMajorHazardSourceGrade();

    int keyProcesses();
}
