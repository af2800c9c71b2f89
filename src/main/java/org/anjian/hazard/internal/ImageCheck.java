package org.anjian.hazard.internal;

import java.util.Optional;
import org.anjian.shared.web.Uploads;

/**
 * Photos are JPEG or PNG images that decode, judged by their content rather than by the name or
 * the declared type a client sends: the shared upload check ({@link Uploads}).
 */
public final class ImageCheck {

    public static final long MAX_BYTES = 10L * 1024 * 1024;

    private ImageCheck() {
    }

    public static Optional<String> contentType(byte[] b) {
        return Uploads.imageType(b);
    }
}
