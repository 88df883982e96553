package io.mailconfig.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import io.mailconfig.http.Request;
import io.mailconfig.http.Outcome;
import io.mailconfig.http.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ApiGatewayEventsTest {

    @Test
    void readsMethodPathHeadersAndTheDecodedQuery() {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/samples/autoconfig.json");

        Request request = ApiGatewayEvents.toRequest(event);

        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo("/mail/config-v1.1.xml");
        assertThat(request.queryParameter("EmailAddress")).contains("alice@example.com");
        assertThat(request.host()).contains("autoconfig.example.com");
    }

    @Test
    void theFirstOfARepeatedParameterWinsAndBadEscapesAreKeptAsSent() {
        assertThat(ApiGatewayEvents.parseQuery("a=1&a=2&b=%zz&c&=x"))
                .containsEntry("a", "1").containsEntry("b", "%zz").containsEntry("c", "").containsEntry("", "x");
    }

    @Test
    void aQueryOfManyRepeatedParametersIsRefusedWithWhatItReallyCarries() {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/samples/autoconfig.json");
        event.setRawQueryString("emailaddress=alice%40example.com" + "&emailaddress=x".repeat(20_000));

        Request request = ApiGatewayEvents.toRequest(event);
        APIGatewayV2HTTPResponse response = new MailconfigHandler(domain -> java.util.Optional.empty(), java.util.Optional.empty(), Request.HTTPS)
                .handleRequest(event, null);

        assertThat(request.query()).hasSize(1);
        assertThat(request.queryLength()).isEqualTo(event.getRawQueryString().length());
        assertThat(response.getStatusCode()).isEqualTo(414);
    }

    @Test
    void cookiesCountTowardsTheHeaderLimit() {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/samples/autoconfig.json");
        event.setCookies(java.util.List.of("a=" + "b".repeat(10_000), "c=" + "d".repeat(10_000)));

        APIGatewayV2HTTPResponse response = new MailconfigHandler(domain -> java.util.Optional.empty(), java.util.Optional.empty(), Request.HTTPS)
                .handleRequest(event, null);

        assertThat(response.getStatusCode()).isEqualTo(431);
    }

    @Test
    void decodesBase64Bodies() {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/samples/autoconfig.json");
        event.setBody(Base64.getEncoder().encodeToString("<x/>".getBytes(StandardCharsets.UTF_8)));
        event.setIsBase64Encoded(true);

        assertThat(ApiGatewayEvents.toRequest(event).bodyAsString()).isEqualTo("<x/>");
    }

    @Test
    void textTravelsAsTextAndBinaryAsBase64() {
        APIGatewayV2HTTPResponse text = ApiGatewayEvents.toEvent(Response.text(Outcome.FOUND, 200, "hi"));
        APIGatewayV2HTTPResponse binary = ApiGatewayEvents.toEvent(
                Response.of(Outcome.FOUND, 200, "application/x-apple-aspen-config", new byte[] {0x30, (byte) 0x82}));

        assertThat(text.getIsBase64Encoded()).isFalse();
        assertThat(text.getBody()).isEqualTo("hi\n");
        assertThat(binary.getIsBase64Encoded()).isTrue();
        assertThat(Base64.getDecoder().decode(binary.getBody())).containsExactly(0x30, 0x82);
    }
}
