package org.anjian.inspection.internal;

import org.anjian.inspection.DocumentKind;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    private final JdbcClient jdbc;
    private final String pattern;

    DocumentNumbers(JdbcClient jdbc, InspectionProperties properties) {
        this.jdbc = jdbc;
        this.pattern = properties.documentNumber();
    }

    Number next(DocumentKind kind, int year) {
        int seq = jdbc.sql("""
                insert into inspection_document_counter (year, kind, last_seq) values (?, ?, 1)
                on conflict (year, kind) do update set last_seq = inspection_document_counter.last_seq + 1
                returning last_seq""").params(year, kind.name()).query(Integer.class).single();
        return new Number(year, seq, format(pattern, kind, year, seq));
    }

    static String format(String pattern, DocumentKind kind, int year, int seq) {
        return pattern.replace("{code}", kind.code()).replace("{year}", Integer.toString(year)).replace("{seq}", Integer.toString(seq));
    }
}
