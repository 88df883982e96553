package io.mailconfig.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailconfig.dnsrecords.TableRecords;
import io.mailconfig.protocol.pacc.PaccRecord;
import io.mailconfig.sample.SampleProvider;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The local run as ./dev run starts it: sample data in embedded DynamoDB Local, the Lambda handler, loopback HTTP. */
class LocalServerTest {

    private static SampleServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        server = new SampleServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> get(String path, String host) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void listensOnLoopbackOnly() {
        assertThat(server.baseUrl()).startsWith("http://127.0.0.1:");
    }

    @Test
    void servesTheSampleProviderForEachOfItsThreeDomains() throws Exception {
        for (String domain : new String[] {"example.com", "example.net", "example.org"}) {
            HttpResponse<String> response = get("/mail/config-v1.1.xml?emailaddress=alice@" + domain, null);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("content-type")).contains("application/xml; charset=utf-8");
            assertThat(response.body()).contains("<emailProvider id=\"" + domain + "\">",
                    "<incomingServer type=\"imap\">", "<incomingServer type=\"pop3\">", "<outgoingServer type=\"smtp\">");
            assertThat(response.body().indexOf("imap.example.com")).isLessThan(response.body().indexOf("imap2.example.com"));
        }
    }

    @Test
    void errorsArriveAsTheHandlerMadeThem() throws Exception {
        assertThat(get("/mail/config-v1.1.xml?emailaddress=bob@nowhere.example", null).statusCode()).isEqualTo(404);
        assertThat(get("/mail/config-v1.1.xml?emailaddress=bob", null).body()).isEqualTo("email address has no @\n");
        HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/mail/config-v1.1.xml"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("allow")).contains("GET, HEAD");
    }

    private static HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static final String OUTLOOK_REQUEST = "<?xml version=\"1.0\" encoding=\"utf-8\"?><Autodiscover "
            + "xmlns=\"http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006\"><Request>"
            + "<EMailAddress>alice@example.org</EMailAddress><AcceptableResponseSchema>"
            + "http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a</AcceptableResponseSchema>"
            + "</Request></Autodiscover>";

    @Test
    void servesOutlooksAutodiscoverPostOnAnyPathCasing() throws Exception {
        for (String path : new String[] {"/autodiscover/autodiscover.xml", "/Autodiscover/Autodiscover.xml"}) {
            HttpResponse<String> response = post(path, "text/xml", OUTLOOK_REQUEST);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("content-type")).contains("text/xml; charset=utf-8");
            assertThat(response.body()).contains("<Action>settings</Action>", "<Server>imap.example.com</Server>",
                    "<LoginName>alice@example.org</LoginName>", "<Encryption>TLS</Encryption>");
        }
    }

    @Test
    void autodiscoverErrorsArriveInTheirOwnFormNotHtml() throws Exception {
        HttpResponse<String> wrongType = post("/autodiscover/autodiscover.xml", "application/x-www-form-urlencoded", "a=b");
        HttpResponse<String> tooLarge = post("/autodiscover/autodiscover.xml", "text/xml",
                OUTLOOK_REQUEST.replace("<Request>", "<!--" + "x".repeat(40_000) + "--><Request>"));
        HttpResponse<String> xxe = post("/autodiscover/autodiscover.xml", "text/xml",
                "<!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>" + OUTLOOK_REQUEST.replace("alice@", "&x;@")
                        .replace("<?xml version=\"1.0\" encoding=\"utf-8\"?>", ""));

        assertThat(wrongType.statusCode()).isEqualTo(415);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(xxe.statusCode()).isEqualTo(400);
        for (HttpResponse<String> response : List.of(wrongType, tooLarge, xxe)) {
            assertThat(response.body()).contains("<ErrorCode>600</ErrorCode>").doesNotContain("<html");
        }
    }

    @Test
    void servesAutodiscoverJson() throws Exception {
        HttpResponse<String> response = get("/autodiscover/autodiscover.json/v1.0/alice@example.net?Protocol=autodiscoverv1", null);
        HttpResponse<String> bad = get("/autodiscover/autodiscover.json?Email=alice@example.net&Protocol=Ews", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(
                "{\"Protocol\":\"AutodiscoverV1\",\"Url\":\"https://autodiscover.example.net/autodiscover/autodiscover.xml\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"ErrorCode\":\"InvalidProtocol\"");
    }

    @Test
    void overTheWireOversizedRequestsAreRefusedAndNoAnswerCarriesCors() throws Exception {
        HttpResponse<String> longHeader = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/mail/config-v1.1.xml"))
                .header("X-Junk", "a".repeat(20_000)).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> longQuery = get("/mail/config-v1.1.xml?emailaddress=" + "a".repeat(5_000) + "@example.com", null);
        HttpResponse<String> preflight = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/mail/config-v1.1.xml"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example").header("Access-Control-Request-Method", "GET").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(longHeader.statusCode()).isEqualTo(431);
        assertThat(longQuery.statusCode()).isEqualTo(414);
        assertThat(preflight.statusCode()).isEqualTo(405);
        for (HttpResponse<String> response : java.util.List.of(longHeader, longQuery, preflight)) {
            assertThat(response.headers().firstValue("x-content-type-options")).contains("nosniff");
            assertThat(response.headers().map().keySet()).noneMatch(name -> name.toLowerCase().startsWith("access-control-"));
        }
    }

    /** Sends these bytes on one connection and reads until the server closes it. */
    private static String raw(String request) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void servesPaccMtaStsAndGnomesOldPathForTheSampleData() throws Exception {
        String pacc = raw("GET /.well-known/user-agent-configuration.json HTTP/1.1\r\nHost: ua-auto-config.example.com\r\nConnection: close\r\n\r\n");
        String policy = raw("GET /.well-known/mta-sts.txt HTTP/1.1\r\nHost: mta-sts.example.net\r\nConnection: close\r\n\r\n");
        String gnome = raw("GET /.well-known/mail-v1.xml?emailaddress=alice%40example.org HTTP/1.1\r\nHost: autoconfig.example.org\r\n"
                + "Connection: close\r\n\r\n");

        assertThat(pacc).startsWith("HTTP/1.1 200 ").containsIgnoringCase("Content-Type: application/json")
                .contains("\"submit\":{\"host\":\"smtp.example.com\"}");
        byte[] body = pacc.substring(pacc.indexOf("\r\n\r\n") + 4).getBytes(StandardCharsets.UTF_8);
        TableRecords.Result records = TableRecords.of(SampleProvider.store().find("example.com").orElseThrow(), Set.of(TableRecords.Kind.PACC),
                TableRecords.MxHosts.UNKNOWN);
        assertThat(PaccRecord.txt(body)).as("the digest the sample's TXT record carries")
                .isEqualTo(records.records().getFirst().values().getFirst());
        assertThat(policy).startsWith("HTTP/1.1 200 ").endsWith("\r\n\r\nversion: STSv1\r\nmode: testing\r\nmx: mx1.example.com\r\n"
                + "mx: mx2.example.com\r\nmax_age: 604800\r\n");
        assertThat(gnome).startsWith("HTTP/1.1 200 ").contains("<emailProvider id=\"example.org\">");
    }

    @Test
    void badPercentEscapesReachTheRouterLikeApiGatewayPassesThemOn() throws Exception {
        String path = raw("GET /%G1 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        String head = raw("HEAD /%G1 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        String query = raw("GET /mail/config-v1.1.xml?emailaddress=%G1 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

        assertThat(path).startsWith("HTTP/1.1 404 ").containsIgnoringCase("X-Content-Type-Options: nosniff")
                .endsWith("\r\n\r\nnot found\n").doesNotContainIgnoringCase("<html");
        assertThat(head).startsWith("HTTP/1.1 404 ").containsIgnoringCase("X-Content-Type-Options: nosniff").endsWith("\r\n\r\n");
        assertThat(query).startsWith("HTTP/1.1 400 ").endsWith("\r\n\r\nemail address has no @\n");
    }

    @Test
    void oneConnectionCarriesManyRequestsAndChunkedBodies() throws Exception {
        String body = OUTLOOK_REQUEST;
        String chunked = Integer.toHexString(10) + "\r\n" + body.substring(0, 10) + "\r\n"
                + Integer.toHexString(body.length() - 10) + "\r\n" + body.substring(10) + "\r\n0\r\n\r\n";
        String answers = raw("GET /mail/config-v1.1.xml?emailaddress=alice@example.com HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                + "POST /autodiscover/autodiscover.xml HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/xml\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n" + chunked);

        String expecting = raw("POST /autodiscover/autodiscover.xml HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/xml\r\n"
                + "Expect: 100-continue\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body);

        assertThat(expecting).startsWith("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 ");
        assertThat(answers.split("HTTP/1.1 200 ", -1)).hasSize(3);
        assertThat(answers).contains("<emailProvider id=\"example.com\">", "<LoginName>alice@example.org</LoginName>");
    }

    @Test
    void whatHttpItselfForbidsIsRefusedByTheServerInPlainText() throws Exception {
        assertThat(raw("NONSENSE\r\n\r\n")).startsWith("HTTP/1.1 400 ").endsWith("bad request\n");
        assertThat(raw("GET / HTTP/1.1\r\nX-Big: " + "a".repeat(LocalServer.MAX_HEAD_BYTES) + "\r\n\r\n"))
                .startsWith("HTTP/1.1 431 ").containsIgnoringCase("nosniff");
    }
}
