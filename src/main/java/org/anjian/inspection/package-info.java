/**
 * Supervision and enforcement (互联网+执法, ENF-*). This first part is the random draw (双随机、一公开,
 * ENF-2): enterprises drawn from a pool and at least two certified inspectors for each, never one
 * with a declared conflict, spread evenly, reproducible by anyone from the published seed, pool and
 * algorithm. Plans, inspections, documents and re-inspections follow.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Inspection", allowedDependencies = {"shared", "enterprise", "identity", "organization", "expert", "training"})
package org.anjian.inspection;
