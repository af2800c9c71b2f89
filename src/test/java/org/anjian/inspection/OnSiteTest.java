package org.anjian.inspection;

import com.jayway.jsonpath.JsonPath;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import org.anjian.AnjianIntegrationTest;
import org.anjian.TestUsers;
import org.anjian.identity.UserManagement;
import org.anjian.identity.UserManagement.NewUser;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.DataScope;
import org.anjian.shared.security.Role;
import org.anjian.shared.security.ScopeKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.anjian.TestUsers.as;
import static org.anjian.enterprise.EnterpriseTestData.newCreditCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** ENF-3, ENF-4, ENF-7 on site: categories, photos, signatures, documents and corrections, 逢查必考, the full-process archive. */
@AnjianIntegrationTest
@RecordApplicationEvents
class OnSiteTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final int FIVE_MB = 5 * 1024 * 1024;

    @Autowired MockMvc mvc;
    @Autowired UserManagement users;
    @Autowired OrganizationDirectory organization;
    @Autowired ViolationRecords violations;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEvents events;

    AnjianUser inspector(String name) {
        var s = users.create(new NewUser("insp" + UUID.randomUUID().toString().substring(0, 8), name, "Anjian@2023", EnumSet.of(Role.INSPECTOR),
                ScopeKind.DISTRICT, null, null, "渝执 " + name));
        return new AnjianUser(s.id(), s.username(), s.displayName(), s.roles(), s.scope(), null, true, false);
    }

    UUID enterprise(String sector, String subSector) throws Exception {
        var town = organization.regionByName("杜市镇").orElseThrow();
        String code = newCreditCode();
        return UUID.fromString(JsonPath.read(mvc.perform(post("/api/v1/enterprises").with(as(Role.DISTRICT_ADMIN))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"creditCode":"%s","name":"重庆现场%s有限公司","townId":"%s","sector":"%s","subSector":"%s",
                         "scale":"ABOVE_SIZE","employees":90,"status":"PRODUCING","flags":[]}""".formatted(code, code.substring(10, 14), town.id(), sector, subSector)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id"));
    }

    String plan(UUID enterprise, AnjianUser a, AnjianUser b) throws Exception {
        return JsonPath.read(json(a, "/api/v1/inspections", "{\"enterpriseId\":\"%s\",\"inspectorIds\":[\"%s\",\"%s\"],\"plannedOn\":\"%s\"}"
                .formatted(enterprise, a.id(), b.id(), today())).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
    }

    String finding(AnjianUser who, String inspection, String category, boolean major) throws Exception {
        return JsonPath.read(json(who, "/api/v1/inspections/" + inspection + "/findings", """
                {"place":"一号车间","description":"砂轮机防护罩缺失","major":%s,"category":"%s","deadline":"%s","latitude":29.26123,"longitude":106.25456}"""
                .formatted(major, category, today().plusDays(10))).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
    }

    ResultActions json(AnjianUser who, String url, String body) throws Exception {
        return mvc.perform(post(url).with(as(who)).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    static LocalDate today() {
        return LocalDate.now(SHANGHAI);
    }

    static byte[] png(int w, int h, boolean inked) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        if (inked) {
            Graphics2D g = img.createGraphics();
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(4));
            g.drawLine(10, h / 2, w - 10, h / 3);
            g.drawLine(20, h - 10, w / 2, 10);
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    static byte[] noise(int w, int h) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Random r = new Random(7);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, r.nextInt(0x1000000));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    /** A real JPEG (photos must decode), padded after its end to exactly {@code size} bytes where it is smaller. */
    static byte[] jpegOfSize(int size) {
        byte[] jpeg;
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB), "jpg", out);
            jpeg = out.toByteArray();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        byte[] b = new byte[size >= jpeg.length ? size : jpeg.length + size];
        System.arraycopy(jpeg, 0, b, 0, jpeg.length);
        return b;
    }

    static String dataUrl(byte[] png) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
    }

    static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    static String text(byte[] pdf) throws Exception {
        com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf);
        var extractor = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader);
        StringBuilder all = new StringBuilder();
        for (int p = 1; p <= reader.getNumberOfPages(); p++) {
            all.append(extractor.getTextFromPage(p));
        }
        return all.toString();
    }

    byte[] pdf(AnjianUser who, String documentId) throws Exception {
        return mvc.perform(get("/api/v1/documents/" + documentId + ".pdf").with(as(who))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
    }

    ResultActions upload(AnjianUser who, String inspection, String findingId, String name, String type, byte[] content) throws Exception {
        return mvc.perform(multipart("/api/v1/inspections/" + inspection + "/findings/" + findingId + "/photos")
                .file(new MockMultipartFile("file", name, type, content)).with(as(who)));
    }

    @Test
    void everyFindingHasACategoryThatReachesTheEventAndTheViolationRecords() throws Exception {
        AnjianUser a = inspector("分类甲");
        AnjianUser b = inspector("分类乙");
        UUID enterprise = enterprise("INDUSTRY_TRADE", "MACHINERY");
        String inspection = plan(enterprise, a, b);
        json(a, "/api/v1/inspections/" + inspection + "/findings", """
                {"place":"一号车间","description":"无类别","deadline":"%s"}""".formatted(today().plusDays(5)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("category"));
        String finding = finding(a, inspection, "MAINTENANCE", true);

        InspectionFindingRecorded event = events.stream(InspectionFindingRecorded.class).filter(e -> e.findingId().toString().equals(finding))
                .findFirst().orElseThrow();
        assertThat(event.category()).isEqualTo(ViolationCategory.MAINTENANCE);
        assertThat(event.enterpriseId()).isEqualTo(enterprise);

        var fact = violations.found(today(), today()).stream().filter(f -> f.findingId().toString().equals(finding)).findFirst().orElseThrow();
        assertThat(fact.category()).isEqualTo(ViolationCategory.MAINTENANCE);
        assertThat(fact.major()).isTrue();
        assertThat(fact.enterpriseId()).isEqualTo(enterprise);
        assertThat(fact.inspectionId().toString()).isEqualTo(inspection);
        assertThat(fact.foundOn()).isEqualTo(today());
        assertThat(violations.found(today().minusDays(1), today().minusDays(1))).noneMatch(f -> f.findingId().toString().equals(finding));
        assertThat(violations.found(today().plusDays(1), today().plusDays(30))).noneMatch(f -> f.findingId().toString().equals(finding));

        // the phone page shows the category, the time and the GPS of the finding, and the check list before going on site
        String page = mvc.perform(get("/inspections/" + inspection).with(as(a))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("设备设施检维修").contains("GPS 29.26123, 106.25456").contains("capture=\"environment\"")
                .contains("name=\"category\"").contains("signature-pad").contains("《安全生产法》第三十条");
        String prefilled = mvc.perform(get("/inspections/" + inspection).param("item", "特种作业人员持证上岗").with(as(a))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(prefilled).contains("检查项不符合：特种作业人员持证上岗");
        mvc.perform(post("/inspections/" + inspection + "/checks").param("item", "特种作业人员持证上岗（《安全生产法》第三十条）").param("outcome", "FAIL")
                .with(as(a)).with(csrf())).andExpect(status().is3xxRedirection());
        String prep = mvc.perform(get("/api/v1/inspections/" + inspection + "/preparation").with(as(b))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat((String) JsonPath.read(prep, "$.checked[0].outcome")).isEqualTo("FAIL");
        assertThat((List<String>) JsonPath.read(prep, "$.checklist")).anyMatch(i -> i.startsWith("GM-2023-"));
        // the finding became an open hazard of the enterprise, which the next inspection sees before going on site
        String next = plan(enterprise, b, a);
        org.anjian.Eventually.eventually(() -> {
            try {
                String p = mvc.perform(get("/api/v1/inspections/" + next + "/preparation").with(as(b))).andReturn().getResponse().getContentAsString();
                assertThat((List<String>) JsonPath.read(p, "$.openHazards[*].description")).containsExactly("砂轮机防护罩缺失");
                assertThat((List<String>) JsonPath.read(p, "$.history[*].id")).containsExactly(inspection);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        mvc.perform(get("/api/v1/inspections/" + next + "/preparation").with(as(TestUsers.user(Role.ENTERPRISE_USER,
                DataScope.of(ScopeKind.ENTERPRISE, enterprise))))).andExpect(status().isForbidden());
    }

    @Test
    void photosAreJpegOrPngByContentAtMostFiveMegabytesAndNinePerFinding() throws Exception {
        AnjianUser a = inspector("照片甲");
        AnjianUser b = inspector("照片乙");
        AnjianUser outsider = inspector("照片外");
        String inspection = plan(enterprise("INDUSTRY_TRADE", "MACHINERY"), a, b);
        String finding = finding(a, inspection, "SAFETY_FACILITIES", false);

        String jpeg = upload(a, inspection, finding, "a.jpg", "image/jpeg", jpegOfSize(2048)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.contentType").value("image/jpeg")).andExpect(jsonPath("$.sha256").value(sha256(jpegOfSize(2048))))
                .andReturn().getResponse().getContentAsString();
        byte[] png = png(64, 64, true);
        upload(b, inspection, finding, "b.png", "image/png", png).andExpect(status().isCreated()).andExpect(jsonPath("$.contentType").value("image/png"));
        byte[] gif = "GIF89a-not-a-photo".getBytes(StandardCharsets.US_ASCII);
        upload(a, inspection, finding, "renamed.jpg", "image/jpeg", gif).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file")).andExpect(jsonPath("$.errors[0].message").value("只能上传 JPEG 或 PNG 格式的照片"));
        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        upload(a, inspection, finding, "setup.jpg", "image/jpeg", exe).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"));
        upload(a, inspection, finding, "big.jpg", "image/jpeg", jpegOfSize(FIVE_MB + 1)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file")).andExpect(jsonPath("$.errors[0].message").value("照片不能超过 5 MB"));
        upload(a, inspection, finding, "exact.jpg", "image/jpeg", jpegOfSize(FIVE_MB)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.sizeBytes").value(FIVE_MB));
        upload(outsider, inspection, finding, "c.jpg", "image/jpeg", jpegOfSize(100)).andExpect(status().isForbidden());
        for (int n = 4; n <= 9; n++) {
            upload(a, inspection, finding, n + ".jpg", "image/jpeg", jpegOfSize(100 + n)).andExpect(status().isCreated());
        }
        upload(a, inspection, finding, "10.jpg", "image/jpeg", jpegOfSize(110)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.reason").value("inspection.photo.tooMany"));

        // the photo as stored, and on the page a Chinese error
        String photoId = JsonPath.read(jpeg, "$.id");
        byte[] back = mvc.perform(get("/api/v1/inspections/" + inspection + "/photos/" + photoId).with(as(b))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(back).isEqualTo(jpegOfSize(2048));
        String finding2 = finding(a, inspection, "OTHER", false);
        mvc.perform(multipart("/inspections/" + inspection + "/findings/" + finding2 + "/photos")
                        .file(new MockMultipartFile("file", "big.jpg", "image/jpeg", jpegOfSize(FIVE_MB + 1))).with(as(a)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("error", "inspection.photo.tooLarge"));
        String page = mvc.perform(get("/inspections/" + inspection).with(as(a))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("/inspections/" + inspection + "/photos/" + photoId);
    }

    @Test
    void signaturesAreOwnPngImagesAndEveryDocumentEmbedsThemAndCorrectionsLeaveTheOriginal() throws Exception {
        AnjianUser a = inspector("签名甲");
        AnjianUser b = inspector("签名乙");
        UUID enterprise = enterprise("INDUSTRY_TRADE", "MACHINERY");
        String inspection = plan(enterprise, a, b);
        String general = finding(a, inspection, "SAFETY_FACILITIES", false);
        String major = finding(b, inspection, "MAJOR_HAZARD_SOURCE", true);
        String sig = dataUrl(png(300, 100, true));
        String url = "/api/v1/inspections/" + inspection + "/signatures";

        json(a, url, "{\"role\":\"INSPECTOR\",\"name\":\"签名乙\",\"png\":\"%s\"}".formatted(sig)).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.reason").value("inspection.signature.self"));
        AnjianUser owner = TestUsers.user(Role.ENTERPRISE_USER, DataScope.of(ScopeKind.ENTERPRISE, enterprise));
        json(owner, url, "{\"role\":\"INSPECTOR\",\"name\":\"签名甲\",\"png\":\"%s\"}".formatted(sig)).andExpect(status().isForbidden());
        json(owner, url, "{\"role\":\"ENTERPRISE\",\"name\":\"王厂长\",\"png\":\"%s\"}".formatted(sig)).andExpect(status().isForbidden());
        json(a, url, "{\"role\":\"INSPECTOR\",\"png\":\"%s\"}".formatted(dataUrl(png(300, 100, false)))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("png")).andExpect(jsonPath("$.reason").exists());
        json(a, url, "{\"role\":\"INSPECTOR\",\"png\":\"data:image/jpeg;base64,%s\"}".formatted(Base64.getEncoder().encodeToString(jpegOfSize(64))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("png"));
        byte[] large = noise(300, 300);
        assertThat(large.length).isGreaterThan(200 * 1024);
        json(a, url, "{\"role\":\"INSPECTOR\",\"png\":\"%s\"}".formatted(dataUrl(large))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("签名图片不能超过 200 KB"));
        json(a, url, "{\"role\":\"ENTERPRISE\",\"name\":\" \",\"png\":\"%s\"}".formatted(sig)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
        json(a, url, "{\"role\":\"INSPECTOR\",\"name\":\"签名甲\",\"png\":\"%s\"}".formatted(sig)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value("签名甲"));
        json(b, url, "{\"role\":\"INSPECTOR\",\"png\":\"%s\"}".formatted(sig)).andExpect(status().isCreated()).andExpect(jsonPath("$.name").value("签名乙"));
        json(a, url, "{\"role\":\"ENTERPRISE\",\"name\":\"王厂长\",\"png\":\"%s\"}".formatted(sig)).andExpect(status().isCreated());

        // 现场检查记录 on demand
        String record = mvc.perform(post("/api/v1/inspections/" + inspection + "/documents/inspection-record").with(as(a)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.kind").value("INSPECTION_RECORD")).andReturn().getResponse().getContentAsString();
        String recordNumber = JsonPath.read(record, "$.number");
        assertThat(recordNumber).matches("津应急检记〔" + today().getYear() + "〕\\d+号");
        byte[] recordPdf = pdf(a, JsonPath.read(record, "$.id"));
        assertThat(text(recordPdf)).contains("现场检查记录").contains(recordNumber).contains("重庆现场").contains("安全设施、防护装")
                .contains("重大危险源管控").contains("签名甲").contains("王厂长").contains("29.26123");
        assertThat(new String(recordPdf, StandardCharsets.ISO_8859_1)).contains("/Subtype/Image");

        // 现场处理措施决定书: only for major hazards
        String measuresUrl = "/api/v1/inspections/" + inspection + "/on-site-measures";
        json(a, measuresUrl, "{\"measures\":[\"EVACUATE_PERSONNEL\"],\"findingIds\":[\"%s\"],\"basis\":\"储罐区可燃气体报警失效\",\"until\":\"%s\"}"
                .formatted(general, today().plusDays(3))).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].message").value("现场处理措施只适用于重大事故隐患"));
        json(a, measuresUrl, "{\"measures\":[],\"findingIds\":[\"%s\"],\"basis\":\"x\",\"until\":\"%s\"}".formatted(major, today().minusDays(1)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.length()").value(2));
        String measures = json(b, measuresUrl, "{\"measures\":[\"EVACUATE_PERSONNEL\",\"STOP_EQUIPMENT\"],\"findingIds\":[\"%s\"],\"basis\":\"储罐区可燃气体报警失效\",\"until\":\"%s\"}"
                .formatted(major, today().plusDays(3))).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String measuresNumber = JsonPath.read(measures, "$.number");
        byte[] measuresPdf = pdf(b, JsonPath.read(measures, "$.id"));
        assertThat(text(measuresPdf)).contains("现场处理措施决定书").contains(measuresNumber).contains("第六十五条").contains("责令从危险区域内撤出作业人员")
                .contains("储罐区可燃气体报警失效");
        assertThat(new String(measuresPdf, StandardCharsets.ISO_8859_1)).contains("/Subtype/Image");

        // the existing 责令限期整改指令书 embeds the signatures too
        String order = mvc.perform(post("/api/v1/inspections/" + inspection + "/documents/rectification-order").with(as(a)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        byte[] orderPdf = pdf(a, JsonPath.read(order, "$.id"));
        assertThat(text(orderPdf)).contains("责令限期整改指令书").contains((String) JsonPath.read(order, "$.number"));
        assertThat(new String(orderPdf, StandardCharsets.ISO_8859_1)).contains("/Subtype/Image");

        // a correction: a new number that names the old one and why; the original bytes stay as issued
        String recordId = JsonPath.read(record, "$.id");
        String shaBefore = JsonPath.read(record, "$.sha256");
        assertThat(sha256(recordPdf)).isEqualTo(shaBefore);
        mvc.perform(post("/api/v1/documents/" + recordId + "/corrections").with(as(a)).contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\" \"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(post("/api/v1/documents/" + recordId + "/corrections").with(as(inspector("旁人"))).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"检查时间有误\"}")).andExpect(status().isForbidden());
        String correction = mvc.perform(post("/api/v1/documents/" + recordId + "/corrections").with(as(a)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"被检查单位名称笔误\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.kind").value("INSPECTION_RECORD")).andExpect(jsonPath("$.correctsId").value(recordId))
                .andReturn().getResponse().getContentAsString();
        assertThat((String) JsonPath.read(correction, "$.number")).isNotEqualTo(recordNumber);
        assertThat(text(pdf(a, JsonPath.read(correction, "$.id")))).contains("更正").contains(recordNumber).contains("被检查单位名称笔误");
        byte[] after = pdf(a, recordId);
        assertThat(after).isEqualTo(recordPdf);
        assertThat(sha256(after)).isEqualTo(shaBefore);
        String measuresCorrection = mvc.perform(post("/api/v1/documents/" + JsonPath.read(measures, "$.id") + "/corrections").with(as(b))
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"期限笔误\"}")).andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString();
        assertThat(text(pdf(b, JsonPath.read(measuresCorrection, "$.id")))).contains("现场处理措施决定书").contains(measuresNumber).contains("期限笔误");

        String docs = mvc.perform(get("/api/v1/inspections/" + inspection + "/documents").with(as(b))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat((List<String>) JsonPath.read(docs, "$[*].kind")).containsExactly("INSPECTION_RECORD", "ON_SITE_MEASURES", "RECTIFICATION_ORDER",
                "INSPECTION_RECORD", "ON_SITE_MEASURES");
        assertThat((String) JsonPath.read(docs, "$[3].correctsNumber")).isEqualTo(recordNumber);
        assertThat((String) JsonPath.read(docs, "$[3].correctionReason")).isEqualTo("被检查单位名称笔误");
        String page = mvc.perform(get("/inspections/" + inspection).with(as(a))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains(recordNumber).contains(measuresNumber).contains("王厂长");

        // 执法全过程记录: every file in the manifest with its SHA-256, a timeline of every step
        AnjianUser auditor = TestUsers.user(Role.AUDITOR);
        mvc.perform(get("/api/v1/inspections/" + inspection + "/archive.zip").with(as(owner))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/inspections/" + inspection + "/archive.zip").with(as(inspector("非本组")))).andExpect(status().isForbidden());
        upload(a, inspection, general, "p.png", "image/png", png(32, 32, true)).andExpect(status().isCreated());
        byte[] zip = mvc.perform(get("/api/v1/inspections/" + inspection + "/archive.zip").with(as(auditor))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        Map<String, byte[]> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), in.readAllBytes());
            }
        }
        String manifest = new String(files.get("manifest.json"), StandardCharsets.UTF_8);
        List<Map<String, Object>> entries = JsonPath.read(manifest, "$.files");
        assertThat(entries).hasSize(files.size() - 1);
        for (Map<String, Object> e : entries) {
            assertThat(files).containsKey((String) e.get("path"));
            assertThat(sha256(files.get((String) e.get("path")))).as((String) e.get("path")).isEqualTo(e.get("sha256"));
        }
        assertThat(files.keySet()).contains("timeline.json").anyMatch(n -> n.startsWith("photos/") && n.endsWith(".png"))
                .anyMatch(n -> n.startsWith("signatures/ENTERPRISE-"));
        assertThat(files.keySet().stream().filter(n -> n.startsWith("documents/")).count()).isEqualTo(5);
        assertThat(files.get("documents/INSPECTION_RECORD-" + recordNumber + ".pdf")).isEqualTo(recordPdf);
        List<String> steps = JsonPath.read(new String(files.get("timeline.json"), StandardCharsets.UTF_8), "$.steps[*].step");
        assertThat(steps).contains("PLANNED", "FINDING", "PHOTO", "SIGNED", "DOCUMENT_ISSUED");
        assertThat(steps.get(0)).isEqualTo("PLANNED");
        mvc.perform(get("/api/v1/inspections/" + inspection + "/archive.zip").with(as(a))).andExpect(status().isOk());
    }

    List<Integer> key(String exam) {
        List<String> ids = JsonPath.read(exam, "$.questions[*].id");
        List<Integer> key = new ArrayList<>();
        for (String id : ids) {
            key.add(jdbc.sql("select correct from inspection_question where id = ?").param(UUID.fromString(id)).query(Integer.class).single());
        }
        return key;
    }

    /** The answers with exactly {@code right} of them correct. */
    static String answers(List<Integer> key, int right) {
        List<Integer> given = new ArrayList<>();
        for (int k = 0; k < key.size(); k++) {
            given.add(k < right ? key.get(k) : (key.get(k) + 1) % 4);
        }
        return "{\"answers\":" + given + "}";
    }

    @Test
    void aMineInspectionNeedsAnExamAndBelowThePassMarkIsATrainingFinding() throws Exception {
        AnjianUser a = inspector("考核甲");
        AnjianUser b = inspector("考核乙");
        UUID mine = enterprise("NON_COAL_MINE", "UNDERGROUND");
        String inspection = plan(mine, a, b);
        mvc.perform(post("/api/v1/inspections/" + inspection + "/finish").with(as(a))).andExpect(status().isConflict())
                .andExpect(jsonPath("$.reason").value("inspection.exam.required"));

        String examsUrl = "/api/v1/inspections/" + inspection + "/exams";
        json(a, examsUrl, "{\"examineeName\":\"\",\"examineeRole\":\"PRINCIPAL\",\"count\":10}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("examineeName"));
        json(a, examsUrl, "{\"examineeName\":\"赵矿长\",\"examineeRole\":\"PRINCIPAL\",\"count\":51}").andExpect(status().isBadRequest());
        json(inspector("局外"), examsUrl, "{\"examineeName\":\"赵矿长\",\"examineeRole\":\"PRINCIPAL\",\"count\":10}").andExpect(status().isForbidden());

        int[] rights = {7, 8, 9};
        int[] scores = {70, 80, 90};
        boolean[] passes = {false, true, true};
        String failedFinding = null;
        for (int n = 0; n < 3; n++) {
            String exam = json(a, examsUrl, "{\"examineeName\":\"赵矿长\",\"examineeRole\":\"PRINCIPAL\",\"count\":10}").andExpect(status().isCreated())
                    .andExpect(jsonPath("$.questions.length()").value(10)).andExpect(jsonPath("$.correctAnswers").doesNotExist())
                    .andExpect(jsonPath("$.seed").isNumber()).andReturn().getResponse().getContentAsString();
            String id = JsonPath.read(exam, "$.id");
            List<String> drawn = JsonPath.read(exam, "$.questions[*].id");
            assertThat(drawn).doesNotHaveDuplicates();
            if (n == 0) {
                String page = mvc.perform(get("/inspections/" + inspection).param("exam", id).with(as(a))).andExpect(status().isOk())
                        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
                assertThat(page).contains("exam-question").contains("1/10. ");
                json(a, examsUrl + "/" + id + "/answers", "{\"answers\":[0,1]}").andExpect(status().isBadRequest())
                        .andExpect(jsonPath("$.errors[0].field").value("answers"));
            }
            String scored = json(b, examsUrl + "/" + id + "/answers", answers(key(exam), rights[n])).andExpect(status().isOk())
                    .andExpect(jsonPath("$.score").value(scores[n])).andExpect(jsonPath("$.passed").value(passes[n]))
                    .andExpect(jsonPath("$.correctCount").value(rights[n])).andReturn().getResponse().getContentAsString();
            if (!passes[n]) {
                failedFinding = JsonPath.read(scored, "$.findingId");
            } else {
                assertThat((Object) JsonPath.read(scored, "$.findingId")).isNull();
            }
            json(b, examsUrl + "/" + id + "/answers", answers(key(exam), 10)).andExpect(status().isConflict());
        }
        String detail = mvc.perform(get("/api/v1/inspections/" + inspection).with(as(a))).andReturn().getResponse().getContentAsString();
        List<Map<String, Object>> findings = JsonPath.read(detail, "$.findings");
        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).get("id")).isEqualTo(failedFinding);
        assertThat(findings.get(0).get("category")).isEqualTo("TRAINING");
        assertThat((String) findings.get(0).get("description")).startsWith("主要负责人安全生产知识考核不合格（得分 70 分）");

        // with an exam the mine inspection finishes, and its 现场检查记录 is issued with the results
        mvc.perform(post("/api/v1/inspections/" + inspection + "/finish").with(as(a))).andExpect(status().isOk()).andExpect(jsonPath("$.state").value("DONE"));
        String docs = mvc.perform(get("/api/v1/inspections/" + inspection + "/documents").with(as(a))).andReturn().getResponse().getContentAsString();
        assertThat((List<String>) JsonPath.read(docs, "$[*].kind")).containsExactly("INSPECTION_RECORD");
        assertThat(text(pdf(a, JsonPath.read(docs, "$[0].id")))).contains("逢查必考").contains("赵矿长").contains("不合格").contains("70");

        // the pass mark (80) at its boundary: 15 of 19 is 79, 16 of 20 is 80, 17 of 21 is 81
        String boundary = plan(mine, a, b);
        int[][] cases = {{19, 15, 79, 0}, {20, 16, 80, 1}, {21, 17, 81, 1}};
        for (int[] c : cases) {
            String exam = json(a, "/api/v1/inspections/" + boundary + "/exams", "{\"examineeName\":\"钱安全\",\"examineeRole\":\"SAFETY_MANAGER\",\"count\":%d}"
                    .formatted(c[0])).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
            json(a, "/api/v1/inspections/" + boundary + "/exams/" + JsonPath.read(exam, "$.id") + "/answers", answers(key(exam), c[1]))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.score").value(c[2])).andExpect(jsonPath("$.passed").value(c[3] == 1));
        }
        String boundaryDetail = mvc.perform(get("/api/v1/inspections/" + boundary).with(as(a))).andReturn().getResponse().getContentAsString();
        assertThat((List<String>) JsonPath.read(boundaryDetail, "$.findings[*].description")).singleElement()
                .asString().startsWith("安全生产管理人员安全生产知识考核不合格（得分 79 分）");

        // an industry-and-trade inspection needs no exam
        String other = plan(enterprise("INDUSTRY_TRADE", "MACHINERY"), a, b);
        mvc.perform(post("/api/v1/inspections/" + other + "/finish").with(as(b))).andExpect(status().isOk());
    }

    @Test
    void theDistrictExtendsTheQuestionBank() throws Exception {
        String text = "测试题" + UUID.randomUUID();
        String q = """
                [{"sector":"HAZCHEM","examineeRole":"SAFETY_MANAGER","text":"%s","options":["甲","乙","丙","丁"],"correct":2,"source":"《危险化学品安全管理条例》"}]"""
                .formatted(text);
        mvc.perform(post("/api/v1/exam-questions").with(as(Role.INSPECTOR)).contentType(MediaType.APPLICATION_JSON).content(q))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/exam-questions").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON).content(q))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.added").value(1));
        mvc.perform(post("/api/v1/exam-questions").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON).content(q))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.added").value(0)).andExpect(jsonPath("$.skipped").value(1));
        mvc.perform(post("/api/v1/exam-questions").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON)
                        .content(q.replace(",\"丁\"]", "]").replace("\"correct\":2", "\"correct\":4")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.length()").value(2));
        // a null in the array is the field's error, not a server error
        mvc.perform(post("/api/v1/exam-questions").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON).content("[null]"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("questions[0]"));
        // and from Excel: 行业, 考核对象, 题目, A–D, 答案, 依据
        String excelText = "Excel题" + UUID.randomUUID();
        byte[] xlsx;
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet("题库");
            String[][] rows = {{"行业", "考核对象", "题目", "A", "B", "C", "D", "答案", "依据"},
                    {"NON_COAL_MINE", "SPECIAL_OPERATOR", excelText, "甲", "乙", "丙", "丁", "B", "《金属非金属矿山安全规程》"}};
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            wb.write(out);
            xlsx = out.toByteArray();
        }
        mvc.perform(multipart("/api/v1/exam-questions").file(new MockMultipartFile("file", "题库.xlsx",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx)).with(as(Role.DISTRICT_ADMIN)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.added").value(1));
        assertThat(jdbc.sql("select correct from inspection_question where text = ?").param(excelText).query(Integer.class).single()).isEqualTo(1);
        mvc.perform(multipart("/api/v1/exam-questions").file(new MockMultipartFile("file", "题库.xlsx", "application/octet-stream", xlsx))
                .with(as(Role.INSPECTOR))).andExpect(status().isForbidden());

        // the seeded bank: at least 15 questions for mines and for hazardous chemicals
        for (String sector : List.of("NON_COAL_MINE", "HAZCHEM")) {
            String bank = mvc.perform(get("/api/v1/exam-questions").param("sector", sector).with(as(Role.INSPECTOR))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat((Integer) JsonPath.read(bank, "$.length()")).isGreaterThanOrEqualTo(15);
        }
    }
}
