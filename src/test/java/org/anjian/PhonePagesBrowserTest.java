package org.anjian;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.EnumSet;
import java.util.UUID;
import org.anjian.identity.UserManagement;
import org.anjian.identity.UserManagement.NewUser;
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
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 19 at 375 px: a file over the limit is refused before upload and the form keeps what was typed. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PhonePagesBrowserTest {

    static final String PASSWORD = "Browser#2023";
    static WebDriver driver;

    @LocalServerPort int port;
    @Autowired UserManagement users;
    @Autowired org.anjian.organization.OrganizationDirectory organization;

    @BeforeAll
    static void startBrowser() {
        driver = Browsers.headlessChromium(375, 812);
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

    UUID enterprise(String admin) {
        org.springframework.web.client.RestClient rest = org.springframework.web.client.RestClient.create(url(""));
        String token = com.jayway.jsonpath.JsonPath.read(rest.post().uri("/api/v1/auth/token").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body("{\"username\":\"" + admin + "\",\"password\":\"" + PASSWORD + "\"}").retrieve().body(String.class), "$.token");
        var town = organization.regionByName("双福街道").orElseThrow();
        String code = org.anjian.enterprise.EnterpriseTestData.newCreditCode();
        String created = rest.post().uri("/api/v1/enterprises").header("Authorization", "Bearer " + token)
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).body("""
                        {"creditCode":"%s","name":"重庆手机测试%s有限公司","legalRepresentative":"刘一","address":"双福街道工业园 8 号","phone":"023-47520001",
                         "latitude":%s,"longitude":%s,"townId":"%s","sector":"INDUSTRY_TRADE","subSector":"MACHINERY","scale":"ABOVE_SIZE",
                         "employees":260,"status":"PRODUCING","flags":[]}""".formatted(code, code.substring(10, 14), town.latitude(), town.longitude(), town.id()))
                .retrieve().body(String.class);
        return UUID.fromString(com.jayway.jsonpath.JsonPath.read(created, "$.id"));
    }

    String signInAs(Role role) {
        String name = "phone" + UUID.randomUUID().toString().substring(0, 6);
        users.create(new NewUser(name, "手机测试", PASSWORD, EnumSet.of(role), ScopeKind.DISTRICT, null, null, null));
        driver.manage().deleteAllCookies();
        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys(name);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.id("login-submit")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().endsWith("/login"));
        return name;
    }

    void screenshot(String name) throws Exception {
        Path dir = Path.of("docs/screenshots");
        Files.createDirectories(dir);
        Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void aPhotoOverTenMegabytesIsRefusedInTheBrowserAndTheFormKeepsItsText() throws Exception {
        Path big = Files.createTempFile("anjian-big", ".png");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
            f.setLength(10L * 1024 * 1024 + 1);
        }
        UUID enterprise = enterprise(signInAs(Role.DISTRICT_ADMIN));
        driver.get(url("/hazards/new?enterpriseId=" + enterprise));
        driver.findElement(By.id("place")).sendKeys("二号车间抛光工位");
        driver.findElement(By.id("photo")).sendKeys(big.toAbsolutePath().toString());
        var submit = driver.findElement(By.id("hazard-submit"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", submit);
        submit.click();
        assertThat(driver.getCurrentUrl()).contains("/hazards/new");
        assertThat(driver.findElement(By.id("place")).getAttribute("value")).isEqualTo("二号车间抛光工位");
        assertThat(driver.findElement(By.cssSelector(".upload-too-large")).getText()).contains("文件超过 10 MB");
        screenshot("upload-too-large-375");
        Files.deleteIfExists(big);
    }

    /** Issue 19 #7: under 576 px a list is a stack of cards, each value labelled, nothing wider than the phone. */
    @Test
    void listsAreLabelledCardsOnAPhoneAndNothingIsWiderThanTheScreen() throws Exception {
        UUID enterprise = enterprise(signInAs(Role.DISTRICT_ADMIN));
        driver.get(url("/enterprises/" + enterprise));
        String name = driver.findElement(By.cssSelector("h1 span")).getText().trim();
        driver.get(url("/enterprises?q=" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector("table.table-cards tbody td[data-label]")).isEmpty());
        JavascriptExecutor js = (JavascriptExecutor) driver;
        assertThat((Boolean) js.executeScript("return getComputedStyle(document.querySelector('table.table-cards thead')).display === 'none'")).isTrue();
        String label = (String) js.executeScript("var td = document.querySelector('table.table-cards tbody td[data-label]');"
                + " return td.getAttribute('data-label') + '|' + getComputedStyle(td, '::before').content;");
        String[] parts = label.split("\\|", 2);
        assertThat(parts[0]).isNotBlank();
        assertThat(parts[1]).contains(parts[0]);
        Number cardWidth = (Number) js.executeScript("return document.querySelector('table.table-cards tbody tr').getBoundingClientRect().width");
        assertThat(cardWidth.doubleValue()).isGreaterThan(300);
        assertThat((Boolean) js.executeScript("return document.documentElement.scrollWidth <= window.innerWidth + 1")).isTrue();
        screenshot("enterprise-list-cards-375");
        // a desktop keeps its table
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1440, 900));
        try {
            assertThat((Boolean) js.executeScript("return getComputedStyle(document.querySelector('table.table-cards thead')).display !== 'none'")).isTrue();
        } finally {
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(375, 812));
        }
    }

    /** Issue 19 #10: an export shows its progress beside the button and ends saying how much was exported. */
    @Test
    void anExportShowsItsProgressAndEndsWithItsSize() throws Exception {
        enterprise(signInAs(Role.DISTRICT_ADMIN));
        driver.get(url("/enterprises"));
        var export = driver.findElement(By.cssSelector("a[href*='/enterprises/export']"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", export);
        export.click();
        // the page stays: the file is fetched and saved from here, not opened in place of the list
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.findElement(By.cssSelector(".export-progress")).getText().startsWith("已导出"));
        assertThat(driver.getCurrentUrl()).endsWith("/enterprises");
        assertThat(driver.findElement(By.cssSelector(".export-progress")).getText()).matches("已导出 \\d+(\\.\\d)? [KM]B");
    }
}
