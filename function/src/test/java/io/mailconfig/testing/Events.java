package io.mailconfig.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import io.mailconfig.store.ConfigStore;
import io.mailconfig.store.StoreUnavailableException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The repository's API Gateway events, and what handler tests do with them: the sample requests
 * of each protocol ({@code events/samples/}, which answer 200) and the tests' own ({@code events/}).
 */
public final class Events {

    private Events() {
    }

    /** {@code events/samples/<name>.json} or else {@code events/<name>.json}, a fresh copy each time. */
    public static APIGatewayV2HTTPEvent load(String name) {
        String sample = "events/samples/" + name + ".json";
        return EventLoader.loadApiGatewayHttpEvent(Events.class.getClassLoader().getResource(sample) != null
                ? sample : "events/" + name + ".json");
    }

    /** The event with another query string. */
    public static APIGatewayV2HTTPEvent withQuery(String name, String rawQuery) {
        APIGatewayV2HTTPEvent event = load(name);
        event.setRawQueryString(rawQuery);
        return event;
    }

    /** The response body as bytes, whether API Gateway carries it as text or base64. */
    public static byte[] body(APIGatewayV2HTTPResponse response) {
        return response.getIsBase64Encoded() ? Base64.getDecoder().decode(response.getBody())
                : response.getBody().getBytes(StandardCharsets.UTF_8);
    }

    /** A store whose table cannot be read, as when DynamoDB throttles or is unreachable. */
    public static ConfigStore unavailableStore() {
        return domain -> {
            throw new StoreUnavailableException("DynamoDB unreachable", null);
        };
    }
}
