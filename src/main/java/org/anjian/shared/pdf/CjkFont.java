package org.anjian.shared.pdf;

import com.lowagie.text.pdf.BaseFont;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A font with Chinese glyphs, embedded in every printed document (cards, enforcement documents) so
 * that it prints the same on any printer and phone. Found once: the configured
 * {@code anjian.documents.cjk-font} (or {@code anjian.risk.cjk-font}), else the usual places
 * of Noto Sans CJK SC (face 2 of the collection), WenQuanYi Zen Hei and Droid Sans Fallback. When
 * none is there the cards cannot be printed, and the error says which paths were tried.
 */
@Component
public class CjkFont {

    private static final Logger log = LoggerFactory.getLogger(CjkFont.class);

    static final List<String> KNOWN = List.of(
            "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc,2",
            "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc,2",
            "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc,2",
            "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc,2",
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc,0",
            "/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc,0",
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc,0",
            "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
            "/System/Library/Fonts/PingFang.ttc,0",
            "C:/Windows/Fonts/simhei.ttf");

    private final List<String> candidates;
    private volatile BaseFont font;

    CjkFont(@org.springframework.beans.factory.annotation.Value("${anjian.documents.cjk-font:${anjian.risk.cjk-font:}}") String configured) {
        List<String> list = new ArrayList<>();
        if (configured != null && !configured.isBlank()) {
            list.add(configured.trim());
        }
        list.addAll(KNOWN);
        this.candidates = List.copyOf(list);
    }

    /** The font, loaded on first use; throws {@link IllegalStateException} naming the paths tried when none works. */
    public BaseFont get() {
        BaseFont f = font;
        if (f == null) {
            synchronized (this) {
                if (font == null) {
                    font = load();
                }
                f = font;
            }
        }
        return f;
    }

    private BaseFont load() {
        for (String candidate : candidates) {
            String file = candidate.contains(",") ? candidate.substring(0, candidate.lastIndexOf(',')) : candidate;
            if (!Files.isReadable(Path.of(file))) {
                continue;
            }
            try {
                BaseFont f = BaseFont.createFont(candidate, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
                log.info("documents print with the font {}", candidate);
                return f;
            } catch (Exception e) {
                log.warn("font {} could not be used: {}", candidate, e.getMessage());
            }
        }
        throw new IllegalStateException("No font with Chinese glyphs found for printed documents; install fonts-noto-cjk or "
                + "fonts-wqy-zenhei, or set anjian.documents.cjk-font. Tried: " + candidates);
    }
}
