package io.mailconfig.protocol.pacc;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.mailconfig.Mailconfig;
import io.mailconfig.http.Request;
import io.mailconfig.http.Response;
import io.mailconfig.http.Router;
import io.mailconfig.sample.SampleProvider;
import io.mailconfig.store.ConfigStore;
import io.mailconfig.testing.Events;
import io.mailconfig.testing.ExampleHandler;
import io.mailconfig.testing.TestTable;
import io.mailconfig.testing.TestTable.Items;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PaccTest {

    @RegisterExtension
    static final ExampleHandler example = new ExampleHandler(() -> new TestTable().withExampleProvider().putAll(List.of(
            // A provider PACC can only partly describe: STARTTLS, another port, another login, a DAV port.
            Items.provider("mixed", "Mixed Hosting Company with a Rather Long Name That Goes On and On", "Mixed Hosting Co. Ltd.")
                    .with("logoUrl", "https://www.mixed.example/brand/logo.svg")
                    .with("jmapUrl", "https://jmap.mixed.example/.well-known/jmap")
                    .with("oauthIssuer", "https://login.mixed.example").build(),
            Items.domain("mixed", "mixed.example").build(),
            Items.server("mixed", "imap", "imap", "imap.mixed.example", 143, "STARTTLS", 10).build(),
            Items.server("mixed", "imaps-other-port", "imap", "imap.mixed.example", 10993, "SSL", 20).build(),
            Items.server("mixed", "smtp", "smtp", "smtp.mixed.example", 465, "SSL", 10)
                    .withList("authentication", "OAuth2").build(),
            Items.dav("mixed", "calendar", "caldav", "https://dav.mixed.example:8443/cal/").build(),
            Items.provider("starttls", "Only STARTTLS", "STARTTLS").build(),
            Items.domain("starttls", "starttls.example").build(),
            Items.server("starttls", "imap", "imap", "imap.starttls.example", 143, "STARTTLS", 10).build())));

    private static final Set<String> TOP = Set.of("protocols", "authentication", "info");
    private static final Set<String> PROTOCOLS = Set.of("imap", "pop3", "submit", "managesieve", "jmap", "caldav", "carddav", "webdav");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Response get(ConfigStore store, String host) {
        Router router = Mailconfig.router(store, Optional.empty());
        return router.route(new Request("GET", Pacc.PATH, Map.of(), Map.of("host", host), null));
    }

    private static Response get(String host) {
        return get(example.table().store(), host);
    }

    @Test
    void theSampleRequestGetsTheSampleProvidersDocumentAsJson() throws Exception {
        APIGatewayV2HTTPResponse response = new io.mailconfig.lambda.MailconfigHandler(SampleProvider.store(), Optional.empty(), Request.HTTPS)
                .handleRequest(Events.load("pacc"), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json");
        JsonNode document = JSON.readTree(Events.body(response));
        assertThat(document.at("/protocols/imap/host").asText()).isEqualTo("imap.example.com");
        assertThat(document.at("/protocols/submit/host").asText()).isEqualTo("smtp.example.com");
        assertThat(document.at("/protocols/pop3/host").asText()).isEqualTo("pop.example.com");
        assertThat(document.at("/protocols/caldav/url").asText()).isEqualTo("https://dav.example.com/dav/calendars/");
    }

    @Test
    void everyFieldIsOneTheDraftDefinesWithTheValueTheTableGives() throws Exception {
        Response response = get("ua-auto-config.example.com");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Cache-Control")).isEqualTo("public, max-age=300");
        JsonNode document = JSON.readTree(response.body());
        assertThat(names(document)).isSubsetOf(TOP).contains("protocols", "authentication", "info");
        assertThat(names(document.get("protocols"))).isSubsetOf(PROTOCOLS);
        assertThat(document.at("/protocols/imap").toString()).isEqualTo("{\"host\":\"imap.example.com\"}");
        assertThat(document.at("/protocols/submit").toString()).isEqualTo("{\"host\":\"smtp.example.com\"}");
        assertThat(document.at("/protocols/smtp").isMissingNode()).as("-02's name is not used").isTrue();
        assertThat(document.at("/protocols/pop3").isMissingNode()).as("its login is the local part: PACC cannot say so").isTrue();
        assertThat(document.at("/protocols/caldav/url").asText()).isEqualTo("https://dav.example.com/caldav/");
        assertThat(document.at("/protocols/carddav/url").asText()).isEqualTo("https://dav.example.com/carddav/");
        assertThat(document.at("/authentication").toString()).isEqualTo("{\"password\":true}");
        assertThat(document.at("/info/provider/name").asText()).isEqualTo("Example Mail");
        assertThat(document.at("/info/provider/shortName").asText()).isEqualTo("Example");
        assertThat(document.at("/info/help/documentation").asText()).isEqualTo("https://help.example.com/mail");
    }

    @Test
    void serversPaccCannotDescribeAreLeftOutAndTheRestStays() throws Exception {
        JsonNode document = JSON.readTree(get("ua-auto-config.mixed.example").body());

        assertThat(names(document.get("protocols"))).as("STARTTLS, port 10993 and a DAV URL with a port are left out")
                .containsExactlyInAnyOrder("submit", "jmap");
        assertThat(document.at("/protocols/jmap/url").asText()).isEqualTo("https://jmap.mixed.example/.well-known/jmap");
        assertThat(document.at("/authentication/oauth-public/issuer").asText()).isEqualTo("https://login.mixed.example");
        assertThat(document.at("/authentication/password").asBoolean()).as("its one mail server takes OAuth only").isFalse();
        assertThat(document.at("/info/provider/name").asText()).hasSizeLessThanOrEqualTo(PaccDocument.MAX_NAME)
                .isEqualTo("Mixed Hosting Company with a Rather Long Name That Goes On");
        assertThat(document.at("/info/provider/shortName").isMissingNode()).as("22 characters are over the draft's 20").isTrue();
        assertThat(document.at("/info/provider/logo/0").toString())
                .isEqualTo("{\"content-type\":\"image/svg+xml\",\"url\":\"https://www.mixed.example/brand/logo.svg\"}");
    }

    @Test
    void theBytesAreCanonicalAndTheSameDataGivesTheSameBytes() throws Exception {
        byte[] first = get("ua-auto-config.mixed.example").body();
        byte[] second = get("UA-AUTO-CONFIG.Mixed.Example:443").body();

        assertThat(second).isEqualTo(first);
        ObjectMapper sorted = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
        Object parsed = sorted.readValue(first, TreeMap.class);
        assertThat(new String(first, StandardCharsets.UTF_8)).as("sorted members, no white space")
                .isEqualTo(sorted.writeValueAsString(parsed)).doesNotContain(" \"", ": ", "\n");
    }

    @Test
    void theTxtRecordCarriesTheSha256OfTheServedBytes() throws Exception {
        byte[] body = get("ua-auto-config.example.com").body();
        String txt = PaccRecord.txt(body);

        String digest = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(body));
        assertThat(txt).isEqualTo("v=UAAC1; a=sha256; d=" + digest);
        assertThat(PaccRecord.name("example.com")).isEqualTo("_ua-auto-config.example.com");
    }

    @Test
    void errorsAreOneLineOfText() {
        assertThat(get("autoconfig.example.com").status()).as("not the PACC host").isEqualTo(400);
        assertThat(get("ua-auto-config.unknown.example").status()).isEqualTo(404);
        Response starttls = get("ua-auto-config.starttls.example");
        assertThat(starttls.status()).isEqualTo(404);
        assertThat(starttls.bodyAsString()).isEqualTo("no server of this domain can be described in PACC\n");
        Response unavailable = get(Events.unavailableStore(), "ua-auto-config.example.com");
        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.header("Retry-After")).isEqualTo("30");
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new java.util.HashSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
