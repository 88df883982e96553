package io.mailconfig.cli.automx2;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import io.mailconfig.cli.Importer;
import io.mailconfig.cli.TableAccess;
import io.mailconfig.http.Request;
import io.mailconfig.lambda.MailconfigHandler;
import io.mailconfig.local.EmbeddedDynamoDb;
import io.mailconfig.store.dynamodb.DynamoDbConfigStore;
import io.mailconfig.store.dynamodb.Table;
import io.mailconfig.testing.ClientReadings;
import io.mailconfig.testing.ClientReadings.Dav;
import io.mailconfig.testing.ClientReadings.Reading;
import io.mailconfig.testing.ClientReadings.Server;
import io.mailconfig.testing.Xml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * automx2's own sample data (database.py, populate_with_example_data, with fixed host names where
 * it draws random ones), migrated through the data tool, asked what automx2's tests
 * (tests/test_mozilla.py, test_outlook.py, test_apple.py) ask it. Each case holds what automx2
 * answers, read from its generators as a client reads it, and what mailconfig answers; where they
 * differ the case names the reason, and every reason is listed in docs/data-management.md.
 */
class Automx2ReplayTest {

    /** automx2's sample rows in its SQLite schema (ids as SQLAlchemy gives them, columns' defaults as model.py has them). */
    static final String SAMPLE = """
            INSERT INTO provider VALUES (1, 'Big Corporation, Inc.', 'BigCorp'), (2, 'Ham & Eggs', 'H+E'), (3, 'Some Other Provider', 'SOP');
            INSERT INTO domain VALUES (1, 'example.com', 1, NULL), (2, 'example.net', 1, NULL), (3, 'example.org', 1, NULL),
                (4, 'ham-n-eggs.tld', 2, NULL), (5, 'serverless.tld', 3, NULL);
            INSERT INTO server VALUES (1, 10, 'primary-smtp.sample.com', 587, 'smtp', 'STARTTLS', '%EMAILADDRESS%', 'plain');
            INSERT INTO server VALUES (2, 10, 'secondary-smtp.sample.com', 587, 'smtp', 'STARTTLS', '%EMAILADDRESS%', 'plain');
            INSERT INTO server VALUES (3, 10, 'imap1.sample.com', 143, 'imap', 'STARTTLS', '%EMAILADDRESS%', 'plain');
            INSERT INTO server VALUES (4, 10, 'imap2.sample.com', 143, 'imap', 'STARTTLS', '%EMAILADDRESS%', 'plain');
            INSERT INTO server VALUES (5, 10, 'pop1.sample.com', 143, 'pop', 'STARTTLS', '%EMAILADDRESS%', 'plain');
            INSERT INTO server VALUES (6, 10, 'x.ham-n-eggs.tld', 123, 'INVALID', 'STARTTLS', '%EMAILADDRESS%', 'plain');
            INSERT INTO server_domain VALUES (1, 1), (1, 2), (2, 3), (3, 1), (4, 2), (5, 3), (6, 4);
            INSERT INTO davserver VALUES (1, 'https://caldav.sample.com', 443, 'caldav', 1, 0, '%EMAILADDRESS%');
            INSERT INTO davserver VALUES (2, 'http://carddav.sample.com', 0, 'carddav', 0, 1, NULL);
            INSERT INTO davserver_domain VALUES (1, 1), (2, 1), (2, 2);
            """;

    /** Why an answer differs from automx2's; each is a row of the table in docs/data-management.md. */
    enum Difference {
        NO_SERVERS("domains without usable servers are not carried over"),
        NOT_FOUND_IS_404("an unknown domain is 404, not 204"),
        HTTP_DAV("DAV over http is not carried over"),
        DAV_IN_AUTOCONFIG("Autoconfig carries the calendar and address book"),
        SPA_OFF("SPA is written off"),
        BAD_REQUEST_400("a malformed request is 400, never 500"),
        URL_PATH("a URL without a path gets /");

        final String inDocs;

        Difference(String inDocs) {
            this.inDocs = inDocs;
        }
    }

    private static final String EMPTY_POST = "";

    @TempDir
    static Path directory;
    private static EmbeddedDynamoDb database;
    private static MailconfigHandler handler;
    private static Automx2Migration.Result migration;

