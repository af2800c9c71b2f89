package org.anjian.enterprise;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
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
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19 #2 and #7 on a 375-px phone: the filter rows and pagers of the duty lists (licences due and gaps, the three
 * responsible persons, fireworks outlets, 日周月排查 tasks) fit the screen without sideways scrolling, no button wraps a
 * character a line, and the lists are labelled cards, not tables squeezed to one character a column.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DutyListsPhoneBrowserTest {

    static final String PASSWORD = "Browser#2023";
    /** One more than a page of 20 (duty lists), so that every list shows its numbered pager. */
    static final int ROWS = 21;
    static WebDriver driver;

    @LocalServerPort int port;
    @Autowired UserManagement users;
    @Autowired OrganizationDirectory organization;

    @BeforeAll
    static void startBrowser() {
        driver = Browsers.phone(375, 812);
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

    RestClient rest;
    String bearer;

    String post(String path, String json) {
        return rest.post().uri(path).header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON).body(json).retrieve().body(String.class);
    }

    /**
     * 21 hazardous-chemicals enterprises with long names in 德感街道, each with a permit due in 10 days, no insurance (a gap)
     * and a daily and a weekly check list; 21 responsible persons and 21 outlets: every list has a second page.
     */
    String seed() {
        String admin = "duty" + UUID.randomUUID().toString().substring(0, 6);
        users.create(new NewUser(admin, "手机列表测试", PASSWORD, EnumSet.of(Role.DISTRICT_ADMIN), ScopeKind.DISTRICT, null, null, null));
        rest = RestClient.create(url(""));
        bearer = "Bearer " + com.jayway.jsonpath.JsonPath.read(rest.post().uri("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                .body("{\"username\":\"" + admin + "\",\"password\":\"" + PASSWORD + "\"}").retrieve().body(String.class), "$.token");
        Region town = organization.regionByName("德感街道").orElseThrow();
        String token = "手机" + EnterpriseTestData.newCreditCode().substring(12, 16);
        LocalDate due = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(10);
        String first = null;
        for (int i = 0; i < ROWS; i++) {
            String code = EnterpriseTestData.newCreditCode();
            String id = com.jayway.jsonpath.JsonPath.read(post("/api/v1/enterprises", """
                    {"creditCode":"%s","name":"重庆市江津区%s%02d危险化学品仓储物流有限责任公司","legalRepresentative":"欧阳明","address":"德感街道工业园 %d 号",
                     "phone":"023-47520001","latitude":%s,"longitude":%s,"townId":"%s","sector":"HAZCHEM","subSector":"HAZCHEM_STORAGE",
                     "scale":"ABOVE_SIZE","employees":90,"status":"PRODUCING","flags":[]}"""
                    .formatted(code, token, i, i + 1, town.latitude(), town.longitude(), town.id())), "$.id");
            first = first == null ? id : first;
            post("/api/v1/enterprises/" + id + "/licences", """
                    {"kind":"SAFETY_PERMIT","number":"渝江危化储字〔2024〕%03d号","validFrom":"%s","validTo":"%s"}""".formatted(i, due.minusYears(3), due));
            for (String cadence : new String[] {"DAILY", "WEEKLY"}) {
                post("/api/v1/check-lists", """
                        {"enterpriseId":"%s","name":"储罐区岗位%s检查","post":"储罐区操作工","level":"POST","cadence":"%s",
                         "items":["储罐液位、温度、压力在规定范围","可燃气体报警器完好"],"includeCriteria":false}""".formatted(id, cadence, cadence));
            }
            post("/api/v1/enterprises/fireworks-outlets", """
                    {"name":"%s烟花爆竹零售点%02d","townId":"%s","licenceNo":"（渝江）烟零许字〔2026〕%03d号"}""".formatted(token, i, town.id(), i));
        }
        for (int i = 0; i < ROWS; i++) {
            post("/api/v1/enterprises/" + first + "/responsible-persons",
                    "{\"kind\":\"ADMINISTRATIVE\",\"name\":\"%s%02d\",\"post\":\"德感街道办事处副主任\",\"phone\":\"138000013%02d\"}".formatted(token, i, i));
        }
        Browsers.signIn(driver, url(""), admin, PASSWORD);
        return token;
    }

    JavascriptExecutor js() {
        return (JavascriptExecutor) driver;
    }

    /** Nothing sideways: the page is no wider than the phone; names the first elements that stick out if it is. */
    void fitsThePhone(String page) {
        long clientWidth = (Long) js().executeScript("return document.documentElement.clientWidth");
        long scrollWidth = (Long) js().executeScript("return document.documentElement.scrollWidth");
        Object wide = js().executeScript("""
                return Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
                  .slice(0, 5).map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join('; ')""");
        assertThat(clientWidth).as("the phone's width").isLessThanOrEqualTo(375);
        assertThat(scrollWidth).as("%s: no sideways scrolling at 375 px: %s", page, wide).isLessThanOrEqualTo(clientWidth);
    }

    /** Every button and pager link of the page keeps its words on one line (no "筛/选" one character a line). */
    void buttonsKeepOneLine(String page) {
        Object wrapped = js().executeScript("""
                return Array.from(document.querySelectorAll('main .btn, main .page-link'))
                  .filter(b => b.offsetParent !== null && b.textContent.trim().length > 1)
                  .filter(b => { const r = document.createRange(); r.selectNodeContents(b);
                                 return new Set(Array.from(r.getClientRects()).filter(x => x.width > 0).map(x => Math.round(x.top))).size > 1; })
                  .map(b => b.textContent.trim()).join('; ')""");
        assertThat((String) wrapped).as("%s: buttons wrapped over lines", page).isEmpty();
    }

    /** The filter form's every field and button lies within the screen. */
    void filtersFit(String page, String formId) {
        Object outside = js().executeScript("""
                return Array.from(document.querySelectorAll('#' + arguments[0] + ' input:not([type=hidden]), #' + arguments[0] + ' select, #' + arguments[0] + ' button'))
                  .filter(e => { const r = e.getBoundingClientRect(); return r.left < 0 || r.right > document.documentElement.clientWidth + 1 || r.width < 60; })
                  .map(e => (e.name || e.textContent.trim()) + ' ' + Math.round(e.getBoundingClientRect().width)).join('; ')""", formId);
        assertThat((String) outside).as("%s: filter fields off screen or squeezed", page).isEmpty();
    }

    /** The numbered pager is shown and fits. */
    void pagerFits(String page) {
        assertThat(driver.findElements(By.cssSelector("main .pagination .page-link"))).as(page + ": numbered pager").hasSizeGreaterThanOrEqualTo(4);
        Number right = (Number) js().executeScript("return Math.max(...Array.from(document.querySelectorAll('main .pagination .page-item')).map(e => e.getBoundingClientRect().right))");
        assertThat(right.doubleValue()).as(page + ": pager within the screen").isLessThanOrEqualTo(376);
    }

    /** Under 576 px the table is a stack of full-width cards, each value labelled with its column. */
    void cards(String page, String tableId) {
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> !d.findElements(By.cssSelector("#" + tableId + ".table-cards tbody td[data-label]")).isEmpty());
        assertThat((Boolean) js().executeScript("return getComputedStyle(document.querySelector('#' + arguments[0] + ' thead')).display === 'none'", tableId))
                .as(page + ": table head hidden on the phone").isTrue();
        Number cardWidth = (Number) js().executeScript("return document.querySelector('#' + arguments[0] + ' tbody tr').getBoundingClientRect().width", tableId);
        assertThat(cardWidth.doubleValue()).as(page + ": a card spans the phone").isGreaterThan(300);
        String label = (String) js().executeScript("var td = document.querySelector('#' + arguments[0] + ' tbody td[data-label]');"
                + " return td.getAttribute('data-label') + '|' + getComputedStyle(td, '::before').content;", tableId);
        String[] parts = label.split("\\|", 2);
        assertThat(parts[0]).as(page + ": the label").isNotBlank();
        assertThat(parts[1]).as(page + ": the label is shown").contains(parts[0]);
    }

    void screenshot(String name) throws Exception {
        Path dir = Path.of("docs/screenshots");
        Files.createDirectories(dir);
        Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    void open(String path) {
        driver.get(url(path));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector("footer")).isEmpty());
    }

    @Test
    void theDutyListsFiltersPagersAndCardsFitAPhone() throws Exception {
        String q = java.net.URLEncoder.encode(seed(), java.nio.charset.StandardCharsets.UTF_8);
        record Page(String path, String form, String table, String shot) {
        }
        for (Page p : new Page[] {
                new Page("/enterprises/due?q=" + q, "due-filter", "due-table", "duty-due-375"),
                new Page("/enterprises/due?tab=gaps&q=" + q, "due-filter", "gaps-table", "duty-gaps-375"),
                new Page("/enterprises/compliance?q=" + q, "compliance-filter", "person-compliance", "duty-compliance-375"),
                new Page("/enterprises/outlets?q=" + q, "outlets-filter", "outlets-table", "duty-outlets-375"),
                new Page("/checks?q=" + q, "checks-filter", null, "checks-375")}) {
            open(p.path());
            assertThat(driver.findElement(By.tagName("main")).getText()).as(p.path()).contains("共 " + (p.table() == null ? 2 * ROWS : ROWS) + " 条");
            fitsThePhone(p.path());
            filtersFit(p.path(), p.form());
            buttonsKeepOneLine(p.path());
            pagerFits(p.path());
            if (p.table() != null) {
                cards(p.path(), p.table());
            } else {
                // the task list is a list group: each task a full-width item, its badge inside the screen
                Number item = (Number) js().executeScript("return document.querySelector('#check-tasks .list-group-item').getBoundingClientRect().width");
                assertThat(item.doubleValue()).isGreaterThan(300);
            }
            fitsThePhone(p.path());
            screenshot(p.shot());
            // the second page of each list fits as well (the pager then has a 上一页 to show)
            open(p.path() + "&page=1");
            fitsThePhone(p.path() + "&page=1");
            buttonsKeepOneLine(p.path() + "&page=1");
            pagerFits(p.path() + "&page=1");
        }
    }
}
