package io.mailconfig.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import io.mailconfig.http.Request;
import io.mailconfig.lambda.MailconfigHandler;
import io.mailconfig.testing.ClientReadings;
import io.mailconfig.testing.ClientReadings.Reading;
import io.mailconfig.testing.ClientReadings.Server;
import io.mailconfig.testing.GeneratedProviders;
import io.mailconfig.testing.TestTable;
import io.mailconfig.testing.Xml;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * The same address gets the same servers, ports, security, login name and authentication from
 * every protocol: for many generated providers ({@link GeneratedProviders}) and addresses, each
 * answer (Autoconfig, Autodiscover POX after its redirect, autodiscover.json, the Apple profile,
 * the setup page) is read back as its clients read it and compared with the others. A protocol
 * lists only the servers it can express a method for; which that is, is the rule of the model
 * (docs/client-settings.md).
 *
 * <p>Providers per run: {@value #PROVIDERS_PROPERTY} (default {@value #DEFAULT_PROVIDERS}). The
 * seed is new each run unless {@value #SEED_PROPERTY} gives one; a failure names it.
 */
class ProtocolsAgreeTest {

    static final String SEED_PROPERTY = "agree.seed";
    static final String PROVIDERS_PROPERTY = "agree.providers";
    static final int DEFAULT_PROVIDERS = 25;
    /** What Autodiscover and Apple profiles can say, read back. */
    private static final Set<String> AUTODISCOVER_METHODS = Set.of("password-cleartext", "none");
    private static final Set<String> APPLE_METHODS = Set.of("password-cleartext", "password-encrypted", "NTLM", "none");
    private static final Set<String> EVERY_METHOD = Set.of("password-cleartext", "password-encrypted", "NTLM", "none", "GSSAPI",
            "TLS-client-cert", "OAuth2");

    @Test
    void everyProtocolGivesAnAddressTheSameSettings() throws Exception {
        long seed = Long.getLong(SEED_PROPERTY, ThreadLocalRandom.current().nextLong());
        int providers = Integer.getInteger(PROVIDERS_PROPERTY, DEFAULT_PROVIDERS);
        try (TestTable table = new TestTable()) {
            List<GeneratedProviders.Generated> generated = new ArrayList<>();
            for (int i = 0; i < providers; i++) {
                GeneratedProviders.Generated provider = GeneratedProviders.provider(seed, i);
                table.putAll(provider.items());
                generated.add(provider);
            }
            MailconfigHandler handler = new MailconfigHandler(table.store(), Optional.empty(), Request.HTTPS);
            SoftAssertions softly = new SoftAssertions();
            for (GeneratedProviders.Generated provider : generated) {
                for (String address : provider.addresses()) {
                    agree(softly, handler, address, "seed " + seed + " (replay: -D" + SEED_PROPERTY + "=" + seed + "), provider "
                            + provider.id() + ", " + address);
                }
            }
            softly.assertAll();
        }
    }

    private static void agree(SoftAssertions softly, MailconfigHandler handler, String address, String what) throws Exception {
        Reading autoconfig = ClientReadings.autoconfig(ok(handler, "autoconfig", "emailaddress=" + encode(address)).getBody(), address);
        Reading page = ClientReadings.setupPage(ok(handler, "setup-address", "emailaddress=" + encode(address) + "&lang=en").getBody());
        Reading autodiscover = ClientReadings.autodiscover(outlookSettings(handler, address));

        softly.assertThat(page.servers()).as("setup page servers, " + what).isEqualTo(as(autoconfig.servers(), EVERY_METHOD, true));
        softly.assertThat(page.dav()).as("setup page DAV, " + what).isEqualTo(autoconfig.dav());
        softly.assertThat(autodiscover.servers()).as("Autodiscover servers, " + what)
                .isEqualTo(as(autoconfig.servers(), AUTODISCOVER_METHODS, true));
        softly.assertThat(autodiscover.dav()).as("Autodiscover DAV, " + what).isEqualTo(autoconfig.dav());

        APIGatewayV2HTTPResponse profile = handler.handleRequest(event("mobileconfig", "emailaddress=" + encode(address)), null);
        Optional<Server> incoming = as(autoconfig.incoming(), APPLE_METHODS, false).stream().findFirst();
        Optional<Server> outgoing = as(autoconfig.outgoing(), APPLE_METHODS, false).stream().findFirst();
        if (incoming.isPresent() && outgoing.isPresent()) {
            softly.assertThat(profile.getStatusCode()).as("profile, " + what).isEqualTo(200);
            Reading apple = ClientReadings.appleProfile(profile.getBody(), Boolean.TRUE.equals(profile.getIsBase64Encoded()));
            softly.assertThat(apple.servers()).as("profile servers, " + what)
                    .containsExactly(incoming.get(), outgoing.get());
            softly.assertThat(apple.dav()).as("profile DAV, " + what).isEqualTo(autoconfig.dav());
        } else {
            softly.assertThat(profile.getStatusCode()).as("profile without a server Apple can authenticate with, " + what).isEqualTo(404);
        }

        String domain = ClientReadings.canonicalDomain(address);
        softly.assertThat(json(handler, address, "AutodiscoverV1")).as("autodiscover.json, " + what)
                .isEqualTo("https://autodiscover." + domain + "/autodiscover/autodiscover.xml");
        softly.assertThat(json(handler, address, "ActiveSync")).as("autodiscover.json ActiveSync, " + what)
                .isEqualTo(mobileSyncUrl(handler, address));
    }

    /**
     * Autoconfig's servers as a protocol that can express {@code methods} must list them: each with
     * the first method of its entry that protocol can express, none left out but those it cannot.
     */
    private static List<Server> as(List<Server> autoconfig, Set<String> methods, boolean withSecurity) {
        return autoconfig.stream().flatMap(server -> server.firstOf(methods).map(method -> server.as(method, withSecurity)).stream())
                .toList();
    }

    /** The Outlook answer for the address, following redirectAddr as Outlook does (at most twice). */
    private static String outlookSettings(MailconfigHandler handler, String address) {
        String asking = address;
        for (int redirects = 0; redirects <= 2; redirects++) {
            Xml xml = Xml.parse(ok(handler, "autodiscover-get", "emailaddress=" + encode(asking)).getBody());
            if (xml.text("//Account/Action").equals("settings")) {
                return ok(handler, "autodiscover-get", "emailaddress=" + encode(asking)).getBody();
            }
            assertThat(xml.text("//Account/Action")).isEqualTo("redirectAddr");
            asking = xml.text("//Account/RedirectAddr");
        }
        throw new AssertionError("more than two redirects for " + address);
    }

    private static String mobileSyncUrl(MailconfigHandler handler, String address) {
        String asking = address;
        for (int redirects = 0; redirects <= 2; redirects++) {
            APIGatewayV2HTTPResponse response = handler.handleRequest(event("autodiscover-get", "emailaddress=" + encode(asking)
                    + "&acceptableresponseschema=" + encode("http://schemas.microsoft.com/exchange/autodiscover/mobilesync/responseschema/2006")), null);
            if (response.getStatusCode() != 200) {
                return "none";
            }
            Xml xml = Xml.parse(response.getBody());
            if (xml.count("//Action/Redirect") == 0) {
                return xml.text("//Action/Settings/Server/Url");
            }
            asking = xml.text("//Action/Redirect");
        }
        throw new AssertionError("more than two redirects for " + address);
    }

    private static String json(MailconfigHandler handler, String address, String protocol) {
        // Asked where Outlook asks it: on the address domain's own Autodiscover host.
        APIGatewayV2HTTPEvent event = event("autodiscover-json", "Email=" + encode(address) + "&Protocol=" + protocol);
        event.getHeaders().put("host", "autodiscover." + ClientReadings.canonicalDomain(address));
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
        return response.getStatusCode() == 200 ? response.getBody().replaceAll(".*\"Url\":\"([^\"]*)\".*", "$1").replace("\\/", "/") : "none";
    }

    private static APIGatewayV2HTTPResponse ok(MailconfigHandler handler, String sample, String query) {
        APIGatewayV2HTTPResponse response = handler.handleRequest(event(sample, query), null);
        assertThat(response.getStatusCode()).as(sample + "?" + query + ": " + response.getBody()).isEqualTo(200);
        return response;
    }

    private static APIGatewayV2HTTPEvent event(String sample, String query) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/samples/" + sample + ".json");
        event.setRawQueryString(query);
        event.setQueryStringParameters(null);
        return event;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
