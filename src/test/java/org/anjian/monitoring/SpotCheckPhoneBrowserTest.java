package org.anjian.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.EnumSet;
import java.util.UUID;
import org.anjian.Browsers;
import org.anjian.enterprise.EnterpriseLookup;
import org.anjian.enterprise.EnterpriseSummary;
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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * MON-5 on a phone (375 px): a town's supervisor records a video spot check against a camera reference; a missing camera is
 * named on the field and what was typed stays; the saved check is in the list; the form fits the screen's width.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SpotCheckPhoneBrowserTest {

    static final String PASSWORD = "Browser#2023";
    static WebDriver driver;

    @LocalServerPort int port;
    @Autowired UserManagement users;
    @Autowired OrganizationDirectory organization;
    @Autowired EnterpriseLookup enterprises;

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

    @Test
    void aTownSupervisorRecordsASpotCheckOnThePhone() throws Exception {
        Region shuangfu = organization.regionByName("双福街道").orElseThrow();
        String admin = "spota" + UUID.randomUUID().toString().substring(0, 6);
        users.create(new NewUser(admin, "区应急局", PASSWORD, EnumSet.of(Role.DISTRICT_ADMIN), ScopeKind.DISTRICT, null, null, null));
        EnterpriseSummary enterprise = enterprises.find(enterprise(admin, shuangfu)).orElseThrow();
        String username = "spot" + UUID.randomUUID().toString().substring(0, 6);
        users.create(new NewUser(username, "双福街道安办", PASSWORD, EnumSet.of(Role.TOWN_OFFICIAL), ScopeKind.REGION, shuangfu.id(), null, null));
        String camera = "CAM-" + UUID.randomUUID().toString().substring(0, 4) + " 装卸区";

        Browsers.signIn(driver, url(""), username, PASSWORD);
        driver.get(url("/monitoring/spot-checks/new"));
        driver.findElement(By.id("creditCode")).sendKeys(enterprise.creditCode());
        new Select(driver.findElement(By.id("result"))).selectByValue("PROBLEM");
        driver.findElement(By.id("problems")).sendKeys("装卸区作业人员未佩戴防护面罩");
        Browsers.submitAndWait(driver, centred("spot-check-save"));
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !d.findElements(By.cssSelector("#cameraRef.is-invalid")).isEmpty());
        assertThat(driver.findElement(By.id("cameraRef")).findElement(By.xpath("following-sibling::div")).getText()).contains("请填写摄像头编号");
        assertThat(driver.findElement(By.id("creditCode")).getAttribute("value")).isEqualTo(enterprise.creditCode());
        assertThat(driver.findElement(By.id("problems")).getAttribute("value")).isEqualTo("装卸区作业人员未佩戴防护面罩");
        long scrollWidth = ((Number) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollWidth")).longValue();
        long clientWidth = ((Number) ((JavascriptExecutor) driver).executeScript("return document.documentElement.clientWidth")).longValue();
        Object wide = ((JavascriptExecutor) driver).executeScript("""
                return Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > 376)
                  .slice(0, 5).map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join('; ')""");
        assertThat(clientWidth).as("the phone's width").isLessThanOrEqualTo(375);
        assertThat(scrollWidth).as("no sideways scrolling at 375 px: %s", wide).isLessThanOrEqualTo(clientWidth);
        screenshot("spot-check-form-phone");

        driver.findElement(By.id("cameraRef")).sendKeys(camera);
        Browsers.submitAndWait(driver, centred("spot-check-save"));
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().contains("/monitoring/spot-checks?saved"));
        assertThat(driver.findElement(By.id("spot-checks")).getText()).contains(camera, "发现问题", enterprise.name());
    }

    UUID enterprise(String admin, Region town) {
        org.springframework.web.client.RestClient rest = org.springframework.web.client.RestClient.create(url(""));
        String token = com.jayway.jsonpath.JsonPath.read(rest.post().uri("/api/v1/auth/token").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body("{\"username\":\"" + admin + "\",\"password\":\"" + PASSWORD + "\"}").retrieve().body(String.class), "$.token");
        String code = org.anjian.enterprise.EnterpriseTestData.newCreditCode();
        String created = rest.post().uri("/api/v1/enterprises").header("Authorization", "Bearer " + token)
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).body("""
                        {"creditCode":"%s","name":"重庆抽查测试%s有限公司","legalRepresentative":"刘一","address":"双福街道工业园 9 号","phone":"023-47520001",
                         "latitude":%s,"longitude":%s,"townId":"%s","sector":"HAZCHEM","subSector":"HAZCHEM_STORAGE","scale":"ABOVE_SIZE",
                         "employees":60,"status":"PRODUCING","flags":[]}""".formatted(code, code.substring(10, 14), town.latitude(), town.longitude(), town.id()))
                .retrieve().body(String.class);
        return UUID.fromString(com.jayway.jsonpath.JsonPath.read(created, "$.id"));
    }

    org.openqa.selenium.WebElement centred(String id) {
        var element = driver.findElement(By.id(id));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        return element;
    }

    void screenshot(String name) throws Exception {
        Path dir = Path.of("docs/screenshots");
        Files.createDirectories(dir);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
