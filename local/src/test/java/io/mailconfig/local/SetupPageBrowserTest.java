package io.mailconfig.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.dd.plist.NSArray;
import com.dd.plist.NSDictionary;
import com.dd.plist.PropertyListParser;
import io.mailconfig.store.dynamodb.PlainValues;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
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
 * The setup page in a real browser: Debian's headless Chromium on the local server, as people use
 * it on a phone (390 x 844, touch, the phone's User-Agent) and on a computer: what the first screen
 * shows, the language switch, each client's steps, the download, the provider's look under the
 * page's policy, and axe-core's accessibility rules in every language.
 */
class SetupPageBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";
    private static final String ANDROID = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";
    private static final String COMPUTER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/131.0.0.0 Safari/537.36";

    /** Held so the levels stick: Selenium warns that it has no CDP bindings for this Chromium, which is not used. */
    private static final List<java.util.logging.Logger> QUIET = Stream.of("org.openqa.selenium.devtools",
            "org.openqa.selenium.chromium").map(java.util.logging.Logger::getLogger).toList();

    private static LogoServer logo;
    private static SampleServer server;
    private static ChromeDriver browser;
    private static Axe axe;
    private static Path profileDirectory;
    private static Path downloads;

    @BeforeAll
    static void start() throws Exception {
        QUIET.forEach(logger -> logger.setLevel(Level.SEVERE));
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("The browser test needs Debian's Chromium and ChromeDriver (" + CHROMIUM + ", " + CHROMEDRIVER
                    + "): apt-get install -y chromium chromium-driver (./dev test installs them)");
        }
        axe = Axe.install(Path.of("target", "axe"));
        logo = LogoServer.start(Path.of("target", "logo-server"));
        // A provider with the look of its own, its logo served over https on loopback.
        server = new SampleServer(Stream.of(
                Map.of("pk", "PROVIDER#acme", "sk", "PROVIDER", "name", "Acme Mail", "shortName", "Acme",
                        "logoUrl", logo.url(), "accentColor", "#1a6b3c"),
                Map.of("pk", "PROVIDER#acme", "sk", "DOMAIN#acme.example"),
                Map.of("pk", "PROVIDER#acme", "sk", "SERVER#imap", "type", "imap", "hostname", "imap.acme.example",
                        "port", 993, "socketType", "SSL", "authentication", List.of("password-cleartext")),
                Map.of("pk", "PROVIDER#acme", "sk", "SERVER#smtp", "type", "smtp", "hostname", "smtp.acme.example",
                        "port", 465, "socketType", "SSL", "authentication", List.of("password-cleartext")))
                .map(PlainValues::item).toList());

        profileDirectory = Files.createTempDirectory("mailconfig-chromium-profile");
        downloads = Files.createTempDirectory("mailconfig-downloads");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // The machine's network is closed: without these Chromium keeps trying to reach Google.
        // The logo server's certificate is made by the test, hence --ignore-certificate-errors.
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--ignore-certificate-errors", "--user-data-dir=" + profileDirectory,
                "--window-size=1280,900", "--lang=en-US");
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
        if (logo != null) {
            logo.close();
        }
        for (Path directory : new Path[] {profileDirectory, downloads}) {
            if (directory != null) {
                try (Stream<Path> files = Files.walk(directory)) {
                    files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
                }
            }
        }
    }

    /** Each test starts as a computer, with the browser's log of earlier tests read away. */
    @BeforeEach
    void reset() {
        asAComputer();
        browser.manage().logs().get(LogType.BROWSER);
    }

    /** A computer's window and User-Agent, in English. */
    private static void asAComputer() {
        browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        browser.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", false));
        userAgent(COMPUTER, "en-US,en;q=0.9");
        browser.manage().window().setSize(new Dimension(1280, 800));
    }

    private static void userAgent(String userAgent, String acceptLanguage) {
        browser.executeCdpCommand("Emulation.setUserAgentOverride", Map.of("userAgent", userAgent,
                "acceptLanguage", acceptLanguage));
    }

    /** A 390 x 844 phone with touch and its own User-Agent. */
    private static void asAPhone(String userAgent) {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 390, "height", 844,
                "deviceScaleFactor", 3, "mobile", true));
        browser.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", true, "maxTouchPoints", 5));
        userAgent(userAgent, "en-US,en;q=0.9");
    }

    private static void open(String pathAndQuery) {
        browser.get(server.baseUrl() + pathAndQuery);
    }

    /** Whether the element is wholly inside the first screen, before any scrolling. */
    private static boolean onFirstScreen(WebElement element) {
        Object inside = browser.executeScript("const r = arguments[0].getBoundingClientRect();"
                + "return window.scrollY === 0 && r.width > 0 && r.top >= 0 && r.bottom <= window.innerHeight;", element);
        return Boolean.TRUE.equals(inside);
    }

    @Test
    void aPersonOnAComputerEntersAnAddressSeesTheQrCodeAndTheClientsAndDownloadsTheProfile() throws Exception {
        open("/");
        assertThat(browser.getTitle()).isEqualTo("Set up your email");

        browser.findElement(By.id("emailaddress")).sendKeys("alice@example.com");
        browser.findElement(By.id("name")).sendKeys("Alice <Example>");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> !d.findElements(By.id("settings")).isEmpty());

        assertThat(browser.getTitle()).isEqualTo("Set up your email with Example Mail");
        assertThat(browser.getCurrentUrl()).contains("emailaddress=alice%40example.com");
        assertThat(onFirstScreen(browser.findElement(By.cssSelector("#start svg.qr")))).as("QR code on the first screen").isTrue();
        List<WebElement> clients = browser.findElements(By.cssSelector("#start li a"));
        assertThat(clients).extracting(WebElement::getText).contains("Thunderbird", "Outlook for Windows (classic)",
                "New Outlook for Windows", "eM Client", "Evolution and GNOME", "Mail on a Mac");
        assertThat(onFirstScreen(clients.getFirst())).as("client list on the first screen").isTrue();
        assertThat(browser.findElement(By.id("imap")).getText()).contains("imap.example.com", "993", "SSL/TLS", "alice@example.com");
        assertThat(browser.findElement(By.id("imap-backup")).getText()).contains("imap2.example.com", "143", "STARTTLS");
        assertThat(browser.findElement(By.id("pop3")).getText()).contains("pop.example.com", "995");
        assertThat(browser.findElement(By.id("smtp-backup")).getText()).contains("smtp.example.com", "587");
        assertThat(browser.findElement(By.cssSelector("#imap code")).getCssValue("user-select")).isEqualTo("all");
        assertThat(browser.findElement(By.id("name")).getDomProperty("value")).isEqualTo("Alice <Example>");

        WebElement link = browser.findElement(By.id("profile-link"));
        // The inline stylesheet applies, so the policy's hash matches it.
        assertThat(link.getCssValue("background-color")).isEqualTo("rgba(10, 88, 202, 1)");
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
    void onAnIphoneTheProfileDownloadAndWhereToInstallItAreOnTheFirstScreen() {
        asAPhone(IPHONE);
        open("/?emailaddress=bob%40example.net");

        WebElement download = browser.findElement(By.id("profile-link-top"));
        assertThat(onFirstScreen(download)).as("download button on the first screen").isTrue();
        assertThat(download.getText()).isEqualTo("Download the profile");
        WebElement install = browser.findElement(By.xpath("//a[@id='profile-link-top']/../following-sibling::p[1]"));
        assertThat(install.getText()).contains("Profile Downloaded", "Install");
        assertThat(onFirstScreen(install)).as("where to install it, on the first screen").isTrue();
        assertThat(browser.findElements(By.cssSelector("svg.qr"))).isEmpty();
        // Everything else is one tap away.
        browser.findElement(By.cssSelector("nav a[href='#computers']")).click();
        assertThat(browser.getCurrentUrl()).endsWith("#computers");
        assertThat(browser.findElement(By.id("guide-thunderbird")).isDisplayed()).isTrue();
    }

    @Test
    void onAnAndroidPhoneTheAppsThatSetThemselvesUpAreOnTheFirstScreen() {
        asAPhone(ANDROID);
        open("/?emailaddress=bob%40example.net");

        List<WebElement> apps = browser.findElements(By.cssSelector("#start ul:first-of-type a"));
        assertThat(apps).extracting(WebElement::getText).containsExactly("Thunderbird for Android (and K-9 Mail)", "FairEmail");
        apps.forEach(app -> assertThat(onFirstScreen(app)).as(app.getText()).isTrue());

        apps.get(1).click();
        assertThat(browser.getCurrentUrl()).endsWith("#guide-fairemail");
        WebElement steps = browser.findElement(By.xpath("//h3[@id='guide-fairemail']/following-sibling::ol[1]"));
        assertThat(steps.isDisplayed()).isTrue();
        assertThat(steps.getText()).contains("Wizard", "Other provider", "Check");
    }

    @Test
    void theLanguageFollowsTheBrowserAndTheSwitchKeepsWhatWasTyped() {
        userAgent(COMPUTER, "de-DE,de;q=0.9,en;q=0.5");
        open("/?emailaddress=alice%40example.com&name=Alice");

        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("de");
        assertThat(browser.getTitle()).isEqualTo("E-Mail bei Example Mail einrichten");
        assertThat(browser.findElement(By.cssSelector("#imap")).getText()).contains("Verbindungssicherheit", "Passwort, normal");

        browser.findElement(By.linkText("Español")).click();
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("es");
        assertThat(browser.findElement(By.id("emailaddress")).getDomProperty("value")).isEqualTo("alice@example.com");
        assertThat(browser.findElement(By.id("name")).getDomProperty("value")).isEqualTo("Alice");
        assertThat(browser.findElement(By.id("guide-thunderbird-android")).getText()).isEqualTo("Thunderbird para Android (y K-9 Mail)");

        WebElement address = browser.findElement(By.id("emailaddress"));
        address.clear();
        address.sendKeys("bob@example.org");
        browser.findElement(By.cssSelector("#address-form button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().contains("bob%40example.org"));
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).as("the choice is kept").isEqualTo("es");
        assertThat(browser.findElement(By.cssSelector(".for")).getText()).isEqualTo("Ajustes para bob@example.org · Otra dirección");
    }

    @Test
    void everyClientInTheListLeadsToItsSteps() {
        open("/?emailaddress=alice%40example.com");
        List<String> targets = browser.findElements(By.cssSelector("#start li a")).stream()
                .map(link -> link.getDomAttribute("href")).toList();

        assertThat(targets).hasSize(7);
        for (String target : targets) {
            WebElement heading = browser.findElement(By.id(target.substring(1)));
            List<WebElement> steps = heading.findElements(By.xpath("following-sibling::ol[1]/li"));
            assertThat(steps).as(target).hasSizeGreaterThanOrEqualTo(2);
        }
        assertThat(browser.findElements(By.cssSelector("section h3[id^='guide-']"))).hasSize(12);
    }

    @Test
    void theProvidersLogoAndAccentColourShowAndThePolicyAllowsThatLogoOnly() {
        open("/?emailaddress=wile%40acme.example");

        WebElement image = browser.findElement(By.cssSelector("header img.logo"));
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> ((Number) browser.executeScript("return arguments[0].naturalWidth", image)).intValue() > 0);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Set up your email with Acme Mail");
        WebElement button = browser.findElement(By.id("profile-link"));
        assertThat(button.getCssValue("background-color")).isEqualTo("rgba(26, 107, 60, 1)");
        assertThat(button.getCssValue("color")).isEqualTo("rgba(255, 255, 255, 1)");
        // An image from any other origin is refused by the page's policy.
        Object refused = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "document.addEventListener('securitypolicyviolation', e => done(e.violatedDirective + ' ' + e.blockedURI));"
                + "const img = document.createElement('img'); img.src = arguments[0]; document.body.append(img);",
                logo.url().replace("https://127.0.0.1", "https://localhost"));
        assertThat(refused.toString()).startsWith("img-src https://localhost:");
        assertThat(policyViolations()).singleElement().asString().contains("localhost");
    }

    @Test
    void aMistypedAddressIsExplainedInThePage() {
        open("/");
        browser.findElement(By.id("emailaddress")).sendKeys("alice.example.com");
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        WebElement error = new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(d -> d.findElements(By.id("error")).stream().findFirst().orElse(null));
        assertThat(error.getText()).isEqualTo("This is not an email address: it has no @.");
        assertThat(browser.findElement(By.id("emailaddress")).getDomProperty("value")).isEqualTo("alice.example.com");
    }

    @Test
    void axeFindsNoViolationsOnAPhoneAndOnAComputerInEveryLanguage() throws Exception {
        browser.get("data:text/html,<!DOCTYPE html><title>broken</title><img src=logo.png>");
        assertThat(axe.violations(browser)).as("axe finds what a page gets wrong")
                .anySatisfy(violation -> assertThat(violation).startsWith("image-alt"))
                .anySatisfy(violation -> assertThat(violation).startsWith("html-has-lang"));
        for (String language : List.of("en", "de", "fr", "es")) {
            asAPhone(IPHONE);
            open("/?emailaddress=alice%40example.com&lang=" + language);
            assertThat(axe.violations(browser)).as("the settings in %s on an iPhone", language).isEmpty();
            asAComputer();
            open("/?emailaddress=alice%40example.com&lang=" + language);
            assertThat(axe.violations(browser)).as("the settings in %s on a computer", language).isEmpty();
        }
        // The other layouts once each: their markup is the same in every language.
        asAPhone(ANDROID);
        open("/?emailaddress=alice%40example.com");
        assertThat(axe.violations(browser)).as("the settings on an Android phone").isEmpty();
        asAComputer();
        open("/?emailaddress=wile%40acme.example");
        assertThat(axe.violations(browser)).as("a provider's own accent colour and logo").isEmpty();
        open("/?emailaddress=nobody");
        assertThat(axe.violations(browser)).as("an error").isEmpty();
        open("/");
        assertThat(axe.violations(browser)).as("the empty form").isEmpty();
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
