package io.mailconfig.protocol.autoconfig;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import io.mailconfig.http.Request;
import io.mailconfig.lambda.MailconfigHandler;
import io.mailconfig.testing.Events;
import io.mailconfig.testing.ExampleHandler;
import io.mailconfig.testing.TestTable;
import io.mailconfig.testing.TestTable.Items;
import io.mailconfig.testing.Xml;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MozillaAutoconfigTest {

    @RegisterExtension
    static final ExampleHandler example = new ExampleHandler();

    private static APIGatewayV2HTTPResponse call(APIGatewayV2HTTPEvent event) {
        return example.call(event);
    }

    private static APIGatewayV2HTTPEvent event(String name) {
        return Events.load(name);
    }

    private static APIGatewayV2HTTPEvent withQuery(String query) {
        return Events.withQuery("autoconfig", query);
    }

    @ParameterizedTest
    @Event(value = "events/samples/autoconfig.json", type = APIGatewayV2HTTPEvent.class)
    void answersThunderbirdWithTheProviderForTheDomainAskedAbout(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = call(event);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/xml; charset=utf-8");
        assertThat(response.getHeaders().get("Cache-Control")).contains("max-age=");
        Xml xml = Xml.parse(response.getBody());
        assertThat(xml.text("/clientConfig/@version")).isEqualTo("1.1");
        assertThat(xml.text("/clientConfig/emailProvider/@id")).isEqualTo("example.com");
        assertThat(xml.texts("//emailProvider/domain")).as("the provider's other domains are not listed").containsExactly("example.com");
        assertThat(xml.text("//emailProvider/displayName")).isEqualTo("Example Mail");
        assertThat(xml.text("//emailProvider/displayShortName")).isEqualTo("Example");
        assertThat(xml.text("//emailProvider/documentation/@url")).isEqualTo("https://help.example.com/mail");
        assertThat(xml.text("//addressBook[@type='carddav']/serverURL")).isEqualTo("https://dav.example.com/carddav/");
        assertThat(xml.text("//calendar[@type='caldav']/serverURL")).isEqualTo("https://dav.example.com/caldav/");
    }

    @Test
    void listsServersInPriorityOrderWithEveryAuthenticationMethodAndTheDomainWrittenIntoTheTemplates() {
        Xml xml = Xml.parse(call(event("autoconfig")).getBody());

        assertThat(xml.texts("//incomingServer/hostname"))
                .containsExactly("imap.example.com", "imap2.example.com", "pop.example.com");
        assertThat(xml.texts("//incomingServer/@type")).containsExactly("imap", "imap", "pop3");
        assertThat(xml.texts("//incomingServer/port")).containsExactly("993", "143", "995");
        assertThat(xml.texts("//incomingServer/socketType")).containsExactly("SSL", "STARTTLS", "SSL");
        assertThat(xml.texts("//incomingServer/username"))
                .containsExactly("%EMAILLOCALPART%@example.com", "%EMAILLOCALPART%@example.com", "%EMAILLOCALPART%");
        assertThat(xml.texts("//outgoingServer/port")).containsExactly("465", "587");
        assertThat(xml.texts("//outgoingServer[1]/authentication"))
                .as("the method every protocol names comes first, then the server's others")
                .containsExactly("password-cleartext", "password-encrypted");
        assertThat(xml.texts("//socketType")).doesNotContain("plain");
    }

    @ParameterizedTest
    @Event(value = "events/samples/autoconfig-well-known.json", type = APIGatewayV2HTTPEvent.class)
    void answersOnTheWellKnownPath(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = call(event);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(Xml.parse(response.getBody()).text("//emailProvider/@id")).isEqualTo("example.com");
    }

    @ParameterizedTest
    @Event(value = "events/samples/autoconfig-no-address.json", type = APIGatewayV2HTTPEvent.class)
    void withoutAnAddressAnswersForTheDomainInTheHostHeader(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = call(event);

        assertThat(response.getStatusCode()).isEqualTo(200);
        Xml xml = Xml.parse(response.getBody());
        assertThat(xml.text("//emailProvider/@id")).isEqualTo("example.net");
        // The shared host also answers for customers' domains: only the client knows which one.
        assertThat(xml.texts("//incomingServer/username")).containsExactly("%EMAILADDRESS%", "%EMAILADDRESS%", "%EMAILLOCALPART%");
    }

    @Test
    void withoutAnAddressOrAUsableHostItIsABadRequest() {
        APIGatewayV2HTTPEvent event = event("autoconfig-no-address");
        event.getHeaders().put("host", "localhost");
        event.getRequestContext().setDomainName("localhost");

        APIGatewayV2HTTPResponse response = call(event);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getBody()).isEqualTo("missing emailaddress parameter\n");
    }

    @ParameterizedTest
    @Event(value = "events/autoconfig-upper-case-domain.json", type = APIGatewayV2HTTPEvent.class)
    void matchesTheDomainWhateverItsLetterCase(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = call(event);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(Xml.parse(response.getBody()).text("//emailProvider/@id")).isEqualTo("example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"emailaddress=anna%40b%C3%BCcher.example", "emailaddress=anna%40xn--bcher-kva.example",
            "emailaddress=anna%40B%C3%9CCHER.example"})
    void matchesAnInternationalisedDomainInUnicodeAndPunycode(String query) {
        APIGatewayV2HTTPResponse response = call(withQuery(query));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(Xml.parse(response.getBody()).text("//emailProvider/@id")).isEqualTo("xn--bcher-kva.example");
    }

    @ParameterizedTest
    @Event(value = "events/autoconfig-unknown-domain.json", type = APIGatewayV2HTTPEvent.class)
    void unknownDomainIsNotFound(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = call(event);

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(response.getHeaders().get("Content-Type")).startsWith("text/plain");
        assertThat(response.getBody()).isEqualTo("no configuration for this domain\n");
    }

    @ParameterizedTest
    @Event(value = "events/autoconfig-malformed-address.json", type = APIGatewayV2HTTPEvent.class)
    void twoAtSignsIsABadRequest(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = call(event);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getBody()).isEqualTo("email address has more than one @\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"emailaddress=", "emailaddress=alice", "emailaddress=%40example.com",
            "emailaddress=alice%40exa_mple.com", "emailaddress=alice%40-example.com", "emailaddress=alice%40example",
            "emailaddress=alice%40192.0.2.1", "emailaddress=%3Cscript%3E%40example.com"})
    void malformedAddressesAreBadRequestsWithOneLineReasons(String query) {
        APIGatewayV2HTTPResponse response = call(withQuery(query));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getBody()).endsWith("\n").doesNotContain("<", "Exception", "at io.");
        assertThat(response.getBody().strip()).doesNotContain("\n");
    }

    @ParameterizedTest
    @Event(value = "events/autoconfig-post.json", type = APIGatewayV2HTTPEvent.class)
    void otherMethodsAreNotAllowed(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = call(event);

        assertThat(response.getStatusCode()).isEqualTo(405);
        assertThat(response.getHeaders()).containsEntry("Allow", "GET, HEAD");
    }

    @ParameterizedTest
    @Event(value = "events/unknown-path.json", type = APIGatewayV2HTTPEvent.class)
    void unknownPathIsNotFound(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = call(event);

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(response.getBody()).isEqualTo("not found\n");
    }

    @Test
    void hostileConsoleEditsComeOutEscapedAndTheDocumentStaysWellFormed() {
        try (TestTable hostile = new TestTable()) {
            hostile.put(Items.provider("evil", "Fish & Chips <Mail> \"Best\" 'Ever'\u0007", "F&C</displayShortName><x>").build())
                    .put(Items.domain("evil", "evil.example").build())
                    .put(Items.server("evil", "imap", "imap", "imap.evil.example", 993, "SSL", 1)
                            .with("username", "%EMAILLOCALPART%</username><password>x</password>").build())
                    .put(Items.server("evil", "smtp", "smtp", "smtp.evil.example", 465, "SSL", 1).build());
            MailconfigHandler evil = new MailconfigHandler(hostile.store(), Optional.empty(), Request.HTTPS);
            APIGatewayV2HTTPEvent event = withQuery("emailaddress=eve%40evil.example");

            APIGatewayV2HTTPResponse response = evil.handleRequest(event, null);

            assertThat(response.getStatusCode()).isEqualTo(200);
            assertThat(response.getBody()).contains("Fish &amp; Chips &lt;Mail&gt;").doesNotContain("<x>", "<password>");
            Xml xml = Xml.parse(response.getBody());
            assertThat(xml.text("//displayName")).isEqualTo("Fish & Chips <Mail> \"Best\" 'Ever'");
            assertThat(xml.text("//displayShortName")).isEqualTo("F&C</displayShortName><x>");
            assertThat(xml.text("//incomingServer/username")).isEqualTo("%EMAILLOCALPART%</username><password>x</password>");
            assertThat(xml.count("//password")).isZero();
        }
    }

    @Test
    void aMailboxWithItsOwnLoginNameGetsItInsteadOfTheTemplate() {
        try (TestTable users = new TestTable().withExampleProvider()) {
            users.put(Items.user("example", "carol@example.com").with("loginName", "c.smith").build());
            MailconfigHandler withUsers = new MailconfigHandler(users.store(), Optional.empty(), Request.HTTPS);

            Xml own = Xml.parse(withUsers.handleRequest(withQuery("emailaddress=Carol%40example.com"), null).getBody());
            Xml other = Xml.parse(withUsers.handleRequest(withQuery("emailaddress=dave%40example.com"), null).getBody());

            assertThat(own.texts("//incomingServer/username")).containsOnly("c.smith");
            assertThat(other.texts("//incomingServer/username")).contains("%EMAILLOCALPART%@example.com");
        }
    }

    @Test
    void aStoreThatCannotAnswerGives503WithRetryAfter() {
        MailconfigHandler failing = new MailconfigHandler(domain -> {
            throw new io.mailconfig.store.StoreUnavailableException("DynamoDB unreachable", null);
        }, Optional.empty(), Request.HTTPS);

        APIGatewayV2HTTPResponse response = failing.handleRequest(event("autoconfig"), null);

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(response.getHeaders()).containsEntry("Retry-After", "30");
        assertThat(response.getBody()).isEqualTo("configuration temporarily unavailable\n");
    }
}
