package org.anjian.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.anjian.Browsers;
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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 16's "a problem list item goes through its loop", in a real browser: the district registers a
 * problem for 双福街道, the town starts it, uploads a photo and reports it rectified on the phone, the
 * district verifies and closes it, and the history and the audit trail show each step.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ProblemLoopBrowserTest {

    static final String PASSWORD = "Browser#2023";
    static WebDriver driver;

    @LocalServerPort int port;
    @Autowired UserManagement users;
    @Autowired OrganizationDirectory organization;
    @Autowired JdbcClient jdbc;

    @BeforeAll
    static void startBrowser() {
        driver = Browsers.headlessChromium(1280, 900);
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

    String user(Role role, ScopeKind kind, UUID scope, String name) {
        String username = "prob" + UUID.randomUUID().toString().substring(0, 6);
        users.create(new NewUser(username, name, PASSWORD, EnumSet.of(role), kind, scope, null, null));
        return username;
    }

    WebElement centred(String id) {
        WebElement element = driver.findElement(By.id(id));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        return element;
    }

    /** Presses a button that posts and waits for the problem page it leads back to. */
    void click(String id) {
        Browsers.submitAndWait(driver, centred(id));
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !d.findElements(By.id("problem-state")).isEmpty());
    }

    String state() {
        return driver.findElement(By.id("problem-state")).getText();
    }

    void screenshot(String name) throws Exception {
        Path dir = Path.of("target/screenshots");
        Files.createDirectories(dir);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void aProblemIsRegisteredRectifiedWithEvidenceVerifiedAndClosed() throws Exception {
        Region shuangfu = organization.regionByName("双福街道").orElseThrow();
        String admin = user(Role.DISTRICT_ADMIN, ScopeKind.DISTRICT, null, "区安委办");
        String town = user(Role.TOWN_OFFICIAL, ScopeKind.REGION, shuangfu.id(), "双福街道安办");
        Path photo = Files.createTempFile("evidence", ".png");
        ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), "png", photo.toFile());

        Browsers.signIn(driver, url(""), admin, PASSWORD);
        driver.get(url("/problems/new"));
        new Select(driver.findElement(By.id("listCode"))).selectByValue("SUPERVISION");
        driver.findElement(By.id("title")).sendKeys("暗访发现商业综合体消防通道堵塞");
        driver.findElement(By.id("description")).sendKeys("双福街道某商业综合体负一楼消防通道堆放杂物。");
        new Select(driver.findElement(By.id("ownerKind"))).selectByValue("TOWN");
        new Select(driver.findElement(By.id("townId"))).selectByValue(shuangfu.id().toString());
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]", driver.findElement(By.id("deadline")),
                LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(15).toString());
        click("problem-submit");
        String id = driver.getCurrentUrl().replaceAll(".*/problems/", "");
        assertThat(id).matches("[0-9a-f-]{36}");
        assertThat(state()).isEqualTo("登记");

        // the town works on it from its phone
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(375, 812));
        Browsers.signIn(driver, url(""), town, PASSWORD);
        driver.get(url("/problems"));
        assertThat(driver.findElement(By.id("problem-table")).getText()).contains("暗访发现商业综合体消防通道堵塞");
        driver.get(url("/problems/" + id));
        click("action-start");
        assertThat(state()).isEqualTo("整改中");
        driver.findElement(By.id("evidence-file")).sendKeys(photo.toAbsolutePath().toString());
        click("evidence-upload");
        assertThat(driver.findElement(By.id("problem-evidence")).getText()).contains(photo.getFileName().toString());
        driver.findElement(By.id("measures")).sendKeys("已清理杂物，恢复消防通道畅通并设置禁止堆放标识");
        click("action-submit");
        assertThat(state()).isEqualTo("待核查");
        assertThat(driver.findElements(By.id("action-verify"))).isEmpty();
        screenshot("problem-detail-phone");

        // the district verifies and closes it
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        Browsers.signIn(driver, url(""), admin, PASSWORD);
        driver.get(url("/problems/" + id));
        click("action-verify");
        assertThat(state()).isEqualTo("已销号");
        assertThat(driver.findElement(By.id("problem-history")).getText()).contains("登记", "开始整改", "提交核查", "核查销号");
        screenshot("problem-closed");

        List<String> audited = jdbc.sql("select action from identity_audit_entry where entity_type = 'problem' and entity_id = ? order by seq")
                .param(id).query(String.class).list();
        assertThat(audited).containsExactly("PROBLEM_REGISTERED", "PROBLEM_START", "PROBLEM_EVIDENCE_ADDED", "PROBLEM_SUBMIT", "PROBLEM_VERIFY");
        Files.deleteIfExists(photo);
    }
}
