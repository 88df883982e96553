package io.mailconfig.protocol.autodiscover;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.mailconfig.http.Request;
import io.mailconfig.lambda.MailconfigHandler;
import io.mailconfig.store.StoreUnavailableException;
import io.mailconfig.testing.ExampleHandler;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AutodiscoverJsonTest {

    @RegisterExtension
    static final ExampleHandler example = new ExampleHandler(MicrosoftAutodiscoverTest::exampleTable);

    private static APIGatewayV2HTTPResponse call(APIGatewayV2HTTPEvent event) {
        return example.call(event);
    }

    private static APIGatewayV2HTTPEvent asking(String path, String query) {
        APIGatewayV2HTTPEvent event = MicrosoftAutodiscoverTest.event("autodiscover-json");
        event.setRawPath(path);
        event.setRawQueryString(query);
        return event;
    }

    /** The response body as a flat JSON object; fails unless it is exactly that. */
    static Map<String, String> json(APIGatewayV2HTTPResponse response) {
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json; charset=utf-8");
        Map<String, String> fields = new LinkedHashMap<>();
        try (JsonParser parser = new JsonFactory().createParser(response.getBody())) {
            assertThat(parser.nextToken()).isEqualTo(JsonToken.START_OBJECT);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                assertThat(parser.nextToken()).isEqualTo(JsonToken.VALUE_STRING);
                fields.put(name, parser.getText());
            }
            assertThat(parser.nextToken()).isNull();
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.getBody(), e);
        }
        return fields;
    }

    @ParameterizedTest
    @Event(value = "events/samples/autodiscover-json.json", type = APIGatewayV2HTTPEvent.class)
    void autodiscoverV1PointsToThePoxEndpointOfTheAddressDomain(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = call(event);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(json(response)).containsExactly(Map.entry("Protocol", "AutodiscoverV1"),
                Map.entry("Url", "https://autodiscover.example.com/autodiscover/autodiscover.xml"));
    }

    @ParameterizedTest
    @Event(value = "events/samples/autodiscover-json-v1.json", type = APIGatewayV2HTTPEvent.class)
    void theVersionedFormTakesTheAddressFromThePath(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = call(event);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(json(response)).containsEntry("Protocol", "AutodiscoverV1")
                .containsEntry("Url", "https://autodiscover.example.com/autodiscover/autodiscover.xml");
    }

    @ParameterizedTest
    @ValueSource(strings = {"AutodiscoverV1", "autodiscoverv1", "AUTODISCOVERV1", "Autodiscoverv1"})
    void theProtocolMatchesInAnyLetterCase(String protocol) {
        APIGatewayV2HTTPResponse response = call(asking("/AutoDiscover/AutoDiscover.json/V1.0/bob@Example.NET",
                "Protocol=" + protocol));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(json(response)).containsEntry("Protocol", "AutodiscoverV1");
    }

    /** On an Autodiscover host (the shared hosts) the POX endpoint is on that host; elsewhere on the address domain's own. */
    @ParameterizedTest
    @CsvSource({
            "Autodiscover.Provider.Example:443, https://autodiscover.provider.example/autodiscover/autodiscover.xml",
            "127.0.0.1:8080, https://autodiscover.example.net/autodiscover/autodiscover.xml",
            "autodiscover.<script>, https://autodiscover.example.net/autodiscover/autodiscover.xml"})
    void thePoxEndpointIsOnTheAutodiscoverHostAsked(String host, String url) {
        APIGatewayV2HTTPEvent event = asking("/autodiscover/autodiscover.json/v1.0/bob@example.net", "Protocol=AutodiscoverV1");
        event.getHeaders().put("host", host);

        assertThat(json(call(event))).containsEntry("Url", url);
    }

    @ParameterizedTest
    @Event(value = "events/autodiscover-json-activesync.json", type = APIGatewayV2HTTPEvent.class)
    void activeSyncWithoutAServerIsAnInvalidProtocol(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = call(event);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response)).containsEntry("ErrorCode", "InvalidProtocol");
    }

    @Test
    void activeSyncGivesTheDomainsServer() {
        APIGatewayV2HTTPResponse response = call(asking("/autodiscover/autodiscover.json", "Email=dave%40sync.example&Protocol=ActiveSync"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(json(response)).containsExactly(Map.entry("Protocol", "ActiveSync"),
                Map.entry("Url", "https://eas.example.com/Microsoft-Server-ActiveSync"));
    }

    @Test
    void activeSyncOnAnAliasDomainGivesTheServerOfTheDomainItStandsFor() {
        APIGatewayV2HTTPResponse response = call(asking("/autodiscover/autodiscover.json/v1.0/dave@sync-alias.example", "Protocol=activesync"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(json(response)).containsEntry("Url", "https://eas.example.com/Microsoft-Server-ActiveSync");
    }

    @ParameterizedTest
    @Event(value = "events/autodiscover-json-bad-protocol.json", type = APIGatewayV2HTTPEvent.class)
    void anyOtherProtocolIs400InvalidProtocol(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = call(event);

        assertThat(response.getStatusCode()).isEqualTo(400);
        Map<String, String> body = json(response);
        assertThat(body).containsEntry("ErrorCode", "InvalidProtocol");
        assertThat(body.get("ErrorMessage")).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Email=alice%40example.com", "Email=alice%40example.com&Protocol=", "Email=alice%40example.com&Protocol=Rest",
            "Email=alice%40example.com&Protocol=%3Cscript%3E%22"})
    void aMissingOrUnknownProtocolIsInvalidProtocolAndNotEchoed(String query) {
        APIGatewayV2HTTPResponse response = call(asking("/autodiscover/autodiscover.json", query));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response)).containsEntry("ErrorCode", "InvalidProtocol");
        assertThat(response.getBody()).doesNotContain("<script>", "Rest");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Protocol=AutodiscoverV1", "Email=&Protocol=AutodiscoverV1", "Email=bob&Protocol=AutodiscoverV1",
            "Email=%3Cb%3E%40example.com&Protocol=AutodiscoverV1"})
    void aMissingOrMalformedAddressIs400(String query) {
        APIGatewayV2HTTPResponse response = call(asking("/autodiscover/autodiscover.json", query));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response)).containsEntry("ErrorCode", "InvalidUser");
        assertThat(response.getBody()).doesNotContain("<b>");
    }

    @Test
    void aDomainWithoutConfigurationIs404() {
        APIGatewayV2HTTPResponse response = call(asking("/autodiscover/autodiscover.json/v1.0/bob@nowhere.example", "Protocol=AutodiscoverV1"));

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(json(response)).containsEntry("ErrorCode", "UserNotFound");
    }

    @Test
    void anUnknownPathBelowTheEndpointIs404Json() {
        APIGatewayV2HTTPResponse response = call(asking("/autodiscover/autodiscover.json/v2.0/bob@example.com", "Protocol=AutodiscoverV1"));

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(json(response)).containsEntry("ErrorCode", "NotFound");
    }

    @Test
    void aPostIsNotAllowed() {
        APIGatewayV2HTTPEvent event = MicrosoftAutodiscoverTest.event("autodiscover-json");
        event.getRequestContext().getHttp().setMethod("POST");

        APIGatewayV2HTTPResponse response = call(event);

        assertThat(response.getStatusCode()).isEqualTo(405);
        assertThat(response.getHeaders()).containsEntry("Allow", "GET, HEAD");
    }

    @Test
    void aStoreThatCannotAnswerGives503WithRetryAfter() {
        MailconfigHandler failing = new MailconfigHandler(domain -> {
            throw new StoreUnavailableException("DynamoDB unreachable", null);
        }, Optional.empty(), Request.HTTPS);

        APIGatewayV2HTTPResponse response = failing.handleRequest(MicrosoftAutodiscoverTest.event("autodiscover-json"), null);

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(response.getHeaders()).containsEntry("Retry-After", "30");
        assertThat(json(response)).containsEntry("ErrorCode", "ServiceUnavailable");
    }
}
