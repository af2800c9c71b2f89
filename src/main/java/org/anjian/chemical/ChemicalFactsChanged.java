package org.anjian.chemical;

import java.util.UUID;
import org.anjian.enterprise.ChemicalFactsTally;

/**
 * An enterprise's chemical facts after a change of its units or key supervised processes: how many
 * major hazard sources it has, the highest GB 18218-2018 grade among them (1 = 一级; null for none)
 * and how many key supervised processes (重点监管危险化工工艺) it runs. The enterprise module feeds
 * them into the supervision class (ENT-3).
 */
public record ChemicalFactsChanged(UUID enterpriseId, int majorHazardSources, Integer highestMajorHazardSourceGrade,
                                   int keyProcesses) implements ChemicalFactsTally {
}
