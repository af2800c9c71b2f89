package org.anjian.inspection;

/**
 * What the inspection module needs to hear when a finding's hazard is closed: implemented by the
 * hazard module's event, so that this module does not depend on that one. {@code sourceRef} is the
 * finding id the hazard was registered under.
 */
public interface FindingResolved {

    String sourceRef();
}
