package org.anjian.chemical;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anjian.Browsers;
import org.anjian.TestUsers;
import org.anjian.chemical.domain.PressureClass;
import org.anjian.chemical.internal.Pipelines;
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
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/** CHM-2: the pipeline page draws each segment's line with Leaflet under the CSP, on a 375 px phone. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PipelineMapBrowserTest {

    static final String PASSWORD = "Browser#2023";
    static WebDriver driver;

    @LocalServerPort int port;
    @Autowired UserManagement users;
    @Autowired OrganizationDirectory organization;
    @Autowired Pipelines pipelines;

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

    @Test
    void theSegmentsLineIsDrawnOnThePhoneWithoutACspRefusal() throws Exception {
        Region town = organization.regionByName("白沙镇").orElseGet(() -> organization.towns().get(0));
        String name = "地图测试管道" + UUID.randomUUID().toString().substring(0, 4);
        pipelines.create(TestUsers.user(Role.DISTRICT_ADMIN), new Pipelines.PipelineInput(name, null, "江津区燃气公司", town.id(), "NATURAL_GAS",
                PressureClass.MEDIUM, new BigDecimal("0.4"), 315, new BigDecimal("2.5"),
                Map.of("type", "LineString", "coordinates", List.of(List.of(town.longitude(), town.latitude()),
                        List.of(town.longitude() + 0.01, town.latitude() + 0.005)))));
        String username = "pipe" + UUID.randomUUID().toString().substring(0, 6);
        users.create(new NewUser(username, "管道地图", PASSWORD, EnumSet.of(Role.DISTRICT_ADMIN), ScopeKind.DISTRICT, null, null, null));
        Browsers.signIn(driver, "http://localhost:" + port, username, PASSWORD);
        driver.manage().logs().get(LogType.BROWSER).getAll();

        driver.get("http://localhost:" + port + "/chemical/pipelines?townId=" + town.id());
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#pipeline-map[data-loaded]")));
        // the map draws on a canvas (preferCanvas): ask Leaflet for its polylines and their popups' text
        Object lines = ((JavascriptExecutor) driver).executeScript("""
                var names = [];
                arguments[0].leafletMap.eachLayer(function (l) {
                  if (l instanceof L.Polyline && l.getLatLngs().length >= 2) { names.push(l.getPopup().getContent().textContent); }
                });
                return names;""", driver.findElement(By.id("pipeline-map")));
        assertThat(((List<?>) lines).stream().map(String::valueOf).toList()).contains(name);
        assertThat(driver.findElement(By.id("pipelines")).getText()).contains(name).contains("中压");
        Number overflow = (Number) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow.intValue()).as("no sideways scrolling at 375 px").isLessThanOrEqualTo(0);
        List<String> log = driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage).toList();
        assertThat(log).filteredOn(m -> m.contains("Content Security Policy") || m.contains("Refused to") || m.contains("Uncaught")).isEmpty();
        Path dir = Path.of("target/screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve("pipeline-map-phone.png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
