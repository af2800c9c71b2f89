package org.anjian;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.EnumSet;
import java.util.UUID;
import org.anjian.credit.internal.CreditService;
import org.anjian.identity.UserManagement;
import org.anjian.inspection.domain.RandomDraw;
import org.anjian.identity.UserManagement.NewUser;
import org.anjian.shared.audit.AuditTrail;
import org.anjian.shared.security.Role;
import org.anjian.shared.security.ScopeKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.anjian.enterprise.EnterpriseTestData.newCreditCode;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19 #5 and #8 as an official sees them on a 1440-px desktop: the rule set, the audit trail, the credit register
 * with a proposal awaiting its decision and the public draw page read Chinese, with no rule code, audit action code,
 * account name of the system or English algorithm line in the visible text; screenshots of each in docs/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ChinesePagesBrowserTest {

    static final String PASSWORD = "Browser#2023";
    static WebDriver driver;

    @LocalServerPort int port;
    @Autowired UserManagement users;
    @Autowired AuditTrail audit;
    @Autowired CreditService credit;

    @BeforeAll
    static void startBrowser() {
        driver = Browsers.headlessChromium(1440, 900);
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

    String open(String path) {
        driver.get(url(path));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector("footer")).isEmpty());
        return driver.findElement(By.tagName("main")).getText();
    }

    void screenshot(String name) throws Exception {
        Path dir = Path.of("docs/screenshots");
        Files.createDirectories(dir);
        Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void theFixedPagesReadChineseToAnOfficial() throws Exception {
        String admin = "cn" + UUID.randomUUID().toString().substring(0, 6);
        users.create(new NewUser(admin, "中文页面测试", PASSWORD, EnumSet.of(Role.DISTRICT_ADMIN), ScopeKind.DISTRICT, null, null, null));
        String auditor = "au" + admin.substring(2);
        users.create(new NewUser(auditor, "中文页面审计", PASSWORD, EnumSet.of(Role.AUDITOR), ScopeKind.DISTRICT, null, null, null));
        String entity = UUID.randomUUID().toString();
        audit.recordAs("system", null, "TOKEN_ISSUED", "user", entity, null, null);
        String code = newCreditCode();
        String name = "重庆浏览器待决定" + code.substring(10, 14) + "有限公司";
        credit.propose("test:" + code, name, code, null, "SERIOUS_VIOLATION", "一年内两次被处罚");
        Browsers.signIn(driver, url(""), admin, PASSWORD);

        String rules = open("/enterprises/rules");
        assertThat(rules).contains("默认规则").doesNotContain("SECTOR_HAZCHEM", "(defaults)");
        screenshot("enterprise-rules");


        String register = open("/credit-records?q=" + code);
        assertThat(register).contains(name, "待决定", "拟列入，待区应急局决定");
        screenshot("credit-records-proposed");

        String draws = open("/public/random-draws");
        assertThat(draws).doesNotContain("Fisher-Yates", RandomDraw.ALGORITHM);
        screenshot("random-draws-public-desktop");

        Browsers.signIn(driver, url(""), auditor, PASSWORD);
        String trail = open("/audit?entityId=" + entity);
        assertThat(trail).contains("系统自动").doesNotContain("TOKEN_ISSUED");
        screenshot("audit-trail");
    }
}
