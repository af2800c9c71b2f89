/**
 * Accidents (ACC-1 … ACC-4): records, grading per State Council Decree 493, reporting deadlines,
 * investigations and their consequences. This first part holds the grading rule and its API;
 * accident records, investigations and consequences follow.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accidents", allowedDependencies = "shared")
package org.anjian.accident;
