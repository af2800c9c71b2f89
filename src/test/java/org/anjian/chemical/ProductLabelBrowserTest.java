package org.anjian.chemical;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.anjian.Browsers;
import org.anjian.TestUsers;
import org.anjian.chemical.internal.EnterpriseProducts;
import org.anjian.identity.UserManagement;
import org.anjian.identity.UserManagement.NewUser;
import org.anjian.organization.OrganizationDirectory;
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
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 一企一品一码 on a 375-px phone in Debian's headless Chromium: the QR code of a demo product, decoded
 * as a phone camera would, opens the public label page without sign-in; the page shows the label
 * facts and the duty phone, none of the enterprise's stock or people, and fits the screen. After
 * the product is withdrawn, the same code says so with the date.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ProductLabelBrowserTest {

    static final String PASSWORD = "Browser#2023";
    static WebDriver driver;

    @LocalServerPort int port;
    @Autowired UserManagement users;
    @Autowired OrganizationDirectory organization;
    @Autowired ChemicalDemo demo;
    @Autowired EnterpriseProducts products;
    @Autowired JdbcClient jdbc;

    @BeforeAll
    static void startBrowser() {
        driver = Browsers.phone(375, 812);
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

    String admin;

    String token() {
        String name = "chem" + UUID.randomUUID().toString().substring(0, 6);
        admin = name;
        users.create(new NewUser(name, "危化测试", PASSWORD, EnumSet.of(Role.DISTRICT_ADMIN), ScopeKind.DISTRICT, null, null, null));
        return com.jayway.jsonpath.JsonPath.read(RestClient.create(url("")).post().uri("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                .body("{\"username\":\"" + name + "\",\"password\":\"" + PASSWORD + "\"}").retrieve().body(String.class), "$.token");
    }

    UUID hazchemEnterprise(String token) {
        var town = organization.regionByName("德感街道").orElseThrow();
        String code = org.anjian.enterprise.EnterpriseTestData.newCreditCode();
        String created = RestClient.create(url("")).post().uri("/api/v1/enterprises").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).body("""
                        {"creditCode":"%s","name":"重庆扫码测试%s化工有限公司","legalRepresentative":"诸葛明","address":"德感街道扫码路 9 号","phone":"023-49990001",
                         "latitude":%s,"longitude":%s,"townId":"%s","sector":"HAZCHEM","subSector":"HAZCHEM_STORAGE","scale":"ABOVE_SIZE",
                         "employees":90,"status":"PRODUCING","flags":[]}""".formatted(code, code.substring(10, 14), town.latitude(), town.longitude(), town.id()))
                .retrieve().body(String.class);
        return UUID.fromString(com.jayway.jsonpath.JsonPath.read(created, "$.id"));
    }

    /** What a phone camera reads from the PNG. */
    static String decode(byte[] png) throws Exception {
        var image = ImageIO.read(new ByteArrayInputStream(png));
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)))).getText();
    }

    void fitsThePhone() {
        long scrollWidth = (Long) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollWidth");
        Object wide = ((JavascriptExecutor) driver).executeScript("""
                return Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > 376)
                  .slice(0, 5).map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join('; ')""");
        long clientWidth = (Long) ((JavascriptExecutor) driver).executeScript("return document.documentElement.clientWidth");
        assertThat(clientWidth).as("the phone's width").isLessThanOrEqualTo(375);
        assertThat(scrollWidth).as("no sideways scrolling at 375 px: %s", wide).isLessThanOrEqualTo(clientWidth);
    }

    void screenshot(String name) throws Exception {
        Path dir = Path.of("docs/screenshots");
        Files.createDirectories(dir);
        Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void scanningADemoProductsQrCodeShowsItsLabelAndAfterWithdrawalSaysSo() throws Exception {
        String token = token();
        UUID enterprise = hazchemEnterprise(token);
        demo.load(List.of(enterprise));
        Map<String, Object> product = jdbc.sql("""
                        select id, code from chemical_product where enterprise_id = :e and status = 'ACTIVE' order by product_name, id limit 1""")
                .param("e", enterprise).query().singleRow();
        UUID id = (UUID) product.get("id");
        String code = (String) product.get("code");

        byte[] png = RestClient.create(url("")).get().uri("/api/v1/chemical-products/" + id + "/qr.png").header("Authorization", "Bearer " + token)
                .retrieve().body(byte[].class);
        String scanned = decode(png);
        assertThat(scanned).isEqualTo(url("/public/chemicals/" + code));

        // a passer-by's phone: not signed in
        driver.manage().deleteAllCookies();
        driver.get(scanned);
        assertThat(driver.getCurrentUrl()).isEqualTo(scanned);
        assertThat(driver.findElement(By.id("product-name")).getText()).isNotBlank();
        assertThat(driver.findElement(By.id("signal-word")).getText()).isEqualTo("危险");
        assertThat(driver.findElements(By.cssSelector(".pictogram"))).isNotEmpty();
        assertThat(driver.findElement(By.id("firstAid")).getText()).contains("急救措施");
        assertThat(driver.findElement(By.id("fireFighting")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.id("emergency")).getText()).contains("023-4755").contains("重庆扫码测试");
        assertThat(driver.findElements(By.id("withdrawn"))).isEmpty();
        String html = driver.getPageSource();
        // the units behind the product: their stock and their 包保责任人 stay private
        jdbc.sql("select name, principal_name, technical_name, operational_name from chemical_unit where enterprise_id = :e").param("e", enterprise)
                .query().listOfRows().forEach(unit -> unit.values().stream().filter(v -> v != null)
                        .forEach(v -> assertThat(html).as("private %s", v).doesNotContain(v.toString())));
        jdbc.sql("select max_tonnes from chemical_inventory i join chemical_unit u on u.id = i.unit_id where u.enterprise_id = :e")
                .param("e", enterprise).query(java.math.BigDecimal.class).list()
                .forEach(t -> assertThat(html).doesNotContain(t.stripTrailingZeros().toPlainString()));
        assertThat(html).doesNotContain("诸葛明", "扫码路", "023-49990001", enterprise.toString());
        screenshot("chemical-public-label-375");
        fitsThePhone();

        LocalDate on = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(2);
        products.withdraw(TestUsers.user(Role.DISTRICT_ADMIN), id, new EnterpriseProducts.Withdrawal("停产，产品退出市场", on));
        driver.get(scanned);
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> !d.findElements(By.id("withdrawn")).isEmpty());
        assertThat(driver.findElement(By.id("withdrawn")).getText())
                .contains("该产品已停用").contains(on.getYear() + "年" + on.getMonthValue() + "月" + on.getDayOfMonth() + "日");
        fitsThePhone();
        screenshot("chemical-public-label-withdrawn-375");

        driver.get(url("/public/chemicals/AAAAAAAAAAAAAAAA"));
        assertThat(driver.findElement(By.id("public-missing")).getText()).contains("未找到该产品");
    }

    @Test
    void theDistrictSeesAGradeOneSourceOnTheMapFromTheEnterpriseFile() throws Exception {
        String token = token();
        UUID enterprise = hazchemEnterprise(token);
        // GB 18218-2018: 氯 150 t / Q 5 t = 30, β 4, α 2.0 (≥100 people) → R = 240 → 一级
        RestClient.create(url("")).post().uri("/api/v1/chemical-units").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).body("""
                        {"enterpriseId":"%s","name":"液氯库","kind":"STORAGE","peopleWithin500m":120,"inventories":[{"name":"氯","tonnes":150}],
                         "custodians":{"principal":{"name":"王总"},"technical":{"name":"李工"},"operational":{"name":"赵班长"}}}"""
                        .formatted(enterprise)).retrieve().toBodilessEntity();
        Browsers.signIn(driver, url(""), admin, PASSWORD);
        driver.get(url("/enterprises/" + enterprise + "?tab=major-hazard-sources"));
        driver.findElement(By.linkText("在地图上查看重大危险源")).click();
        try {
            new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> "true".equals(d.findElement(By.id("source-map")).getDomAttribute("data-loaded")));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("map not loaded at " + driver.getCurrentUrl() + ": " + driver.manage().logs().get("browser").getAll(), e);
        }
        assertThat(driver.findElement(By.id("source-map")).getDomAttribute("data-points")).isEqualTo("1");
        assertThat(driver.findElement(By.id("map-count")).getText()).contains("1");
        assertThat(driver.findElements(By.cssSelector("#source-map path.leaflet-interactive, #source-map canvas"))).isNotEmpty();
        screenshot("chemical-source-map-375");
    }
}
