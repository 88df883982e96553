package io.mailconfig.cli.automx2;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import io.mailconfig.cli.Importer;
import io.mailconfig.cli.TableAccess;
import io.mailconfig.cli.Validator;
import io.mailconfig.lambda.MailconfigHandler;
import io.mailconfig.local.EmbeddedDynamoDb;
import io.mailconfig.store.dynamodb.DynamoDbConfigStore;
import io.mailconfig.store.dynamodb.Table;
import io.mailconfig.testing.Xml;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An automx2 installation, built here from automx2's own schema, carried over and asked through
 * the handler: every client must get the servers, ports, socket types and user names automx2 gave.
 */
class Automx2MigrationTest {

    /** automx2's SQLite schema (contrib/sqlite-schema.sql) and an installation with two providers. */
    static final String AUTOMX2_SQL = """
            CREATE TABLE provider (id INTEGER NOT NULL, name VARCHAR NOT NULL, short_name VARCHAR NOT NULL, PRIMARY KEY (id));
            CREATE TABLE server (id INTEGER NOT NULL, prio INTEGER DEFAULT '10' NOT NULL, name VARCHAR NOT NULL,
                port INTEGER NOT NULL, type VARCHAR NOT NULL, socket_type VARCHAR NOT NULL, user_name VARCHAR NOT NULL,
                authentication VARCHAR NOT NULL, PRIMARY KEY (id));
            CREATE TABLE davserver (id INTEGER NOT NULL, url VARCHAR NOT NULL, port INTEGER NOT NULL, type VARCHAR NOT NULL,
                use_ssl BOOLEAN NOT NULL, domain_required BOOLEAN NOT NULL, user_name VARCHAR, PRIMARY KEY (id),
                CHECK (use_ssl IN (0, 1)), CHECK (domain_required IN (0, 1)));
            CREATE TABLE ldapserver (id INTEGER NOT NULL, name VARCHAR NOT NULL, port INTEGER NOT NULL, use_ssl BOOLEAN NOT NULL,
                search_base VARCHAR NOT NULL, search_filter VARCHAR NOT NULL, attr_uid VARCHAR NOT NULL, attr_cn VARCHAR,
                bind_password VARCHAR, bind_user VARCHAR, PRIMARY KEY (id), CHECK (use_ssl IN (0, 1)));
            CREATE TABLE domain (id INTEGER NOT NULL, name VARCHAR NOT NULL, provider_id INTEGER NOT NULL, ldapserver_id INTEGER,
                PRIMARY KEY (id), UNIQUE (name), FOREIGN KEY(provider_id) REFERENCES provider (id),
                FOREIGN KEY(ldapserver_id) REFERENCES ldapserver (id));
            CREATE TABLE davserver_domain (davserver_id INTEGER NOT NULL, domain_id INTEGER NOT NULL,
                PRIMARY KEY (davserver_id, domain_id), FOREIGN KEY(davserver_id) REFERENCES davserver (id),
                FOREIGN KEY(domain_id) REFERENCES domain (id));
            CREATE TABLE server_domain (server_id INTEGER NOT NULL, domain_id INTEGER NOT NULL,
                PRIMARY KEY (server_id, domain_id), FOREIGN KEY(server_id) REFERENCES server (id),
                FOREIGN KEY(domain_id) REFERENCES domain (id));

            INSERT INTO provider VALUES (100, 'Example Inc.', 'Example');
            INSERT INTO provider VALUES (200, 'Other Mail', 'Other');
            INSERT INTO ldapserver VALUES (1, 'ldap.example.com', 636, 1, 'ou=people,dc=example,dc=com', '(mail={0})',
                'uid', 'cn', 'secret-bind-password', 'uid=automx2,dc=example,dc=com');
            INSERT INTO domain VALUES (3000, 'example.com', 100, 1);
            INSERT INTO domain VALUES (3001, 'example.net', 100, NULL);
            INSERT INTO domain VALUES (3002, 'example.org', 100, NULL);
            INSERT INTO domain VALUES (3003, 'other.example', 200, NULL);
            INSERT INTO server VALUES (121, 1, 'imap.example.com', 993, 'imap', 'SSL', '%EMAILADDRESS%', 'plain');
            INSERT INTO server VALUES (122, 5, 'imap2.example.com', 143, 'imap', 'STARTTLS', '%EMAILADDRESS%', 'plain');
            INSERT INTO server VALUES (123, 1, 'smtp.example.com', 465, 'smtp', 'SSL', '%EMAILADDRESS%', 'plain');
            INSERT INTO server VALUES (124, 5, 'smtp.example.com', 587, 'smtp', 'STARTTLS', '%EMAILADDRESS%', 'plain');
            INSERT INTO server VALUES (125, 9, 'pop.example.com', 110, 'pop', 'PLAIN', '%EMAILLOCALPART%', 'plain');
            INSERT INTO server VALUES (126, 10, 'mail.other.example', 993, 'imap', 'SSL', '%EMAILLOCALPART%', 'plain');
            INSERT INTO server VALUES (127, 20, 'mail.other.example', 995, 'pop', 'SSL', '%EMAILLOCALPART%', 'NTLM');
            INSERT INTO server VALUES (128, 10, 'mail.other.example', 587, 'smtp', 'STARTTLS', '%EMAILLOCALPART%', 'plain');
            INSERT INTO server VALUES (129, 10, 'forgotten.example.com', 993, 'imap', 'SSL', '%EMAILADDRESS%', 'plain');
            INSERT INTO server_domain VALUES (121, 3000), (121, 3001), (121, 3002);
            INSERT INTO server_domain VALUES (122, 3000), (122, 3001);
            INSERT INTO server_domain VALUES (123, 3000), (123, 3001), (123, 3002);
            INSERT INTO server_domain VALUES (124, 3000), (124, 3001);
            INSERT INTO server_domain VALUES (125, 3000), (125, 3001);
            INSERT INTO server_domain VALUES (126, 3003), (127, 3003), (128, 3003);
            INSERT INTO davserver VALUES (1, 'https://dav.example.com/caldav/', 443, 'caldav', 1, 0, '%EMAILADDRESS%');
            INSERT INTO davserver VALUES (2, 'dav.example.com/carddav/', 8443, 'carddav', 1, 1, NULL);
            INSERT INTO davserver VALUES (3, 'http://dav.other.example/', 80, 'caldav', 0, 0, NULL);
            INSERT INTO davserver_domain VALUES (1, 3000), (1, 3001), (2, 3000), (2, 3001), (3, 3003);
            """;

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
        Path file = directory.resolve("automx2.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            for (String sql : AUTOMX2_SQL.split(";")) {
                if (!sql.isBlank()) {
                    statement.execute(sql);
                }
            }
        }
        return file;
    }

    /** One server as Autoconfig lists it: type, host, port, socket type, user name, authentication. */
    private static List<String> servers(Xml xml, String element) {
        List<String> servers = new ArrayList<>();
        for (int i = 1; i <= xml.count("//" + element); i++) {
            String at = "(//" + element + ")[" + i + "]";
            servers.add(String.join(" ", xml.text(at + "/@type"), xml.text(at + "/hostname"), xml.text(at + "/port"),
                    xml.text(at + "/socketType"), xml.text(at + "/username"), xml.text(at + "/authentication")));
        }
        return servers;
    }

    private static Xml ask(TableAccess table, String address) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/samples/autoconfig.json");
        event.setRawQueryString("emailaddress=" + address.replace("@", "%40"));
        var response = new MailconfigHandler(new DynamoDbConfigStore(table.client(), table.tableName()), Optional.empty()).handleRequest(event, null);
        assertThat(response.getStatusCode()).isEqualTo(200);
        return Xml.parse(response.getBody());
    }

    private static TableAccess imported(Automx2Migration.Result result) {
        assertThat(Validator.validate(result.items())).isEmpty();
        EmbeddedDynamoDb database = EmbeddedDynamoDb.inMemory();
        database.createTable(Table.DEFAULT_NAME);
        TableAccess table = new TableAccess(database.client(), Table.DEFAULT_NAME, database);
        Importer.apply(table, Importer.plan(table, result.items(), false));
        return table;
    }

    @Test
    void aMigratedSqliteDatabaseAnswersEveryDomainLikeAutomx2() throws Exception {
        Automx2Migration.Result result = Automx2Migration.migrate(Automx2Database.read(automx2Database(directory)));

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
                assertThat(xml.text("//addressBook/username")).isEqualTo("%EMAILADDRESS%");
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
        Automx2Migration.Result result = Automx2Migration.migrate(Automx2Database.read(automx2Database(directory)));

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
        Automx2Migration.Result result = Automx2Migration.migrate(Automx2Database.read(automx2Database(directory)));

        assertThat(result.report()).anyMatch(line -> line.startsWith("server 125 (pop pop.example.com:110): socket type 'PLAIN' is not carried over")
                        && line.contains("example.com, example.net"))
                .anyMatch(line -> line.startsWith("server 129 (imap forgotten.example.com) is linked to no domain"))
                .anyMatch(line -> line.startsWith("DAV server 3 (caldav http://dav.other.example/): not carried over; mailconfig offers DAV only over https"))
                .anyMatch(line -> line.startsWith("LDAP server 1 (ldaps://ldap.example.com:636, search base ou=people,dc=example,dc=com")
                        && line.contains("bind user uid=automx2,dc=example,dc=com, a bind password")
                        && line.contains("mailboxes of example.com"));
        assertThat(String.join("\n", result.report())).doesNotContain("secret-bind-password");
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
            }
        }
        assertThat(result.report())
                .anyMatch(line -> line.startsWith("DAV server 4 (caldav https://www.example.net/SOGo/dav/%EMAILADDRESS%/Calendar/personal/): not carried over; its URL holds a placeholder"))
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
    void somethingThatIsNotASeedIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Automx2Seed.parse("[1, 2]"))
                .hasMessageContaining("not an automx2 seed");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Automx2Seed.parse("{\"version\": 3, \"provider\": \"x\"}"))
                .hasMessageContaining("version 3");
    }
}
