package io.mailconfig.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mailconfig.Mailconfig;
import io.mailconfig.http.Request;
import io.mailconfig.http.Response;
import io.mailconfig.http.Router;
import io.mailconfig.infra.EdgeCaching.CachedPath;
import io.mailconfig.lambda.ApiGatewayEvents;
import io.mailconfig.protocol.autoconfig.MozillaAutoconfig;
import io.mailconfig.sample.SampleEvents;
import io.mailconfig.sample.SampleProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The edge's cache keys against the function itself: an answer that may be cached depends on
 * nothing outside its key, and everything in the key changes some answer. The viewer-request
 * function is run by Node, as CloudFront runs it.
 */
class EdgeCachingTest {

    private static final Router ROUTER = Mailconfig.router(SampleProvider.store(), Optional.empty());
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Headers and parameters a client may send that no protocol reads. */
    private static final Map<String, String> OTHER_HEADERS = Map.of("user-agent", "Thunderbird/140.0", "accept-language", "de-DE",
            "accept", "*/*", "cookie", "session=1", "x-forwarded-for", "192.0.2.7", "origin", "https://elsewhere.example",
            "content-type", "text/plain", "referer", "https://elsewhere.example/");
    private static final Map<String, String> OTHER_PARAMETERS = Map.of("name", "Alice", "x", "1", "emailmd5", "0123");

    @Test
    void onlyTheCachedPathsAnswerWithACacheControlThatLetsSharedCachesKeepIt() {
        for (String name : SampleEvents.names()) {
            Request request = ApiGatewayEvents.toRequest(SampleEvents.load(name));
            Response response = ROUTER.route(request);
            assertThat(response.status()).as(name).isEqualTo(200);
            boolean shared = response.headers().getOrDefault("Cache-Control", "").startsWith("public");
            boolean cached = "GET".equals(request.method()) && cachedPath(request.path()).isPresent();
            assertThat(shared).as(name + " " + response.headers().get("Cache-Control")).isEqualTo(cached);
        }
    }

    @Test
    void aCachedAnswerDependsOnNothingOutsideItsKey() {
        for (String name : SampleEvents.names()) {
            Request request = ApiGatewayEvents.toRequest(SampleEvents.load(name));
            Optional<CachedPath> path = cachedPath(request.path());
            if (path.isEmpty() || !"GET".equals(request.method())) {
                continue;
            }
            byte[] answer = ROUTER.route(request).body();
            Map<String, String> headers = new HashMap<>(OTHER_HEADERS);
            request.headers().forEach((header, value) -> {
                if (path.get().keyedHeaders().stream().anyMatch(keyed -> keyed.equalsIgnoreCase(header))) {
                    headers.put(header, value);
                }
            });
            Map<String, String> query = new HashMap<>(OTHER_PARAMETERS);
            path.get().queryParameters().forEach(keyed -> request.queryParameter(keyed).ifPresent(value -> query.put(keyed, value)));
            Request onlyTheKey = new Request(request.method(), request.path(), query, headers, null);

            assertThat(ROUTER.route(onlyTheKey).body()).as(name).isEqualTo(answer);
        }
    }

