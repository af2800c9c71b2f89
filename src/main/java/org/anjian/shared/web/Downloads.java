package org.anjian.shared.web;

import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;

/** Download headers for files people save: the Chinese file name travels as RFC 5987 {@code filename*=UTF-8''…}. */
public final class Downloads {

    private Downloads() {
    }

    /** {@code Content-Disposition: attachment} with the name in UTF-8 (RFC 6266 / RFC 5987). */
    public static String attachment(String fileName) {
        return ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString();
    }
}
