package org.anjian.shared.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The shared layout embeds its Chinese font and the signature images, and refers to no font it does not embed. */
class OfficialDocumentTest {

    @Test
    void everyElementUsesTheEmbeddedFontAndSignaturesAreImages() throws Exception {
        BufferedImage img = new BufferedImage(60, 20, BufferedImage.TYPE_INT_ARGB);
        img.getGraphics().drawLine(2, 10, 58, 12);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(img, "png", png);
        byte[] pdf = OfficialDocument.start(new CjkFont("").get(), "江津区应急管理局", "现场检查记录", "津应急检记〔2026〕1号")
                .addressee("重庆测试有限公司：")
                .fields(List.<String[]>of(new String[] {"检查时间", "2026年11月29日"}))
                .paragraph("经查，现场存在下列问题。")
                .boldParagraph("检查结论：责令限期整改。")
                .table(List.of("序号", "问题"), new float[] {1, 4}, List.of(List.of("1", "配电箱未上锁")))
                .signatures(List.of(new OfficialDocument.Signature("执法人员", "张执法", png.toByteArray()),
                        new OfficialDocument.Signature("被检查单位负责人", null, null)))
                .seal(LocalDate.of(2026, 11, 29))
                .finish();
        String raw = new String(pdf, StandardCharsets.ISO_8859_1);
        assertThat(raw).contains("/FontFile").contains("/Subtype/Image").doesNotContain("Helvetica");
        String text = new com.lowagie.text.pdf.parser.PdfTextExtractor(new com.lowagie.text.pdf.PdfReader(pdf)).getTextFromPage(1);
        assertThat(text.replaceAll("\\s+", "")).contains("现场检查记录", "津应急检记〔2026〕1号", "配电箱未上锁", "张执法", "2026年11月29日");
    }
}
