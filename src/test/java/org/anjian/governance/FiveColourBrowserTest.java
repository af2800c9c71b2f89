package org.anjian.governance;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.anjian.Browsers;
import org.anjian.governance.domain.FiveColourScale;
import org.anjian.governance.internal.AssessmentRepository;
import org.anjian.governance.internal.ScoreComputation;
import org.anjian.identity.UserManagement;
import org.anjian.identity.UserManagement.NewUser;
import org.anjian.organization.OrganizationDirectory;
import org.anjian.shared.security.Role;
import org.anjian.shared.security.ScopeKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GOV-3: the 五色图 draws every town's outline in the colour of its stored score, beside the ranking; the district
 * admin raises the colour thresholds on the scheme page, the stored colours stay until the recomputation, and
 * after it the town is recoloured on the map and in the ranking.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FiveColourBrowserTest {

    static final String PASSWORD = "Browser#2023";
    static WebDriver driver;

    @LocalServerPort int port;
    @Autowired UserManagement users;
    @Autowired OrganizationDirectory organization;
    @Autowired ScoreComputation computation;
    @Autowired AssessmentRepository repository;

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

    String base() {
        return "http://localhost:" + port;
    }

    /** The map's coloured town shapes as the page's script drew them: name → colour code. */
    @SuppressWarnings("unchecked")
    Map<String, String> mapColours() {
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#five-colour-map[data-loaded]")));
        List<Map<String, Object>> shapes = (List<Map<String, Object>>) ((JavascriptExecutor) driver).executeScript("""
                var out = [];
                arguments[0].leafletMap.eachLayer(function (l) {
                  if (l.feature && l.feature.properties.colourCode && l.options.fillColor) {
                    out.push({name: l.feature.properties.name, colour: l.feature.properties.colourCode, fill: l.options.fillColor});
                  }
                });
                return out;""", driver.findElement(By.id("five-colour-map")));
        Map<String, String> byName = new java.util.HashMap<>();
        shapes.forEach(s -> byName.put(String.valueOf(s.get("name")), String.valueOf(s.get("colour"))));
        return byName;
    }

    String rowColour(UUID town) {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.cssSelector("#ranking tr[data-unit='" + town + "']")).getAttribute("data-colour"));
    }

    @Test
    void theTownsAreColouredByScoreAndAThresholdEditRecoloursAfterRecomputation() throws Exception {
        YearMonth month = YearMonth.from(LocalDate.now(ZoneId.of("Asia/Shanghai")));
        computation.compute(month);
        FiveColourScale original = repository.colours();
        // a town scoring between 60 and 95 without a veto: coloured by the starting scale, red once the thresholds rise to 96
        var score = repository.scores(month.toString(), "TOWN", null).stream()
                .filter(s -> !s.vetoed() && s.total().compareTo(BigDecimal.valueOf(60)) >= 0 && s.total().compareTo(BigDecimal.valueOf(96)) < 0)
                .findFirst().orElseThrow();
        String expected = original.colourOf(score.total(), false).code();
        assertThat(expected).isNotEqualTo("RED");
        try {
            String username = "fivec" + UUID.randomUUID().toString().substring(0, 6);
            users.create(new NewUser(username, "五色图测试", PASSWORD, EnumSet.of(Role.DISTRICT_ADMIN), ScopeKind.DISTRICT, null, null, null));
            Browsers.signIn(driver, base(), username, PASSWORD);
            driver.manage().logs().get(LogType.BROWSER).getAll();

            driver.get(base() + "/assessment");
            Map<String, String> before = mapColours();
            // every town with an outline is filled in its colour; the ranking lists every town
            assertThat(before).hasSizeGreaterThanOrEqualTo(25);
            assertThat(driver.findElements(By.cssSelector("#ranking tbody tr"))).hasSize(organization.towns().size());
            assertThat(rowColour(score.unitId())).isEqualTo(expected);
            if (before.containsKey(score.unitName())) {
                assertThat(before.get(score.unitName())).isEqualTo(expected);
            }
            assertThat(driver.findElement(By.id("colour-scale")).getText()).contains("红色").contains("绿色").contains("90分以上");

            // the admin raises the thresholds: 橙 96, 黄 97, 蓝 98, 绿 99
            driver.get(base() + "/assessment/scheme");
            String[][] mins = {{"ORANGE", "96"}, {"YELLOW", "97"}, {"BLUE", "98"}, {"GREEN", "99"}};
            for (String[] m : mins) {
                WebElement input = driver.findElement(By.cssSelector("input[data-band-min='" + m[0] + "']"));
                input.clear();
                input.sendKeys(m[1]);
            }
            Browsers.submitAndWait(driver, driver.findElement(By.id("save-colours")));
            assertThat(driver.findElement(By.tagName("main")).getText()).contains("已保存");

            // the stored result keeps its colours until the scores are computed again
            driver.get(base() + "/assessment");
            assertThat(rowColour(score.unitId())).isEqualTo(expected);
            assertThat(driver.findElement(By.id("colour-scale")).getText()).contains("96分以上");
            Browsers.submitAndWait(driver, driver.findElement(By.id("recompute")));
            assertThat(rowColour(score.unitId())).isEqualTo("RED");
            Map<String, String> after = mapColours();
            if (after.containsKey(score.unitName())) {
                assertThat(after.get(score.unitName())).isEqualTo("RED");
            }
            List<String> log = driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage).toList();
            assertThat(log).filteredOn(m -> m.contains("Content Security Policy") || m.contains("Refused to") || m.contains("Uncaught")).isEmpty();
        } finally {
            original.bands().forEach(b -> repository.updateBand(b, java.time.Instant.now()));
            computation.compute(month);
        }
    }
}
