package org.anjian.inspection.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Random;
import javax.imageio.ImageIO;

/** Pictures drawn in code for the demo district: a site photo and hand-written-looking signatures. */
final class DemoImages {

    private DemoImages() {
    }

    /** A small JPEG "photo" of a switch cabinet: grey walls, a cabinet, a warning sign. */
    static byte[] photo() {
        BufferedImage img = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(205, 208, 210));
        g.fillRect(0, 0, 320, 240);
        g.setColor(new Color(150, 150, 145));
        g.fillRect(0, 190, 320, 50);
        g.setColor(new Color(90, 120, 150));
        g.fillRect(100, 50, 120, 150);
        g.setColor(new Color(60, 80, 100));
        g.drawLine(160, 50, 160, 200);
        g.setColor(new Color(240, 200, 0));
        g.fillPolygon(new int[] {140, 180, 160}, new int[] {110, 110, 75}, 3);
        g.setColor(Color.BLACK);
        g.drawString("!", 158, 104);
        g.dispose();
        return write(img, "jpg");
    }

    /** A scribbled signature, different for each {@code seed}, as a PNG data URL. */
    static String signatureDataUrl(int seed) {
        BufferedImage img = new BufferedImage(300, 100, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(20, 20, 60));
        g.setStroke(new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Random r = new Random(seed);
        Path2D path = new Path2D.Double();
        path.moveTo(20, 60);
        for (int x = 40; x <= 280; x += 20) {
            path.quadTo(x - 10, 20 + r.nextInt(60), x, 40 + r.nextInt(30));
        }
        g.draw(path);
        g.dispose();
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(write(img, "png"));
    }

    private static byte[] write(BufferedImage img, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
