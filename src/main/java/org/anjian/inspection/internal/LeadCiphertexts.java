package org.anjian.inspection.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.anjian.shared.crypto.FieldCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One encryption for personal fields: a lead's reporter name and phone were AES-256-GCM under
 * {@code anjian.inspection.lead-key} ({@code IV ‖ ciphertext ‖ tag}); they are now
 * {@link FieldCipher} (SM4-GCM). At startup, before anything else runs (the demo included), every lead
 * value that the field cipher cannot read is decrypted the old way and stored again as SM4, in one
 * transaction; a second start finds nothing to convert. The old key is read only for this: without
 * it, development derives the old fixed key; the prod profile refuses to start when old values remain
 * and no key is given, rather than leaving them unreadable. A value neither cipher reads stops the start.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class LeadCiphertexts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(LeadCiphertexts.class);
    static final String OLD_DEV_SEED = "anjian-dev-lead-key";
    private static final int OLD_IV_BYTES = 12;

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final TransactionTemplate tx;
    private final String oldKey;
    private final boolean production;

    LeadCiphertexts(JdbcClient jdbc, FieldCipher cipher, TransactionTemplate tx, InspectionProperties properties, Environment env) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.tx = tx;
        this.oldKey = properties.leadKey();
        this.production = env.acceptsProfiles(Profiles.of("prod", "production"));
    }

    @Override
    public void run(ApplicationArguments args) {
        int n = reencrypt();
        if (n > 0) {
            log.info("Re-encrypted {} lead reporter values from AES-GCM to SM4-GCM", n);
        }
    }

    private record Row(UUID id, byte[] name, byte[] phone) {
    }

    /** Converts every lead value the field cipher cannot read; answers how many values were converted. */
    int reencrypt() {
        Integer converted = tx.execute(status -> {
            List<Row> rows = jdbc.sql("select id, reporter_name, reporter_phone from inspection_lead"
                            + " where reporter_name is not null or reporter_phone is not null for update")
                    .query((rs, i) -> new Row(rs.getObject("id", UUID.class), rs.getBytes("reporter_name"), rs.getBytes("reporter_phone"))).list();
            int n = 0;
            SecretKeySpec key = null;
            for (Row r : rows) {
                boolean nameOld = r.name() != null && !readable(r.name());
                boolean phoneOld = r.phone() != null && !readable(r.phone());
                if (!nameOld && !phoneOld) {
                    continue;
                }
                if (key == null) {
                    key = oldKey();
                }
                byte[] name = nameOld ? cipher.encrypt(decryptOld(key, r.name())) : r.name();
                byte[] phone = phoneOld ? cipher.encrypt(decryptOld(key, r.phone())) : r.phone();
                jdbc.sql("update inspection_lead set reporter_name = ?, reporter_phone = ? where id = ?").params(name, phone, r.id()).update();
                n += (nameOld ? 1 : 0) + (phoneOld ? 1 : 0);
            }
            return n;
        });
        return converted == null ? 0 : converted;
    }

    private boolean readable(byte[] stored) {
        if (!FieldCipher.isSm4(stored)) {
            return false;
        }
        try {
            cipher.decrypt(stored);
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    private SecretKeySpec oldKey() {
        byte[] raw;
        if (oldKey == null || oldKey.isBlank()) {
            if (production) {
                throw new IllegalStateException("inspection leads still hold AES-encrypted reporters: set anjian.inspection.lead-key (the old key)"
                        + " once so that they are converted to SM4");
            }
            raw = sha256(OLD_DEV_SEED);
        } else {
            raw = Base64.getDecoder().decode(oldKey.trim());
        }
        return new SecretKeySpec(raw, "AES");
    }

    static String decryptOld(SecretKeySpec key, byte[] stored) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, Arrays.copyOf(stored, OLD_IV_BYTES)));
            return new String(c.doFinal(stored, OLD_IV_BYTES, stored.length - OLD_IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a lead's reporter is neither SM4 nor readable with anjian.inspection.lead-key", e);
        }
    }

    static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
