package io.mailconfig.handler;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailconfig.Protocols;
import io.mailconfig.handler.RequestMetrics.Outcome;
import io.mailconfig.http.Request;
import io.mailconfig.http.Router;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestMetricsTest {

    @ParameterizedTest
    @CsvSource({
        "200, FOUND", "204, FOUND", "301, FOUND", "302, FOUND", "399, FOUND",
        "404, UNKNOWN_DOMAIN",
        "400, BAD_REQUEST", "405, BAD_REQUEST", "413, BAD_REQUEST", "499, BAD_REQUEST",
        "500, ERROR", "503, ERROR", "100, ERROR"})
    void statusMapsToOutcome(int status, Outcome expected) {
        assertThat(Outcome.of(status)).isEqualTo(expected);
    }

    @Test
    void dimensionValuesAreReadable() {
        assertThat(List.of(Outcome.values())).extracting(Outcome::dimension)
                .containsExactly("found", "unknown-domain", "bad-request", "error");
    }

    @Test
    void everyAnswerIsCountedUnderItsProtocolAndOutcome() {
        List<String> counted = new ArrayList<>();
        Router router = Protocols.router(Priming.sampleStore())
                .withListener(new RequestMetrics((protocol, outcome) -> counted.add(protocol + "/" + outcome.dimension())));

        router.route(get("/mail/config-v1.1.xml", "alice@example.com"));
        router.route(get("/mail/config-v1.1.xml", "alice@unknown.example"));
        router.route(get("/.well-known/autoconfig/mail/config-v1.1.xml", "no-at-sign"));
        router.route(new Request("DELETE", "/mail/config-v1.1.xml", Map.of(), Map.of(), null));
        router.route(get("/nothing/here", "alice@example.com"));

        assertThat(counted).containsExactly(
                "autoconfig/found", "autoconfig/unknown-domain", "autoconfig/bad-request", "autoconfig/bad-request",
                Router.NO_ROUTE + "/unknown-domain");
    }

    @Test
    void aFailingRecorderDoesNotCostTheAnswer() {
        Router router = Protocols.router(Priming.sampleStore()).withListener(new RequestMetrics((protocol, outcome) -> {
            throw new IllegalStateException("metrics are down");
        }));

        assertThat(router.route(get("/mail/config-v1.1.xml", "alice@example.com")).status()).isEqualTo(200);
    }

    private static Request get(String path, String address) {
        return new Request("GET", path, Map.of("emailaddress", address), Map.of("host", "autoconfig.example.com"), null);
    }
}
