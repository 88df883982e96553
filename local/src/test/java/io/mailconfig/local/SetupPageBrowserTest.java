package io.mailconfig.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.dd.plist.NSArray;
import com.dd.plist.NSDictionary;
import com.dd.plist.PropertyListParser;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The setup page in a real browser: Debian's headless Chromium on the local server, as a person
 * uses it: type an address, read the settings, download the Apple profile.
 */
class SetupPageBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    /** Held so the levels stick: Selenium warns that it has no CDP bindings for this Chromium, which is not used. */
    private static final List<java.util.logging.Logger> QUIET = Stream.of("org.openqa.selenium.devtools",
            "org.openqa.selenium.chromium").map(java.util.logging.Logger::getLogger).toList();

    private static SampleServer server;
    private static ChromeDriver browser;
    private static Path profileDirectory;
    private static Path downloads;

    @BeforeAll
    static void start() throws Exception {
        QUIET.forEach(logger -> logger.setLevel(Level.SEVERE));
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("The browser test needs Debian's Chromium and ChromeDriver (" + CHROMIUM + ", " + CHROMEDRIVER
                    + "): apt-get install -y chromium chromium-driver (.ci/run installs them)");
        }
        server = new SampleServer();

        profileDirectory = Files.createTempDirectory("mailconfig-chromium-profile");
        downloads = Files.createTempDirectory("mailconfig-downloads");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // The machine's network is closed: without these Chromium keeps trying to reach Google.
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profileDirectory, "--window-size=1280,900");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false, "safebrowsing.enabled", false));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        // An explicit driver: Selenium Manager never runs and never tries a download.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        browser.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow",
                "downloadPath", downloads.toString()));
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
        for (Path directory : new Path[] {profileDirectory, downloads}) {
            if (directory != null) {
                try (Stream<Path> files = Files.walk(directory)) {
                    files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
                }
            }
        }
    }

    @Test
    void aPersonEntersAnAddressSeesTheSettingsAndDownloadsTheProfile() throws Exception {
        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(server.baseUrl() + "/");
        assertThat(browser.getTitle()).isEqualTo("Set up your mail");

        browser.findElement(By.id("emailaddress")).sendKeys("alice@example.com");
        browser.findElement(By.id("name")).sendKeys("Alice <Example>");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> !d.findElements(By.id("settings")).isEmpty());

        assertThat(browser.getTitle()).isEqualTo("Set up your Example Mail mail");
        assertThat(browser.getCurrentUrl()).contains("emailaddress=alice%40example.com");
        String incoming = browser.findElement(By.id("incoming")).getText();
        assertThat(incoming).contains("imap.example.com", "993", "SSL/TLS", "alice@example.com");
        assertThat(browser.findElement(By.id("outgoing")).getText()).contains("smtp.example.com", "465");
        assertThat(browser.findElement(By.id("name")).getDomProperty("value")).isEqualTo("Alice <Example>");
        // The inline stylesheet applies, so the policy's hash matches it.
        WebElement link = browser.findElement(By.id("profile-link"));
        assertThat(link.getCssValue("background-color")).isEqualTo("rgba(10, 88, 202, 1)");
        assertThat(browser.findElement(By.cssSelector("svg.qr")).isDisplayed()).isTrue();
        assertThat(link.getDomProperty("href")).isEqualTo(server.baseUrl()
                + "/mobileconfig?emailaddress=alice%40example.com&name=Alice+%3CExample%3E");

        link.click();
        Path profile = awaitDownload();

        assertThat(profile.getFileName().toString()).isEqualTo("alice-example.com.mobileconfig");
        NSDictionary plist = (NSDictionary) PropertyListParser.parse(Files.readAllBytes(profile));
        assertThat(plist.get("PayloadType").toJavaObject()).isEqualTo("Configuration");
        NSDictionary mail = (NSDictionary) ((NSArray) plist.get("PayloadContent")).objectAtIndex(0);
        assertThat(mail.get("EmailAccountName").toJavaObject()).isEqualTo("Alice <Example>");
        assertThat(mail.get("IncomingMailServerHostName").toJavaObject()).isEqualTo("imap.example.com");
        assertThat(policyViolations()).isEmpty();
    }

    @Test
    void onANarrowScreenTheQrCodeStaysHidden() {
        browser.manage().window().setSize(new Dimension(400, 800));
        try {
            browser.get(server.baseUrl() + "/?emailaddress=bob%40example.net");

            assertThat(browser.findElement(By.id("profile-link")).isDisplayed()).isTrue();
            assertThat(browser.findElement(By.cssSelector("svg.qr")).isDisplayed()).isFalse();
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 900));
        }
    }

    @Test
    void aMistypedAddressIsExplainedInThePage() {
        browser.get(server.baseUrl() + "/");
        browser.findElement(By.id("emailaddress")).sendKeys("alice.example.com");
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        WebElement error = new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(d -> d.findElements(By.id("error")).stream().findFirst().orElse(null));
        assertThat(error.getText()).isEqualTo("This is not an email address: email address has no @.");
        assertThat(browser.findElement(By.id("emailaddress")).getDomProperty("value")).isEqualTo("alice.example.com");
    }

    private static Path awaitDownload() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try (Stream<Path> files = Files.list(downloads)) {
                List<Path> done = files.filter(f -> f.toString().endsWith(".mobileconfig")).toList();
                if (!done.isEmpty()) {
                    return done.getFirst();
                }
            }
            Thread.sleep(100);
        }
        try (Stream<Path> files = Files.list(downloads)) {
            throw new AssertionError("no profile downloaded; the folder holds " + files.toList());
        }
    }

    private static List<String> policyViolations() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy")).toList();
    }
}
