package org.anjian.shared.web;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 18, defect 7: a photo is an image only if it decodes; a file name is kept as a plain base name. */
class UploadsTest {

    static byte[] image(String format, int w, int h) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, 0xff0000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }

    @Test
    void aRealPngOrJpegIsAnImageOfItsType() throws IOException {
        assertThat(Uploads.imageType(image("png", 4, 3))).contains("image/png");
        assertThat(Uploads.imageType(image("jpg", 4, 3))).contains("image/jpeg");
    }

    @Test
    void aPngHeaderFollowedByHtmlIsNotAnImage() {
        byte[] header = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        byte[] html = "<html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.UTF_8);
        byte[] polyglot = new byte[header.length + html.length];
        System.arraycopy(header, 0, polyglot, 0, header.length);
        System.arraycopy(html, 0, polyglot, header.length, html.length);
        assertThat(Uploads.imageType(polyglot)).isEmpty();
    }

    @Test
    void aJpegHeaderFollowedByNothingIsNotAnImage() {
        assertThat(Uploads.imageType(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0, 0, 0})).isEmpty();
        assertThat(Uploads.imageType(new byte[0])).isEmpty();
        assertThat(Uploads.imageType("GIF89a".getBytes(StandardCharsets.US_ASCII))).isEmpty();
    }

    @Test
    void anImageClaimingHugeDimensionsIsRefusedBeforeItIsDecoded() {
        // a PNG whose header claims 100 000 × 100 000 pixels (a decompression bomb), with no pixel data
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(100_000).putInt(100_000).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        ByteBuffer png = ByteBuffer.allocate(8 + 25 + 12);
        png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        png.put(chunk("IHDR", ihdr.array()));
        png.put(chunk("IEND", new byte[0]));
        assertThat(Uploads.imageType(png.array())).isEmpty();
    }

    static byte[] chunk(String type, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(12 + data.length);
        b.putInt(data.length).put(type.getBytes(StandardCharsets.US_ASCII)).put(data);
        CRC32 crc = new CRC32();
        crc.update(type.getBytes(StandardCharsets.US_ASCII));
        crc.update(data);
        b.putInt((int) crc.getValue());
        return b.array();
    }

    @Test
    void aFileNameKeepsOnlyItsSanitisedBaseName() {
        assertThat(Uploads.baseName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(Uploads.baseName("C:\\Users\\张三\\企业名录.xlsx")).isEqualTo("企业名录.xlsx");
        assertThat(Uploads.baseName("a\u0000b\r\nc\u202e.xlsx")).isEqualTo("abc.xlsx");
        assertThat(Uploads.baseName("..")).isEqualTo("upload");
        assertThat(Uploads.baseName(null)).isEqualTo("upload");
        assertThat(Uploads.baseName("x".repeat(500) + ".xlsx")).hasSizeLessThanOrEqualTo(Uploads.MAX_NAME_LENGTH).endsWith(".xlsx");
    }
}
