package org.smallbms.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.smallbms.app.device.Device;
import org.smallbms.app.runtime.AdjustableClock;
import org.smallbms.sim.scenario.Scenarios;

/**
 * The web app in a real browser: Debian's headless Chromium driven through Debian's chromedriver (`.ci/run` installs
 * both), against the real server and a device that runs. Each test does what a user does and checks what the page
 * then shows; every page is saved as a screenshot at phone and desktop width under {@code target/screenshots/}.
 */
class BrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final List<String> PAGES = List.of("status", "battery", "history", "settings", "events", "charts",
            "world");
    private static final int PHONE = 375;
    private static final int DESKTOP = 1280;
    /** Noon in June: the sun charges, nothing is near a threshold. */
    private static final Instant NOON = Instant.parse("2026-06-01T12:00:00Z");
    /** How long a test waits for the page to show something: far beyond what it needs. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static ChromeDriverService service;
    private static WebDriver browser;

    @TempDir
    Path dir;

    private Device device;
    private WebServer server;
    private String pin;

    @BeforeAll
    static void aBrowser() throws IOException {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)).as("the browser tests need "
                + "Debian's chromium and chromium-driver: apt-get install -y chromium chromium-driver (.ci/run "
                + "does)").isTrue();
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                .build();
        service.start();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + Files.createTempDirectory("chromium"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.stop();
        }
    }

    @BeforeEach
    void aRunningDevice() throws Exception {
        start(Optional.of(NOON));
        pin = device.newPin().orElseThrow();
        width(DESKTOP);
    }

    @AfterEach
    void stopDevice() {
        server.close();
        device.stop();
    }

    private void start(Optional<Instant> at) throws Exception {
        device = Device.open(new Device.Config(Scenarios.builtIn("ng-3.3.1-solar-batteryprotect"), dir, 1, at,
                Optional.of(60.0)));
        server = WebServer.start(device, WebServer.LOOPBACK, 0);
        device.start(List.of(), Optional.empty());
    }

    private void open(String page) {
        browser.get("http://127.0.0.1:" + server.port() + "/#" + page);
        waitFor(d -> d.findElement(By.id("page-" + page)).isDisplayed());
    }

    private void width(int pixels) {
        browser.manage().window().setSize(new Dimension(pixels, 900));
    }

    private <T> T waitFor(ExpectedCondition<T> condition) {
        return new WebDriverWait(browser, PATIENCE, Duration.ofMillis(50)).until(condition);
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText().strip();
    }

    private void waitForText(String css, String expected) {
        waitFor(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return !found.isEmpty() && found.get(0).getText().strip().equals(expected);
        });
    }

    private void click(String css) {
        WebElement element = waitFor(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return !found.isEmpty() && found.get(0).isDisplayed() && found.get(0).isEnabled() ? found.get(0) : null;
        });
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    private void type(String css, String value) {
        WebElement input = browser.findElement(By.cssSelector(css));
        input.clear();
        input.sendKeys(value);
    }

    private void enterPin(String value) {
        waitFor(d -> d.findElement(By.id("pin-dialog")).isDisplayed());
        type("#pin-input", value);
        click("#pin-submit");
    }

    private void screenshot(String name) throws IOException {
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** The page's errors in the browser's console: a script that failed, a policy that blocked something. */
    private List<String> consoleErrors() {
        List<String> errors = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(entry.getMessage());
            }
        }
        return errors;
    }

    @Test
    @DisplayName("UI-01 UI-02 UI-03 UI-04 every page loads at phone and desktop width without horizontal scrolling "
            + "or a console error; each is saved as a screenshot")
    void everyPage_bothWidths() throws Exception {
        consoleErrors();
        for (int pixels : List.of(PHONE, DESKTOP)) {
            width(pixels);
            for (String page : PAGES) {
                open(page);
                waitFor(d -> !d.findElement(By.cssSelector("[data-field='deviceTime']")).getText().isBlank());
                if (page.equals("battery")) {
                    waitFor(d -> !d.findElements(By.cssSelector("[data-cell='1']")).isEmpty());
                }
                if (page.equals("charts")) {
                    waitFor(d -> d.findElements(By.cssSelector("#page-charts .uplot")).size() == 4);
                }
                Thread.sleep(300);
                long overflow = (Long) ((JavascriptExecutor) browser).executeScript(
                        "return document.documentElement.scrollWidth - window.innerWidth;");
                assertThat(overflow).as(page + " at " + pixels + " px scrolls sideways").isLessThanOrEqualTo(0);
                ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0);");
                screenshot(page + "-" + pixels);
            }
        }
        assertThat(consoleErrors()).isEmpty();
    }

    @Test
    @DisplayName("CLS-04 LED-03 a classic system shows the classic device: its name, its two LEDs and outputs, no "
            + "Battery, History or Settings tab, no SoC or Bluetooth; the remote off lights Temp or OVP")
    void classicDevice_showsItsOwnPage() throws Exception {
        server.close();
        device.stop();
        device = Device.open(new Device.Config(ClassicDeviceTest.classic(), dir.resolve("classic"), 1,
                Optional.of(NOON), Optional.of(60.0)));
        server = WebServer.start(device, WebServer.LOOPBACK, 0);
        device.start(List.of(), Optional.empty());
        consoleErrors();

        open("status");
        waitForText(".device-name", "smallBMS with pre-alarm");
        waitFor(d -> "On".equals(d.findElement(By.id("led-loadOn")).getAttribute("data-state")));
        assertThat(browser.findElement(By.id("led-tempOrOvp")).getAttribute("data-state")).isEqualTo("Off");
        for (String hidden : List.of("#nav-battery", "#nav-history", "#nav-settings", "#led-bluetooth",
                "#page-status .soc-card", "#mode-switch", "#readout-tile")) {
            assertThat(browser.findElement(By.cssSelector(hidden)).isDisplayed()).as(hidden).isFalse();
        }
        assertThat(text("#page-status [data-field='output-loadDisconnect']")).isNotBlank();
        screenshot("classic-status-" + DESKTOP);
        width(PHONE);
        Thread.sleep(300);
        screenshot("classic-status-" + PHONE);

        browser.get("http://127.0.0.1:" + server.port() + "/#settings");
        waitFor(d -> d.findElement(By.id("page-status")).isDisplayed());
        open("world");
        WebElement remote = waitFor(d -> d.findElement(By.cssSelector("[data-world='remote']")));
        waitFor(d -> remote.isSelected());
        click("[data-world='remote']");
        open("status");
        waitFor(d -> "On".equals(d.findElement(By.id("led-tempOrOvp")).getAttribute("data-state")));
        assertThat(browser.findElement(By.id("led-loadOn")).getAttribute("data-state")).isEqualTo("Off");
        assertThat(consoleErrors()).isEmpty();
    }

    @Test
    @DisplayName("LED-01 UI-01 an open page is a connected client: the blue LED is on; the status page shows the "
            + "battery's figures")
    void openPage_blueLedOn() {
        open("status");

        waitFor(d -> "On".equals(d.findElement(By.id("led-bluetooth")).getAttribute("data-state")));
        assertThat(text("#page-status [data-field='voltageVolts']")).endsWith("V");
        assertThat(text("#page-status [data-field='allowedToDischarge']")).isEqualTo("Yes");
    }

    @Test
    @DisplayName("IR-01 UI-01 the status page's Instant Readout tile shows the advertisement the device sends, decoded "
            + "from its bytes; the Settings page shows the key only after the PIN")
    void readout_tileAndKeyAfterThePin() {
        open("status");
        waitFor(d -> d.findElement(By.cssSelector("[data-field='readout-bytes']")).getText().startsWith("1000e7a3"));
        assertThat(text("[data-field='readout-voltage']")).endsWith("V");
        assertThat(text("[data-field='readout-current']")).endsWith("A");
        assertThat(browser.findElement(By.id("readout-tile")).getAttribute("data-level")).isEqualTo("ok");

        open("settings");
        assertThat(text("#readout-key")).isEqualTo("hidden");
        click("#readout-key-show");
        enterPin(pin);
        waitForText("#readout-key", device.readoutKey().hex());
    }

    @Test
    @DisplayName("SET-01 UI-04 a setting changed with the PIN survives a restart of the device")
    void setting_withPin_survivesRestart() throws Exception {
        open("settings");
        waitFor(d -> !d.findElements(By.cssSelector("[data-setting='lowSocWarning']")).isEmpty());

        type("[data-setting='lowSocWarning']", "25");
        click("[data-save='lowSocWarning']");
        enterPin(pin);
        waitForText("[data-shown='lowSocWarning']", "25 %");

        server.close();
        device.stop();
        start(Optional.empty());
        open("settings");
        waitForText("[data-shown='lowSocWarning']", "25 %");
    }

    @Test
    @DisplayName("SET-01 wrong PINs, up to six: the page says Wrong PIN, then shows the wait they cost and lets no "
            + "PIN through until it is over")
    void wrongPins_pageShowsTheWait() {
        open("settings");
        String wrong = pin.equals("111111") ? "222222" : "111111";
        click("#soc-synchronise");
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < 6 && (shown.isEmpty() || !shown.get(shown.size() - 1).startsWith("Too many")); i++) {
            // Cleared first, so the answer to this PIN is told from the last one's, even when they read the same.
            ((JavascriptExecutor) browser).executeScript("document.getElementById('pin-message').textContent = '';");
            enterPin(wrong);
            shown.add(waitFor(d -> {
                String now = d.findElement(By.id("pin-message")).getText().strip();
                return now.isEmpty() ? null : now;
            }));
        }

        assertThat(shown.get(0)).isEqualTo("Wrong PIN");
        assertThat(shown.get(shown.size() - 1)).matches("Too many wrong PINs: wait \\d+ s");
        assertThat(shown).hasSizeLessThanOrEqualTo(PinGuard.FREE_TRIES);
        assertThat(browser.findElement(By.id("pin-submit")).isEnabled()).isFalse();
    }

    @Test
    @DisplayName("REM-01 UI-01 PROT-08 the remote switch opened on the world panel: the status page shows Allowed to "
            + "discharge No and both disconnect outputs floating")
    void world_remoteOff_statusShowsIt() {
        open("world");
        WebElement remote = waitFor(d -> d.findElement(By.cssSelector("[data-world='remote']")));
        waitFor(d -> remote.isSelected());
        click("[data-world='remote']");

        open("status");
        waitForText("#page-status [data-field='allowedToDischarge']", "No");
        waitForText("[data-field='output-loadDisconnect']", "Floating");
        waitForText("[data-field='output-chargeDisconnect']", "Floating");
        assertThat(browser.findElements(By.cssSelector("[data-field='allowedToDischargeReasons'] li")))
                .extracting(WebElement::getText).anySatisfy(r -> assertThat(r).containsIgnoringCase("remote"));
    }

    @Test
    @DisplayName("TOP-06 CODE-02 CODE-10 LED-02 a BMS cable pulled at real time: the page shows W-B05 at once and "
            + "E-B05 after 5 s, the red LED on")
    void world_cablePulled_warningThenError() {
        open("world");
        click("[data-world='speed-1']");
        waitFor(d -> "true".equals(d.findElement(By.cssSelector("[data-world='speed-1']"))
                .getAttribute("aria-pressed")));
        click("[data-world='bms-cable']");

        open("status");
        waitFor(d -> !d.findElements(By.cssSelector("#page-status [data-code='W-B05']")).isEmpty()
                && d.findElements(By.cssSelector("#page-status [data-code='E-B05']")).isEmpty());
        waitFor(d -> !d.findElements(By.cssSelector("#page-status [data-code='E-B05']")).isEmpty());
        assertThat(browser.findElement(By.id("led-error")).getAttribute("data-state")).isEqualTo("On");
        assertThat(device.speed()).isEqualTo(new AdjustableClock.Speed(1));
    }

    @Test
    @DisplayName("CODE-05 a battery silenced on the world panel: the page shows A-B05, and the timeline the silence "
            + "and the alarm")
    void world_batterySilenced_alarm() {
        open("world");
        WebElement battery = waitFor(d -> d.findElement(By.cssSelector("[data-world='battery-1']")));
        waitFor(d -> battery.isSelected());
        click("[data-world='battery-1']");

        open("status");
        waitFor(d -> !d.findElements(By.cssSelector("#page-status [data-code='A-B05']")).isEmpty());
        open("events");
        waitFor(d -> {
            List<String> items = new ArrayList<>();
            d.findElements(By.cssSelector("#events-list li")).forEach(li -> items.add(li.getText()));
            return items.stream().anyMatch(t -> t.contains("A-B05")) && items.stream().anyMatch(t -> t.contains(
                    "silent"));
        });
    }
}
