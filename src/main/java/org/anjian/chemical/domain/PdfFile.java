package org.anjian.chemical.domain;

import java.nio.charset.StandardCharsets;

/**
 * Whether uploaded bytes are a PDF by their content, never by their name or declared type
 * (ISO 32000-1 §7.5.2 and §7.5.5): the file starts with the header {@code %PDF-1.x} or {@code %PDF-2.0}
 * and ends, within its last 1 024 bytes, with the end-of-file marker {@code %%EOF}.
 */
public final class PdfFile {

    private static final byte[] HEADER = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EOF = "%%EOF".getBytes(StandardCharsets.US_ASCII);

    private PdfFile() {
    }

    public static boolean isPdf(byte[] data) {
        if (data == null || data.length < HEADER.length + 3 + EOF.length) {
            return false;
        }
        for (int i = 0; i < HEADER.length; i++) {
            if (data[i] != HEADER[i]) {
                return false;
            }
        }
        if (!Character.isDigit(data[5]) || data[6] != '.' || !Character.isDigit(data[7])) {
            return false;
        }
        int from = Math.max(0, data.length - 1024);
        for (int i = data.length - EOF.length; i >= from; i--) {
            boolean match = true;
            for (int j = 0; j < EOF.length && match; j++) {
                match = data[i + j] == EOF[j];
            }
            if (match) {
                return true;
            }
        }
        return false;
    }
}
