package org.anjian.chemical.domain;

import java.util.Locale;

/** Substance names compared without blanks, letter case or the difference of full-width brackets and signs. */
final class Names {

    private Names() {
    }

    static String normal(String name) {
        return name.strip()
                .replace('（', '(').replace('）', ')').replace('，', ',').replace('＞', '>').replace('％', '%')
                .replace(" ", "").replace("\u3000", "")
                .toLowerCase(Locale.ROOT);
    }
}
