package org.anjian.shared.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Personal fields are SM4-GCM at rest; production needs a configured key. */
class FieldCipherTest {

    @Test
    void aValueComesBackAndIsNotReadableAtRest() {
        FieldCipher cipher = FieldCipher.development();
        byte[] stored = cipher.encrypt("张三 13800138000");
        assertThat(new String(stored, StandardCharsets.UTF_8)).doesNotContain("张三").doesNotContain("13800138000");
        assertThat(FieldCipher.isSm4(stored)).isTrue();
        assertThat(cipher.decrypt(stored)).isEqualTo("张三 13800138000");
        assertThat(cipher.encrypt("张三 13800138000")).isNotEqualTo(stored);
    }

    @Test
    void sm4MatchesTheGbT32907TestVector() {
        // GB/T 32907-2016 Appendix A example 1: key = plaintext = 0123456789abcdeffedcba9876543210
        byte[] k = org.bouncycastle.util.encoders.Hex.decode("0123456789abcdeffedcba9876543210");
        org.bouncycastle.crypto.engines.SM4Engine engine = new org.bouncycastle.crypto.engines.SM4Engine();
        engine.init(true, new org.bouncycastle.crypto.params.KeyParameter(k));
        byte[] out = new byte[16];
        engine.processBlock(k, 0, out, 0);
        assertThat(org.bouncycastle.util.encoders.Hex.toHexString(out)).isEqualTo("681edf34d206965e86b3e94f536e4246");
    }

    @Test
    void anotherKeyCannotRead() {
        byte[] stored = FieldCipher.development().encrypt("13800138000");
        FieldCipher other = new FieldCipher(new byte[16]);
        assertThatThrownBy(() -> other.decrypt(stored)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void productionRefusesToStartWithoutAKey() {
        assertThatThrownBy(() -> FieldCipher.resolve("", true)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("anjian.crypto.field-key");
        assertThat(FieldCipher.resolve("", false)).hasSize(16);
        assertThat(FieldCipher.resolve(Base64.getEncoder().encodeToString(new byte[16]), true)).hasSize(16);
    }

    @Test
    void namesAndNumbersAreMasked() {
        assertThat(FieldCipher.maskName("张三丰")).isEqualTo("张**");
        assertThat(FieldCipher.maskNumber("13800138000")).isEqualTo("138****8000");
        assertThat(FieldCipher.maskNumber("500101199001011234")).isEqualTo("500***********1234");
    }
}
