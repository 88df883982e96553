package io.mailconfig.protocol.setup;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import io.mailconfig.http.Request;
import io.mailconfig.lambda.MailconfigHandler;
import io.mailconfig.testing.Events;
import io.mailconfig.testing.ExampleHandler;
import io.mailconfig.testing.QrCodes;
import io.mailconfig.testing.TestTable;
import io.mailconfig.testing.TestTable.Items;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SetupPageTest {

    static final String IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";
    static final String ANDROID = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/131.0.0.0 Mobile Safari/537.36";
    /** A provider with the look of its own: a logo and a light accent colour (so black button text). */
    static final String ACME_LOGO = "https://static.acme.example:8443/brand/logo.svg";

    @RegisterExtension
    static final ExampleHandler example = new ExampleHandler(() -> new TestTable().withExampleProvider().putAll(List.of(
            Items.provider("acme", "Acme & Söhne Mail", "Acme").with("logoUrl", ACME_LOGO).with("accentColor", "#F5C518")
                    .with("documentationUrl", "https://help.acme.example/mail").build(),
            Items.domain("acme", "acme.example").build(),
            Items.server("acme", "imap", "imap", "imap.acme.example", 993, "SSL", 10).build(),
            Items.server("acme", "smtp", "smtp", "smtp.acme.example", 465, "SSL", 10).build())));

    static APIGatewayV2HTTPResponse get(String query, String... headers) {
        APIGatewayV2HTTPEvent event = Events.withQuery("setup", query);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            event.getHeaders().put(headers[i], headers[i + 1]);
        }
        return example.call(event);
    }

    static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        assertThat(from).as("%s in page", start).isNotNegative();
        return text.substring(from + start.length(), text.indexOf(end, from + start.length()));
    }

    /** The first block of the page, for the device in hand. */
    static String start(String html) {
        return between(html, "<section class=\"start\" id=\"start\"", "</section>");
    }

    static String sha256(String text) throws Exception {
        return "sha256-" + Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Every {@code <style>} of the page, in order. */
    static List<String> styles(String html) {
        List<String> styles = new ArrayList<>();
        Matcher style = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL).matcher(html);
        while (style.find()) {
            styles.add(style.group(1));
        }
        return styles;
    }

    @ParameterizedTest
    @Event(value = "events/samples/setup.json", type = APIGatewayV2HTTPEvent.class)
    void theFormIsAPlainGetFormInTheProvidersName(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = example.call(event);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "text/html; charset=utf-8")
                .containsEntry("Content-Language", "en").containsEntry("Vary", "Accept-Language, User-Agent");
        String html = response.getBody();
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<html lang=\"en\">")
                .contains("<title>Set up your email with Example Mail</title>", "<h1>Set up your email with Example Mail</h1>")
                .contains("<form method=\"get\" action=\"/\" id=\"address-form\">")
                .contains("<label for=\"emailaddress\">Email address</label>")
                .contains("id=\"emailaddress\" name=\"emailaddress\"", "maxlength=\"318\"", "maxlength=\"128\"")
                .contains("<a href=\"https://help.example.com/mail\">Help from Example Mail</a>")
                .doesNotContain("<script", "id=\"settings\"", "name=\"lang\"");
    }

    @Test
    void thePolicyForbidsScriptsAndAllowsOnlyThePagesOwnStylesheet() throws Exception {
        APIGatewayV2HTTPResponse response = get("");
        String policy = response.getHeaders().get("Content-Security-Policy");

        assertThat(styles(response.getBody())).singleElement().isEqualTo(Look.STYLE);
        assertThat(policy).isEqualTo("default-src 'none'; style-src '" + sha256(Look.STYLE) + "'; form-action 'self'; "
                + "base-uri 'none'; frame-ancestors 'none'");
        assertThat(response.getHeaders()).containsEntry("Referrer-Policy", "no-referrer")
                .containsEntry("X-Content-Type-Options", "nosniff").containsEntry("Cache-Control", "no-store");
    }

    @Test
    void theProvidersLookIsItsLogoAndAccentColourAndThePolicyAllowsExactlyThat() throws Exception {
        APIGatewayV2HTTPResponse response = get("emailaddress=road.runner%40acme.example");
        String html = response.getBody();
        List<String> styles = styles(html);

        assertThat(styles).containsExactly(Look.STYLE, ":root{--accent:#f5c518;--on-accent:#000}");
        assertThat(response.getHeaders().get("Content-Security-Policy")).isEqualTo("default-src 'none'; style-src '"
                + sha256(styles.get(0)) + "' '" + sha256(styles.get(1)) + "'; img-src https://static.acme.example:8443; "
                + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
        assertThat(html).contains("<img class=\"logo\" src=\"" + ACME_LOGO + "\" alt=\"\"><h1>Set up your email with "
                        + "Acme &amp; Söhne Mail</h1>")
                .contains("<title>Set up your email with Acme &amp; Söhne Mail</title>")
                .contains("<a href=\"https://help.acme.example/mail\">Help from Acme &amp; Söhne Mail</a>");
        assertThat(get("", "host", "autoconfig.acme.example").getBody()).as("the form on the provider's host")
                .contains("<img class=\"logo\" src=\"" + ACME_LOGO + "\"", "--accent:#f5c518");
    }

    @Test
    void theButtonTextIsWhiteOrBlackWhicheverContrastsMore() {
        assertThat(Look.whiteReadsBetter("#0a58ca")).isTrue();
        assertThat(Look.whiteReadsBetter("#1a6b3c")).isTrue();
        assertThat(Look.whiteReadsBetter("#000000")).isTrue();
        assertThat(Look.whiteReadsBetter("#f5c518")).isFalse();
        assertThat(Look.whiteReadsBetter("#ffffff")).isFalse();
        for (int rgb = 0; rgb <= 0xffffff; rgb += 0x010307) {
            String color = String.format("#%06x", rgb);
            double luminance = Look.luminance(color);
            double contrast = Look.whiteReadsBetter(color) ? 1.05 / (luminance + 0.05) : (luminance + 0.05) / 0.05;
            assertThat(contrast).as(color).isGreaterThanOrEqualTo(4.5);
        }
    }

    @ParameterizedTest
    @Event(value = "events/samples/setup-address.json", type = APIGatewayV2HTTPEvent.class)
    void anAddressShowsEveryServerAPersonMayChooseWithTheTermsClientsUse(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = example.call(event);

        assertThat(response.getStatusCode()).isEqualTo(200);
        String html = response.getBody();
        assertThat(html).contains("<p class=\"for\">Settings for <strong>alice@example.com</strong>");
        String settings = between(html, "<section id=\"settings\"", "</section>");
        assertThat(between(settings, "<dl id=\"imap\">", "</dl>")).contains("<dt>Hostname</dt><dd><code>imap.example.com</code></dd>",
                "<dt>Port</dt><dd><code>993</code></dd>", "<dt>Connection security</dt><dd>SSL/TLS</dd>",
                "<dt>Authentication method</dt><dd>Normal password</dd>",
                "<dt>Username</dt><dd><code>alice@example.com</code></dd>");
        assertThat(between(settings, "<dl id=\"imap-backup\">", "</dl>")).contains("imap2.example.com", "<code>143</code>",
                "<dd>STARTTLS</dd>");
        assertThat(settings).contains("<h4>IMAP</h4>", "<h4>IMAP – backup server</h4>", "<h4>POP3</h4>",
                "<h4>SMTP</h4>", "<h4>SMTP – backup server</h4>", "POP3 downloads it to one device");
        assertThat(between(settings, "<dl id=\"pop3\">", "</dl>")).contains("pop.example.com", "<code>995</code>",
                "<dt>Username</dt><dd><code>alice</code></dd>");
        assertThat(between(settings, "<dl id=\"smtp\">", "</dl>")).as("[password-encrypted, password-cleartext]: what every protocol names")
                .contains("smtp.example.com", "<code>465</code>", "<dd>Normal password</dd>");
        assertThat(between(settings, "<dl id=\"smtp-backup\">", "</dl>")).contains("<code>587</code>", "<dd>STARTTLS</dd>");
        assertThat(between(settings, "<dl id=\"caldav\">", "</dl>")).contains("<code>https://dav.example.com/caldav/</code>");
        assertThat(between(settings, "<dl id=\"carddav\">", "</dl>")).contains("<code>https://dav.example.com/carddav/</code>");
        assertThat(html.indexOf("<h4>IMAP</h4>")).isLessThan(html.indexOf("<h4>IMAP – backup server</h4>"));
    }

    @Test
    void everyClientHasStepsInEveryLanguage() {
        for (Language language : Language.values()) {
            String html = get("emailaddress=alice%40example.com&lang=" + language.tag()).getBody();
            for (GuidesHtml.Group group : GuidesHtml.GROUPS) {
                assertThat(html).contains("<section id=\"" + group.id() + "\"");
                for (GuidesHtml.Guide guide : group.guides()) {
                    String steps = between(html, "<h3 id=\"" + guide.anchor() + "\">", "</ol>");
                    assertThat(steps.split("<li>")).as("%s in %s", guide.id(), language).hasSizeGreaterThanOrEqualTo(3);
                }
            }
        }
    }

    @Test
    void anIphoneSeesTheProfileDownloadFirstWithWhereToInstallIt() {
        String html = get("emailaddress=alice%40example.com&name=Alice+Example", "user-agent", IPHONE).getBody();

        assertThat(start(html)).contains("<h2 id=\"start-heading\">On this iPhone or iPad</h2>",
                "<a class=\"button\" id=\"profile-link-top\" href=\"/mobileconfig?emailaddress=alice%40example.com&amp;name=Alice+Example\">",
                "tap <strong>Profile Downloaded</strong> and <strong>Install</strong>");
        assertThat(html.indexOf("id=\"start\"")).isLessThan(html.indexOf("id=\"settings\""));
        assertThat(html).doesNotContain("<svg").contains("id=\"profile-link\"", "<a href=\"#computers\">", "<a href=\"#settings\">");
    }

    @Test
    void anAndroidPhoneSeesTheAppsThatSetThemselvesUpFirst() {
        String html = get("emailaddress=alice%40example.com", "user-agent", ANDROID).getBody();

        String start = start(html);
        assertThat(start).contains("On this Android phone or tablet",
                "<a href=\"#guide-thunderbird-android\">Thunderbird for Android (and K-9 Mail)</a>",
                "<a href=\"#guide-fairemail\">FairEmail</a>", "<a href=\"#guide-gmail\">", "<a href=\"#guide-outlook-mobile\">");
        assertThat(start.indexOf("guide-fairemail")).isLessThan(start.indexOf("guide-gmail"));
        assertThat(html).doesNotContain("<svg");
    }

    @Test
    void aComputerSeesTheQrCodeAndTheClientList() throws Exception {
        String html = get("emailaddress=alice%40example.com&name=Alice+Example").getBody();

        String start = start(html);
        String svg = "<svg" + between(start, "<svg", "</svg>") + "</svg>";
        assertThat(svg).contains("role=\"img\"", "aria-label=\"QR code of the profile download for alice@example.com\"");
        assertThat(QrCodes.decodeSvg(svg))
                .isEqualTo("https://autoconfig.example.com/mobileconfig?emailaddress=alice%40example.com&name=Alice+Example");
        for (GuidesHtml.Guide guide : GuidesHtml.COMPUTERS.guides()) {
            assertThat(start).contains("<a href=\"#" + guide.anchor() + "\">");
        }
        assertThat(start).contains("<a href=\"#guide-mac\">Mail on a Mac</a>");
    }

    @Test
    void theQrCodeDropsALongNameRatherThanGrowAndIsLeftOutForAnAddressTooLongForIt() throws Exception {
        String name = "Zoë Ünal-Müller ".repeat(6).strip();
        String withoutName = get("emailaddress=alice%40example.com&name="
                + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8)).getBody();
        String svg = "<svg" + between(withoutName, "<svg", "</svg>") + "</svg>";

        assertThat(QrCodes.decodeSvg(svg)).isEqualTo("https://autoconfig.example.com/mobileconfig?emailaddress=alice%40example.com");
        assertThat(withoutName).contains("href=\"/mobileconfig?emailaddress=alice%40example.com&amp;name=Zo%C3%AB");

        String local = "a".repeat(64);
        String longAddress = get("emailaddress=" + local + "%40example.com", "host", "autoconfig." + "x".repeat(150) + ".example")
                .getBody();
        assertThat(longAddress).doesNotContain("<svg").contains("This address is too long for a QR code");
    }

    @Test
    void theQrLinkUsesOnlyAWellFormedHost() {
        APIGatewayV2HTTPEvent event = Events.load("setup-address");
        event.getHeaders().put("host", "evil\"host/");
        event.getRequestContext().setDomainName("evil\"host/");

        String html = example.call(event).getBody();

        assertThat(html).contains("id=\"profile-link\"").doesNotContain("<svg");
        Matcher href = Pattern.compile("id=\"profile-link\" href=\"([^\"]*)\"").matcher(html);
        assertThat(href.find()).isTrue();
        assertThat(href.group(1)).startsWith("/mobileconfig?");
    }

    @Test
    void aMailboxOfItsOwnShowsItsLoginName() {
        try (TestTable users = new TestTable().withExampleProvider()) {
            users.put(Items.user("example", "carol@example.com").with("loginName", "c.smith").with("displayName", "Carol").build());
            APIGatewayV2HTTPEvent event = Events.withQuery("setup", "emailaddress=carol%40example.com");

            String html = new MailconfigHandler(users.store(), Optional.empty(), Request.HTTPS).handleRequest(event, null).getBody();

            assertThat(between(html, "<dl id=\"imap\">", "</dl>")).contains("<code>c.smith</code>");
            assertThat(between(html, "<dl id=\"pop3\">", "</dl>")).contains("<code>c.smith</code>");
            assertThat(html).contains("href=\"/mobileconfig?emailaddress=carol%40example.com&amp;name=Carol\"");
        }
    }

    @Test
    void aBadAddressIsExplainedAndShownEscapedInThePage() {
        APIGatewayV2HTTPResponse response = get("emailaddress=%3Cscript%3Ealert(1)%3C%2Fscript%3E&name=%22%3E%3Cb%3E");

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getHeaders()).containsKey("Content-Security-Policy");
        String html = response.getBody();
        assertThat(html).contains("<p class=\"error\" role=\"alert\" id=\"error\">This is not an email address: it has no @.</p>")
                .contains("value=\"&lt;script&gt;alert(1)&lt;/script&gt;\"", "value=\"&quot;&gt;&lt;b&gt;\"")
                .doesNotContain("<script", "<b>");
        assertThat(get("emailaddress=a%40%40example.com").getBody()).contains("it has more than one @");
        assertThat(get("emailaddress=%40example.com").getBody()).contains("nothing comes before the @");
        assertThat(get("emailaddress=a%40example").getBody()).contains("the part after the @ is not a domain name");
        assertThat(get("emailaddress=a+b%40example.com").getBody()).contains("the part before the @ holds characters");
    }

    @Test
    void errorsSpeakThePersonsLanguage() {
        APIGatewayV2HTTPResponse german = get("emailaddress=alice.example.com", "accept-language", "de-AT,de;q=0.9,en;q=0.5");

        assertThat(german.getStatusCode()).isEqualTo(400);
        assertThat(german.getBody()).contains("<html lang=\"de\">", "Das ist keine E-Mail-Adresse: Es fehlt das @.");
        assertThat(get("emailaddress=bob%40nowhere.example&lang=es").getBody())
                .contains("Aquí no hay ajustes para nowhere.example.");
    }

    @Test
    void anUnknownDomainIsNotFoundWithAHint() {
        APIGatewayV2HTTPResponse response = get("emailaddress=bob%40nowhere.example");

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(response.getBody()).contains("There are no settings for nowhere.example here.")
                .doesNotContain("id=\"settings\"");
    }

    @Test
    void aStoreThatCannotAnswerGives503WithRetryAfterInThePage() {
        MailconfigHandler failing = new MailconfigHandler(Events.unavailableStore(), Optional.empty(), Request.HTTPS);

        APIGatewayV2HTTPResponse response = failing.handleRequest(Events.load("setup-address"), null);

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(response.getHeaders()).containsEntry("Retry-After", "30").containsKey("Content-Security-Policy");
        assertThat(response.getBody()).contains("The settings cannot be read right now.");
    }

    @Test
    void theLanguageComesFromTheBrowserAndThePersonsChoiceWins() {
        assertThat(get("emailaddress=alice%40example.com", "accept-language", "fr-CH, fr;q=0.9, en;q=0.8").getBody())
                .contains("<html lang=\"fr\">", "<title>Configurer votre messagerie Example Mail</title>",
                        "<strong aria-current=\"page\">Français</strong>");
        assertThat(get("", "accept-language", "ja, es;q=0.3, de;q=0.2").getBody()).contains("<html lang=\"es\">");
        assertThat(get("", "accept-language", "ja, zh;q=0.9").getBody()).contains("<html lang=\"en\">");

        APIGatewayV2HTTPResponse chosen = get("emailaddress=alice%40example.com&name=Al+%26+Co&lang=de", "accept-language", "fr");
        String html = chosen.getBody();
        assertThat(chosen.getHeaders()).containsEntry("Content-Language", "de");
        assertThat(html).contains("<html lang=\"de\">", "<h2 id=\"settings-heading\">Alle Einstellungen</h2>",
                "<dt>Verbindungssicherheit</dt>", "<dd>Passwort, normal</dd>", "<input type=\"hidden\" name=\"lang\" value=\"de\">")
                .contains("<li lang=\"en\"><a hreflang=\"en\" href=\"/?emailaddress=alice%40example.com&amp;name=Al+%26+Co&amp;lang=en\">English</a></li>");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void everythingReflectedIsEscapedInEveryLanguage(Language language) {
        try (TestTable hostile = new TestTable()) {
            hostile.put(Items.provider("evil", "<script>alert(1)</script>", "E")
                            .with("logoUrl", "https://evil.example/x.png?a=\"><script>").build())
                    .put(Items.domain("evil", "evil.example").build())
                    .put(Items.server("evil", "imap", "imap", "imap.evil.example", 993, "SSL", 1)
                            .with("username", "\"><img src=x onerror=alert(1)>").build())
                    .put(Items.server("evil", "smtp", "smtp", "smtp.evil.example", 465, "SSL", 1).build());
            MailconfigHandler handler = new MailconfigHandler(hostile.store(), Optional.empty(), Request.HTTPS);
            for (String query : List.of("emailaddress=eve%40evil.example&name=%3C%2Ftitle%3E%3Cscript%3E%22",
                    "emailaddress=%3Cscript%3E%22%27%40evil.example", "emailaddress=eve%40%3Cscript%3E.example",
                    "emailaddress=%22%3E%3Cscript%3E&name=%3Cscript%3E")) {
                APIGatewayV2HTTPEvent event = Events.withQuery("setup", query + "&lang=" + language.tag());
                event.getHeaders().put("host", "autoconfig.evil.example");

                APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

                assertThat(response.getStatusCode()).as(query).isIn(200, 400, 404);
                assertThat(response.getBody()).as(query).contains("<html lang=\"" + language.tag() + "\">",
                                "&lt;script&gt;alert(1)&lt;/script&gt;")
                        .doesNotContain("<script", "<img src=x", "</title><", "\"'@");
            }
        }
    }

    @Test
    void hostileLongInputsGetABoundedAnswerAndNeverA500() {
        String huge = "%F0%9D%94%98".repeat(900);
        Map<String, String> queries = Map.of(
                "a long local part and name", "emailaddress=" + "%C3%BC".repeat(64) + "%40example.com&name=" + huge,
                "an address over any limit", "emailaddress=" + "a".repeat(2000) + "%40example.com&name=" + huge,
                "markup to escape", "emailaddress=" + "%26%22".repeat(900) + "&name=" + "%26%22%3C".repeat(600),
                "a local part too long", "emailaddress=" + "b".repeat(65) + "%40example.com");
        queries.forEach((what, query) -> {
            for (String agent : List.of(IPHONE, ANDROID, "curl/8")) {
                APIGatewayV2HTTPResponse response = get(query, "user-agent", agent, "accept-language", "fr");

                // 414: the router refuses a query over its limit before the page is asked.
                assertThat(response.getStatusCode()).as(what).isIn(200, 400, 414);
                assertThat(response.getBody().getBytes(StandardCharsets.UTF_8).length).as(what).isLessThan(48 * 1024);
                Matcher box = Pattern.compile("viewBox=\"0 0 (\\d+) ").matcher(response.getBody());
                if (box.find()) {
                    assertThat(Integer.parseInt(box.group(1))).as(what).isLessThanOrEqualTo(4 * QrSvg.MAX_VERSION + 17 + 8);
                }
            }
        });
        assertThat(get("emailaddress=" + "a".repeat(2000) + "%40example.com").getBody())
                .contains("This is too long to be an email address.", "value=\"" + "a".repeat(318) + "\"");
    }
}
