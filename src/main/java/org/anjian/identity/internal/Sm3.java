package org.anjian.identity.internal;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.util.encoders.Hex;

/** SM3 (GB/T 32905-2016), the national hash required for 等保 and 密评, from BouncyCastle. */
final class Sm3 {

    private Sm3() {
    }

    static String hex(String text) {
        byte[] in = text.getBytes(StandardCharsets.UTF_8);
        SM3Digest digest = new SM3Digest();
        digest.update(in, 0, in.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return Hex.toHexString(out);
    }
}