    @Test
    void everyPartOfAKeyChangesAnAnswer() {
        String autoconfig = MozillaAutoconfig.PATH;
        assertThat(differ(get(autoconfig, Map.of("emailaddress", "alice@example.com"), "autoconfig.example.com"),
                get(autoconfig, Map.of("emailaddress", "alice@unknown.example"), "autoconfig.example.com"))).isTrue();
        assertThat(differ(get(autoconfig, Map.of(), "autoconfig.example.com"), get(autoconfig, Map.of(), "autoconfig.unknown.example"))).isTrue();
        String json = EdgeCaching.AUTODISCOVER_JSON_PATH;
        assertThat(differ(get(json, Map.of("email", "alice@example.com", "protocol", "AutodiscoverV1"), "autodiscover.example.com"),
                get(json, Map.of("email", "alice@unknown.example", "protocol", "AutodiscoverV1"), "autodiscover.example.com"))).isTrue();
        assertThat(differ(get(json, Map.of("email", "alice@example.com", "protocol", "AutodiscoverV1"), "autodiscover.example.com"),
                get(json, Map.of("email", "alice@example.com", "protocol", "ActiveSync"), "autodiscover.example.com"))).isTrue();
        // The address in the path of the /v1.0/ form is part of every cache key: the path is.
        assertThat(differ(get(json + "/v1.0/alice@example.com", Map.of("protocol", "AutodiscoverV1"), "autodiscover.example.com"),
                get(json + "/v1.0/alice@unknown.example", Map.of("protocol", "AutodiscoverV1"), "autodiscover.example.com"))).isTrue();
    }

    @Test
    void theViewerFunctionLowerCasesTheKeyedNamesAndKeepsEveryValueInOrder(@TempDir Path directory) throws Exception {
        JsonNode out = runViewerFunction(directory, """
                {"emailaddress": {"value": "first%40example.com"}, "EmailAddress": {"value": "second@example.com"},
                 "Email%41ddress": {"value": "third@example.com"}, "Protocol": {"value": "AutodiscoverV1"},
                 "Name": {"value": "Alice"}, "email": {"value": "a@example.com", "multiValue": [{"value": "a@example.com"}, {"value": "b@example.com"}]}}
                """);

        assertThat(out.fieldNames()).toIterable().containsExactly("emailaddress", "protocol", "Name", "email");
        assertThat(out.get("emailaddress").get("value").asText()).isEqualTo("first%40example.com");
        assertThat(out.get("emailaddress").get("multiValue").findValuesAsText("value"))
                .containsExactly("first%40example.com", "second@example.com", "third@example.com");
        assertThat(out.get("protocol")).isEqualTo(JSON.readTree("{\"value\": \"AutodiscoverV1\"}"));
        assertThat(out.get("Name")).isEqualTo(JSON.readTree("{\"value\": \"Alice\"}"));
        assertThat(out.get("email").get("multiValue").findValuesAsText("value")).containsExactly("a@example.com", "b@example.com");
        assertThat(runViewerFunction(directory, "{}").size()).isZero();
    }

    /** The request's query string after the function, as CloudFront would build its cache key from it. */
    private static JsonNode runViewerFunction(Path directory, String querystring) throws IOException, InterruptedException {
        Path script = directory.resolve("run.js");
        Files.writeString(script, EdgeCaching.viewerRequestCode() + "\nconsole.log(JSON.stringify(handler({request: {method: 'GET',"
                + " uri: '/mail/config-v1.1.xml', headers: {host: {value: 'autoconfig.example.com'}}, cookies: {}, querystring: "
                + querystring + "}}).querystring));\n");
        Process node = new ProcessBuilder("node", script.toString()).redirectErrorStream(true).start();
        assertThat(node.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.exitValue()).as(output).isZero();
        return JSON.readTree(output);
    }

    private static Response get(String path, Map<String, String> query, String host) {
        return ROUTER.route(new Request("GET", path, query, Map.of("host", host), null));
    }

    private static boolean differ(Response one, Response other) {
        return one.status() != other.status() || !Arrays.equals(one.body(), other.body());
    }

    private static Optional<CachedPath> cachedPath(String path) {
        return EdgeCaching.CACHED.stream().filter(cached -> pattern(cached.pathPattern()).matcher(path).matches()).findFirst();
    }

    /** CloudFront's path patterns: case-sensitive, {@code *} for any characters. */
    private static Pattern pattern(String pathPattern) {
        return Pattern.compile(List.of(pathPattern.split("\\*", -1)).stream().map(Pattern::quote)
                .reduce((a, b) -> a + ".*" + b).orElse(""));
    }
}
