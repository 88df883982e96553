package io.mailconfig.cli.automx2;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import io.mailconfig.cli.Importer;
import io.mailconfig.cli.TableAccess;
import io.mailconfig.cli.Validator;
import io.mailconfig.http.Request;
import io.mailconfig.lambda.MailconfigHandler;
import io.mailconfig.model.UsernameTemplate;
import io.mailconfig.local.EmbeddedDynamoDb;
import io.mailconfig.store.dynamodb.DynamoDbConfigStore;
import io.mailconfig.store.dynamodb.Table;
import io.mailconfig.testing.Xml;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An automx2 installation, built here from automx2's own schema, carried over and asked through
 * the handler: every client must get the servers, ports, socket types and user names automx2 gave.
 */
class Automx2MigrationTest {

    /** automx2's JSON seed, version 2 (contrib/seed-sample.json of automx2 2026.1). */
    static final String AUTOMX2_SEED = """
            {
              "version": 2,
              "provider": "Example Inc.",
              "domains": [
                { "name": "example.com" },
                { "name": "example.net" },
                { "name": "example.org", "ldapserver_id": 42 }
              ],
              "ldapservers": [
                { "id": 42, "name": "ldap.example.com", "port": 636, "use_ssl": "yes",
                  "search_base": "ou=people,dc=example,dc=com", "search_filter": "(mail={0})",
                  "attr_uid": "uid", "attr_cn": "cn", "bind_password": "CLEARTEXT", "bind_user": "uid=techuser,dc=example,dc=com" },
                { "id": 99, "name": "unused.example.net", "port": 389, "search_base": "dc=example,dc=net",
                  "bind_password": "UNSAFE", "bind_user": "uid=foo,dc=example,dc=net" }
              ],
              "servers": [
                { "type": "imap", "name": "imap.example.com" },
                { "type": "smtp", "name": "smtp.example.com" },
                { "type": "smtp", "name": "submission.example.com", "port": 587, "prio": 20 },
                { "type": "caldav", "port": 443, "url": "https://www.example.net/SOGo/dav/%EMAILADDRESS%/Calendar/personal/" },
                { "type": "carddav", "port": 443, "url": "https://www.example.net/SOGo/dav/" }
              ]
            }
            """;

    @TempDir
    Path directory;

    static Path automx2Database(Path directory) throws Exception {
        return Automx2Installation.sqliteFile(directory);
    }

    /**
     * One server as Autoconfig lists it: type, host, port, socket type, user name (filled in as a
     * client does, with %EMAILADDRESS% standing for the address asked about), authentication.
     */
    private static List<String> servers(Xml xml, String element) {
        List<String> servers = new ArrayList<>();
        for (int i = 1; i <= xml.count("//" + element); i++) {
            String at = "(//" + element + ")[" + i + "]";
            servers.add(String.join(" ", xml.text(at + "/@type"), xml.text(at + "/hostname"), xml.text(at + "/port"),
                    xml.text(at + "/socketType"), asTemplate(xml.text(at + "/username"), xml.text("//emailProvider/domain")),
                    xml.text(at + "/authentication")));
        }
        return servers;
    }

    /** mailconfig writes %EMAILADDRESS% as %EMAILLOCALPART%@ and the domain: the same login, with the domain as the table has it. */
    private static String asTemplate(String username, String domain) {
        return username.replace(UsernameTemplate.EMAIL_LOCALPART + "@" + domain, UsernameTemplate.EMAIL_ADDRESS);
    }

