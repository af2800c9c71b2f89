package org.anjian.shared.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.text.Normalizer;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * The one check every uploaded photo and signature passes: it is an image only if it decodes. The
 * first bytes choose the format (never the name or the declared type), the header's dimensions must
 * be sane before any pixel is decoded (no decompression bombs), and then the whole image must
 * decode, so a PNG header followed by HTML is refused. Uploaded file names are kept only as a
 * plain base name.
 */
public final class Uploads {

    /** The longest side an uploaded image may have, in pixels (a 200-megapixel phone photo is 16 384 wide). */
    public static final int MAX_SIDE = 16_384;
    /** The most pixels an uploaded image may have (about 120 MB decoded as RGB). */
    public static final long MAX_PIXELS = 40_000_000L;
    public static final int MAX_NAME_LENGTH = 120;

    private Uploads() {
    }

    /** {@code image/jpeg} or {@code image/png} when the bytes are a whole, decodable image of sane size; empty otherwise. */
    public static Optional<String> imageType(byte[] data) {
        if (data == null) {
            return Optional.empty();
        }
        String type = declaredByMagic(data);
        if (type == null) {
            return Optional.empty();
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(data))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (in == null || !readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                if (!type.equals("image/" + reader.getFormatName().toLowerCase(java.util.Locale.ROOT).replace("jpg", "jpeg"))) {
                    return Optional.empty();
                }
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if (w < 1 || h < 1 || w > MAX_SIDE || h > MAX_SIDE || (long) w * h > MAX_PIXELS) {
                    return Optional.empty();
                }
                return reader.read(0) == null ? Optional.empty() : Optional.of(type);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException | OutOfMemoryError notAnImage) {
            return Optional.empty();
        }
    }

    private static String declaredByMagic(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return "image/jpeg";
        }
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[4] == 0x0D && b[5] == 0x0A
                && b[6] == 0x1A && b[7] == 0x0A) {
            return "image/png";
        }
        return null;
    }

    /**
     * The name a client sent, as something safe to store and show: no directories (either slash),
     * no control or bidi-override characters, no leading dots, at most {@link #MAX_NAME_LENGTH}
     * characters with the extension kept; {@code upload} when nothing is left.
     */
    public static String baseName(String sent) {
        if (sent == null) {
            return "upload";
        }
        String name = sent;
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        StringBuilder clean = new StringBuilder();
        name.codePoints().filter(Uploads::allowed).forEach(clean::appendCodePoint);
        name = Normalizer.normalize(clean.toString().strip(), Normalizer.Form.NFC);
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        if (name.isBlank()) {
            return "upload";
        }
        if (name.length() > MAX_NAME_LENGTH) {
            int dot = name.lastIndexOf('.');
            String ext = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            name = name.substring(0, MAX_NAME_LENGTH - ext.length()) + ext;
        }
        return name;
    }

    private static boolean allowed(int cp) {
        int type = Character.getType(cp);
        return !Character.isISOControl(cp) && type != Character.FORMAT && type != Character.LINE_SEPARATOR
                && type != Character.PARAGRAPH_SEPARATOR && type != Character.SURROGATE && type != Character.PRIVATE_USE
                && cp != ':' && cp != '*' && cp != '?' && cp != '"' && cp != '<' && cp != '>' && cp != '|';
    }
}
