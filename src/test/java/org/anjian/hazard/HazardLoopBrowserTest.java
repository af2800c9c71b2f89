package org.anjian.hazard;

import com.jayway.jsonpath.JsonPath;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
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
import org.openqa.selenium.Dimension;
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
 * Issue 4's first "done when", in a real browser: an enterprise user reports a hazard on the phone
 * page, the town official sees it, it goes round the loop to CLOSED, and the audit trail shows each step.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class HazardLoopBrowserTest {

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

    String user(Role role, ScopeKind kind, UUID scope) {
        String name = "loop" + UUID.randomUUID().toString().substring(0, 6);
        users.create(new NewUser(name, role == Role.ENTERPRISE_USER ? "企业安全员" : "双福街道安办", PASSWORD, EnumSet.of(role), kind, scope, null,
                null));
        return name;
    }

    void signIn(String username) {
        org.anjian.Browsers.signIn(driver, url(""), username, PASSWORD);
    }

    /** Scrolls the button to the middle of the small screen first (at once: Bootstrap makes scrolling smooth), clear of the sticky navigation bar. */
    void press(String id) {
        centred(id).click();
    }

    org.openqa.selenium.WebElement centred(String id) {
        var element = driver.findElement(By.id(id));
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        return element;
    }

    /** Presses an action and waits for the page it posts to: the old state element goes stale (reading it at once raced the reload under load). */
    void click(String id) {
        org.anjian.Browsers.submitAndWait(driver, centred(id));
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !d.findElements(By.id("hazard-state")).isEmpty());
    }

    String state() {
        return driver.findElement(By.id("hazard-state")).getText();
    }

    void screenshot(String name) throws Exception {
        Path dir = Path.of("target/screenshots");
        Files.createDirectories(dir);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    UUID enterpriseIn(Region town) {
        String admin = "loopadm" + UUID.randomUUID().toString().substring(0, 6);
        users.create(new NewUser(admin, "管理员", PASSWORD, EnumSet.of(Role.DISTRICT_ADMIN), ScopeKind.DISTRICT, null, null, null));
        RestClient rest = RestClient.create(url(""));
        String token = JsonPath.read(rest.post().uri("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                .body("{\"username\":\"" + admin + "\",\"password\":\"" + PASSWORD + "\"}").retrieve().body(String.class), "$.token");
        String code = EnterpriseTestData.newCreditCode();
        String created = rest.post().uri("/api/v1/enterprises").header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"creditCode":"%s","name":"重庆双福机械%s有限公司","legalRepresentative":"刘一","address":"双福街道工业园 8 号","phone":"023-47520001",
                         "latitude":%s,"longitude":%s,"townId":"%s","sector":"INDUSTRY_TRADE","subSector":"MACHINERY","scale":"ABOVE_SIZE",
                         "employees":260,"status":"PRODUCING","flags":["DUST_EXPLOSION"]}""".formatted(code, code.substring(10, 14),
                        town.latitude(), town.longitude(), town.id()))
                .retrieve().body(String.class);
        return UUID.fromString(JsonPath.read(created, "$.id"));
    }

    @Test
    void anEnterpriseHazardFoundOnThePhoneIsClosedWithTheTownAndAudited() throws Exception {
        Region shuangfu = organization.regionByName("双福街道").orElseThrow();
        UUID enterprise = enterpriseIn(shuangfu);
        String owner = user(Role.ENTERPRISE_USER, ScopeKind.ENTERPRISE, enterprise);
        String town = user(Role.TOWN_OFFICIAL, ScopeKind.REGION, shuangfu.id());

        driver.manage().window().setSize(new Dimension(375, 812));
        signIn(owner);
        driver.get(url("/hazards/new"));
        driver.findElement(By.id("place")).sendKeys("二号车间抛光工位");
        driver.findElement(By.id("description")).sendKeys("除尘管道积尘未清理，存在粉尘爆炸风险");
        driver.findElement(By.id("category")).sendKeys("粉尘防爆");
        screenshot("hazard-report-phone");
        press("hazard-submit");
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().matches(".*/hazards/[0-9a-f-]{36}$"));
        String id = driver.getCurrentUrl().replaceAll(".*/hazards/", "");
        assertThat(state()).isEqualTo("待制定方案");
        driver.findElement(By.id("plan")).sendKeys("停机清理积尘，加装积尘清扫制度");
        click("action-plan");
        assertThat(state()).isEqualTo("已制定方案");
        click("action-start");
        click("action-complete");
        assertThat(state()).isEqualTo("待验收");
        screenshot("hazard-detail-phone");

        driver.manage().window().setSize(new Dimension(1280, 900));
        signIn(town);
        driver.get(url("/hazards"));
        assertThat(driver.findElement(By.id("hazard-table")).getText()).contains("二号车间抛光工位");
        driver.get(url("/hazards/" + id));
        click("action-verify");
        assertThat(state()).isEqualTo("已验收");
        click("action-close");
        assertThat(state()).isEqualTo("已销号");
        assertThat(driver.findElement(By.id("hazard-history")).getText()).contains("登记", "制定方案", "开始整改", "整改完成", "验收通过", "销号");
        driver.get(url("/hazards/dashboard"));
        assertThat(driver.findElement(By.id("hazard-overview")).getText()).contains("本年已销号");
        screenshot("hazard-dashboard");

        List<String> audited = jdbc.sql("select action from identity_audit_entry where entity_type = 'hazard' and entity_id = ? order by seq")
                .param(id).query(String.class).list();
        assertThat(audited).containsExactly("HAZARD_REPORTED", "HAZARD_PLAN", "HAZARD_START", "HAZARD_COMPLETE", "HAZARD_VERIFY", "HAZARD_CLOSE");
    }
}
