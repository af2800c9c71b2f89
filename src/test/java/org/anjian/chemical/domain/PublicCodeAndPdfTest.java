package org.anjian.chemical.domain;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The product code's form and spread, the PDF check by bytes (ISO 32000-1 §7.5.2, §7.5.5), and the withdrawal transition. */
class PublicCodeAndPdfTest {

    @Test
    void aCodeIsSixteenBase32CharactersOfEightyRandomBits() {
        Random random = new Random(20261202L);
        Set<String> seen = new HashSet<>();
        int[] firstChar = new int[32];
        for (int i = 0; i < 20_000; i++) {
            String code = PublicCode.next(random);
            assertThat(code).hasSize(16).matches("[A-Z2-7]{16}");
            assertThat(PublicCode.isWellFormed(code)).isTrue();
            seen.add(code);
            firstChar["ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".indexOf(code.charAt(0))]++;
        }
        assertThat(seen).hasSize(20_000);
        // every leading symbol used, none far from 20 000 / 32 = 625: the bits are not biased toward a part of the alphabet
        assertThat(java.util.Arrays.stream(firstChar).boxed().toList()).allSatisfy(n -> assertThat(n).isBetween(500, 750));
        // all-zero bytes are "A"s, all-one bytes are "7"s: 80 bits map to exactly 16 symbols
        assertThat(PublicCode.next(new Random() {
            @Override
            public void nextBytes(byte[] bytes) {
                java.util.Arrays.fill(bytes, (byte) 0xff);
            }
        })).isEqualTo("7777777777777777");
        assertThat(PublicCode.isWellFormed("AAAAAAAAAAAAAAA")).isFalse();
        assertThat(PublicCode.isWellFormed("AAAAAAAAAAAAAAA1")).isFalse();
        assertThat(PublicCode.isWellFormed("aaaaaaaaaaaaaaaa")).isFalse();
    }

    @Test
    void aPdfIsKnownByItsHeaderAndItsEndOfFileMarker() {
        assertThat(PdfFile.isPdf("%PDF-1.7\n1 0 obj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII))).isTrue();
        assertThat(PdfFile.isPdf("%PDF-2.0\n%%EOF".getBytes(StandardCharsets.US_ASCII))).isTrue();
        assertThat(PdfFile.isPdf("%PDF-1.7\n1 0 obj\n".getBytes(StandardCharsets.US_ASCII))).as("truncated").isFalse();
        assertThat(PdfFile.isPdf("<html>%PDF-1.7 %%EOF".getBytes(StandardCharsets.US_ASCII))).as("header not first").isFalse();
        assertThat(PdfFile.isPdf("%PDF-x.7\n%%EOF".getBytes(StandardCharsets.US_ASCII))).isFalse();
        byte[] tail = new byte[2000];
        byte[] head = "%PDF-1.4\n%%EOF".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, tail, 0, head.length);
        assertThat(PdfFile.isPdf(tail)).as("marker more than 1 024 bytes before the end").isFalse();
        assertThat(PdfFile.isPdf(null)).isFalse();
    }

    @Test
    void withdrawalIsFinalNeedsAReasonAndIsNotDatedAhead() {
        LocalDate today = LocalDate.of(2026, 12, 2);
        assertThat(ProductStatus.ACTIVE.withdraw("停产", today, today)).isEqualTo(ProductStatus.WITHDRAWN);
        assertThatThrownBy(() -> ProductStatus.ACTIVE.withdraw("停产", today.plusDays(1), today)).hasMessage("withdrawnOn");
        assertThatThrownBy(() -> ProductStatus.ACTIVE.withdraw(" ", today, today)).hasMessage("reason");
        assertThatThrownBy(() -> ProductStatus.WITHDRAWN.withdraw("再次", today, today)).isInstanceOf(ProductStatus.IllegalTransition.class);
    }
}
