package org.anjian;

import java.io.File;
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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signs in through the real page in Debian's headless Chromium, on a desktop and on a 375-px phone.
 * CI installs chromium and chromium-driver; see {@code .ci/run}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LoginBrowserTest {

    static final String PASSWORD = "Browser#2023";
    static WebDriver driver;

    @LocalServerPort int port;
    @Autowired UserManagement users;

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

    String newUser(Role role) {
        String name = "web" + UUID.randomUUID().toString().substring(0, 6);
        users.create(new NewUser(name, "浏览器测试", PASSWORD, EnumSet.of(role), ScopeKind.DISTRICT, null, null,
                role == Role.INSPECTOR ? "渝执 9" : null));
        return name;
    }

    void signIn(String username, String password) {
        Browsers.signIn(driver, "http://localhost:" + port, username, password);
    }

    void screenshot(String name) throws Exception {
        Path dir = Path.of("target/screenshots");
        Files.createDirectories(dir);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void anAdministratorSignsInAndSeesTheHomePageInChinese() throws Exception {
        driver.manage().window().setSize(new Dimension(1280, 900));
        signIn(newUser(Role.DISTRICT_ADMIN), PASSWORD);
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("tiles")));
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("浏览器测试").contains("您好");
        assertThat(driver.findElement(By.cssSelector("[data-role]")).getText()).isEqualTo("区安委办/应急局管理员");
        assertThat(driver.findElement(By.id("tiles")).getText()).contains("镇街").contains("30");
        screenshot("home-desktop");
    }

    @Test
    void aWrongPasswordShowsOneMessageForUnknownUsersAndWrongPasswords() {
        signIn(newUser(Role.EXPERT), "Wrong#Pass1");
        String wrong = driver.findElement(By.cssSelector(".alert-danger")).getText();
        signIn("no-such-user", "Wrong#Pass1");
        String unknown = driver.findElement(By.cssSelector(".alert-danger")).getText();
        assertThat(wrong).isEqualTo("用户名或密码错误").isEqualTo(unknown);
    }

    @Test
    void fiveFailuresShowUntilWhenTheAccountIsLocked() {
        String name = newUser(Role.EXPERT);
        for (int i = 0; i < 5; i++) {
            signIn(name, "Wrong#Pass" + i);
        }
        signIn(name, PASSWORD);
        assertThat(driver.findElement(By.cssSelector(".alert-warning")).getText()).contains("已锁定").containsPattern("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
    }

    @Test
    void anInspectorWorksOnAPhoneScreenWithoutSidewaysScrolling() throws Exception {
        driver.manage().window().setSize(new Dimension(375, 812));
        signIn(newUser(Role.INSPECTOR), PASSWORD);
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("tiles")));
        long scrollWidth = (Long) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollWidth");
        long clientWidth = (Long) ((JavascriptExecutor) driver).executeScript("return document.documentElement.clientWidth");
        assertThat(scrollWidth).isLessThanOrEqualTo(clientWidth);
        assertThat(driver.findElement(By.cssSelector(".navbar-toggler")).isDisplayed()).isTrue();
        screenshot("home-phone");
        driver.manage().window().setSize(new Dimension(1280, 900));
    }

    @Test
    void theLanguageSwitchesToEnglish() {
        signIn(newUser(Role.AUDITOR), PASSWORD);
        driver.get("http://localhost:" + port + "/?lang=en");
        assertThat(driver.findElement(By.tagName("h1")).getText()).startsWith("Hello");
        driver.get("http://localhost:" + port + "/?lang=zh_CN");
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("您好");
    }
}
