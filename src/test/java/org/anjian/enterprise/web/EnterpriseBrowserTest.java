package org.anjian.enterprise.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import org.anjian.enterprise.EnterpriseTestData;
import org.anjian.identity.UserManagement;
import org.anjian.identity.UserManagement.NewUser;
import org.anjian.shared.security.Role;
import org.anjian.shared.security.ScopeKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A person at a browser (Debian's chromium): registers an enterprise, is told in Chinese that the
 * credit code's check character is wrong, corrects it, reads the class with its reasons, and imports
 * the template with the htmx progress bar. Screenshots go to target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // no embedded MQTT broker: its fixed port may be held by a running demo (CI phase two failed so)
        properties = {"anjian.embedded-db.mode=test", "anjian.demo.enabled=false", "anjian.monitoring.mqtt.enabled=false"})
class EnterpriseBrowserTest {

    static final String PASSWORD = "Browser#Test2026";

    @LocalServerPort
    int port;
    @Autowired
    UserManagement users;

    WebDriver browser;

    @BeforeEach
    void open() {
        users.ensure(new NewUser("ent-browser", "浏览器测试管理员", PASSWORD, EnumSet.of(Role.DISTRICT_ADMIN), ScopeKind.DISTRICT, null, null, null));
        browser = org.anjian.Browsers.headlessChromium(1280, 900);
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    void shot(String name) throws IOException {
        Path dir = Path.of("target/screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void registerAnEnterpriseReadItsClassAndImportTheTemplate() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get(url("/login"));
        browser.findElement(By.name("username")).sendKeys("ent-browser");
        browser.findElement(By.name("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("form button[type=submit], form input[type=submit]")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));

        String good = EnterpriseTestData.newCreditCode();
        browser.get(url("/enterprises/new"));
        browser.findElement(By.id("creditCode")).sendKeys(EnterpriseTestData.withWrongCheckDigit(good));
        browser.findElement(By.id("name")).sendKeys("重庆浏览器测试铸造有限公司");
        browser.findElement(By.id("latitude")).sendKeys("29.395");
        browser.findElement(By.id("longitude")).sendKeys("106.288");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("townId"))).selectByVisibleText("双福街道");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("sector"))).selectByValue("INDUSTRY_TRADE");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("subSector"))).selectByValue("METALLURGY");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("scale"))).selectByValue("ABOVE_SIZE");
        browser.findElement(By.id("flag-MOLTEN_METAL")).click();
        browser.findElement(By.cssSelector("#enterprise-form button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#creditCode.is-invalid")));
        assertThat(browser.getPageSource()).contains("统一社会信用代码校验位错误");
        shot("enterprise-form-error");

        browser.findElement(By.id("creditCode")).clear();
        browser.findElement(By.id("creditCode")).sendKeys(good);
        browser.findElement(By.cssSelector("#enterprise-form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlMatches(".*/enterprises/[0-9a-f-]{36}$"));
        browser.get(browser.getCurrentUrl() + "?tab=classification");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("fired-rules")));
        assertThat(browser.findElement(By.id("fired-rules")).getText()).contains("风险标识：涉高温熔融金属", "+15");
        shot("enterprise-classification");

        Path file = Files.createTempFile("企业", ".xlsx");
        Files.write(file, EnterpriseImportTest.workbook(java.util.List.of(
                EnterpriseImportTest.row(EnterpriseTestData.newCreditCode(), "重庆浏览器导入有限公司", "双福街道", 106.29, 29.39),
                EnterpriseImportTest.row(EnterpriseTestData.newCreditCode(), "未知镇街公司", "火星镇", 106.29, 29.39))));
        browser.get(url("/enterprises/import"));
        browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("main form[enctype] button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("import-progress"), "导入完成"));
        assertThat(browser.findElement(By.id("import-progress")).getText()).contains("新增 1", "失败 1", "下载错误表");
        shot("enterprise-import");
    }
}
