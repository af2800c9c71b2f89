package org.anjian.command;

import com.jayway.jsonpath.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anjian.Browsers;
import org.anjian.identity.UserManagement;
import org.anjian.identity.UserManagement.NewUser;
import org.anjian.monitoring.MonitoringFixture;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.organization.Region;
import org.anjian.shared.config.DistrictProperties;
import org.anjian.shared.security.AnjianUser;
import org.anjian.shared.security.DataScope;
import org.anjian.shared.security.Role;
import org.anjian.shared.security.ScopeKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.anjian.TestUsers.as;
import static org.anjian.TestUsers.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The command map in Debian's headless Chromium at 1920×1080 (desktop and big screen) and on a 375-px phone: the
 * numbers beside the map are the overview's, each layer draws one marker per feature of its GeoJSON, the major
 * hazard is highlighted, drilling down to 西湖镇 leaves one town, a marker's popup links to the enterprise, a new
 * alarm raised while the page is open updates the numbers without a reload, and a town official on a phone sees
 * their town alone. Screenshots go to docs/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class CommandBrowserTest {

    static final String PASSWORD = "Command#2026";

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired UserManagement users;
    @Autowired OrganizationDirectory organization;
    @Autowired DistrictProperties district;
    @Autowired Clock clock;

    WebDriver driver;

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    WebDriver browser(int width, int height, boolean mobile) {
        WebDriver d = Browsers.headlessChromium(width, height);
        ((ChromeDriver) d).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", mobile ? 2 : 1, "mobile", mobile));
        // a shared build machine can be slow: the page's waits below are generous rather than flaky
        d.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(120));
        return d;
    }

    void screenshot(String name) throws Exception {
        Path dir = Path.of("docs/screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    /** Signs in; on a machine so busy that the renderer misses chromedriver's 30 s, once more. */
    void signIn(String username) {
        for (int attempt = 1; ; attempt++) {
            try {
                Browsers.signIn(driver, url(""), username, PASSWORD);
                return;
            } catch (org.openqa.selenium.TimeoutException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    String attr(String name) {
        return driver.findElement(By.id("command-map")).getAttribute(name);
    }

    long shown(String key) {
        return Long.parseLong(driver.findElement(By.cssSelector("[data-total='" + key + "']")).getText().trim());
    }

    void waitFor(java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(90)).ignoring(StaleElementReferenceException.class).until(condition);
    }

    /** Waits for the page's n-th refresh of numbers and layers. */
    void refreshed(int n) {
        waitFor(d -> {
            String r = d.findElement(By.id("command-map")).getAttribute("data-refreshed");
            return r != null && Integer.parseInt(r) >= n;
        });
    }

    String overview(AnjianUser who, String query) throws Exception {
        return mvc.perform(get("/api/v1/command/overview" + query).with(as(who))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    long total(String overview, String key) {
        return ((Number) JsonPath.read(overview, "$.totals." + key)).longValue();
    }

    long features(AnjianUser who, String layer, String query) throws Exception {
        String fc = mvc.perform(get("/api/v1/command/layers/" + layer + query).with(as(who))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        return JsonPath.<List<Object>>read(fc, "$.features").size();
    }

    @Test
    void desktopBigScreenAnalysisAndPhone() throws Exception {
        Region xihu = organization.regionByName("西湖镇").orElseThrow();
        Instant now = clock.instant();
        UUID full = CommandTestData.fullEnterprise(mvc, jdbc, xihu, now, district.zone());
        users.ensure(new NewUser("cmd-admin", "一张图测试管理员", PASSWORD, EnumSet.of(Role.DISTRICT_ADMIN), ScopeKind.DISTRICT, null, null, null));
        users.ensure(new NewUser("cmd-xihu", "西湖镇安办", PASSWORD, EnumSet.of(Role.TOWN_OFFICIAL), ScopeKind.REGION, xihu.id(), null, null));
        AnjianUser admin = user(Role.DISTRICT_ADMIN, DataScope.DISTRICT);
        try {
            // ---- desktop, 1920×1080 ----
            driver = browser(1920, 1080, false);
            signIn("cmd-admin");
            driver.get(url("/command"));
            refreshed(1);
            js("window.__sameDocument = 'yes';");
            String o = overview(admin, "");
            for (String k : List.of("enterprises", "hazards", "majorHazards", "alarms", "permits", "accidents", "inspections")) {
                assertThat(shown(k)).as("the tile %s shows the overview's number", k).isEqualTo(total(o, k));
                if (!k.equals("majorHazards")) {
                    assertThat(Long.parseLong(driver.findElement(By.cssSelector("[data-count='" + k + "']")).getText())).as("the layer toggle's badge")
                            .isEqualTo(total(o, k));
                }
            }
            for (String layer : List.of("enterprises", "risk", "hazards", "alarms", "accidents", "permits", "inspections")) {
                long n = features(admin, layer, "");
                assertThat(n).as(layer).isPositive();
                assertThat(Long.parseLong(attr("data-markers-" + layer))).as("markers of %s", layer).isEqualTo(n);
                Number drawn = (Number) js("var n = 0; arguments[0].commandGroups[arguments[1]].eachLayer(function () { n++; }); return n;",
                        driver.findElement(By.id("command-map")), layer);
                assertThat(drawn.longValue()).as("circle markers on the map for %s", layer).isEqualTo(n);
            }
            // the major hazard is drawn highlighted (thicker, larger); its popup links to the enterprise
            String href = (String) js("""
                    var el = arguments[0], id = arguments[1], found = null;
                    el.commandGroups.hazards.eachLayer(function (m) {
                      if (m.feature.properties.enterpriseId === id) { found = m; }
                    });
                    if (!found || found.options.weight !== 3) { return null; }
                    found.openPopup();
                    var a = document.querySelector('.leaflet-popup-content a');
                    return a ? a.getAttribute('href') : null;""", driver.findElement(By.id("command-map")), full.toString());
            assertThat(href).isEqualTo("/enterprises/" + full);
            assertThat(driver.findElements(By.cssSelector("#command-towns tbody tr")).size()).isEqualTo(organization.towns().size());
            screenshot("command-desktop");

            // drill down to 西湖镇: one town row, the town's numbers
            new Select(driver.findElement(By.id("command-town"))).selectByVisibleText("西湖镇");
            waitFor(d -> xihu.id().toString().equals(d.findElement(By.id("command-map")).getAttribute("data-overview-town")));
            refreshed(2);
            String town = overview(admin, "?town=" + xihu.id());
            assertThat(driver.findElements(By.cssSelector("#command-towns tbody tr"))).hasSize(1);
            assertThat(shown("hazards")).isEqualTo(total(town, "hazards"));
            assertThat(Long.parseLong(attr("data-markers-enterprises"))).isEqualTo(features(admin, "enterprises", "?town=" + xihu.id()));

            // live: an alarm raised while the page is open updates the numbers without a reload
            waitFor(d -> "true".equals(d.findElement(By.id("command-map")).getAttribute("data-live-open")));
            long alarms = shown("alarms");
            int before = Integer.parseInt(attr("data-refreshed"));
            UUID other = CommandTestData.enterprise(mvc, xihu);
            String sensor = "CMDL-" + other.toString().substring(0, 8);
            UUID sensorId = MonitoringFixture.levelSensor(mvc, other, sensor);
            mvc.perform(post("/api/v1/readings").with(as(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"readings\":[{\"sensor\":\"%s\",\"at\":\"%s\",\"value\":96,\"unit\":\"%%\"}]}"
                                    .formatted(sensorId, clock.instant().truncatedTo(ChronoUnit.SECONDS).minusSeconds(2))))
                    .andExpect(status().isOk());
            refreshed(before + 1);
            waitFor(d -> shown("alarms") == alarms + 1);
            assertThat(js("return window.__sameDocument;")).as("no reload").isEqualTo("yes");
            assertThat(Integer.parseInt(attr("data-live-messages"))).isPositive();

            // ---- the big screen, 1920×1080: dark, no menus, large numbers ----
            driver.get(url("/command/screen"));
            refreshed(1);
            assertThat(driver.findElement(By.tagName("body")).getAttribute("class")).contains("command-big");
            assertThat(driver.findElements(By.cssSelector("nav.navbar"))).isEmpty();
            assertThat(shown("hazards")).isEqualTo(total(overview(admin, ""), "hazards"));
            String size = (String) js("return getComputedStyle(document.querySelector('[data-total=hazards]')).fontSize;");
            assertThat(Double.parseDouble(size.replace("px", ""))).as("large numbers").isGreaterThanOrEqualTo(40);
            assertThat(((Number) js("return document.documentElement.scrollWidth;")).longValue()).isLessThanOrEqualTo(1920);
            screenshot("command-bigscreen");

            // ---- the analysis ----
            driver.get(url("/command/analysis"));
            waitFor(d -> "true".equals(d.findElement(By.id("chart-trends")).getAttribute("data-drawn")));
            assertThat(driver.findElements(By.cssSelector("#ranking-towns tbody tr"))).hasSize(organization.towns().size());
            assertThat(driver.findElements(By.cssSelector("#ranking-sectors tbody tr"))).hasSize(4);
            screenshot("command-analysis");
            driver.quit();

            // ---- a town official on a 375-px phone: their town only, stacked ----
            driver = browser(375, 812, true);
            signIn("cmd-xihu");
            driver.get(url("/command"));
            refreshed(1);
            AnjianUser official = user(Role.TOWN_OFFICIAL, DataScope.of(ScopeKind.REGION, xihu.id()));
            String theirs = overview(official, "");
            assertThat(driver.findElements(By.cssSelector("#command-towns tbody tr"))).hasSize(1);
            assertThat(driver.findElement(By.cssSelector("#command-towns tbody tr")).getText()).contains("西湖镇");
            assertThat(shown("hazards")).isEqualTo(total(theirs, "hazards")).isEqualTo(total(overview(admin, "?town=" + xihu.id()), "hazards"));
            assertThat(Long.parseLong(attr("data-markers-enterprises"))).isEqualTo(features(official, "enterprises", ""));
            long scrollWidth = ((Number) js("return document.documentElement.scrollWidth;")).longValue();
            assertThat(scrollWidth).as("no sideways scrolling on the phone").isLessThanOrEqualTo(375);
            Number mapBottom = (Number) js("return document.getElementById('command-map').getBoundingClientRect().bottom;");
            Number tilesTop = (Number) js("return document.getElementById('command-totals').getBoundingClientRect().top;");
            assertThat(tilesTop.doubleValue()).as("the numbers stack under the map").isGreaterThanOrEqualTo(mapBottom.doubleValue());
            screenshot("command-phone");
            CommandTestData.cleanUp(jdbc, other);
        } finally {
            CommandTestData.cleanUp(jdbc, full);
        }
    }
}
