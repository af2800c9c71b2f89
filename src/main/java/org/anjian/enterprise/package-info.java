/**
 * The registry of every regulated business in the district (ENT-1 … ENT-6, ENT-8): profiles with
 * their special-risk flags, the rule set that sorts them into supervision classes, licences and
 * duties, the three responsible persons and their checks, mines and fireworks outlets.
 *
 * <p>Other modules read enterprises through {@link org.anjian.enterprise.EnterpriseLookup} and
 * learn of new ones from {@link org.anjian.enterprise.EnterpriseRegistered}. The classification
 * inputs that belong to other modules (accidents, open major hazards, enforcement history,
 * standardization grade) are for now set through the API; when those modules exist they publish
 * {@code AccidentRecorded}, {@code HazardRegistered}/{@code HazardClosed}, {@code PenaltyDecided}
 * and {@code StandardizationGraded}, and an idempotent listener here updates the same inputs.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Enterprises", allowedDependencies = {"shared", "organization"})
package org.anjian.enterprise;
