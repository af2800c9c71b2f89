package org.anjian.shared.crypto;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * The one way personal fields are kept unreadable at rest (a reporter's name, phone and ID number;
 * 等保 level 3 and GB/T 39786 ask for 国密): SM4 (GB/T 32907) in GCM mode with a fresh 12-byte IV per
 * value, stored as {@code 0x01 ‖ IV ‖ ciphertext ‖ tag}; the leading version byte lets a later key or
 * algorithm be told apart. The key is {@code anjian.crypto.field-key}, Base64 of 16 bytes. Without it,
 * development and tests derive a fixed key from SM3 of {@value #DEV_SEED}; the prod profile refuses
 * to start without a configured key.
 */
@Component
public class FieldCipher {

    static final String DEV_SEED = "anjian-dev-field-key";
    static final byte VERSION_SM4_GCM = 0x01;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final byte[] key;
    private final SecureRandom random = new SecureRandom();

    @org.springframework.beans.factory.annotation.Autowired
    public FieldCipher(@Value("${anjian.crypto.field-key:}") String configured, Environment env) {
        this(resolve(configured, env.acceptsProfiles(Profiles.of("prod", "production"))));
    }

    FieldCipher(byte[] key) {
        if (key.length != 16) {
            throw new IllegalStateException("anjian.crypto.field-key must be Base64 of 16 bytes (an SM4 key)");
        }
        this.key = key.clone();
    }

    /** A cipher under a fixed development key, for tests and tools outside Spring. */
    public static FieldCipher development() {
        return new FieldCipher(devKey());
    }

    static byte[] resolve(String configured, boolean production) {
        if (configured == null || configured.isBlank()) {
            if (production) {
                throw new IllegalStateException("anjian.crypto.field-key must be set in production (Base64 of a 16-byte SM4 key)");
            }
            return devKey();
        }
        try {
            return Base64.getDecoder().decode(configured.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("anjian.crypto.field-key must be Base64 of 16 bytes", e);
        }
    }

    private static byte[] devKey() {
        SM3Digest sm3 = new SM3Digest();
        byte[] seed = DEV_SEED.getBytes(StandardCharsets.UTF_8);
        sm3.update(seed, 0, seed.length);
        byte[] out = new byte[sm3.getDigestSize()];
        sm3.doFinal(out, 0);
        return Arrays.copyOf(out, 16);
    }

    /** The stored form of a value; null or blank stays null. */
    public byte[] encrypt(String plain) {
        if (plain == null || plain.isBlank()) {
            return null;
        }
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        byte[] data = plain.strip().getBytes(StandardCharsets.UTF_8);
        GCMModeCipher gcm = GCMBlockCipher.newInstance(new SM4Engine());
        gcm.init(true, new AEADParameters(new KeyParameter(key), TAG_BITS, iv));
        byte[] out = new byte[1 + IV_BYTES + gcm.getOutputSize(data.length)];
        out[0] = VERSION_SM4_GCM;
        System.arraycopy(iv, 0, out, 1, IV_BYTES);
        int n = gcm.processBytes(data, 0, data.length, out, 1 + IV_BYTES);
        try {
            gcm.doFinal(out, 1 + IV_BYTES + n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("cannot encrypt", e);
        }
        return out;
    }

    /** Whether the bytes are in this cipher's stored form (as opposed to an older format being migrated). */
    public static boolean isSm4(byte[] stored) {
        return stored != null && stored.length > 1 + IV_BYTES && stored[0] == VERSION_SM4_GCM;
    }

    /** The value back; null stays null. A wrong key or a tampered value fails. */
    public String decrypt(byte[] stored) {
        if (stored == null) {
            return null;
        }
        if (!isSm4(stored)) {
            throw new IllegalStateException("not an SM4 field value");
        }
        GCMModeCipher gcm = GCMBlockCipher.newInstance(new SM4Engine());
        gcm.init(false, new AEADParameters(new KeyParameter(key), TAG_BITS, Arrays.copyOfRange(stored, 1, 1 + IV_BYTES)));
        int inLen = stored.length - 1 - IV_BYTES;
        byte[] out = new byte[gcm.getOutputSize(inLen)];
        int n = gcm.processBytes(stored, 1 + IV_BYTES, inLen, out, 0);
        try {
            n += gcm.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("cannot decrypt a field (wrong anjian.crypto.field-key?)", e);
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }

    /** A name shown masked: first character kept (张**). */
    public static String maskName(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        return name.charAt(0) + "*".repeat(Math.max(1, name.length() - 1));
    }

    /** A phone or ID number shown masked: the first three and last four kept. */
    public static String maskNumber(String number) {
        if (number == null || number.length() <= 7) {
            return number == null ? null : "*".repeat(number.length());
        }
        return number.substring(0, 3) + "*".repeat(number.length() - 7) + number.substring(number.length() - 4);
    }
}
