package io.mailconfig.protocol.autoconfig;

import static io.mailconfig.testing.PerUserTables.LOGIN_NAME;
import static io.mailconfig.testing.PerUserTables.NO_ITEM;
import static io.mailconfig.testing.PerUserTables.NO_ITEM_EITHER;
import static io.mailconfig.testing.PerUserTables.OWN_LOGIN;
import static io.mailconfig.testing.PerUserTables.OWN_NAME_ONLY;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import io.mailconfig.lambda.MailconfigHandler;
import io.mailconfig.testing.PerUserTables;
import io.mailconfig.testing.Xml;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AutoconfigPerUserTest {

    private static PerUserTables tables;

    @BeforeAll
    static void start() {
        tables = new PerUserTables();
    }

    @AfterAll
    static void stop() {
        tables.close();
    }

    private static APIGatewayV2HTTPResponse ask(MailconfigHandler handler, String address) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/samples/autoconfig.json");
        event.setRawQueryString("emailaddress=" + URLEncoder.encode(address, StandardCharsets.UTF_8));
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
        assertThat(response.getStatusCode()).isEqualTo(200);
        return response;
    }

    @Test
    void aMailboxWithItsOwnLoginNameGetsItForEveryServerAndDavService() {
        Xml xml = Xml.parse(ask(tables.withUsers(), OWN_LOGIN).getBody());

        assertThat(xml.texts("//incomingServer/username")).hasSize(3).containsOnly(LOGIN_NAME);
        assertThat(xml.texts("//outgoingServer/username")).hasSize(2).containsOnly(LOGIN_NAME);
        assertThat(xml.text("//addressBook/username")).isEqualTo(LOGIN_NAME);
        assertThat(xml.text("//calendar/username")).isEqualTo(LOGIN_NAME);
    }

    @Test
    void aLookAlikeLocalPartIsAnotherMailbox() {
        String kelvin = "\u212Aarol@example.com";

        assertThat(ask(tables.withUsers(), kelvin).getBody()).isEqualTo(ask(tables.withoutUsers(), kelvin).getBody())
                .doesNotContain(LOGIN_NAME);
    }

    @Test
    void theMailboxIsFoundWhateverTheLetterCaseOfItsLocalPart() {
        Xml xml = Xml.parse(ask(tables.withUsers(), "CAROL@Example.COM").getBody());

        assertThat(xml.texts("//incomingServer/username")).containsOnly(LOGIN_NAME);
    }

    @Test
    void aMailboxWithOnlyADisplayNameKeepsTheServersTemplates() {
        Xml xml = Xml.parse(ask(tables.withUsers(), OWN_NAME_ONLY).getBody());

        assertThat(xml.texts("//incomingServer/username"))
                .containsExactly("%EMAILLOCALPART%@example.com", "%EMAILLOCALPART%@example.com", "%EMAILLOCALPART%");
    }

    @Test
    void aMailboxWithoutAnItemGetsExactlyTheDomainDefault() {
        String withUsers = ask(tables.withUsers(), NO_ITEM).getBody();
        String withoutUsers = ask(tables.withoutUsers(), NO_ITEM).getBody();
        String anotherMailbox = ask(tables.withUsers(), NO_ITEM_EITHER).getBody();

        assertThat(withUsers).isEqualTo(withoutUsers).isEqualTo(anotherMailbox);
        assertThat(withUsers).doesNotContain(LOGIN_NAME, "carol", "frank");
    }
}
