package org.anjian.enterprise;

import java.util.UUID;

/**
 * An enterprise's supervision class changed; inspection planning reads the new frequency from it.
 *
 * @param previous null on the first classification
 */
public record EnterpriseReclassified(UUID enterpriseId, SupervisionClass previous, SupervisionClass current, int score,
                                     int inspectionsPerYear, int ruleSetVersion) {
}
