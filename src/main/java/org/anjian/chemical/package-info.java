/**
 * Hazardous chemicals (CHM-1, ENT-7): the identification and grading of major hazard sources
 * (重大危险源) per GB 18218-2018 from the quantities held in each production or storage unit. The
 * standard's tables are a versioned data file ({@code chemical/gb18218-2018.json}); the rule is
 * {@link org.anjian.chemical.domain.MajorHazardIdentification}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Hazardous chemicals",
        allowedDependencies = {"shared", "enterprise", "organization", "hazard"})
package org.anjian.chemical;
