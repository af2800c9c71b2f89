package org.anjian.expert;

import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.anjian.Browsers;
import org.anjian.TestUsers;
import org.anjian.expert.internal.Expert;
import org.anjian.expert.internal.ExpertService;
import org.anjian.identity.UserManagement;
import org.anjian.identity.UserManagement.NewUser;
import org.anjian.shared.security.AnjianUser;
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
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/** The expert pages in Debian's headless Chromium: the profile's radar chart draws, and the pool reads on a 375-px phone. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ExpertBrowserTest {

    static final String PASSWORD = "Browser#2023";
    static WebDriver driver;

    @LocalServerPort int port;
    @Autowired UserManagement users;
    @Autowired ExpertService experts;

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

    void signIn(Role role) {
        String name = "exp" + UUID.randomUUID().toString().substring(0, 6);
        users.create(new NewUser(name, "专家页测试", PASSWORD, EnumSet.of(role), ScopeKind.DISTRICT, null, null, role == Role.INSPECTOR ? "渝执 8" : null));
        org.anjian.Browsers.signIn(driver, "http://localhost:" + port, name, PASSWORD);
    }

    void screenshot(String name) throws Exception {
        Path dir = Path.of("target/screenshots");
        Files.createDirectories(dir);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** An expert with three rated services this year, made through the service as the district would. */
    UUID ratedExpert() {
        AnjianUser admin = TestUsers.user(Role.DISTRICT_ADMIN);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
        try {
            var today = experts.today();
            UUID id = experts.create(admin, new ExpertService.ExpertForm("浏览器专家", null, List.of(Field.HAZARDOUS_CHEMICALS, Field.ELECTRICAL),
                    "高级工程师", List.of(new Expert.Qualification("注册安全工程师执业资格", "渝B-1", today.plusDays(20))), "重庆化工设计研究院", null,
                    "13900001234", null, null)).id();
            int[][] stars = {{5, 4, 5}, {4, 4, 3}, {5, 5, 4}};
            for (int[] s : stars) {
                var service = experts.recordService(admin, id, new ExpertService.ServiceForm(ServiceKind.TECHNICAL_GUIDANCE, today, null, null,
                        new BigDecimal("3.5"), "指导液化烃储罐区紧急切断系统联锁测试"));
                experts.rate(admin, service.id(), new ExpertService.RatingForm(s[0], s[1], s[2], "意见具体，可操作性强"));
            }
            return id;
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void theProfileDrawsTheRadarOfTheThreeRatingsAndThePoolFitsAPhone() throws Exception {
        UUID id = ratedExpert();
        driver.manage().window().setSize(new Dimension(1280, 900));
        signIn(Role.DISTRICT_ADMIN);
        driver.get("http://localhost:" + port + "/experts/" + id);
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-radar canvas")));
        assertThat(driver.findElement(By.id("evaluation-result")).getText()).isEqualTo("合格");
        assertThat(driver.findElements(By.cssSelector("#service-table tbody tr"))).hasSize(3);
        screenshot("expert-profile");

        driver.get("http://localhost:" + port + "/experts?q=" + java.net.URLEncoder.encode("浏览器专家", java.nio.charset.StandardCharsets.UTF_8));
        assertThat(driver.findElement(By.id("expert-table")).getText()).contains("浏览器专家").contains("到期");
        screenshot("expert-list");
        driver.get("http://localhost:" + port + "/experts/evaluations");
        assertThat(driver.findElement(By.id("evaluation-table")).getText()).contains("浏览器专家");
        screenshot("expert-evaluations");

        driver.manage().window().setSize(new Dimension(375, 812));
        signIn(Role.INSPECTOR);
        driver.get("http://localhost:" + port + "/experts");
        long scrollWidth = (Long) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollWidth");
        long clientWidth = (Long) ((JavascriptExecutor) driver).executeScript("return document.documentElement.clientWidth");
        assertThat(scrollWidth).isLessThanOrEqualTo(clientWidth);
        screenshot("expert-list-phone");
        driver.manage().window().setSize(new Dimension(1280, 900));
    }
}