    private static Xml ask(TableAccess table, String address) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/samples/autoconfig.json");
        event.setRawQueryString("emailaddress=" + address.replace("@", "%40"));
        var response = new MailconfigHandler(new DynamoDbConfigStore(table.client(), table.tableName()), Optional.empty(), Request.HTTPS).handleRequest(event, null);
        assertThat(response.getStatusCode()).isEqualTo(200);
        return Xml.parse(response.getBody());
    }

    private static TableAccess imported(Automx2Migration.Result result) {
        assertThat(Validator.validate(result.items())).isEmpty();
        EmbeddedDynamoDb database = EmbeddedDynamoDb.inMemory();
        database.createTable(Table.DEFAULT_NAME);
        TableAccess table = new TableAccess(database.client(), Table.DEFAULT_NAME, database);
        Importer.apply(table, Importer.plan(table, result.items(), Importer.Prune.OFF));
        return table;
    }

    @Test
    void aMigratedSqliteDatabaseAnswersEveryDomainLikeAutomx2() throws Exception {
        Automx2Migration.Result result = Automx2Migration.migrate(Automx2Source.of(automx2Database(directory).toString()).read());

        try (TableAccess table = imported(result)) {
            for (String address : List.of("alice@example.com", "bob@example.net")) {
                Xml xml = ask(table, address);
                assertThat(servers(xml, "incomingServer")).as(address).containsExactly(
                        "imap imap.example.com 993 SSL %EMAILADDRESS% password-cleartext",
                        "imap imap2.example.com 143 STARTTLS %EMAILADDRESS% password-cleartext");
                assertThat(servers(xml, "outgoingServer")).as(address).containsExactly(
                        "smtp smtp.example.com 465 SSL %EMAILADDRESS% password-cleartext",
                        "smtp smtp.example.com 587 STARTTLS %EMAILADDRESS% password-cleartext");
                assertThat(xml.text("//calendar/serverURL")).isEqualTo("https://dav.example.com/caldav/");
                assertThat(xml.text("//addressBook/serverURL")).isEqualTo("https://dav.example.com:8443/carddav/");
                assertThat(asTemplate(xml.text("//addressBook/username"), xml.text("//emailProvider/domain"))).isEqualTo("%EMAILADDRESS%");
                assertThat(xml.text("//displayName")).isEqualTo("Example Inc.");
                assertThat(xml.text("//displayShortName")).isEqualTo("Example");
            }
            Xml org = ask(table, "carol@example.org");
            assertThat(servers(org, "incomingServer")).containsExactly("imap imap.example.com 993 SSL %EMAILADDRESS% password-cleartext");
            assertThat(servers(org, "outgoingServer")).containsExactly("smtp smtp.example.com 465 SSL %EMAILADDRESS% password-cleartext");
            assertThat(org.count("//calendar")).isZero();
            Xml other = ask(table, "dave@other.example");
            assertThat(servers(other, "incomingServer")).containsExactly(
                    "imap mail.other.example 993 SSL %EMAILLOCALPART% password-cleartext",
                    "pop3 mail.other.example 995 SSL %EMAILLOCALPART% NTLM");
            assertThat(servers(other, "outgoingServer")).containsExactly(
                    "smtp mail.other.example 587 STARTTLS %EMAILLOCALPART% password-cleartext");
        }
    }

    @Test
    void domainsWithTheSameServersShareOneProviderAndTheGroupingIsReported() throws Exception {
        Automx2Migration.Result result = Automx2Migration.migrate(Automx2Source.of(automx2Database(directory).toString()).read());

        assertThat(result.items()).extracting(item -> item.get("pk").s() + " " + item.get("sk").s())
                .filteredOn(key -> key.contains("DOMAIN#"))
                .containsExactly("PROVIDER#example DOMAIN#example.com", "PROVIDER#example DOMAIN#example.net",
                        "PROVIDER#example-2 DOMAIN#example.org", "PROVIDER#other DOMAIN#other.example");
        assertThat(result.report()).contains(
                "automx2 provider 'Example Inc.' (id 100) -> PROVIDER#example: example.com, example.net "
                        + "(automx2 servers [121, 122, 123, 124, 125], DAV servers [1, 2])",
                "automx2 provider 'Example Inc.' (id 100) -> PROVIDER#example-2: example.org (automx2 servers [121, 123])");
    }

    @Test
    void whatCannotBeCarriedOverIsReportedAndNoPasswordIsShown() throws Exception {
        Automx2Migration.Result result = Automx2Migration.migrate(Automx2Source.of(automx2Database(directory).toString()).read());

        assertThat(result.report()).anyMatch(line -> line.startsWith("server 125 (pop pop.example.com:110): socket type 'PLAIN' is not carried over")
                        && line.contains("example.com, example.net"))
                .anyMatch(line -> line.startsWith("server 129 (imap forgotten.example.com) is linked to no domain"))
                .anyMatch(line -> line.startsWith("DAV server 3 (caldav http://dav.other.example/): not carried over; mailconfig offers DAV only over https"))
                .anyMatch(line -> line.startsWith("LDAP server 1 (ldaps://ldap.example.com:636, search base ou=people,dc=example,dc=com")
                        && line.contains("bind user uid=automx2,dc=example,dc=com, a bind password")
                        && line.contains("mailboxes of example.com"));
        assertThat(String.join("\n", result.report())).doesNotContain("secret-bind-password")
                .as("domains without an LDAP server name none").doesNotContain("names LDAP server");
        assertThat(result.items()).noneMatch(item -> item.get("sk").s().contains("125"));
    }

    @Test
    void aJsonSeedVersion2IsCarriedOverWithAutomx2sDefaults() throws Exception {
        Automx2Migration.Result result = Automx2Migration.migrate(Automx2Seed.parse(AUTOMX2_SEED));

        try (TableAccess table = imported(result)) {
            for (String address : List.of("alice@example.com", "bob@example.org")) {
                Xml xml = ask(table, address);
                assertThat(xml.texts("//emailProvider/domain")).containsExactly(address.substring(address.indexOf('@') + 1));
                assertThat(servers(xml, "incomingServer")).containsExactly("imap imap.example.com 993 SSL %EMAILADDRESS% password-cleartext");
                assertThat(servers(xml, "outgoingServer")).containsExactly(
                        "smtp smtp.example.com 465 SSL %EMAILADDRESS% password-cleartext",
                        "smtp submission.example.com 587 STARTTLS %EMAILADDRESS% password-cleartext");
                assertThat(xml.text("//displayName")).isEqualTo("Example Inc.");
                assertThat(xml.text("//displayShortName")).isEqualTo("Example");
                assertThat(xml.text("//addressBook/serverURL")).isEqualTo("https://www.example.net/SOGo/dav/");
                assertThat(xml.text("//calendar/serverURL")).as("left for the client, with the domain written out")
                        .isEqualTo("https://www.example.net/SOGo/dav/%EMAILLOCALPART%@" + address.substring(address.indexOf('@') + 1)
                                + "/Calendar/personal/");
            }
        }
        assertThat(result.report())
                .noneMatch(line -> line.startsWith("DAV server 4"))
                .anyMatch(line -> line.startsWith("LDAP server 42 (ldaps://ldap.example.com:636") && line.contains("mailboxes of example.org"))
                .anyMatch(line -> line.startsWith("LDAP server 99 (ldap://unused.example.net:389") && line.endsWith("is used by no domain: not carried over"));
        assertThat(String.join("\n", result.report())).doesNotContain("CLEARTEXT", "UNSAFE");
    }

    @Test
    void aSeedOfTheFirstVersionWithPlainDomainNamesIsReadToo() throws Exception {
        Automx2Data data = Automx2Seed.parse("""
                {"provider": "Example Inc.", "domains": ["example.com", "example.net"],
                 "servers": [{"type": "imap", "name": "imap.example.com"}, {"type": "pop", "name": "pop.example.com", "port": 110},
                             {"type": "smtp", "name": "smtp.example.com"}]}
                """);

        assertThat(data.domains()).extracting(Automx2Data.Domain::name).containsExactly("example.com", "example.net");
        assertThat(data.servers()).extracting(server -> server.type() + " " + server.port() + " " + server.socketType())
                .containsExactly("imap 993 SSL", "pop 110 STARTTLS", "smtp 465 SSL");
    }

    @Test
    void aSeedIsReadAsAutomx2ItselfSeedsItsDatabase() throws Exception {
        Automx2Data data = Automx2Seed.parse("""
                {"version": 2, "provider": "Example Inc.", "domains": [{"name": "example.com"}],
                 "servers": [{"type": "imap", "name": "imap.example.com", "port": 143, "socket_type": "SSL",
                              "user_name": "%EMAILLOCALPART%", "authentication": "NTLM"},
                             {"type": "smtp", "name": "smtp.example.com", "port": 465, "socket_type": "STARTTLS"},
                             {"type": "carddav", "url": "https://dav.example.com/card/", "user_name": "%EMAILLOCALPART%",
                              "domain_required": false}]}
                """);

        assertThat(data.servers()).extracting(server -> server.port() + " " + server.socketType() + " " + server.userName()
                + " " + server.authentication()).containsExactly("143 STARTTLS %EMAILADDRESS% plain", "465 SSL %EMAILADDRESS% plain");
        assertThat(data.davServers()).singleElement().satisfies(dav -> {
            assertThat(dav.port()).isZero();
            assertThat(dav.domainRequired()).isTrue();
            assertThat(dav.userName()).contains("%EMAILADDRESS%");
        });
    }

    @Test
    void serversOfEqualPrioKeepAutomx2sOrderOfIdsAcrossTypes() throws Exception {
        // automx2 lists a domain's servers sorted by prio, ties in the order of their ids.
        Automx2Data data = new Automx2Data(List.of(new Automx2Data.Provider(1, "Tie Mail", "Tie")),
                List.of(new Automx2Data.Domain(1, "tie.example", 1, Optional.empty())),
                List.of(server(30, "smtp", "thirty.tie.example", 587), server(9, "smtp", "nine.tie.example", 587),
                        server(100, "smtp", "hundred.tie.example", 587), server(12, "pop", "pop.tie.example", 995),
                        server(20, "imap", "imap.tie.example", 993)),
                List.of(), List.of());

        try (TableAccess table = imported(Automx2Migration.migrate(data))) {
            Xml xml = ask(table, "x@tie.example");
            assertThat(xml.texts("//outgoingServer/hostname")).containsExactly("nine.tie.example", "thirty.tie.example", "hundred.tie.example");
            assertThat(xml.texts("//incomingServer/hostname")).containsExactly("pop.tie.example", "imap.tie.example");
        }
    }

    private static Automx2Data.Server server(long id, String type, String name, int port) {
        return new Automx2Data.Server(id, 10, name, port, type, port == 587 ? "STARTTLS" : "SSL", "%EMAILADDRESS%", "plain", Set.of(1L));
    }

    @Test
    void aDavPortOfItsOwnIsKeptInTheUrl() {
        assertThat(Automx2Migration.withPort(dav("https://dav.example.com/caldav/", 8443, true))).isEqualTo("https://dav.example.com:8443/caldav/");
        assertThat(Automx2Migration.withPort(dav("https://dav.example.com:9443/caldav/", 8443, true))).isEqualTo("https://dav.example.com:9443/caldav/");
        assertThat(Automx2Migration.withPort(dav("https://dav.example.com/caldav/", 443, true))).isEqualTo("https://dav.example.com/caldav/");
        assertThat(Automx2Migration.withPort(dav("https://dav.example.com", 0, true))).isEqualTo("https://dav.example.com/");
        assertThat(Automx2Migration.withPort(dav("dav.example.com/card/", 8443, true))).isEqualTo("https://dav.example.com:8443/card/");
        assertThat(Automx2Migration.withPort(dav("dav.example.com/card/", 80, false))).isEqualTo("http://dav.example.com/card/");
    }

    private static Automx2Data.DavServer dav(String url, int port, boolean ssl) {
        return new Automx2Data.DavServer(1, url, port, "caldav", ssl, true, Optional.empty(), Set.of(1L));
    }

    @Test
    void providersThatCannotBeServedAreLeftOutAndNamedTheRestIsCarried() throws Exception {
        // As in automx2's own example data: a provider whose only server has an invalid type, and one without servers.
        Automx2Data data = Automx2Source.of(automx2Database(directory).toString()).read();
        List<Automx2Data.Provider> providers = new ArrayList<>(data.providers());
        providers.add(new Automx2Data.Provider(300, "Ham & Eggs", "H+E"));
        providers.add(new Automx2Data.Provider(400, "Some Other Provider", "SOP"));
        List<Automx2Data.Domain> domains = new ArrayList<>(data.domains());
        domains.add(new Automx2Data.Domain(3004, "ham-n-eggs.tld", 300, Optional.empty()));
        domains.add(new Automx2Data.Domain(3005, "serverless.tld", 400, Optional.empty()));
        List<Automx2Data.Server> servers = new ArrayList<>(data.servers());
        servers.add(new Automx2Data.Server(130, 10, "x.ham-n-eggs.tld", 123, "INVALID", "STARTTLS", "%EMAILADDRESS%", "plain",
                Set.of(3004L)));

        Automx2Migration.Result result = Automx2Migration.migrate(new Automx2Data(providers, domains, servers, data.davServers(),
                data.ldapServers()));

        assertThat(Validator.validate(result.items())).isEmpty();
        assertThat(result.items()).extracting(item -> item.get("pk").s()).doesNotContain("PROVIDER#h-e", "PROVIDER#sop")
                .contains("PROVIDER#example", "PROVIDER#other");
        assertThat(result.skipped())
                .anyMatch(line -> line.startsWith("server 130 (INVALID x.ham-n-eggs.tld:123): unknown type 'INVALID'"))
                .anyMatch(line -> line.startsWith("PROVIDER#h-e (ham-n-eggs.tld) not carried over: no usable incoming"))
                .anyMatch(line -> line.startsWith("PROVIDER#sop (serverless.tld) not carried over: no usable incoming"));
        assertThat(result.report()).containsAll(result.skipped())
                .anyMatch(line -> line.startsWith("automx2 provider 'Example Inc.' (id 100) -> PROVIDER#example"));
        assertThat(result.skipped()).noneMatch(line -> line.startsWith("automx2 provider"));
    }

    @Test
    void somethingThatIsNotASeedIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Automx2Seed.parse("[1, 2]"))
                .hasMessageContaining("not an automx2 seed");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Automx2Seed.parse("{\"version\": 3, \"provider\": \"x\"}"))
                .hasMessageContaining("version 3");
    }
}
