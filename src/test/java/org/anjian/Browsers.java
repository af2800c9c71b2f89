package org.anjian;

import java.io.File;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium for the browser tests. Found at its Debian paths so that Selenium never
 * tries to download a browser (this machine cannot); missing, it fails the test with what to install.
 */
public final class Browsers {

    private Browsers() {
    }

    public static WebDriver headlessChromium(int width, int height) {
        ChromeOptions options = new ChromeOptions().setBinary(first("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"))
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--lang=zh-CN",
                        "--window-size=" + width + "," + height);
        // the console log, so that a test can read what the page said (a CSP refusal, an uncaught error)
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        WebDriver driver = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(first("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"))).build(), options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    /**
     * A phone's screen: headless Chromium keeps a window at least ~500 px wide, so the device metrics are emulated as
     * DevTools' device mode does (mobile, device pixel ratio 2).
     */
    public static WebDriver phone(int width, int height) {
        WebDriver driver = headlessChromium(width, height);
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                java.util.Map.of("width", width, "height", height, "deviceScaleFactor", 2, "mobile", true));
        return driver;
    }

    /**
     * Signs in through the real form at {@code base}/login, first dropping the previous user's cookies,
     * and waits for the post and its redirect to land, so the next navigation does not race it.
     */
    public static void signIn(WebDriver driver, String base, String username, String password) {
        driver.manage().deleteAllCookies();
        driver.get(base + "/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("login-submit")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().endsWith("/login"));
    }

    /**
     * Clicks a button that posts a form and waits for the page it leads to: reading the old page, or the database,
     * straight after the click races the request.
     */
    public static void submitAndWait(WebDriver driver, org.openqa.selenium.WebElement button) {
        org.openqa.selenium.WebElement before = driver.findElement(org.openqa.selenium.By.tagName("html"));
        button.click();
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(20))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(before));
    }

    static String first(String... paths) {
        for (String p : paths) {
            if (new File(p).canExecute()) {
                return p;
            }
        }
        throw new IllegalStateException("Chromium/ChromeDriver not found: install Debian's chromium and chromium-driver (see README)");
    }
}
