package io.mailconfig.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouterTest {

    private static Request request(String method, String path) {
        return new Request(method, path, Map.of(), Map.of(), null);
    }

    private final Router router = new Router(List.of(
            Route.get("test", "/hello", request -> Response.text(Outcome.FOUND, 200, "hello")),
            new Route("test", "/Any/Case.xml", true, false, Set.of("POST"), request -> Response.text(Outcome.FOUND, 200, "any")),
            new Route("test", "/prefix", false, true, Set.of("GET"), request -> Response.text(Outcome.FOUND, 200, request.path())),
            Route.get("test", "/cors", request -> Response.text(Outcome.FOUND, 200, "cors")
                    .withHeader("Access-Control-Allow-Origin", "*").withHeader("access-control-allow-credentials", "true")),
            Route.get("test", "/boom", request -> {
                throw new IllegalStateException("secret internals at io.mailconfig.Secret");
            })));

    @Test
    void routesByPathAndMethodAndMarksEveryResponseNosniff() {
        Response response = router.route(request("GET", "/hello"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyAsString()).isEqualTo("hello\n");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void headAnswersLikeGetWithoutABody() {
        Response response = router.route(request("HEAD", "/hello"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void headNeverCarriesABodyEvenForTheRoutersOwnAnswers() {
        assertThat(router.route(request("HEAD", "/nowhere")).body()).isEmpty();
        assertThat(router.route(request("HEAD", "/any/case.xml")).body()).isEmpty();
        assertThat(router.route(request("HEAD", "/prefix/" + "a".repeat(Router.MAX_URI_CHARS))).body()).isEmpty();
    }

    @Test
    void caseInsensitiveRoutesMatchAnySpelling() {
        assertThat(router.route(request("POST", "/any/case.XML")).status()).isEqualTo(200);
        assertThat(router.route(request("GET", "/HELLO")).status()).isEqualTo(404);
    }

    @Test
    void prefixRoutesMatchPathsBelowThem() {
        assertThat(router.route(request("GET", "/prefix/a/b")).bodyAsString()).isEqualTo("/prefix/a/b\n");
        assertThat(router.route(request("GET", "/prefixed")).status()).isEqualTo(404);
    }

    @Test
    void aKnownPathWithAnotherMethodIs405WithAllow() {
        Response response = router.route(request("DELETE", "/hello"));

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.header("Allow")).isEqualTo("GET, HEAD");
    }

    @Test
    void aFailureInsideAnEndpointIsABare500() {
        Response response = router.route(request("GET", "/boom"));

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.bodyAsString()).isEqualTo("internal error\n");
    }

    @Test
    void tellsTheListenerWhichProtocolAnsweredWhat() {
        List<String> heard = new java.util.ArrayList<>();
        Router listening = router.withListener((protocol, request, response) -> heard.add(protocol + " " + response.status()));

        listening.route(request("GET", "/hello"));
        listening.route(request("GET", "/nowhere"));
        listening.route(request("GET", "/boom"));

        assertThat(heard).containsExactly("test 200", "none 404", "test 500");
    }

    @Test
    void anOverlongPathOrQueryIs414BeforeAnyEndpointRuns() {
        String longValue = "a".repeat(Router.MAX_URI_CHARS);
        Response byQuery = router.route(new Request("GET", "/boom", Map.of("emailaddress", longValue), Map.of(), null));
        Response byPath = router.route(request("GET", "/prefix/" + longValue));

        assertThat(byQuery.status()).isEqualTo(414);
        assertThat(byQuery.bodyAsString()).isEqualTo("request too long\n");
        assertThat(byPath.status()).isEqualTo(414);
        assertThat(router.route(new Request("GET", "/hello", Map.of("q", "a".repeat(1000)), Map.of(), null)).status())
                .isEqualTo(200);
    }

    @Test
    void oversizedHeadersAre431BeforeAnyEndpointRuns() {
        Response response = router.route(new Request("GET", "/boom", Map.of(),
                Map.of("host", "example.com", "x-junk", "b".repeat(Router.MAX_HEADER_CHARS)), null));

        assertThat(response.status()).isEqualTo(431);
        assertThat(response.bodyAsString()).isEqualTo("request headers too large\n");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void answersNeverCarryCorsHeadersEvenWhenAnEndpointAddsThem() {
        Response preflight = router.route(new Request("OPTIONS", "/hello", Map.of(),
                Map.of("origin", "https://evil.example", "access-control-request-method", "GET"), null));
        Response cors = router.route(new Request("GET", "/cors", Map.of(), Map.of("origin", "https://evil.example"), null));

        assertThat(preflight.status()).isEqualTo(405);
        assertThat(preflight.headers().keySet()).noneMatch(name -> name.toLowerCase().startsWith("access-control-"));
        assertThat(cors.status()).isEqualTo(200);
        assertThat(cors.headers().keySet()).noneMatch(name -> name.toLowerCase().startsWith("access-control-"));
    }
}
