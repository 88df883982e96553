package io.mailconfig.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import io.mailconfig.http.Request;
import io.mailconfig.lambda.MailconfigHandler;
import io.mailconfig.testing.TestTable;
import io.mailconfig.testing.TestTable.Items;
import io.mailconfig.testing.Xml;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Items broken by hand in the console: the function leaves them out and answers from the rest. */
class MalformedItemsTest {

    private static APIGatewayV2HTTPResponse askFor(TestTable table, String address) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/samples/autoconfig.json");
        event.setRawQueryString("emailaddress=" + address.replace("@", "%40"));
        return new MailconfigHandler(table.store(), Optional.empty(), Request.HTTPS).handleRequest(event, null);
    }

    @Test
    void serversOfTheWrongTypeOrWithMissingFieldsAreSkippedAndTheRestStillAnswers() {
        try (TestTable table = new TestTable().withExampleProvider()) {
            table.put(Items.server("example", "port-as-list", "imap", "bad1.example.com", 1, "SSL", 1)
                            .with("port", AttributeValue.fromL(List.of(AttributeValue.fromN("993")))).build())
                    .put(Items.server("example", "no-hostname", "imap", "x", 993, "SSL", 1).without("hostname").build())
                    .put(Items.server("example", "socket-as-number", "imap", "bad3.example.com", 993, "SSL", 1)
                            .withNumber("socketType", 1).build())
                    .put(Items.server("example", "auth-as-map", "smtp", "bad4.example.com", 465, "SSL", 1)
                            .with("authentication", AttributeValue.fromM(Map.of("a", AttributeValue.fromS("b")))).build())
                    .put(Items.server("example", "hostname-as-bool", "smtp", "x", 465, "SSL", 1)
                            .with("hostname", AttributeValue.fromBool(true)).build())
                    .put(Items.user("example", "carol@example.com")
                            .with("loginName", AttributeValue.fromL(List.of(AttributeValue.fromS("c")))).build())
                    .put(Items.of("PROVIDER#example", "DOMAIN#Not A Domain").build())
                    .put(Items.of("PROVIDER#example", "JUNK#1").with("x", "y").build());

            APIGatewayV2HTTPResponse response = askFor(table, "carol@example.com");

            assertThat(response.getStatusCode()).isEqualTo(200);
            Xml xml = Xml.parse(response.getBody());
            assertThat(xml.texts("//incomingServer/hostname"))
                    .containsExactly("imap.example.com", "imap2.example.com", "pop.example.com");
            assertThat(xml.texts("//outgoingServer/hostname")).containsExactly("smtp.example.com", "smtp.example.com");
            assertThat(xml.texts("//incomingServer/username")).doesNotContain("c");
        }
    }

    @Test
    void aMalformedProviderItemLeavesTheProviderIdAsItsName() {
        try (TestTable table = new TestTable()) {
            table.put(Items.provider("acme", "Acme", "Acme")
                            .with("name", AttributeValue.fromL(List.of(AttributeValue.fromS("Acme")))).build())
                    .put(Items.domain("acme", "acme.example").build())
                    .put(Items.server("acme", "imap", "imap", "imap.acme.example", 993, "SSL", 10).build())
                    .put(Items.server("acme", "smtp", "smtp", "smtp.acme.example", 465, "SSL", 10).build());

            APIGatewayV2HTTPResponse response = askFor(table, "a@acme.example");

            assertThat(response.getStatusCode()).isEqualTo(200);
            Xml xml = Xml.parse(response.getBody());
            assertThat(xml.text("//displayName")).isEqualTo("acme");
            assertThat(xml.texts("//incomingServer/hostname")).containsExactly("imap.acme.example");
        }
    }

    @Test
    void aDomainWhoseOnlyServerIsMalformedStillAnswersNotAServerError() {
        try (TestTable table = new TestTable()) {
            table.put(Items.provider("acme", "Acme", "Acme").build())
                    .put(Items.domain("acme", "acme.example").build())
                    .put(Items.server("acme", "imap", "imap", "imap.acme.example", 70000, "SSL", 10).build());

            APIGatewayV2HTTPResponse response = askFor(table, "a@acme.example");

            assertThat(response.getStatusCode()).isEqualTo(200);
            assertThat(Xml.parse(response.getBody()).count("//incomingServer")).isZero();
        }
    }
}
