package org.anjian.shared.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;
import org.anjian.shared.error.DomainException;

/**
 * A keyset cursor ({@code after=…}): the sort-key values of a page's last row, each Base64url-encoded and joined by
 * dots, so that names with any character survive and the client sees one opaque token. The list decodes it into its
 * own key types; anything that does not decode is a 400 naming {@code after}.
 */
public final class Cursor {

    private final String[] parts;

    private Cursor(String[] parts) {
        this.parts = parts;
    }

    public static String of(Object... values) {
        StringBuilder b = new StringBuilder();
        for (Object v : values) {
            if (!b.isEmpty()) {
                b.append('.');
            }
            b.append(Base64.getUrlEncoder().withoutPadding().encodeToString(String.valueOf(v).getBytes(StandardCharsets.UTF_8)));
        }
        return b.toString();
    }

    /** The cursor's values; {@code n}: how many the list's order has. */
    public static Cursor parse(String text, int n) {
        String[] raw = text == null ? new String[0] : text.split("\\.", -1);
        if (raw.length != n) {
            throw invalid();
        }
        String[] parts = new String[n];
        try {
            for (int i = 0; i < n; i++) {
                parts[i] = new String(Base64.getUrlDecoder().decode(raw[i]), StandardCharsets.UTF_8);
            }
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        return new Cursor(parts);
    }

    public String text(int i) {
        return parts[i];
    }

    public int integer(int i) {
        try {
            return Integer.parseInt(parts[i]);
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    public UUID uuid(int i) {
        try {
            return UUID.fromString(parts[i]);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    public OffsetDateTime instant(int i) {
        try {
            return OffsetDateTime.parse(parts[i]);
        } catch (DateTimeParseException e) {
            throw invalid();
        }
    }

    public LocalDate date(int i) {
        try {
            return LocalDate.parse(parts[i]);
        } catch (DateTimeParseException e) {
            throw invalid();
        }
    }

    private static DomainException invalid() {
        return DomainException.invalid("after", "shared.validation.after", "翻页游标无效，请从第一页重新翻页");
    }
}
