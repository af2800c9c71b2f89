package org.anjian.penalty.domain;

import java.util.Collection;
import java.util.regex.Pattern;

/**
 * What the public disclosure hides (行政执法公示 must not publish personal information): names keep
 * their first character (张三 → 张*, 欧阳娜娜 → 欧***), ID-card and mobile numbers keep their
 * ends only.
 */
public final class Masking {

    private static final Pattern ID_CARD = Pattern.compile("(?<![0-9])(\\d{6})\\d{8}(\\d{3}[0-9Xx])(?![0-9])");
    private static final Pattern MOBILE = Pattern.compile("(?<![0-9])(1[3-9]\\d)\\d{4}(\\d{4})(?![0-9])");

    private Masking() {
    }

    public static String name(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        String n = name.strip();
        int first = n.offsetByCodePoints(0, 1);
        return n.substring(0, first) + "*".repeat(n.codePointCount(first, n.length()));
    }

    /** Free text with the given names and any ID-card or mobile number masked. */
    public static String text(String text, Collection<String> names) {
        if (text == null) {
            return "";
        }
        String out = ID_CARD.matcher(text).replaceAll("$1********$2");
        out = MOBILE.matcher(out).replaceAll("$1****$2");
        for (String n : names) {
            if (n != null && n.strip().length() > 1) {
                out = out.replace(n.strip(), name(n));
            }
        }
        return out;
    }
}
