/**
 * Accidents (ACC-1 … ACC-4): records graded per State Council Decree 493, reporting deadlines,
 * investigations with the four no-lets-go, consequences run from rules kept as data, and the
 * death-toll targets. Publishes {@link org.anjian.accident.AccidentRecorded} for the credit,
 * enterprise and assessment modules.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accidents", allowedDependencies = {"shared", "enterprise", "organization", "inspection", "penalty"})
package org.anjian.accident;
