package org.anjian;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages in Debian's headless Chromium under the real policy ({@code script-src 'self'}): the charts and maps
 * draw with no CSP refusal in the console, and a region and an enterprise named like a script show on the maps
 * as text, with no element injected and no alert.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ContentSecurityPolicyBrowserTest {

    static final String PASSWORD = "Browser#2023";
    static final String SCRIPT_NAME = "<img src=x onerror=alert(1)>";
    static WebDriver driver;

    @LocalServerPort int port;
    @Autowired UserManagement users;
    @Autowired OrganizationDirectory organization;

    String username;

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

    @BeforeEach
    void signIn() {
        username = "csp" + UUID.randomUUID().toString().substring(0, 6);
        users.create(new NewUser(username, "策略测试", PASSWORD, EnumSet.of(Role.DISTRICT_ADMIN), ScopeKind.DISTRICT, null, null, null));
        Browsers.signIn(driver, url(""), username, PASSWORD);
        consoleLog();
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    /** What the console said since the last call. */
    List<String> consoleLog() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage).toList();
    }

    static List<String> refusals(List<String> log) {
        return log.stream().filter(m -> m.contains("Content Security Policy") || m.contains("Refused to") || m.contains("Uncaught")).toList();
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    void openAndWaitFor(String path, String cssSelector) {
        driver.get(url(path));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(cssSelector)));
    }

    @Test
    void chartsAndMapsDrawWithoutAnyInlineScript() {
        openAndWaitFor("/", "#tiles");
        openAndWaitFor("/hazards/dashboard", "#chart-town canvas");
        openAndWaitFor("/hazards/dashboard", "#chart-months canvas");
        openAndWaitFor("/risk/map", "#risk-map[data-loaded] .leaflet-pane");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#risk-chart canvas, #risk-chart.text-muted")));
        openAndWaitFor("/enterprises/map", "#enterprise-map[data-loaded] .leaflet-tooltip");
        assertThat(driver.findElement(By.id("map-count")).getText()).isNotBlank();
        // the district's and towns' outlines are the base map: drawn from the server's GeoJSON, no tile server
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#enterprise-map[data-outlines=drawn] .leaflet-outlines-pane canvas")));
        openAndWaitFor("/inspections/indicators", "#chart-month canvas");
        openAndWaitFor("/accidents/statistics", "#chart-month canvas");
        openAndWaitFor("/accidents/statistics", "#chart-sector canvas");
        openAndWaitFor("/accidents/violations", "#chart-sankey canvas");
        openAndWaitFor("/risk/calculator", "main form");
        assertThat(refusals(consoleLog())).isEmpty();
    }

    /** The check above can fail: an inline script put into a page is refused, and the console says so. */
    @Test
    void anInlineScriptIsRefusedAndTheConsoleSaysSo() {
        openAndWaitFor("/", "#tiles");
        script("var s = document.createElement('script'); s.textContent = 'document.body.dataset.ran = 1'; document.body.appendChild(s);");
        assertThat(script("return document.body.dataset.ran || null")).isNull();
        assertThat(refusals(consoleLog())).anyMatch(m -> m.contains("Refused to execute inline script") // older Chromium
                || m.contains("inline script violates the following Content Security Policy directive"));
    }

    /** What the inline handlers did is done by anjian.js from data-* attributes: a choice shows its fields, a filter sends its form. */
    @Test
    void formsBehaveWithoutInlineHandlers() throws Exception {
        String id = enterprise(token(), "策略表单测试有限公司", organization.towns().get(0));
        openAndWaitFor("/risk/enterprises/" + id + "/points/new", "#method-LS");
        assertThat(driver.findElement(By.id("lec-fields")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.id("ls-fields")).isDisplayed()).isFalse();
        driver.findElement(By.id("method-LS")).click();
        assertThat(driver.findElement(By.id("ls-fields")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.id("lec-fields")).isDisplayed()).isFalse();

        openAndWaitFor("/risk/map", "select[name=regionId][data-autosubmit]");
        new Select(driver.findElement(By.cssSelector("select[name=regionId][data-autosubmit]"))).selectByIndex(1);
        waiting().until(ExpectedConditions.urlContains("regionId="));
        assertThat(refusals(consoleLog())).isEmpty();
    }

    @Test
    void aRegionAndAnEnterpriseNamedLikeAScriptShowAsTextOnTheMaps() throws Exception {
        String token = token();
        List<Region> towns = organization.towns();
        Region town = towns.get(towns.size() - 1);
        rename(token, town, SCRIPT_NAME);
        try {
            enterprise(token, SCRIPT_NAME, town);

            openAndWaitFor("/enterprises/map?regionId=" + town.id(), "#enterprise-map[data-loaded] .leaflet-tooltip");
            assertThat(texts(".town-label")).contains(SCRIPT_NAME);
            // open the enterprise's popup as a click would
            Object popup = script("""
                    var name = arguments[1], found = false;
                    arguments[0].leafletMap.eachLayer(function (l) {
                      var p = l.getPopup && l.getPopup();
                      if (!found && p && p.getContent().textContent.indexOf(name) === 0) { l.openPopup(); found = true; }
                    });
                    var content = document.querySelector('.leaflet-popup-content');
                    return content ? content.textContent : null;""", driver.findElement(By.id("enterprise-map")), SCRIPT_NAME);
            assertThat((String) popup).startsWith(SCRIPT_NAME + " (");
            assertNothingInjected();
            shot("enterprise-map-escaped");

            openAndWaitFor("/risk/map", "#risk-map[data-loaded] .leaflet-tooltip");
            assertThat(texts(".town-label")).contains(SCRIPT_NAME);
            assertThat(driver.findElement(By.cssSelector("select[name=regionId]")).getText()).contains(SCRIPT_NAME);
            assertNothingInjected();
            assertThat(refusals(consoleLog())).isEmpty();
        } finally {
            rename(token, town, town.name());
        }
    }

    List<String> texts(String css) {
        return driver.findElements(By.cssSelector(css)).stream().map(e -> (String) script("return arguments[0].textContent", e)).toList();
    }

    void assertNothingInjected() {
        assertThat(driver.findElements(By.cssSelector("img[src='x']"))).isEmpty();
        try {
            driver.switchTo().alert();
            throw new AssertionError("an alert opened: the name ran as script");
        } catch (NoAlertPresentException expected) {
            // the name stayed text
        }
    }

    void shot(String name) throws Exception {
        Path dir = Path.of("target/screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    /** Registers an enterprise near the town's centre; its id. */
    String enterprise(String token, String name, Region town) throws Exception {
        String body = api(token, "POST", "/api/v1/enterprises", """
                {"creditCode":"%s","name":"%s","townId":"%s","sector":"INDUSTRY_TRADE","subSector":"MACHINERY","latitude":%s,"longitude":%s,
                 "scale":"ABOVE_SIZE","employees":12,"status":"PRODUCING","flags":[]}""".formatted(EnterpriseTestData.newCreditCode(), name,
                town.id(), town.latitude() + 0.01, town.longitude() + 0.01), 201);
        return com.jayway.jsonpath.JsonPath.read(body, "$.id");
    }

    void rename(String token, Region town, String name) throws Exception {
        api(token, "PUT", "/api/v1/regions/" + town.id(), """
                {"code":"%s","name":"%s","kind":"TOWN","parentId":"%s","latitude":%s,"longitude":%s,"sortOrder":%d}"""
                .formatted(town.code(), name, town.parentId(), town.latitude(), town.longitude(), town.sortOrder()), 200);
    }

    String token() throws Exception {
        String body = send(HttpRequest.newBuilder(URI.create(url("/api/v1/auth/token"))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}")), 200);
        return body.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    }

    String api(String token, String method, String path, String json, int expected) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .method(method, HttpRequest.BodyPublishers.ofString(json)), expected);
    }

    static String send(HttpRequest.Builder request, int expected) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(expected);
        return r.body();
    }
}
