package io.mailconfig.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailconfig.Mailconfig;
import io.mailconfig.http.Outcome;
import io.mailconfig.http.Request;
import io.mailconfig.http.Router;
import io.mailconfig.sample.SampleEvents;
import io.mailconfig.sample.SampleProvider;
import io.mailconfig.testing.Events;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RequestMetricsTest {

    @Test
    void dimensionValuesAreReadable() {
        assertThat(List.of(Outcome.values())).extracting(Outcome::dimension)
                .containsExactly("found", "unknown-domain", "bad-request", "unavailable", "error");
    }

    @ParameterizedTest
    @MethodSource("io.mailconfig.sample.SampleEvents#names")
    void everySampleRequestIsCountedAsFoundAndAsUnavailableWhileTheStoreFails(String sample) {
        List<Outcome> counted = new ArrayList<>();
        RequestMetrics metrics = new RequestMetrics((protocol, outcome) -> counted.add(outcome));
        Request request = ApiGatewayEvents.toRequest(SampleEvents.load(sample));

        Mailconfig.router(SampleProvider.store(), Optional.empty()).withListener(metrics).route(request);
        Mailconfig.router(Events.unavailableStore(), Optional.empty()).withListener(metrics).route(request);

        assertThat(counted).containsExactly(Outcome.FOUND, Outcome.UNAVAILABLE);
    }

    @Test
    void everyAnswerIsCountedUnderItsProtocolAndOutcome() {
        List<String> counted = new ArrayList<>();
        Router router = Mailconfig.router(SampleProvider.store(), Optional.empty())
                .withListener(new RequestMetrics((protocol, outcome) -> counted.add(protocol + "/" + outcome.dimension())));

        router.route(get("/mail/config-v1.1.xml", "alice@example.com"));
        router.route(get("/mail/config-v1.1.xml", "alice@unknown.example"));
        router.route(get("/.well-known/autoconfig/mail/config-v1.1.xml", "no-at-sign"));
        router.route(new Request("DELETE", "/mail/config-v1.1.xml", Map.of(), Map.of(), null));
        router.route(get("/nothing/here", "alice@example.com"));

        assertThat(counted).containsExactly(
                "autoconfig/found", "autoconfig/unknown-domain", "autoconfig/bad-request", "autoconfig/bad-request",
                Router.NO_ROUTE + "/bad-request");
    }

    @Test
    void aFailingRecorderDoesNotCostTheAnswer() {
        Router router = Mailconfig.router(SampleProvider.store(), Optional.empty()).withListener(new RequestMetrics((protocol, outcome) -> {
            throw new IllegalStateException("metrics are down");
        }));

        assertThat(router.route(get("/mail/config-v1.1.xml", "alice@example.com")).status()).isEqualTo(200);
    }

    private static Request get(String path, String address) {
        return new Request("GET", path, Map.of("emailaddress", address), Map.of("host", "autoconfig.example.com"), null);
    }
}
