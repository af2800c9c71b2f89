/**
 * The demo district: a deterministic generator (fixed seed) that fills a fresh database with the
 * Jiangjin sample's users and, as modules appear, their synthetic records. Sits above every
 * module and uses only their public APIs. Never runs under the {@code prod} profile.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo district")
package org.anjian.demo;
