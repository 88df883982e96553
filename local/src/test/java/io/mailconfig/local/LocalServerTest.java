package io.mailconfig.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailconfig.handler.MailconfigHandler;
import io.mailconfig.store.CachingConfigStore;
import io.mailconfig.store.dynamodb.DynamoDbConfigStore;
import io.mailconfig.store.dynamodb.Table;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The local run as ./dev run starts it: sample data in embedded DynamoDB Local, the Lambda handler, loopback HTTP. */
class LocalServerTest {

    private static EmbeddedDynamoDb database;
    private static LocalServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        database = EmbeddedDynamoDb.inMemory();
        database.createTable(Table.DEFAULT_NAME);
        database.put(Table.DEFAULT_NAME, EmbeddedDynamoDb.sampleItems());
        server = LocalServer.start(0, new MailconfigHandler(new CachingConfigStore(
                new DynamoDbConfigStore(database.client(), Table.DEFAULT_NAME), CachingConfigStore.DEFAULT_TTL)));
    }

    @AfterAll
    static void stop() {
        server.close();
        database.close();
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
}
