package io.mailconfig.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.mailconfig.http.Request;
import io.mailconfig.lambda.MailconfigHandler;
import io.mailconfig.sample.SampleEvents;
import io.mailconfig.testing.Events;
import io.mailconfig.testing.TestTable;
import io.mailconfig.testing.TestTable.Items;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * No answer grows with the number of domains or mailboxes of a provider: every sample request,
 * with the longest address and name a client may send, gets an answer of the same size from a
 * provider with one domain and from the same provider with thousands of domains and mailboxes.
 * The sizes it prints are the largest answer of each route for the example provider's servers
 * (docs/security.md).
 */
class AnswerSizesTest {

    /** 253 characters, the longest domain name. */
    static final String LONGEST_DOMAIN = "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(53) + ".example";
    /** 64 characters, the longest local part. */
    static final String LONGEST_LOCAL_PART = "l".repeat(64);
    /** Longer than the 128 characters a name is cut to. */
    static final String LONG_NAME = "N".repeat(300);
    private static final int MANY = 1_000;

    private static TestTable small;
    private static TestTable large;

    @BeforeAll
    static void tables() {
        small = new TestTable().withExampleProvider().put(Items.domain("example", LONGEST_DOMAIN).build());
        large = new TestTable().withExampleProvider().put(Items.domain("example", LONGEST_DOMAIN).build());
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < MANY; i++) {
            items.add(Items.domain("example", "customer-" + i + ".example").build());
            items.add(Items.user("example", "user" + i + "@" + LONGEST_DOMAIN).with("loginName", "login" + i).build());
        }
        large.putAll(items);
    }

    @AfterAll
    static void close() {
        small.close();
        large.close();
    }

    /** The sample request for the longest address (and name) in the longest domain. */
    private static APIGatewayV2HTTPEvent longest(String sample) {
        APIGatewayV2HTTPEvent event = SampleEvents.load(sample);
        event.setRawPath(event.getRawPath().replace("alice", LONGEST_LOCAL_PART).replace("example.com", LONGEST_DOMAIN));
        if (event.getRawQueryString() != null) {
            event.setRawQueryString(event.getRawQueryString().replace("alice", LONGEST_LOCAL_PART)
                    .replace("example.com", LONGEST_DOMAIN).replaceAll("name=[^&]*", "name=" + LONG_NAME));
        }
        if (event.getBody() != null) {
            event.setBody(event.getBody().replace("alice", LONGEST_LOCAL_PART).replace("example.com", LONGEST_DOMAIN));
        }
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.replaceAll((name, value) -> name.equalsIgnoreCase("host") ? value.replace("example.com", LONGEST_DOMAIN) : value);
        event.setHeaders(headers);
        return event;
    }

    @Test
    void everyAnswerIsTheSameSizeWhateverTheNumberOfDomainsAndMailboxes() {
        MailconfigHandler fromSmall = new MailconfigHandler(small.store(), Optional.empty(), Request.HTTPS);
        MailconfigHandler fromLarge = new MailconfigHandler(large.store(), Optional.empty(), Request.HTTPS);
        Map<String, Integer> sizes = new LinkedHashMap<>();

        for (String sample : SampleEvents.names()) {
            APIGatewayV2HTTPResponse one = fromSmall.handleRequest(longest(sample), null);
            APIGatewayV2HTTPResponse many = fromLarge.handleRequest(longest(sample), null);

            assertThat(one.getStatusCode()).as(sample).isEqualTo(200);
            assertThat(many.getStatusCode()).as(sample).isEqualTo(200);
            assertThat(Events.body(many).length).as(sample).isEqualTo(Events.body(one).length);
            assertThat(many.getBody()).as(sample).doesNotContain("customer-");
            sizes.put(sample, Events.body(many).length);
        }
        System.out.println("largest answer per sample request, bytes: " + sizes);
    }
}
