package org.anjian.permit;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.EnumSet;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.anjian.Browsers;
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
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;

/**
 * PRM-1 "done when", in Debian's headless Chromium on a 375-px phone: an enterprise user fills in a hot work permit,
 * confirms the measures (one with a photo), signs on the screen, applies, approves, is refused the start without a gas
 * analysis (in Chinese), records one, starts, suspends, resumes, completes and closes with the site handed back. Meanwhile
 * the town official's page of the same permit follows every state without being reloaded (shared.live), and the town's
 * "work under way" page shows the permit on its map.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PermitPhoneBrowserTest {

    static final String PASSWORD = "Browser#2023";
    static WebDriver phone;
    static WebDriver office;

    @LocalServerPort int port;
    @Autowired UserManagement users;
    @Autowired OrganizationDirectory organization;

    @BeforeAll
    static void startBrowsers() {
        phone = Browsers.headlessChromium(375, 812);
        office = Browsers.headlessChromium(1280, 900);
    }

    @AfterAll
    static void stopBrowsers() {
        if (phone != null) {
            phone.quit();
        }
        if (office != null) {
            office.quit();
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    String user(Role role, ScopeKind kind, UUID scope) {
        String name = "prm" + UUID.randomUUID().toString().substring(0, 6);
        users.create(new NewUser(name, role == Role.ENTERPRISE_USER ? "企业安全员" : "镇安办", PASSWORD, EnumSet.of(role), kind, scope, null, null));
        return name;
    }

    UUID enterpriseIn(Region town) {
        String admin = "prmadm" + UUID.randomUUID().toString().substring(0, 6);
        users.create(new NewUser(admin, "管理员", PASSWORD, EnumSet.of(Role.DISTRICT_ADMIN), ScopeKind.DISTRICT, null, null, null));
        RestClient rest = RestClient.create(url(""));
        String token = JsonPath.read(rest.post().uri("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                .body("{\"username\":\"" + admin + "\",\"password\":\"" + PASSWORD + "\"}").retrieve().body(String.class), "$.token");
        String code = EnterpriseTestData.newCreditCode();
        String created = rest.post().uri("/api/v1/enterprises").header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"creditCode":"%s","name":"重庆作业票%s化工有限公司","legalRepresentative":"刘一","address":"工业园 8 号","phone":"023-47520001",
                         "latitude":%s,"longitude":%s,"townId":"%s","sector":"INDUSTRY_TRADE","subSector":"MACHINERY","scale":"ABOVE_SIZE",
                         "employees":260,"status":"PRODUCING","flags":[]}""".formatted(code, code.substring(10, 14),
                        town.latitude(), town.longitude(), town.id()))
                .retrieve().body(String.class);
        return UUID.fromString(JsonPath.read(created, "$.id"));
    }

    /** Scrolls to the element at once (clear of the sticky navigation bar) and clicks it as a tap would. */
    void press(String id) {
        var element = phone.findElement(By.id(id));
        ((JavascriptExecutor) phone).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        element.click();
    }

    void type(String id, String text) {
        var element = phone.findElement(By.id(id));
        ((JavascriptExecutor) phone).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        element.clear();
        element.sendKeys(text);
    }

    /** Presses the action's button and waits for the page to show the state. */
    void step(String action, String state) {
        press("action-" + action);
        untilState(phone, state);
    }

    static void untilState(WebDriver driver, String state) {
        // the live region is swapped while we read it: a stale element is read again, not a failure
        new WebDriverWait(driver, Duration.ofSeconds(15)).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            var els = d.findElements(By.id("permit-state"));
            return !els.isEmpty() && state.equals(els.get(0).getText());
        });
    }

    void fitsThePhone() {
        long scrollWidth = (Long) ((JavascriptExecutor) phone).executeScript("return document.documentElement.scrollWidth");
        Object wide = ((JavascriptExecutor) phone).executeScript("return Array.from(document.querySelectorAll('body *'))"
                + ".filter(function (e) { return e.getBoundingClientRect().right > 376 && !Array.from(e.children).some(function (c) { return c.getBoundingClientRect().right > 376; }); })"
                + ".slice(0, 5).map(function (e) { return e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right); }).join(', ')");
        assertThat(scrollWidth).as("no sideways scrolling on a 375-px phone: %s", wide).isLessThanOrEqualTo(375);
    }

    void screenshot(WebDriver driver, String name) throws Exception {
        Path dir = Path.of("target/screenshots");
        Files.createDirectories(dir);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void onePermitGoesThroughEveryStateOnThePhoneWhileTheTownWatchesLive() throws Exception {
        Region town = organization.regionByName("杜市镇").orElseThrow();
        UUID enterprise = enterpriseIn(town);
        String owner = user(Role.ENTERPRISE_USER, ScopeKind.ENTERPRISE, enterprise);
        String official = user(Role.TOWN_OFFICIAL, ScopeKind.REGION, town.id());

        // filling in
        phone.manage().window().setSize(new org.openqa.selenium.Dimension(375, 812));
        Browsers.signIn(phone, url(""), owner, PASSWORD);
        phone.get(url("/permits"));
        press("permit-new");
        new WebDriverWait(phone, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/permits/new"));
        new Select(phone.findElement(By.id("type"))).selectByValue("HOT_WORK");
        new Select(phone.findElement(By.id("hotWorkSite"))).selectByValue("OUTSIDE_HAZARD_AREA");
        type("location", "机修车间东侧管廊");
        type("content", "焊接加固管廊支架");
        type("applicant", "赵申请");
        type("workLeader", "钱负责");
        type("guardian", "孙监护");
        phone.findElement(By.name("workerName")).sendKeys("李焊工");
        new Select(phone.findElement(By.name("workerCategory"))).selectByValue("WELDING_AND_THERMAL_CUTTING");
        phone.findElement(By.name("workerNumber")).sendKeys("T500116198801011234");
        ((JavascriptExecutor) phone).executeScript("document.getElementsByName('workerValidUntil')[0].value = '2030-12-31'");
        type("measures", "清除动火点周围可燃物\n配备灭火器两具");
        fitsThePhone();
        press("permit-submit");
        new WebDriverWait(phone, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().matches(".*/permits/[0-9a-f-]{36}$"));
        String id = phone.getCurrentUrl().replaceAll(".*/permits/", "");
        untilState(phone, "草稿");

        // the town official opens the same permit (as from the QR code) and keeps it open
        Browsers.signIn(office, url(""), official, PASSWORD);
        office.get(url("/permits/" + id));
        untilState(office, "草稿");
        new WebDriverWait(office, Duration.ofSeconds(10)).until(d -> "true".equals(d.findElement(By.id("permit-live")).getDomAttribute("data-live-open")));
        ((JavascriptExecutor) office).executeScript("window.notReloaded = true;");

        // measures: one with a photo taken on the phone, one without
        Path photo = Files.createTempFile("measure", ".png");
        BufferedImage img = new BufferedImage(60, 40, BufferedImage.TYPE_INT_RGB);
        ImageIO.write(img, "png", photo.toFile());
        phone.findElement(By.id("measure-photo-0")).sendKeys(photo.toAbsolutePath().toString());
        press("measure-confirm-0");
        new WebDriverWait(phone, Duration.ofSeconds(10)).until(d -> d.findElements(By.id("measure-confirm-0")).isEmpty());
        press("measure-confirm-1");
        new WebDriverWait(phone, Duration.ofSeconds(10)).until(d -> d.findElements(By.id("measure-confirm-1")).isEmpty());
        assertThat(phone.findElements(By.cssSelector("#measures img"))).hasSize(1);

        // a signature drawn on the canvas
        new Select(phone.findElement(By.id("sign-role"))).selectByValue("APPLICANT");
        type("sign-name", "赵申请");
        var canvas = phone.findElement(By.id("sign-canvas"));
        ((JavascriptExecutor) phone).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", canvas);
        new Actions(phone).moveToElement(canvas, -100, -20).clickAndHold().moveByOffset(40, 30).moveByOffset(40, -30).moveByOffset(60, 25)
                .release().perform();
        press("sign-submit");
        new WebDriverWait(phone, Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector("#signatures figure img")).isEmpty());
        assertThat(phone.findElement(By.cssSelector("#signatures figcaption")).getText()).contains("赵申请");

        step("apply", "待审批");
        untilState(office, "待审批");
        type("approver", "周主任");
        step("approve", "已批准");
        screenshot(phone, "permit-phone-approved");

        // no gas analysis yet: the start is refused, in Chinese, on the page
        press("action-start");
        new WebDriverWait(phone, Duration.ofSeconds(10)).until(d -> !d.findElements(By.id("permit-error")).isEmpty());
        assertThat(phone.findElement(By.id("permit-error")).getText()).contains("没有气体分析记录，不能开始作业（GB 30871-2022 5.3.1）");
        assertThat(phone.findElement(By.id("permit-state")).getText()).isEqualTo("已批准");

        type("gasPlace", "动火点5m内");
        type("analyst", "吴分析");
        type("combustibleSubstance", "甲烷");
        type("combustible", "0.1");
        type("lel", "5.0");
        type("oxygen", "20.9");
        press("gas-submit");
        new WebDriverWait(phone, Duration.ofSeconds(10)).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> d.findElement(By.id("gas-table")).getText().contains("合格"));

        step("start", "作业中");
        untilState(office, "作业中");
        fitsThePhone();
        screenshot(phone, "permit-phone");
        type("suspend-reason", "监护人暂离，收回作业票");
        step("suspend", "已暂停");
        untilState(office, "已暂停");
        step("resume", "作业中");
        step("complete", "作业完成");
        untilState(office, "作业完成");
        type("handedBackTo", "车间主任 郑交还");
        step("close", "已关闭");
        assertThat(phone.findElement(By.id("permit-handed-back")).getText()).contains("车间主任 郑交还");
        assertThat(phone.findElements(By.cssSelector("#actions button"))).isEmpty();

        // the town official saw every change without reloading the page
        untilState(office, "已关闭");
        assertThat(((JavascriptExecutor) office).executeScript("return window.notReloaded === true")).isEqualTo(true);
        assertThat(office.findElements(By.id("action-start"))).isEmpty();
    }
}