    @BeforeAll
    static void migrateAutomx2sSampleData() throws Exception {
        Path file = directory.resolve("automx2-sample.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            Automx2Installation.load(connection, Automx2Installation.Dialect.SQLITE, SAMPLE);
        }
        migration = Automx2Migration.migrate(Automx2Source.of(file.toString()).read());
        database = EmbeddedDynamoDb.inMemory();
        database.createTable(Table.DEFAULT_NAME);
        TableAccess table = new TableAccess(database.client(), Table.DEFAULT_NAME, database);
        Importer.apply(table, Importer.plan(table, migration.items(), Importer.Prune.OFF));
        handler = new MailconfigHandler(new DynamoDbConfigStore(database.client(), Table.DEFAULT_NAME), Optional.empty(), Request.HTTPS);
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    private static Server server(String type, String host, int port, String security, String login, String method) {
        return new Server(type, host, port, security, login, method, List.of());
    }

    private static final Server SMTP1_COM = server("smtp", "primary-smtp.sample.com", 587, "STARTTLS", "a@example.com", "password-cleartext");
    private static final Server IMAP1 = server("imap", "imap1.sample.com", 143, "STARTTLS", "a@example.com", "password-cleartext");
    private static final Server SMTP1_NET = server("smtp", "primary-smtp.sample.com", 587, "STARTTLS", "a@example.net", "password-cleartext");
    private static final Server IMAP2 = server("imap", "imap2.sample.com", 143, "STARTTLS", "a@example.net", "password-cleartext");
    private static final Server SMTP2 = server("smtp", "secondary-smtp.sample.com", 587, "STARTTLS", "a@example.org", "password-cleartext");
    private static final Server POP1 = server("pop3", "pop1.sample.com", 143, "STARTTLS", "a@example.org", "password-cleartext");
    private static final Dav CALDAV = new Dav("caldav", "https://caldav.sample.com", "a@example.com");

    // ---- tests/test_mozilla.py ----

    /** test_mozilla_missing_arg, test_apple_missing_arg; test_mozilla_no_domain_match, test_apple_no_domain_match. */
    @ParameterizedTest
    @ValueSource(strings = {"/mail/config-v1.1.xml", "/mobileconfig/"})
    void aMissingArgumentIs400AndNoDomainMatch(String path) {
        assertThat(call("GET", path, "", EMPTY_POST).getStatusCode()).isEqualTo(400);
        // automx2: 204 with no body; mailconfig: 404, which clients read as "no configuration here" too.
        differs(Difference.NOT_FOUND_IS_404, 204, call("GET", path, "emailaddress=a@b.c", EMPTY_POST).getStatusCode());
    }

    @Test
    void mozillaPopAndSmtpAndEveryServerAsAutomx2GivesThem() {
        Reading org = ClientReadings.autoconfig(ok("GET", "/mail/config-v1.1.xml", "emailaddress=a@example.org", EMPTY_POST), "a@example.org");
        assertThat(org.incoming().getFirst().host()).isEqualTo("pop1.sample.com"); // test_mozilla_pop
        assertThat(org.servers()).containsExactly(POP1, SMTP2);
        Reading net = ClientReadings.autoconfig(ok("GET", "/mail/config-v1.1.xml", "emailaddress=a@example.net", EMPTY_POST), "a@example.net");
        assertThat(net.outgoing().getFirst().host()).isEqualTo("primary-smtp.sample.com"); // test_mozilla_smtp
        assertThat(net.servers()).containsExactly(IMAP2, SMTP1_NET);
        assertThat(net.dav()).isEmpty();
        Reading com = ClientReadings.autoconfig(ok("GET", "/mail/config-v1.1.xml", "emailaddress=a@example.com", EMPTY_POST), "a@example.com");
        assertThat(com.servers()).containsExactly(IMAP1, SMTP1_COM);
        // automx2 sends no DAV servers in Autoconfig.
        differs(Difference.DAV_IN_AUTOCONFIG, List.of(), com.dav());
        differs(Difference.URL_PATH, CALDAV.url(), com.dav().getFirst().url());
    }

    @Test
    void mozillaDomainWithoutServersAndInvalidServer() {
        // automx2: 200 with no servers (serverless.tld), 400 (ham-n-eggs.tld).
        differs(Difference.NO_SERVERS, 200, call("GET", "/mail/config-v1.1.xml", "emailaddress=a@serverless.tld", EMPTY_POST).getStatusCode());
        differs(Difference.NO_SERVERS, 400, call("GET", "/mail/config-v1.1.xml", "emailaddress=a@ham-n-eggs.tld", EMPTY_POST).getStatusCode());
    }

    // ---- tests/test_outlook.py ----

    private static String outlookRequest(String address) {
        return "<Autodiscover xmlns=\"http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006\">"
                + "<AcceptableResponseSchema>http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a</AcceptableResponseSchema>"
                + "<Request><EMailAddress>" + address + "</EMailAddress></Request></Autodiscover>";
    }

    @Test
    void outlookEmptyPartialAndContentTypelessPosts() {
        // automx2: an empty POST raises ParseError (a 500), "<ham/>" is not checked; "eggs" without a content type is 400.
        differs(Difference.BAD_REQUEST_400, 500, call("POST", "/autodiscover/autodiscover.xml", "", EMPTY_POST).getStatusCode());
        assertThat(call("POST", "/autodiscover/autodiscover.xml", "", "<ham/>").getStatusCode()).isEqualTo(400);
        assertThat(call("POST", "/autodiscover/autodiscover.xml", "", "eggs").getStatusCode()).isEqualTo(400);
    }

    @Test
    void outlookNoDomainMatch() {
        differs(Difference.NOT_FOUND_IS_404, 204, call("POST", "/autodiscover/autodiscover.xml", "", outlookRequest("a@b.c")).getStatusCode());
    }

    @Test
    void outlookPopAndSmtpAndEveryServerAsAutomx2GivesThem() {
        Reading org = ClientReadings.autodiscover(ok("POST", "/AutoDiscover/AutoDiscover.xml", "", outlookRequest("a@example.org")));
        assertThat(org.incoming().getFirst().host()).isEqualTo("pop1.sample.com"); // test_ms_pop, on the alternate route
        assertThat(org.servers()).containsExactly(POP1, SMTP2);
        Reading net = ClientReadings.autodiscover(ok("POST", "/autodiscover/autodiscover.xml", "", outlookRequest("a@example.net")));
        assertThat(net.outgoing().getFirst().host()).isEqualTo("primary-smtp.sample.com"); // test_ms_smtp
        assertThat(net.servers()).containsExactly(IMAP2, SMTP1_NET);
        // automx2 also sends the CardDAV server of example.com and example.net, at http://carddav.sample.com.
        differs(Difference.HTTP_DAV, List.of(new Dav("carddav", "http://carddav.sample.com", "")), net.dav());
        String comBody = ok("POST", "/autodiscover/autodiscover.xml", "", outlookRequest("a@example.com"));
        Xml com = Xml.parse(comBody);
        Reading comReading = ClientReadings.autodiscover(comBody);
        assertThat(comReading.servers()).containsExactly(IMAP1, SMTP1_COM);
        assertThat(comReading.dav()).hasSize(1);
        assertThat(comReading.dav().getFirst().login()).isEqualTo(CALDAV.login());
        differs(Difference.URL_PATH, CALDAV.url(), comReading.dav().getFirst().url());
        // automx2 writes no SPA element, and Outlook's default is on (NTLM); SSL off with Encryption TLS, which overrides it.
        differs(Difference.SPA_OFF, List.of(), com.texts("//Protocol[Type='IMAP' or Type='SMTP']/SPA").stream().distinct().toList());
    }

    @Test
    void outlookDomainWithoutServersAndInvalidServer() {
        differs(Difference.NO_SERVERS, 200, call("POST", "/AutoDiscover/AutoDiscover.xml", "", outlookRequest("a@serverless.tld")).getStatusCode());
        differs(Difference.NO_SERVERS, 400, call("POST", "/autodiscover/autodiscover.xml", "", outlookRequest("a@ham-n-eggs.tld")).getStatusCode());
    }

    // ---- tests/test_apple.py ----

    @Test
    void applePopAndSmtpAndTheAccountAsAutomx2GivesIt() throws Exception {
        Reading org = apple("a@example.org");
        assertThat(org.servers().getFirst().host()).isEqualTo("pop1.sample.com"); // test_apple_pop
        assertThat(org.servers()).containsExactly(POP1.as(POP1.method(), false), SMTP2.as(SMTP2.method(), false));
        Reading net = apple("a@example.net");
        assertThat(net.servers().get(1).host()).isEqualTo("primary-smtp.sample.com"); // test_apple_smtp
        assertThat(net.servers()).containsExactly(IMAP2.as(IMAP2.method(), false), SMTP1_NET.as(SMTP1_NET.method(), false));
        // automx2 writes UseSSL true for STARTTLS as mailconfig does (ClientReadings checks it); it also installs the http CardDAV server.
        differs(Difference.HTTP_DAV, List.of(new Dav("carddav", "http://carddav.sample.com", "")), net.dav());
        Reading com = apple("a@example.com");
        assertThat(com.servers()).containsExactly(IMAP1.as(IMAP1.method(), false), SMTP1_COM.as(SMTP1_COM.method(), false));
        differs(Difference.URL_PATH, CALDAV.url(), com.dav().getFirst().url());
    }

    @Test
    void appleDomainWithoutServersAndInvalidServer() {
        differs(Difference.NO_SERVERS, 400, call("GET", "/mobileconfig/", "emailaddress=a@serverless.tld", EMPTY_POST).getStatusCode());
        differs(Difference.NO_SERVERS, 400, call("GET", "/mobileconfig/", "emailaddress=a@ham-n-eggs.tld", EMPTY_POST).getStatusCode());
    }

    // ---- the differences ----

    @Test
    void theMigrationNamesWhatItLeftOut() {
        assertThat(migration.skipped())
                .anyMatch(line -> line.startsWith("server 6 (INVALID x.ham-n-eggs.tld:123): unknown type 'INVALID'"))
                .anyMatch(line -> line.startsWith("DAV server 2 (carddav http://carddav.sample.com): not carried over; mailconfig offers DAV only over https"))
                .anyMatch(line -> line.contains("(serverless.tld) not carried over"))
                .anyMatch(line -> line.contains("(ham-n-eggs.tld) not carried over"));
    }

    @Test
    void everyDifferenceIsListedWithItsReasonInTheDocs() throws Exception {
        String docs = Files.readString(Path.of("..", "docs", "data-management.md"));
        for (Difference difference : Difference.values()) {
            assertThat(docs).as(difference.name()).contains(difference.inDocs);
        }
    }

    /** A case where mailconfig's answer is not automx2's, for the reason given. */
    private static <T> void differs(Difference reason, T automx2, T mailconfig) {
        assertThat(mailconfig).as(reason.inDocs).isNotEqualTo(automx2);
        switch (reason) {
            case NOT_FOUND_IS_404, NO_SERVERS -> assertThat(mailconfig).isEqualTo(404);
            case BAD_REQUEST_400 -> assertThat(mailconfig).isEqualTo(400);
            case HTTP_DAV, DAV_IN_AUTOCONFIG -> assertThat(mailconfig).isInstanceOf(List.class);
            case SPA_OFF -> assertThat(mailconfig).isEqualTo(List.of("off"));
            case URL_PATH -> assertThat(mailconfig).isEqualTo(automx2 + "/");
        }
    }

    private static Reading apple(String address) throws Exception {
        APIGatewayV2HTTPResponse response = call("GET", "/mobileconfig/", "emailaddress=" + address, EMPTY_POST);
        assertThat(response.getStatusCode()).isEqualTo(200);
        return ClientReadings.appleProfile(response.getBody(), Boolean.TRUE.equals(response.getIsBase64Encoded()));
    }

    private static String ok(String method, String path, String query, String body) {
        APIGatewayV2HTTPResponse response = call(method, path, query, body);
        assertThat(response.getStatusCode()).as(path + "?" + query + " " + body).isEqualTo(200);
        return response.getBody();
    }

    /** A request as Flask's test client sends it in automx2's tests: Host localhost, XML bodies as application/xml. */
    private static APIGatewayV2HTTPResponse call(String method, String path, String query, String body) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/samples/autoconfig.json");
        event.setRawPath(path);
        event.setRawQueryString(query.replace("@", "%40"));
        event.setQueryStringParameters(null);
        event.getRequestContext().getHttp().setMethod(method);
        event.getRequestContext().getHttp().setPath(path);
        event.getRequestContext().setDomainName("localhost");
        Map<String, String> headers = new java.util.HashMap<>();
        headers.put("host", "localhost");
        if (!body.isEmpty() && body.startsWith("<")) {
            headers.put("content-type", "application/xml");
        }
        event.setHeaders(headers);
        event.setBody(body.isEmpty() ? null : body);
        event.setIsBase64Encoded(false);
        return handler.handleRequest(event, null);
    }
}
