package io.mailconfig.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailconfig.model.DomainConfig;
import io.mailconfig.model.EmailAddress;
import io.mailconfig.model.UserSettings;
import io.mailconfig.testing.CountingDynamoDb;
import io.mailconfig.model.ServerType;
import io.mailconfig.testing.TestTable;
import io.mailconfig.testing.TestTable.Items;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoDbConfigStoreTest {

    @Test
    void findsADomainWithItsProvidersServersInPriorityOrder() {
        try (TestTable table = new TestTable().withExampleProvider()) {
            DomainConfig config = table.store().find("example.net").orElseThrow();

            assertThat(config.domain().name()).isEqualTo("example.net");
            assertThat(config.provider().provider().name()).isEqualTo("Example Mail");
            assertThat(config.provider().incomingServers()).extracting(s -> s.hostname())
                    .containsExactly("imap.example.com", "imap2.example.com", "pop.example.com");
            assertThat(config.provider().outgoingServers()).extracting(s -> s.port()).containsExactly(465, 587);
            assertThat(config.provider().servers()).extracting(s -> s.type())
                    .contains(ServerType.IMAP, ServerType.POP3, ServerType.SMTP);
        }
    }

    @Test
    void anUnknownDomainIsEmpty() {
        try (TestTable table = new TestTable().withExampleProvider()) {
            assertThat(table.store().find("example.org")).isEmpty();
        }
    }

    @Test
    void aDomainCostsTheSameReadsAndItemsWhateverTheNumberOfDomainsAndMailboxesOfItsProvider() throws Exception {
        try (TestTable small = new TestTable().withExampleProvider(); TestTable large = new TestTable().withExampleProvider()) {
            for (int i = 0; i < 300; i++) {
                large.put(Items.domain("example", "customer" + i + ".example").build())
                        .put(Items.user("example", "user" + i + "@example.com").with("loginName", "u" + i).build());
            }
            CountingDynamoDb smallReads = new CountingDynamoDb(small.client());
            CountingDynamoDb largeReads = new CountingDynamoDb(large.client());

            DomainConfig fromSmall = new DynamoDbConfigStore(smallReads.client(), TestTable.NAME).find("example.com").orElseThrow();
            DomainConfig fromLarge = new DynamoDbConfigStore(largeReads.client(), TestTable.NAME).find("example.com").orElseThrow();

            assertThat(fromLarge).isEqualTo(fromSmall);
            assertThat(fromLarge.provider().domains()).as("no other domain is read").isEmpty();
            assertThat(fromLarge.provider().users()).as("no mailbox is read").isEmpty();
            assertThat(largeReads.calls()).isEqualTo(smallReads.calls()).isEqualTo(4);
            assertThat(largeReads.items()).isEqualTo(smallReads.items()).isEqualTo(1 + 1 + 2 + 1 + 5);
        }
    }

    @Test
    void aMailboxIsReadByItsKeyAndOneWithoutAnItemCostsTheSameRead() throws Exception {
        try (TestTable table = new TestTable().withExampleProvider()) {
            for (int i = 0; i < 300; i++) {
                table.put(Items.user("example", "user" + i + "@example.com").with("loginName", "u" + i).build());
            }
            CountingDynamoDb reads = new CountingDynamoDb(table.client());
            DynamoDbConfigStore store = new DynamoDbConfigStore(reads.client(), TestTable.NAME);
            DomainConfig config = store.find("example.com").orElseThrow();
            reads.reset();

            Optional<UserSettings> withItem = store.mailbox(config, EmailAddress.parse("User7@example.com"));
            int readsWithItem = reads.calls();
            Optional<UserSettings> withoutItem = store.mailbox(config, EmailAddress.parse("nobody@example.com"));

            assertThat(withItem).hasValueSatisfying(user -> assertThat(user.loginName()).contains("u7"));
            assertThat(withoutItem).isEmpty();
            assertThat(readsWithItem).isEqualTo(1);
            assertThat(reads.calls()).isEqualTo(2);
            assertThat(reads.items()).isEqualTo(1);
        }
    }

    @Test
    void anAliasDomainIsReadWithTheDomainItStandsFor() {
        try (TestTable table = new TestTable().withExampleProvider()) {
            table.put(Items.domain("example", "example.com").with("activeSyncUrl", "https://eas.example.com/Microsoft-Server-ActiveSync").build())
                    .put(Items.domain("example", "alias.example").with("aliasOf", "example.com").build());

            DomainConfig config = table.store().find("alias.example").orElseThrow();

            assertThat(config.domain().aliasOf()).contains("example.com");
            assertThat(config.aliasTarget()).hasValueSatisfying(target -> assertThat(target.activeSyncUrl()).isPresent());
        }
    }

    @Test
    void aMalformedItemIsSkippedAndTheRestStillAnswers() {
        try (TestTable table = new TestTable().withExampleProvider()) {
            table.put(Items.server("example", "broken-port", "imap", "bad.example.com", 993, "SSL", 1)
                            .with("port", AttributeValue.fromS("nine-nine-three")).build())
                    .put(Items.server("example", "plain", "imap", "plain.example.com", 143, "plain", 1).build())
                    .put(Items.server("example", "no-host", "smtp", "x.example.com", 25, "STARTTLS", 1).without("hostname").build())
                    .put(Items.server("example", "bad-auth", "smtp", "y.example.com", 25, "STARTTLS", 1)
                            .withList("authentication", "magic").build())
                    .put(Items.server("example", "huge-port", "smtp", "z.example.com", 70000, "SSL", 1).build())
                    .put(Items.server("example", "bad-host", "imap", "imap.<b>.example", 993, "SSL", 1).build())
                    .put(Items.of("PROVIDER#example", "WHATEVER").build());

            DomainConfig config = table.store().find("example.com").orElseThrow();

            assertThat(config.provider().servers()).extracting(s -> s.hostname())
                    .containsExactly("imap.example.com", "smtp.example.com", "imap2.example.com", "smtp.example.com", "pop.example.com");
        }
    }

    @Test
    void everyMalformedItemIsReportedWithItsKey() {
        try (TestTable table = new TestTable().withExampleProvider()) {
            table.put(Items.server("example", "plain", "imap", "plain.example.com", 143, "plain", 1).build())
                    .put(Items.domain("example", "Upper.Example").build())
                    .put(Items.user("example", "Carol@Example.com").with("loginName", "c").build());
            var items = table.client().query(r -> r.tableName(TestTable.NAME).keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(java.util.Map.of(":pk", AttributeValue.fromS("PROVIDER#example")))).items();

            ItemReader.Result result = ItemReader.read("example", items);

            assertThat(result.problems()).extracting(ItemReader.Problem::toString).containsExactlyInAnyOrder(
                    "item (pk=PROVIDER#example, sk=SERVER#plain): socketType must be SSL or STARTTLS",
                    "item (pk=PROVIDER#example, sk=DOMAIN#Upper.Example): domain must be stored in lower-case ASCII (punycode): DOMAIN#upper.example",
                    "item (pk=PROVIDER#example, sk=USER#Carol@Example.com): mailbox must be stored with ASCII letters in lower case"
                            + " and the domain in punycode: USER#carol@example.com");
        }
    }

    @Test
    void aProviderWithoutItsProviderItemStillAnswersUnderItsId() {
        try (TestTable table = new TestTable()) {
            table.put(Items.domain("orphan", "orphan.example").build())
                    .put(Items.server("orphan", "imap", "imap", "imap.orphan.example", 993, "SSL", 1).build());

            DomainConfig config = table.store().find("orphan.example").orElseThrow();

            assertThat(config.provider().provider().name()).isEqualTo("orphan");
        }
    }

    @Test
    void readsLenientlyWhatPeopleTypeInTheConsole() {
        try (TestTable table = new TestTable()) {
            table.put(Items.provider("p", "P", "P").build())
                    .put(Items.domain("p", "p.example").build())
                    .put(Items.server("p", "imap", "IMAP", "imap.p.example", 0, "ssl", 1)
                            .with("port", AttributeValue.fromS("993"))
                            .with("authentication", AttributeValue.fromSs(java.util.List.of("password-cleartext", "OAuth2")))
                            .without("username").without("priority").build());

            DomainConfig config = table.store().find("p.example").orElseThrow();

            var server = config.provider().servers().getFirst();
            assertThat(server.port()).isEqualTo(993);
            assertThat(server.username()).isEqualTo("%EMAILADDRESS%");
            assertThat(server.priority()).isEqualTo(ItemReader.DEFAULT_PRIORITY);
            assertThat(server.authentication()).hasSize(2);
        }
    }
}
