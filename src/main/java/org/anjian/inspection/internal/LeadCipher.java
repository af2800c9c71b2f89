package org.anjian.inspection.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Keeps a whistleblower's name and phone unreadable at rest (吹哨人 protection): AES-256-GCM, a fresh
 * 12-byte IV per value, stored as IV ‖ ciphertext ‖ tag. The key is {@code anjian.inspection.lead-key}
 * (Base64 of 16, 24 or 32 bytes). Without it, development and tests derive a fixed key from
 * SHA-256 of {@value #DEV_SEED} — never acceptable in production, so the prod profile refuses to
 * start without a configured key.
 */
@Component
class LeadCipher {

    static final String DEV_SEED = "anjian-dev-lead-key";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    LeadCipher(InspectionProperties properties, Environment env) {
        String configured = properties.leadKey();
        byte[] raw;
        if (configured == null || configured.isBlank()) {
            if (env.acceptsProfiles(Profiles.of("prod", "production"))) {
                throw new IllegalStateException("anjian.inspection.lead-key must be set in production (Base64 of a 32-byte AES key)");
            }
            raw = sha256(DEV_SEED);
        } else {
            raw = Base64.getDecoder().decode(configured.trim());
            if (raw.length != 16 && raw.length != 24 && raw.length != 32) {
                throw new IllegalStateException("anjian.inspection.lead-key must be Base64 of 16, 24 or 32 bytes");
            }
        }
        this.key = new SecretKeySpec(raw, "AES");
    }

    byte[] encrypt(String plain) {
        if (plain == null || plain.isBlank()) {
            return null;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] ct = c.doFinal(plain.trim().getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(iv.length + ct.length).put(iv).put(ct).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt", e);
        }
    }

    String decrypt(byte[] stored) {
        if (stored == null) {
            return null;
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, Arrays.copyOf(stored, IV_BYTES)));
            return new String(c.doFinal(stored, IV_BYTES, stored.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt a lead's reporter (wrong anjian.inspection.lead-key?)", e);
        }
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
