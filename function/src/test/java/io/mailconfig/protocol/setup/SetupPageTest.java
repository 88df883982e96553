package io.mailconfig.protocol.setup;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import io.mailconfig.lambda.MailconfigHandler;
import io.mailconfig.testing.Events;
import io.mailconfig.testing.QrCodes;
import io.mailconfig.testing.ExampleHandler;
import io.mailconfig.testing.TestTable;
import io.mailconfig.testing.TestTable.Items;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;

class SetupPageTest {

    @RegisterExtension
    static final ExampleHandler example = new ExampleHandler();

    private static APIGatewayV2HTTPEvent event(String name) {
        return Events.load(name);
    }

    private static APIGatewayV2HTTPResponse get(String query) {
        return example.call(Events.withQuery("setup", query));
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        assertThat(from).as("%s in page", start).isNotNegative();
        return text.substring(from + start.length(), text.indexOf(end, from + start.length()));
    }

    @ParameterizedTest
    @Event(value = "events/samples/setup.json", type = APIGatewayV2HTTPEvent.class)
    void theFormIsAPlainGetFormInTheProvidersName(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = example.call(event);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "text/html; charset=utf-8");
        String html = response.getBody();
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<html lang=\"en\">")
                .contains("<title>Set up your Example Mail mail</title>")
                .contains("<form method=\"get\" action=\"/\">")
                .contains("<label for=\"emailaddress\">Email address</label>")
                .contains("id=\"emailaddress\" name=\"emailaddress\"")
                .doesNotContain("<script", "id=\"settings\"");
    }

    @Test
    void thePolicyForbidsScriptsAndAllowsOnlyThePagesOwnStylesheet() throws Exception {
        APIGatewayV2HTTPResponse response = get("");
        String policy = response.getHeaders().get("Content-Security-Policy");
        String style = between(response.getBody(), "<style>", "</style>");
        String hash = Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(style.getBytes(StandardCharsets.UTF_8)));

        assertThat(policy).startsWith("default-src 'none';").contains("style-src 'sha256-" + hash + "'")
                .contains("form-action 'self'", "frame-ancestors 'none'", "base-uri 'none'")
                .doesNotContain("unsafe", "script-src", "img-src");
        assertThat(response.getHeaders()).containsEntry("Referrer-Policy", "no-referrer")
                .containsEntry("X-Content-Type-Options", "nosniff");
    }

    @ParameterizedTest
    @Event(value = "events/samples/setup-address.json", type = APIGatewayV2HTTPEvent.class)
    void anAddressShowsTheSettingsTheProfileLinkAndHints(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = example.call(event);

        assertThat(response.getStatusCode()).isEqualTo(200);
        String html = response.getBody();
        String incoming = between(html, "<dl id=\"incoming\">", "</dl>");
        String outgoing = between(html, "<dl id=\"outgoing\">", "</dl>");
        assertThat(incoming).contains("<dd>imap.example.com</dd>", "<dd>993</dd>", "<dd>SSL/TLS</dd>",
                "<dd>alice@example.com</dd>", "<dd>Normal password</dd>");
        assertThat(outgoing).contains("<dd>smtp.example.com</dd>", "<dd>465</dd>", "<dd>SSL/TLS</dd>");
        assertThat(between(html, "<dl id=\"caldav\">", "</dl>")).contains("https://dav.example.com/caldav/");
        assertThat(between(html, "<dl id=\"carddav\">", "</dl>")).contains("https://dav.example.com/carddav/");
        assertThat(html).contains("href=\"/mobileconfig?emailaddress=alice%40example.com&amp;name=Alice+Example\"")
                .contains("<h3>Thunderbird</h3>", "<h3>Outlook</h3>")
                .contains("value=\"alice@example.com\"", "value=\"Alice Example\"");
    }

    @Test
    void theQrCodeOpensTheProfileOnTheSameHost() throws Exception {
        String html = get("emailaddress=alice%40example.com").getBody();

        String svg = "<svg" + between(html, "<svg", "</svg>") + "</svg>";
        assertThat(svg).contains("role=\"img\"", "aria-label=\"QR code of the profile link for alice@example.com\"");
        assertThat(QrCodes.decodeSvg(svg)).isEqualTo("https://autoconfig.example.com/mobileconfig?emailaddress=alice%40example.com");
        assertThat(html).contains("@media (max-width:48rem),(pointer:coarse){.qr-block{display:none}}");
    }

    @Test
    void aMailboxOfItsOwnShowsItsLoginName() {
        try (TestTable users = new TestTable().withExampleProvider()) {
            users.put(Items.user("example", "carol@example.com").with("loginName", "c.smith").with("displayName", "Carol").build());
            APIGatewayV2HTTPEvent event = Events.withQuery("setup", "emailaddress=carol%40example.com");

            String html = new MailconfigHandler(users.store(), Optional.empty()).handleRequest(event, null).getBody();

            assertThat(between(html, "<dl id=\"incoming\">", "</dl>")).contains("<dd>c.smith</dd>");
            assertThat(html).contains("href=\"/mobileconfig?emailaddress=carol%40example.com&amp;name=Carol\"");
        }
    }

    @Test
    void aBadAddressIsShownEscapedInThePage() {
        APIGatewayV2HTTPResponse response = get("emailaddress=%3Cscript%3Ealert(1)%3C%2Fscript%3E&name=%22%3E%3Cb%3E");

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getHeaders()).containsKey("Content-Security-Policy");
        String html = response.getBody();
        assertThat(html).contains("role=\"alert\"", "This is not an email address: email address has no @.")
                .contains("value=\"&lt;script&gt;alert(1)&lt;/script&gt;\"", "value=\"&quot;&gt;&lt;b&gt;\"")
                .doesNotContain("<script", "<b>");
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
        MailconfigHandler failing = new MailconfigHandler(Events.unavailableStore(), Optional.empty());

        APIGatewayV2HTTPResponse response = failing.handleRequest(event("setup-address"), null);

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(response.getHeaders()).containsEntry("Retry-After", "30").containsKey("Content-Security-Policy");
        assertThat(response.getBody()).contains("The settings cannot be read right now.");
    }

    @Test
    void hostileTableValuesAreEscaped() {
        try (TestTable hostile = new TestTable()) {
            hostile.put(Items.provider("evil", "<script>alert(1)</script>", "E").build())
                    .put(Items.domain("evil", "evil.example").build())
                    .put(Items.server("evil", "imap", "imap", "imap.evil.example", 993, "SSL", 1)
                            .with("username", "\"><img src=x onerror=alert(1)>").build())
                    .put(Items.server("evil", "smtp", "smtp", "smtp.evil.example", 465, "SSL", 1).build());
            APIGatewayV2HTTPEvent event = Events.withQuery("setup", "emailaddress=eve%40evil.example");

            String html = new MailconfigHandler(hostile.store(), Optional.empty()).handleRequest(event, null).getBody();

            assertThat(html).doesNotContain("<script", "<img").contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                    .contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
        }
    }

    @Test
    void theQrLinkUsesOnlyAWellFormedHost() {
        APIGatewayV2HTTPEvent event = event("setup-address");
        event.getHeaders().put("host", "evil\"host/");
        event.getRequestContext().setDomainName("evil\"host/");

        String html = example.call(event).getBody();

        assertThat(html).contains("id=\"profile-link\"").doesNotContain("<svg");
        Matcher href = Pattern.compile("href=\"([^\"]*)\"").matcher(html);
        assertThat(href.find()).isTrue();
        assertThat(href.group(1)).startsWith("/mobileconfig?");
    }
}
