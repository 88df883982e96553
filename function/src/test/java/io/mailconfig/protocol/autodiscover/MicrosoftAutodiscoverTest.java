package io.mailconfig.protocol.autodiscover;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.sun.net.httpserver.HttpServer;
import io.mailconfig.http.Request;
import io.mailconfig.lambda.MailconfigHandler;
import io.mailconfig.store.StoreUnavailableException;
import io.mailconfig.testing.ExampleHandler;
import io.mailconfig.testing.TestTable;
import io.mailconfig.testing.TestTable.Items;
import io.mailconfig.testing.Xml;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MicrosoftAutodiscoverTest {

    static final String OUTLOOK_SCHEMA = "http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a";
    static final String MOBILESYNC_SCHEMA = "http://schemas.microsoft.com/exchange/autodiscover/mobilesync/responseschema/2006";

    private static final String DTD_REFUSED = "a DTD or entity is not allowed in an Autodiscover request";

    @RegisterExtension
    static final ExampleHandler example = new ExampleHandler(MicrosoftAutodiscoverTest::exampleTable);

    /**
     * The example provider plus what Autodiscover needs: an alias of example.com, a domain with
     * ActiveSync, an alias of that one, and one mailbox with its own login and display name.
     */
    static TestTable exampleTable() {
        return new TestTable().withExampleProvider().putAll(List.of(
                Items.domain("example", "alias.example").with("aliasOf", "example.com").build(),
                Items.domain("example", "sync.example")
                        .with("activeSyncUrl", "https://eas.example.com/Microsoft-Server-ActiveSync").build(),
                Items.domain("example", "sync-alias.example").with("aliasOf", "sync.example").build(),
                Items.user("example", "carol@example.com").with("loginName", "c.smith")
                        .with("displayName", "Carol <Smith> & Co").build()));
    }

    private static APIGatewayV2HTTPResponse call(APIGatewayV2HTTPEvent event) {
        return example.call(event);
    }

    static APIGatewayV2HTTPEvent event(String name) {
        return io.mailconfig.testing.Events.load(name);
    }

    /** The real Outlook request, for another address. */
    private static APIGatewayV2HTTPEvent outlookAsking(String address) {
        APIGatewayV2HTTPEvent event = event("autodiscover-outlook");
        event.setBody(event.getBody().replace("alice@example.com", address));
        return event;
    }

    private static APIGatewayV2HTTPEvent mobileSyncAsking(String address) {
        APIGatewayV2HTTPEvent event = event("autodiscover-mobilesync");
        event.setBody(event.getBody().replace("alice@example.com", address));
        return event;
    }

    /** The default namespace an element declares (the test parser reads XML without namespaces). */
    static String namespaceOf(String body, String element) {
        Matcher matcher = Pattern.compile("<" + element + " xmlns=\"([^\"]*)\"").matcher(body);
        return matcher.find() ? matcher.group(1) : "";
    }

    private static void assertError(APIGatewayV2HTTPResponse response, int status, String errorCode) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders().get("Content-Type")).isEqualTo("text/xml; charset=utf-8");
        Xml xml = Xml.parse(response.getBody());
        assertThat(namespaceOf(response.getBody(), "Autodiscover")).isEqualTo("http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006");
        assertThat(xml.text("/Autodiscover/Response/Error/ErrorCode")).isEqualTo(errorCode);
        assertThat(xml.text("/Autodiscover/Response/Error/@Time")).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{7}");
        assertThat(xml.text("/Autodiscover/Response/Error/@Id")).matches("\\d+");
        assertThat(xml.text("/Autodiscover/Response/Error/Message")).isNotBlank();
        assertThat(xml.count("/Autodiscover/Response/Error/DebugData")).isEqualTo(1);
        assertThat(response.getBody()).doesNotContain("<html", "Exception", "at io.");
    }

    /** The Protocol entries of mail servers, and those of DAV servers. */
    private static final String MAIL = "//Protocol[Type='IMAP' or Type='POP3' or Type='SMTP']";
    private static final String DAV = "//Protocol[Type='CalDAV' or Type='CardDAV']";

    @ParameterizedTest
    @Event(value = "events/samples/autodiscover-outlook.json", type = APIGatewayV2HTTPEvent.class)
    void answersOutlooksRequestWithEveryServerInPriorityOrder(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = call(event);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "text/xml; charset=utf-8");
        Xml xml = Xml.parse(response.getBody());
        assertThat(namespaceOf(response.getBody(), "Autodiscover")).isEqualTo("http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006");
        assertThat(namespaceOf(response.getBody(), "Response")).isEqualTo(OUTLOOK_SCHEMA);
        assertThat(xml.text("//User/AutoDiscoverSMTPAddress")).isEqualTo("alice@example.com");
        assertThat(xml.count("//User/DisplayName")).isZero();
        assertThat(xml.text("//Account/AccountType")).isEqualTo("email");
        assertThat(xml.text("//Account/Action")).isEqualTo("settings");
        assertThat(xml.texts(MAIL + "/Type")).containsExactly("IMAP", "IMAP", "POP3", "SMTP", "SMTP");
        assertThat(xml.texts(MAIL + "/Server"))
                .containsExactly("imap.example.com", "imap2.example.com", "pop.example.com", "smtp.example.com", "smtp.example.com");
        assertThat(xml.texts(MAIL + "/Port")).containsExactly("993", "143", "995", "465", "587");
        assertThat(xml.texts(MAIL + "/Encryption")).containsExactly("SSL", "TLS", "SSL", "SSL", "TLS");
        assertThat(xml.texts(MAIL + "/SSL")).containsOnly("on");
        assertThat(xml.texts(MAIL + "/LoginName"))
                .containsExactly("alice@example.com", "alice@example.com", "alice", "alice@example.com", "alice@example.com");
        assertThat(xml.texts(MAIL + "/SPA")).hasSize(5).containsOnly("off");
        assertThat(xml.texts(MAIL + "/DomainRequired")).hasSize(5).containsOnly("off");
        assertThat(xml.texts(MAIL + "/AuthRequired")).hasSize(5).containsOnly("on");
        assertThat(xml.texts(MAIL + "/TTL")).hasSize(5).containsOnly("1");
        assertThat(xml.texts("//Protocol/Type")).endsWith("CalDAV", "CardDAV");
    }

    @ParameterizedTest
    @Event(value = "events/samples/autodiscover-outlook.json", type = APIGatewayV2HTTPEvent.class)
    void answersTheCalendarAndAddressBookAsAutomx2AndEmClientHaveThem(APIGatewayV2HTTPEvent event) {
        Xml xml = Xml.parse(call(event).getBody());

        assertThat(xml.texts(DAV + "/Type")).containsExactly("CalDAV", "CardDAV");
        assertThat(xml.texts(DAV + "/Server")).containsExactly("https://dav.example.com/caldav/", "https://dav.example.com/carddav/");
        assertThat(xml.texts(DAV + "/Port")).containsExactly("443", "443");
        assertThat(xml.texts(DAV + "/SSL")).containsExactly("on", "on");
        assertThat(xml.texts(DAV + "/DomainRequired")).containsExactly("off", "off");
        assertThat(xml.texts(DAV + "/LoginName")).containsExactly("alice@example.com", "alice@example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/autodiscover/autodiscover.xml", "/Autodiscover/Autodiscover.xml",
            "/AutoDiscover/AutoDiscover.xml", "/AUTODISCOVER/AUTODISCOVER.XML", "/autodiscover/Autodiscover.xml"})
    void answersThePathInAnyLetterCase(String path) {
        APIGatewayV2HTTPEvent event = event("autodiscover-outlook");
        event.setRawPath(path);

        APIGatewayV2HTTPResponse response = call(event);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(Xml.parse(response.getBody()).text("//Account/Action")).isEqualTo("settings");
    }

    @ParameterizedTest
    @Event(value = "events/samples/autodiscover-thunderbird.json", type = APIGatewayV2HTTPEvent.class)
    void answersThunderbirdsIndentedRequestOnTheDomainItself(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = call(event);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(Xml.parse(response.getBody()).count(MAIL)).isEqualTo(5);
    }

    @Test
    void readsABase64BodyAsTheLocalServerAndApiGatewaySendIt() {
        APIGatewayV2HTTPEvent event = event("autodiscover-outlook");
        event.setBody(Base64.getEncoder().encodeToString(event.getBody().getBytes(StandardCharsets.UTF_8)));
        event.setIsBase64Encoded(true);

        assertThat(call(event).getStatusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/xml", "text/xml; charset=utf-8", "text/xml;charset=UTF-8", "application/xml",
            "application/xml; charset=\"utf-8\"", "Text/XML; Charset=us-ascii", "text/xml; charset=no-such-charset"})
    void acceptsXmlContentTypesWithAnyCharset(String contentType) {
        APIGatewayV2HTTPEvent event = event("autodiscover-outlook");
        event.getHeaders().put("content-type", contentType);

        assertThat(call(event).getStatusCode()).isEqualTo(200);
    }

    @Test
    void readsAUtf16BodyItsContentTypeAnnounces() {
        APIGatewayV2HTTPEvent event = event("autodiscover-outlook");
        String body = event.getBody().replace("encoding=\"utf-8\"", "encoding=\"utf-16\"");
        event.setBody(Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_16)));
        event.setIsBase64Encoded(true);
        event.getHeaders().put("content-type", "text/xml; charset=utf-16");

        APIGatewayV2HTTPResponse response = call(event);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(Xml.parse(response.getBody()).text("//AutoDiscoverSMTPAddress")).isEqualTo("alice@example.com");
    }

    @ParameterizedTest
    @Event(value = "events/samples/autodiscover-get.json", type = APIGatewayV2HTTPEvent.class)
    void aGetTakesTheAddressFromTheQuery(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = call(event);

        assertThat(response.getStatusCode()).isEqualTo(200);
        Xml xml = Xml.parse(response.getBody());
        assertThat(xml.text("//AutoDiscoverSMTPAddress")).isEqualTo("alice@example.com");
        assertThat(xml.count(MAIL)).isEqualTo(5);
    }

    @ParameterizedTest
    @Event(value = "events/autodiscover-get-no-address.json", type = APIGatewayV2HTTPEvent.class)
    void aGetWithoutAnAddressIsAnInvalidRequest(APIGatewayV2HTTPEvent event) {
        assertError(call(event), 400, "600");
    }

    @Test
    void aGetWithARequestBodyIsReadLikeAPost() {
        APIGatewayV2HTTPEvent event = outlookAsking("bob@example.net");
        event.getRequestContext().getHttp().setMethod("GET");

        APIGatewayV2HTTPResponse response = call(event);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(Xml.parse(response.getBody()).text("//AutoDiscoverSMTPAddress")).isEqualTo("bob@example.net");
    }

    @Test
    void headAnswersLikeGetWithoutABody() {
        APIGatewayV2HTTPEvent event = event("autodiscover-get");
        event.getRequestContext().getHttp().setMethod("HEAD");

        APIGatewayV2HTTPResponse response = call(event);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).isEmpty();
    }

    @Test
    void otherMethodsAreNotAllowed() {
        APIGatewayV2HTTPEvent event = event("autodiscover-outlook");
        event.getRequestContext().getHttp().setMethod("PUT");

        APIGatewayV2HTTPResponse response = call(event);

        assertThat(response.getStatusCode()).isEqualTo(405);
        assertThat(response.getHeaders()).containsEntry("Allow", "GET, HEAD, POST");
    }

    @Test
    void anAliasDomainRedirectsToTheAddressInTheDomainItStandsFor() {
        APIGatewayV2HTTPResponse response = call(outlookAsking("Bob.Jones@Alias.Example"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        Xml xml = Xml.parse(response.getBody());
        assertThat(xml.text("//Account/AccountType")).isEqualTo("email");
        assertThat(xml.text("//Account/Action")).isEqualTo("redirectAddr");
        assertThat(xml.text("//Account/RedirectAddr")).isEqualTo("Bob.Jones@example.com");
        assertThat(xml.count("//Protocol")).isZero();
    }

    @Test
    void mobileSyncAnswersTheActiveSyncServerWhenTheDomainHasOne() {
        APIGatewayV2HTTPResponse response = call(mobileSyncAsking("dave@sync.example"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        Xml xml = Xml.parse(response.getBody());
        assertThat(namespaceOf(response.getBody(), "Response")).isEqualTo(MOBILESYNC_SCHEMA);
        assertThat(xml.text("//User/EMailAddress")).isEqualTo("dave@sync.example");
        assertThat(xml.text("//Action/Settings/Server/Type")).isEqualTo("MobileSync");
        assertThat(xml.text("//Action/Settings/Server/Url")).isEqualTo("https://eas.example.com/Microsoft-Server-ActiveSync");
        assertThat(xml.text("//Action/Settings/Server/Name")).isEqualTo("https://eas.example.com/Microsoft-Server-ActiveSync");
    }

    @ParameterizedTest
    @Event(value = "events/autodiscover-mobilesync.json", type = APIGatewayV2HTTPEvent.class)
    void mobileSyncForADomainWithoutActiveSyncIsSchemaNotAvailable(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = call(event);

        assertError(response, 404, "601");
    }

    @Test
    void mobileSyncOnAnAliasDomainRedirects() {
        Xml xml = Xml.parse(call(mobileSyncAsking("bob@alias.example")).getBody());

        assertThat(xml.text("//Action/Redirect")).isEqualTo("bob@example.com");
    }

    @Test
    void aSchemaWeDoNotSpeakIsSchemaNotAvailable() {
        APIGatewayV2HTTPEvent event = event("autodiscover-outlook");
        event.setBody(event.getBody().replace(OUTLOOK_SCHEMA, "http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006b"));

        assertError(call(event), 404, "601");
    }

    @Test
    void withoutAcceptableResponseSchemaTheRequestNamespaceDecides() {
        APIGatewayV2HTTPEvent outlook = event("autodiscover-outlook");
        outlook.setBody(outlook.getBody().replaceAll("<AcceptableResponseSchema>.*</AcceptableResponseSchema>", ""));
        APIGatewayV2HTTPEvent mobile = mobileSyncAsking("dave@sync.example");
        mobile.setBody(mobile.getBody().replaceAll("<AcceptableResponseSchema>.*</AcceptableResponseSchema>", ""));

        assertThat(Xml.parse(call(outlook).getBody()).text("//Account/Action")).isEqualTo("settings");
        assertThat(Xml.parse(call(mobile).getBody()).text("//Server/Type")).isEqualTo("MobileSync");
    }

    @Test
    void aDomainWithoutConfigurationIsError500() {
        assertError(call(outlookAsking("bob@nowhere.example")), 404, "500");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bob", "bob@@example.com", "@example.com", "bob@exa_mple.com", ""})
    void aMalformedAddressIsAnInvalidRequest(String address) {
        assertError(call(outlookAsking(address)), 400, "600");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "not xml at all", "<Autodiscover>", "<Autodiscover><Request>",
            "<?xml version=\"1.0\"?><Other/>", "<Autodiscover><Request><EMailAddress><b>x</b></EMailAddress></Request></Autodiscover>",
            "\u0000\u0001binary", "<a></b>"})
    void aMalformedOrEmptyBodyIsAnInvalidRequestNot500(String body) {
        APIGatewayV2HTTPEvent event = event("autodiscover-outlook");
        event.setBody(body);

        assertError(call(event), 400, "600");
    }

    @Test
    void aRequestWithoutEMailAddressIsAnInvalidRequest() {
        APIGatewayV2HTTPEvent event = event("autodiscover-outlook");
        event.setBody(event.getBody().replace("<EMailAddress>alice@example.com</EMailAddress>", ""));

        assertError(call(event), 400, "600");
    }

    @ParameterizedTest
    @Event(value = "events/autodiscover-xxe.json", type = APIGatewayV2HTTPEvent.class)
    void anExternalEntityNamingALocalFileIsRefusedAndNothingIsRead(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = call(event);

        assertError(response, 400, "600");
        assertThat(response.getBody()).doesNotContain("root:", "/bin/", "passwd");
        assertThat(Xml.parse(response.getBody()).text("//DebugData")).isEqualTo(DTD_REFUSED);
    }

    @Test
    void anExternalEntityIsRefusedEvenWhereItsExpansionWouldBeAValidAddress() throws Exception {
        Path file = Files.createTempFile("autodiscover-xxe", ".txt");
        try {
            Files.writeString(file, "stolen@example.com");
            APIGatewayV2HTTPEvent event = event("autodiscover-xxe");
            event.setBody(event.getBody().replace("file:///etc/passwd", file.toUri().toString()));

            APIGatewayV2HTTPResponse response = call(event);

            assertError(response, 400, "600");
            assertThat(response.getBody()).doesNotContain("stolen");
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void noExternalDtdOrEntityIsEverFetched() throws Exception {
        AtomicInteger fetched = new AtomicInteger();
        HttpServer bait = HttpServer.create(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        bait.createContext("/", exchange -> {
            fetched.incrementAndGet();
            byte[] dtd = "<!ENTITY xxe \"stolen@example.com\">".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, dtd.length);
            exchange.getResponseBody().write(dtd);
            exchange.close();
        });
        bait.start();
        try {
            String url = "http://127.0.0.1:" + bait.getAddress().getPort() + "/evil.dtd";
            APIGatewayV2HTTPEvent external = event("autodiscover-xxe");
            external.setBody(external.getBody().replace("file:///etc/passwd", url));
            APIGatewayV2HTTPEvent systemDtd = event("autodiscover-outlook");
            systemDtd.setBody(systemDtd.getBody().replace("<Autodiscover ", "<!DOCTYPE Autodiscover SYSTEM \"" + url + "\"><Autodiscover ")
                    .replace("alice@example.com", "&xxe;"));

            assertError(call(external), 400, "600");
            assertError(call(systemDtd), 400, "600");
            assertThat(fetched).hasValue(0);
        } finally {
            bait.stop(0);
        }
    }

    @ParameterizedTest
    @Event(value = "events/autodiscover-entity-bomb.json", type = APIGatewayV2HTTPEvent.class)
    void anEntityExpansionBombIsRefused(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = call(event);

        assertError(response, 400, "600");
        assertThat(response.getBody()).doesNotContain("lollol");
        assertThat(Xml.parse(response.getBody()).text("//DebugData")).isEqualTo(DTD_REFUSED);
    }

    @Test
    void anInternalEntityIsRefusedToo() {
        APIGatewayV2HTTPEvent event = event("autodiscover-outlook");
        event.setBody(event.getBody().replace("<Autodiscover ", "<!DOCTYPE Autodiscover [<!ENTITY a \"alice\">]><Autodiscover ")
                .replace("alice@example.com", "&a;@example.com"));

        assertError(call(event), 400, "600");
    }

    @Test
    void anOversizedBodyIs413() {
        APIGatewayV2HTTPEvent event = event("autodiscover-outlook");
        String padding = "<!-- " + "x".repeat(MicrosoftAutodiscover.MAX_BODY_BYTES) + " -->";
        event.setBody(event.getBody().replace("<Request>", padding + "<Request>"));

        assertError(call(event), 413, "600");
    }

    @Test
    void aBodyJustUnderTheLimitIsRead() {
        APIGatewayV2HTTPEvent event = event("autodiscover-outlook");
        int room = MicrosoftAutodiscover.MAX_BODY_BYTES - event.getBody().length() - "<!--  -->".length();
        event.setBody(event.getBody().replace("<Request>", "<!-- " + "x".repeat(room) + " --><Request>"));

        assertThat(call(event).getStatusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @Event(value = "events/autodiscover-form-post.json", type = APIGatewayV2HTTPEvent.class)
    void aWrongContentTypeIsAnInvalidRequest(APIGatewayV2HTTPEvent event) {
        assertError(call(event), 415, "600");
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "text/plain", "text/html; charset=utf-8", "multipart/form-data; boundary=x"})
    void otherContentTypesAreInvalidRequestsEvenWithAnXmlBody(String contentType) {
        APIGatewayV2HTTPEvent event = event("autodiscover-outlook");
        event.getHeaders().put("content-type", contentType);

        assertError(call(event), 415, "600");
    }

    @Test
    void everythingEchoedIsEscapedAndNoRawInputReachesDebugData() {
        APIGatewayV2HTTPEvent event = event("autodiscover-outlook");
        event.setBody(event.getBody().replace("alice@example.com", "a&lt;b&gt;&amp;&quot;@example.com"));

        APIGatewayV2HTTPResponse response = call(event);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getBody()).doesNotContain("<b>", "a<b");
        assertThat(Xml.parse(response.getBody()).text("//DebugData")).isEqualTo("email address has an invalid local part");
    }

    @Test
    void aMailboxItemChangesLoginNameAndDisplayNameAndOnlyForThatMailbox() {
        Xml carol = Xml.parse(call(outlookAsking("Carol@example.com")).getBody());
        Xml dave = Xml.parse(call(outlookAsking("dave@example.com")).getBody());

        assertThat(carol.text("//User/DisplayName")).isEqualTo("Carol <Smith> & Co");
        assertThat(carol.texts("//Protocol/LoginName")).hasSize(7).containsOnly("c.smith");
        assertThat(dave.count("//User/DisplayName")).isZero();
        assertThat(dave.texts("//Protocol/LoginName")).contains("dave@example.com", "dave");
        assertThat(call(outlookAsking("Carol@example.com")).getBody()).contains("Carol &lt;Smith&gt; &amp; Co");
    }

    @Test
    void placeholdersInTheLocalPartAreNotExpandedAgain() {
        Xml xml = Xml.parse(call(outlookAsking("%EMAILDOMAIN%%EMAILDOMAIN%@example.com")).getBody());

        assertThat(xml.texts("//Protocol/LoginName"))
                .contains("%EMAILDOMAIN%%EMAILDOMAIN%@example.com", "%EMAILDOMAIN%%EMAILDOMAIN%")
                .noneMatch(login -> login.contains("example.comexample.com"));
    }

    @Test
    void aMailboxWithoutItsOwnItemAnswersExactlyLikeTheDomainDefault() {
        String unknown = call(outlookAsking("nobody@example.com")).getBody();
        String alice = call(outlookAsking("alice@example.com")).getBody();

        assertThat(unknown.replace("nobody", "alice")).isEqualTo(alice);
    }

    @Test
    void aStoreThatCannotAnswerGives503WithRetryAfterInTheErrorForm() {
        MailconfigHandler failing = new MailconfigHandler(domain -> {
            throw new StoreUnavailableException("DynamoDB unreachable", null);
        }, Optional.empty(), Request.HTTPS);

        APIGatewayV2HTTPResponse response = failing.handleRequest(event("autodiscover-outlook"), null);

        assertError(response, 503, "603");
        assertThat(response.getHeaders()).containsEntry("Retry-After", "30");
        assertThat(response.getBody()).doesNotContain("DynamoDB");
    }

    @Test
    void errorIdsDifferFromOneErrorToTheNext() {
        String first = Xml.parse(call(outlookAsking("bob@nowhere.example")).getBody()).text("//Error/@Id");
        String second = Xml.parse(call(outlookAsking("bob@nowhere.example")).getBody()).text("//Error/@Id");

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void errorIdsAreNoCounter() {
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            ids.add(Long.parseLong(Xml.parse(call(outlookAsking("bob@nowhere.example")).getBody()).text("//Error/@Id")));
        }

        assertThat(ids).isNotEqualTo(ids.stream().sorted().toList());
        assertThat(ids.getLast() - ids.getFirst()).isNotEqualTo(ids.size() - 1L);
    }
}
