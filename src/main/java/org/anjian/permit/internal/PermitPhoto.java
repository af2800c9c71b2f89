package org.anjian.permit.internal;

import java.util.UUID;

/** A photo of a confirmed safety measure. */
public record PermitPhoto(UUID id, UUID permitId, int measureIndex, String contentType, String fileName, String sha256, byte[] content) {
}
