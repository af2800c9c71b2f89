package org.anjian.publicreport;

import java.time.Duration;
import java.util.EnumSet;
import java.util.UUID;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RPT-1/RPT-2 in Debian's headless Chromium on a 375-px phone: an anonymous report, its query code
 * showing progress; the district accepts and assigns to a town, the town verifies and answers, and the
 * feedback appears under the query code.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PublicReportBrowserTest {

    static final String PASSWORD = "Browser#2023";
    static WebDriver driver;

    @LocalServerPort int port;
    @Autowired UserManagement users;
    @Autowired OrganizationDirectory organization;
    @Autowired JdbcClient jdbc;
    @Autowired org.anjian.enterprise.internal.EnterpriseService enterprises;

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

    String newUser(Role role, ScopeKind kind, UUID scopeId) {
        String name = "rpt" + UUID.randomUUID().toString().substring(0, 6);
        users.create(new NewUser(name, "举报测试", PASSWORD, EnumSet.of(role), kind, scopeId, null, null));
        return name;
    }

    void signIn(String username) {
        Browsers.signIn(driver, url(""), username, PASSWORD);
    }

    void click(String id) {
        var element = driver.findElement(By.id(id));
        // on the narrow screen the browser's click point may fall outside the viewport; click as a tap would
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", element);
    }

    /** Nothing wider than the phone's screen: no sideways scrolling. */
    void fitsThePhone() {
        long scrollWidth = (Long) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollWidth");
        long clientWidth = (Long) ((JavascriptExecutor) driver).executeScript("return document.documentElement.clientWidth");
        assertThat(scrollWidth).isLessThanOrEqualTo(clientWidth);
    }

    @Test
    void anAnonymousPhoneReportIsFollowedByItsQueryCodeToTheTownsFeedback() {
        String stem = "浏览器搜索" + UUID.randomUUID().toString().substring(0, 4);
        UUID registered = enterprises.create(org.anjian.TestUsers.user(Role.DISTRICT_ADMIN, org.anjian.shared.security.DataScope.DISTRICT),
                new org.anjian.enterprise.internal.EnterpriseForm(org.anjian.enterprise.EnterpriseTestData.newCreditCode(), stem + "液化气站",
                        null, null, null, 29.26, 106.25, organization.towns().get(0).id(), null, org.anjian.enterprise.Sector.INDUSTRY_TRADE,
                        org.anjian.enterprise.SubSector.MACHINERY, org.anjian.enterprise.Scale.ABOVE_SIZE, 20,
                        org.anjian.enterprise.OperatingStatus.PRODUCING, null)).id();
        // the public, anonymous, on a phone
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(375, 812));
        driver.manage().deleteAllCookies();
        driver.get(url("/public/report"));
        fitsThePhone();
        new Select(driver.findElement(By.id("category"))).selectByValue("MAJOR_HAZARD");
        driver.findElement(By.id("description")).sendKeys("加油站旁仓库违规存放大量液化气钢瓶");
        driver.findElement(By.id("location")).sendKeys("几江街道滨江路");
        // the enterprise searched by name (page script under the CSP), chosen from the matches
        driver.findElement(By.id("enterpriseName")).sendKeys(stem);
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector("#enterprise-matches button")).isEmpty());
        var match = driver.findElement(By.cssSelector("#enterprise-matches button"));
        assertThat(match.getText()).contains(stem + "液化气站").contains(organization.towns().get(0).name());
        ((JavascriptExecutor) driver).executeScript("arguments[0].click();", match);
        assertThat(driver.findElement(By.id("enterpriseId")).getAttribute("value")).isEqualTo(registered.toString());
        fitsThePhone();
        click("report-submit");
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("received"));
        String code = driver.findElement(By.id("query-code")).getText();
        assertThat(code).matches("[A-Z0-9]{10}");
        assertThat(driver.findElement(By.id("progress-state")).getText()).isEqualTo("已接收");
        fitsThePhone();
        String id = jdbc.sql("select id from publicreport_report where query_code = ?").param(code).query(UUID.class).single().toString();
        assertThat(jdbc.sql("select enterprise_id from publicreport_report where query_code = ?").param(code).query(UUID.class).single())
                .isEqualTo(registered);

        // the district accepts and assigns to a town
        Region town = organization.towns().get(0);
        signIn(newUser(Role.DISTRICT_ADMIN, ScopeKind.DISTRICT, null));
        driver.get(url("/public-reports/" + id));
        click("accept");
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.findElement(By.id("report-state")).getText().equals("已受理"));
        new Select(driver.findElement(By.id("assignee"))).selectByValue("TOWN:" + town.id());
        click("assign");
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.findElement(By.id("report-state")).getText().equals("已交办"));

        driver.manage().deleteAllCookies();
        driver.get(url("/public/report/" + code));
        assertThat(driver.findElement(By.id("progress-state")).getText()).isEqualTo("已交办");

        // the town verifies and answers
        signIn(newUser(Role.TOWN_OFFICIAL, ScopeKind.REGION, town.id()));
        driver.get(url("/public-reports/" + id));
        click("verify");
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.findElement(By.id("report-state")).getText().equals("核查中"));
        new Select(driver.findElement(By.id("substantiated"))).selectByValue("true");
        driver.findElement(By.id("result-text")).sendKeys("现场查实，责令立即清理");
        click("result");
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.findElement(By.id("report-state")).getText().equals("已核查"));
        driver.findElement(By.id("feedback-text")).sendKeys("经核查属实，已责令整改，感谢您的举报");
        click("feedback");
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.findElement(By.id("report-state")).getText().equals("已反馈"));

        // the feedback under the query code, without signing in
        driver.manage().deleteAllCookies();
        driver.get(url("/public/report/" + code));
        assertThat(driver.findElement(By.id("progress-state")).getText()).isEqualTo("已反馈");
        assertThat(driver.findElement(By.id("progress-feedback")).getText()).isEqualTo("经核查属实，已责令整改，感谢您的举报");
        fitsThePhone();
    }
}
