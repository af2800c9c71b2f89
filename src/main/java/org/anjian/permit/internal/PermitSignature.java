package org.anjian.permit.internal;

import java.time.Instant;
import java.util.UUID;

/** A signature drawn on the phone: who signed in which role, and the PNG's SHA-256. */
public record PermitSignature(UUID id, String role, String name, String sha256, String signedBy, Instant signedAt) {
}
