package org.anjian.inspection.internal;

import org.anjian.inspection.DocumentKind;
import org.springframework.stereotype.Component;

/**
 * Numbers enforcement documents per district, year and kind: {@code anjian.inspection.document-number},
 * default {@code 津应急{code}〔{year}〕{seq}号}. The counter row is incremented in the issuing
 * transaction, so numbers are consecutive, unique across nodes, and a rolled-back issue gives its
 * number back.
 */
@Component
class DocumentNumbers {

    record Number(int year, int seq, String text) {
    }

    private final DocumentNumberRepository counters;
    private final String pattern;

    DocumentNumbers(DocumentNumberRepository counters, InspectionProperties properties) {
        this.counters = counters;
        this.pattern = properties.documentNumber();
    }

    Number next(DocumentKind kind, int year) {
        int seq = counters.nextSeq(kind, year);
        return new Number(year, seq, format(pattern, kind, year, seq));
    }

    static String format(String pattern, DocumentKind kind, int year, int seq) {
        return pattern.replace("{code}", kind.code()).replace("{year}", Integer.toString(year)).replace("{seq}", Integer.toString(seq));
    }
}
