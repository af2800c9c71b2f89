package org.anjian.inspection;

import com.jayway.jsonpath.JsonPath;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.anjian.enterprise.EnterpriseTestData;
import org.anjian.identity.UserManagement;
import org.anjian.identity.UserManagement.NewUser;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.organization.Region;
import org.anjian.shared.security.Role;
import org.anjian.shared.security.ScopeKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;

import static org.anjian.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 5's second "done when", in a real browser on a phone-sized screen: an inspector records a
 * finding on the inspection page, signs on the screen, issues the 责令限期整改指令书 (a PDF with the
 * Chinese text and the signature image), finishes; the finding is a hazard; the re-inspection closes
 * the order.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class InspectionPhoneBrowserTest {

    static final String PASSWORD = "Browser#2023";
    static WebDriver driver;

    @LocalServerPort int port;
    @Autowired UserManagement users;
    @Autowired OrganizationDirectory organization;
    @Autowired JdbcClient jdbc;

    @BeforeAll
    static void startBrowser() {
        driver = org.anjian.Browsers.headlessChromium(375, 812);
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    final java.util.Map<UUID, String> usernames = new java.util.HashMap<>();

    UUID user(String prefix, String name, Role role, String cert) {
        var created = users.create(new NewUser(prefix + UUID.randomUUID().toString().substring(0, 6), name, PASSWORD, EnumSet.of(role), ScopeKind.DISTRICT,
                null, null, cert));
        usernames.put(created.id(), created.username());
        return created.id();
    }

    String username(UUID id) {
        return usernames.get(id);
    }

    String token(String username) {
        return JsonPath.read(RestClient.create(url("")).post().uri("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                .body("{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}").retrieve().body(String.class), "$.token");
    }

    void signIn(String username) {
        org.anjian.Browsers.signIn(driver, url(""), username, PASSWORD);
    }

    WebElement centre(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        return element;
    }

    /** Presses a button and waits for the page it posts to: reading the old page (or the database) at once raced the request. */
    void press(By by) {
        org.anjian.Browsers.submitAndWait(driver, centre(driver.findElement(by)));
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !d.findElements(By.id("inspection-state")).isEmpty());
    }

    void screenshot(String name) throws Exception {
        Path dir = Path.of("target/screenshots");
        Files.createDirectories(dir);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void anInspectorWorksTheInspectionOnThePhoneAndTheReinspectionClosesTheOrder() throws Exception {
        Region town = organization.regionByName("吴滩镇").orElseThrow();
        UUID a = user("phone", "赵执法", Role.INSPECTOR, "渝执 B" + UUID.randomUUID().toString().substring(0, 5));
        UUID b = user("phone", "钱执法", Role.INSPECTOR, "渝执 B" + UUID.randomUUID().toString().substring(0, 5));
        UUID admin = user("phoneadm", "管理员", Role.DISTRICT_ADMIN, null);
        RestClient rest = RestClient.create(url(""));
        String adminToken = token(username(admin));
        String code = EnterpriseTestData.newCreditCode();
        UUID enterprise = UUID.fromString(JsonPath.read(rest.post().uri("/api/v1/enterprises").header("Authorization", "Bearer " + adminToken)
                .contentType(MediaType.APPLICATION_JSON).body("""
                        {"creditCode":"%s","name":"重庆吴滩机械%s有限公司","legalRepresentative":"孙一","address":"吴滩镇工业园 3 号","phone":"023-47520003",
                         "latitude":%s,"longitude":%s,"townId":"%s","sector":"INDUSTRY_TRADE","subSector":"MACHINERY","scale":"ABOVE_SIZE",
                         "employees":80,"status":"PRODUCING","flags":["CONFINED_SPACE"]}""".formatted(code, code.substring(10, 14), town.latitude(),
                        town.longitude(), town.id())).retrieve().body(String.class), "$.id"));
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        String inspection = JsonPath.read(rest.post().uri("/api/v1/inspections").header("Authorization", "Bearer " + token(username(a)))
                .contentType(MediaType.APPLICATION_JSON).body("{\"enterpriseId\":\"%s\",\"inspectorIds\":[\"%s\",\"%s\"],\"plannedOn\":\"%s\",\"reason\":\"COMPLAINT\"}"
                        .formatted(enterprise, a, b, today)).retrieve().body(String.class), "$.id");

        signIn(username(a));
        driver.get(url("/inspections/" + inspection));
        centre(driver.findElement(By.id("finding-place"))).sendKeys("污水处理站有限空间");
        driver.findElement(By.id("finding-description")).sendKeys("有限空间作业未经审批，现场无监护人员");
        new Select(driver.findElement(By.id("finding-category"))).selectByValue("HAZARDOUS_WORK_APPROVAL");
        centre(driver.findElement(By.id("finding-major"))).click();
        screenshot("inspection-finding-phone");
        press(By.id("finding-submit"));
        assertThat(driver.findElement(By.id("findings")).getText()).contains("有限空间作业未经审批", "危险作业");

        // the inspector signs with a finger on the canvas
        WebElement pad = centre(driver.findElement(By.id("signature-pad")));
        new Actions(driver).moveToElement(pad, -100, 10).clickAndHold().moveByOffset(40, -20).moveByOffset(50, 30).moveByOffset(60, -25).release().perform();
        press(By.id("signature-submit"));
        assertThat(driver.findElement(By.id("signatures")).findElement(By.xpath("following-sibling::ul")).getText()).contains("赵执法");

        press(By.id("issue-order"));
        WebElement orderLink = driver.findElements(By.cssSelector("#documents a")).stream().filter(l -> l.getText().contains("责改")).findFirst().orElseThrow();
        String number = orderLink.getText();
        assertThat(number).matches("津应急责改〔\\d{4}〕\\d+号");
        // the PDF as the signed-in browser gets it
        String cookies = driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue()).collect(Collectors.joining("; "));
        byte[] pdf = RestClient.create().get().uri(orderLink.getAttribute("href")).header("Cookie", cookies).retrieve().body(byte[].class);
        com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf);
        String text = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(1).replaceAll("\\s+", "");
        assertThat(text).contains("责令限期整改指令书", number, "有限空间作业未经审批", "重庆吴滩机械");
        String raw = new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(raw).contains("/FontFile").contains("/Subtype/Image");

        press(By.id("finish"));
        assertThat(driver.findElement(By.id("inspection-state")).getText()).isEqualTo("已结束");
        screenshot("inspection-done-phone");
        eventually(() -> assertThat(jdbc.sql("select count(*) from hazard_hazard where enterprise_id = ? and source = 'INSPECTION' and grade = 'MAJOR'")
                .param(enterprise).query(Long.class).single()).isEqualTo(1L));

        // the re-inspection: the second inspector finds it rectified and the order closes
        signIn(username(b));
        driver.get(url("/inspections/" + inspection));
        centre(driver.findElement(By.name("opinion"))).sendKeys("已建立有限空间作业审批制度，设专人监护，复查合格。");
        String orderId = jdbc.sql("select document_id from inspection_order where inspection_id = ?").param(UUID.fromString(inspection))
                .query(UUID.class).single().toString();
        press(By.id("rectified-" + orderId));
        assertThat(jdbc.sql("select state from inspection_order where document_id = ?").param(UUID.fromString(orderId)).query(String.class).single())
                .isEqualTo("CLOSED");
        assertThat(driver.getPageSource()).contains("整改复查意见书");
        screenshot("inspection-reinspected-phone");
    }
}
