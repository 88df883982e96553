package io.mailconfig.protocol.mobileconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.dd.plist.NSArray;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSNumber;
import com.dd.plist.NSObject;
import com.dd.plist.NSString;
import com.dd.plist.PropertyListParser;
import io.mailconfig.http.Request;
import io.mailconfig.lambda.MailconfigHandler;
import io.mailconfig.testing.Events;
import io.mailconfig.testing.SignedProfiles;
import io.mailconfig.testing.TestCertificates;
import io.mailconfig.testing.ExampleHandler;
import io.mailconfig.testing.TestTable;
import io.mailconfig.testing.TestTable.Items;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AppleMobileconfigTest {

    private static final Pattern UUID_FORM = Pattern.compile("[0-9A-F]{8}-[0-9A-F]{4}-5[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}");

    @RegisterExtension
    static final ExampleHandler example = new ExampleHandler();

    private static APIGatewayV2HTTPEvent event(String name) {
        return Events.load(name);
    }

    private static APIGatewayV2HTTPEvent withQuery(String query) {
        return Events.withQuery("mobileconfig", query);
    }

    private static byte[] body(APIGatewayV2HTTPResponse response) {
        return Events.body(response);
    }

    static NSDictionary profile(byte[] plist) throws Exception {
        return (NSDictionary) PropertyListParser.parse(plist);
    }

    private static NSDictionary download(MailconfigHandler on, String query) throws Exception {
        APIGatewayV2HTTPResponse response = on.handleRequest(withQuery(query), null);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        return profile(body(response));
    }

    private static List<NSDictionary> payloads(NSDictionary profile) {
        List<NSDictionary> payloads = new ArrayList<>();
        for (NSObject payload : ((NSArray) profile.get("PayloadContent")).getArray()) {
            payloads.add((NSDictionary) payload);
        }
        return payloads;
    }

    private static NSDictionary payload(NSDictionary profile, String type) {
        return payloads(profile).stream().filter(p -> p.get("PayloadType").toJavaObject().equals(type)).findFirst().orElseThrow();
    }

    private static Object value(NSDictionary dictionary, String key) {
        assertThat(dictionary.containsKey(key)).as("has %s", key).isTrue();
        return dictionary.get(key).toJavaObject();
    }

    private static void assertString(NSDictionary dictionary, String key) {
        assertThat(dictionary.get(key)).as(key).isInstanceOf(NSString.class);
    }

    private static void assertInteger(NSDictionary dictionary, String key) {
        assertThat(dictionary.get(key)).as(key).isInstanceOfSatisfying(NSNumber.class,
                n -> assertThat(n.type()).isEqualTo(NSNumber.INTEGER));
    }

    private static void assertBoolean(NSDictionary dictionary, String key) {
        assertThat(dictionary.get(key)).as(key).isInstanceOfSatisfying(NSNumber.class,
                n -> assertThat(n.type()).isEqualTo(NSNumber.BOOLEAN));
    }

    /** Every identifier in the profile: its PayloadIdentifier, and the PayloadUUID and identifier of each payload. */
    private static Set<String> identifiers(NSDictionary profile) {
        Set<String> ids = new HashSet<>();
        ids.add((String) value(profile, "PayloadIdentifier"));
        ids.add((String) value(profile, "PayloadUUID"));
        for (NSDictionary payload : payloads(profile)) {
            ids.add((String) value(payload, "PayloadIdentifier"));
            ids.add((String) value(payload, "PayloadUUID"));
        }
        return ids;
    }

    @ParameterizedTest
    @Event(value = "events/samples/mobileconfig.json", type = APIGatewayV2HTTPEvent.class)
    void anIphoneDownloadGetsAnUnsignedProfileAsAnAttachment(APIGatewayV2HTTPEvent event) throws Exception {
        APIGatewayV2HTTPResponse response = example.call(event);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/x-apple-aspen-config")
                .containsEntry("Content-Disposition", "attachment; filename=\"alice-example.com.mobileconfig\"");
        byte[] plist = body(response);
        assertThat(new String(plist, StandardCharsets.UTF_8)).startsWith("<?xml").contains("<!DOCTYPE plist");
        NSDictionary profile = profile(plist);
        for (String key : List.of("PayloadIdentifier", "PayloadUUID", "PayloadType", "PayloadDisplayName", "PayloadOrganization")) {
            assertString(profile, key);
        }
        assertInteger(profile, "PayloadVersion");
        assertBoolean(profile, "PayloadRemovalDisallowed");
        assertThat(value(profile, "PayloadType")).isEqualTo("Configuration");
        assertThat(value(profile, "PayloadVersion")).isEqualTo(1);
        assertThat(value(profile, "PayloadOrganization")).isEqualTo("Example Mail");
        assertThat((String) value(profile, "PayloadIdentifier")).startsWith("com.example.mailconfig.");
        assertThat((String) value(profile, "PayloadUUID")).matches(UUID_FORM);
        assertThat(payloads(profile)).extracting(p -> p.get("PayloadType").toJavaObject())
                .containsExactly("com.apple.mail.managed", "com.apple.caldav.account", "com.apple.carddav.account");
        for (NSDictionary payload : payloads(profile)) {
            assertString(payload, "PayloadIdentifier");
            assertThat((String) value(payload, "PayloadIdentifier")).startsWith(value(profile, "PayloadIdentifier") + ".");
            assertThat((String) value(payload, "PayloadUUID")).matches(UUID_FORM);
            assertInteger(payload, "PayloadVersion");
        }
        assertThat(identifiers(profile)).hasSize(8);
    }

    @Test
    void theMailPayloadHoldsTheFirstServersWithTheMethodEveryProtocolNamesAndExpandsTheUsername() throws Exception {
        NSDictionary mail = payload(download(example.handler(), "emailaddress=alice%40example.com&name=Alice%20Example"),
                "com.apple.mail.managed");

        assertThat(value(mail, "EmailAccountType")).isEqualTo("EmailTypeIMAP");
        assertThat(value(mail, "EmailAddress")).isEqualTo("alice@example.com");
        assertThat(value(mail, "EmailAccountName")).isEqualTo("Alice Example");
        assertThat(value(mail, "IncomingMailServerHostName")).isEqualTo("imap.example.com");
        assertThat(value(mail, "IncomingMailServerPortNumber")).isEqualTo(993);
        assertThat(value(mail, "IncomingMailServerUseSSL")).isEqualTo(true);
        assertThat(value(mail, "IncomingMailServerAuthentication")).isEqualTo("EmailAuthPassword");
        assertThat(value(mail, "IncomingMailServerUsername")).isEqualTo("alice@example.com");
        assertThat(value(mail, "OutgoingMailServerHostName")).isEqualTo("smtp.example.com");
        assertThat(value(mail, "OutgoingMailServerPortNumber")).isEqualTo(465);
        assertThat(value(mail, "OutgoingMailServerUseSSL")).isEqualTo(true);
        assertThat(value(mail, "OutgoingMailServerAuthentication"))
                .as("[password-encrypted, password-cleartext]: the password, as Autodiscover can only say")
                .isEqualTo("EmailAuthPassword");
        assertThat(value(mail, "OutgoingMailServerUsername")).isEqualTo("alice@example.com");
        assertThat(value(mail, "OutgoingPasswordSameAsIncomingPassword")).isEqualTo(true);
        for (String key : List.of("IncomingMailServerPortNumber", "OutgoingMailServerPortNumber")) {
            assertInteger(mail, key);
        }
        for (String key : List.of("IncomingMailServerUseSSL", "OutgoingMailServerUseSSL")) {
            assertBoolean(mail, key);
        }
        assertThat(mail.allKeys()).noneMatch(key -> key.endsWith("Password") && !key.startsWith("OutgoingPasswordSame"));
    }

    @Test
    void calendarAndContactsPayloadsCarryTheDavServers() throws Exception {
        NSDictionary profile = download(example.handler(), "emailaddress=alice%40example.com");
        NSDictionary caldav = payload(profile, "com.apple.caldav.account");
        NSDictionary carddav = payload(profile, "com.apple.carddav.account");

        assertThat(value(caldav, "CalDAVHostName")).isEqualTo("dav.example.com");
        assertThat(value(caldav, "CalDAVPort")).isEqualTo(443);
        assertThat(value(caldav, "CalDAVUseSSL")).isEqualTo(true);
        assertThat(value(caldav, "CalDAVPrincipalURL")).isEqualTo("https://dav.example.com/caldav/");
        assertThat(value(caldav, "CalDAVUsername")).isEqualTo("alice@example.com");
        assertThat(value(carddav, "CardDAVHostName")).isEqualTo("dav.example.com");
        assertThat(value(carddav, "CardDAVPrincipalURL")).isEqualTo("https://dav.example.com/carddav/");
        assertInteger(carddav, "CardDAVPort");
        assertBoolean(carddav, "CardDAVUseSSL");
        assertThat(caldav.containsKey("CalDAVPassword")).isFalse();
    }

    @Test
    void theSameAddressGivesTheSameIdentifiersWhateverItsLetterCase() throws Exception {
        NSDictionary first = download(example.handler(), "emailaddress=alice%40example.com");
        NSDictionary again = download(example.handler(), "emailaddress=Alice%40EXAMPLE.com&name=Someone");

        assertThat(identifiers(again)).isEqualTo(identifiers(first));
        assertThat(value(again, "PayloadIdentifier")).isEqualTo(value(first, "PayloadIdentifier"));
    }

    @Test
    void differentAddressesShareNoIdentifier() throws Exception {
        Set<String> alice = identifiers(download(example.handler(), "emailaddress=alice%40example.com"));
        Set<String> bob = identifiers(download(example.handler(), "emailaddress=bob%40example.com"));
        Set<String> aliceElsewhere = identifiers(download(example.handler(), "emailaddress=alice%40example.net"));

        assertThat(alice).doesNotContainAnyElementsOf(bob).doesNotContainAnyElementsOf(aliceElsewhere);
        assertThat(bob).doesNotContainAnyElementsOf(aliceElsewhere);
    }

    @Test
    void aMailboxItemChangesTheUsernameAndGivesTheName() throws Exception {
        try (TestTable users = new TestTable().withExampleProvider()) {
            users.put(Items.user("example", "carol@example.com").with("loginName", "c.smith")
                    .with("displayName", "Carol Smith").build());
            MailconfigHandler withUsers = new MailconfigHandler(users.store(), Optional.empty(), Request.HTTPS);

            NSDictionary carol = download(withUsers, "emailaddress=carol%40example.com");
            NSDictionary named = download(withUsers, "emailaddress=carol%40example.com&name=C.%20S.");
            NSDictionary dave = download(withUsers, "emailaddress=dave%40example.com");

            NSDictionary mail = payload(carol, "com.apple.mail.managed");
            assertThat(value(mail, "IncomingMailServerUsername")).isEqualTo("c.smith");
            assertThat(value(mail, "OutgoingMailServerUsername")).isEqualTo("c.smith");
            assertThat(value(payload(carol, "com.apple.caldav.account"), "CalDAVUsername")).isEqualTo("c.smith");
            assertThat(value(mail, "EmailAccountName")).isEqualTo("Carol Smith");
            assertThat(value(payload(named, "com.apple.mail.managed"), "EmailAccountName")).isEqualTo("C. S.");
            NSDictionary daveMail = payload(dave, "com.apple.mail.managed");
            assertThat(value(daveMail, "IncomingMailServerUsername")).isEqualTo("dave@example.com");
            assertThat(daveMail.containsKey("EmailAccountName")).isFalse();
        }
    }

    @Test
    void pop3AndStarttlsWhenThatIsAllThereIsWithUseSslTrue() throws Exception {
        try (TestTable pop = new TestTable()) {
            pop.put(Items.provider("pop", "Pop Mail", "Pop").build())
                    .put(Items.domain("pop", "pop.example").build())
                    .put(Items.server("pop", "pop3", "pop3", "pop.pop.example", 995, "SSL", 1)
                            .with("username", "%EMAILLOCALPART%").build())
                    .put(Items.server("pop", "smtp", "smtp", "smtp.pop.example", 587, "STARTTLS", 1).build());

            NSDictionary profile = download(new MailconfigHandler(pop.store(), Optional.empty(), Request.HTTPS), "emailaddress=Paul%40pop.example");

            NSDictionary mail = payload(profile, "com.apple.mail.managed");
            assertThat(value(mail, "EmailAccountType")).isEqualTo("EmailTypePOP");
            assertThat(value(mail, "IncomingMailServerUsername")).isEqualTo("Paul");
            assertThat(value(mail, "OutgoingMailServerPortNumber")).isEqualTo(587);
            assertThat(value(mail, "OutgoingMailServerUseSSL")).as("TLS required, by STARTTLS on 587").isEqualTo(true);
            assertThat(payloads(profile)).hasSize(1);
        }
    }

    @Test
    void theAdministratorsPriorityDecidesBetweenStarttlsAndImplicitTlsAndBetweenImapAndPop3() throws Exception {
        try (TestTable tls = new TestTable()) {
            tls.put(Items.provider("tls", "TLS Mail", "TLS").build())
                    .put(Items.domain("tls", "tls.example").build())
                    .put(Items.server("tls", "pop3", "pop3", "mail.tls.example", 995, "SSL", 1).build())
                    .put(Items.server("tls", "imap-starttls", "imap", "mail.tls.example", 143, "STARTTLS", 2).build())
                    .put(Items.server("tls", "imaps", "imap", "mail.tls.example", 993, "SSL", 5).build())
                    .put(Items.server("tls", "submission", "smtp", "mail.tls.example", 587, "STARTTLS", 1).build())
                    .put(Items.server("tls", "submissions", "smtp", "mail.tls.example", 465, "SSL", 5).build())
                    .put(Items.server("tls", "oauth", "imap", "oauth.tls.example", 993, "SSL", 0)
                            .withList("authentication", "OAuth2").build());

            NSDictionary mail = payload(download(new MailconfigHandler(tls.store(), Optional.empty(), Request.HTTPS), "emailaddress=x%40tls.example"),
                    "com.apple.mail.managed");

            assertThat(value(mail, "EmailAccountType")).as("the first incoming server a profile can authenticate with").isEqualTo("EmailTypePOP");
            assertThat(value(mail, "IncomingMailServerPortNumber")).isEqualTo(995);
            assertThat(value(mail, "OutgoingMailServerPortNumber")).isEqualTo(587);
            assertThat(value(mail, "OutgoingMailServerUseSSL")).isEqualTo(true);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ec", "rsa", "rsa-4096"})
    void aSignedProfileVerifiesAndHoldsExactlyTheUnsignedOne(String key, @TempDir Path directory) throws Exception {
        TestCertificates pki = TestCertificates.named(key);
        ProfileSigner signer = ProfileSigner.fromPem(pki.signer().certificatePem(), pki.signer().privateKeyPem(),
                pki.intermediate().certificatePem());
        MailconfigHandler signing = new MailconfigHandler(example.table().store(), Optional.of(signer), Request.HTTPS);

        APIGatewayV2HTTPResponse response = signing.handleRequest(event("mobileconfig"), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/x-apple-aspen-config");
        assertThat(response.getIsBase64Encoded()).isTrue();
        byte[] der = body(response);
        byte[] unsigned = body(example.call(event("mobileconfig")));
        assertThat(der[0]).as("DER SEQUENCE").isEqualTo((byte) 0x30);
        assertThat(SignedProfiles.verify(der, pki.root().certificate())).isEqualTo(unsigned);
        assertThat(value(profile(SignedProfiles.verify(der, pki.root().certificate())), "PayloadType")).isEqualTo("Configuration");
        assumeTrue(SignedProfiles.opensslAvailable(), "openssl is not installed");
        assertThat(SignedProfiles.verifyWithOpenssl(der, pki.root().certificate(), directory)).isEqualTo(unsigned);
    }

    @ParameterizedTest
    @Event(value = "events/mobileconfig-malformed-address.json", type = APIGatewayV2HTTPEvent.class)
    void aMalformedAddressIsABadRequest(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = example.call(event);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getHeaders().get("Content-Type")).startsWith("text/plain");
        assertThat(response.getBody()).isEqualTo("email address has no @\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "emailaddress=", "name=Alice", "emailaddress=a%40b%40example.com",
            "emailaddress=%3Cscript%3E%40example.com", "emailaddress=alice%40exa_mple.com"})
    void badAddressesGetOneLineReasons(String query) {
        APIGatewayV2HTTPResponse response = example.call(withQuery(query));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getBody()).endsWith("\n").doesNotContain("<", "Exception");
        assertThat(response.getBody().strip()).isNotEmpty().doesNotContain("\n");
    }

    @ParameterizedTest
    @Event(value = "events/mobileconfig-unknown-domain.json", type = APIGatewayV2HTTPEvent.class)
    void anUnknownDomainIsNotFound(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = example.call(event);

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(response.getBody()).isEqualTo("no configuration for this domain\n");
    }

    @Test
    void aStoreThatCannotAnswerGives503WithRetryAfter() {
        MailconfigHandler failing = new MailconfigHandler(Events.unavailableStore(), Optional.empty(), Request.HTTPS);

        APIGatewayV2HTTPResponse response = failing.handleRequest(event("mobileconfig"), null);

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(response.getHeaders()).containsEntry("Retry-After", "30");
        assertThat(response.getBody()).isEqualTo("configuration temporarily unavailable\n");
    }

    @Test
    void answersWithATrailingSlashAndRefusesOtherMethods() throws Exception {
        APIGatewayV2HTTPEvent slash = event("mobileconfig");
        slash.setRawPath("/mobileconfig/");
        APIGatewayV2HTTPEvent post = event("mobileconfig");
        post.getRequestContext().getHttp().setMethod("POST");

        assertThat(profile(body(example.call(slash))).get("PayloadType").toJavaObject()).isEqualTo("Configuration");
        APIGatewayV2HTTPResponse refused = example.call(post);
        assertThat(refused.getStatusCode()).isEqualTo(405);
        assertThat(refused.getHeaders()).containsEntry("Allow", "GET, HEAD");
    }

    @Test
    void hostileTableValuesAndNamesStayPlainStringsInAWellFormedPlist() throws Exception {
        try (TestTable hostile = new TestTable()) {
            hostile.put(Items.provider("evil", "Fish & Chips <Mail> ]]></string><key>x</key>\u0007", "F&C").build())
                    .put(Items.domain("evil", "evil.example").build())
                    .put(Items.server("evil", "imap", "imap", "imap.evil.example", 993, "SSL", 1)
                            .with("username", "%EMAILLOCALPART%</string><key>IncomingPassword</key><string>x").build())
                    .put(Items.server("evil", "smtp", "smtp", "smtp.evil.example", 465, "SSL", 1).build());

            NSDictionary profile = download(new MailconfigHandler(hostile.store(), Optional.empty(), Request.HTTPS),
                    "emailaddress=eve%40evil.example&name=%3C%2Fstring%3E%01Eve");

            NSDictionary mail = payload(profile, "com.apple.mail.managed");
            assertThat(value(profile, "PayloadOrganization")).isEqualTo("Fish & Chips <Mail> ]]></string><key>x</key>");
            assertThat(value(mail, "IncomingMailServerUsername"))
                    .isEqualTo("eve</string><key>IncomingPassword</key><string>x");
            assertThat(value(mail, "EmailAccountName")).isEqualTo("</string>Eve");
            assertThat(mail.containsKey("IncomingPassword")).isFalse();
        }
    }

    @Test
    void aFileNameIsSafeWhateverTheLocalPart() throws Exception {
        assertThat(AppleMobileconfig.fileName(io.mailconfig.model.EmailAddress.parse("a/b=c{d}'@example.com")))
                .isEqualTo("a_b_c_d__-example.com.mobileconfig");
        assertThat(AppleMobileconfig.fileName(io.mailconfig.model.EmailAddress.parse("jörg@bücher.example")))
                .isEqualTo("j_rg-xn--bcher-kva.example.mobileconfig");
    }

    @Test
    void identifiersOfManyAddressesNeverCollide() throws Exception {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            var address = io.mailconfig.model.EmailAddress.parse("user" + i + "@example" + (i % 7) + ".com");
            ProfileIdentifiers ids = ProfileIdentifiers.of(address);
            for (String id : List.of(ids.profileIdentifier(), ids.profileUuid().toString(),
                    ids.payloadUuid("mail").toString(), ids.payloadUuid("caldav").toString())) {
                assertThat(seen.add(id)).as("unique %s", id).isTrue();
            }
        }
        assertThat(Map.of("a", ProfileIdentifiers.reverseDns("mail.example.com"))).containsEntry("a", "com.example.mail");
    }
}
