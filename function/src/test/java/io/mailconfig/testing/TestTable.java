package io.mailconfig.testing;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import io.mailconfig.store.dynamodb.DynamoDbConfigStore;
import io.mailconfig.store.dynamodb.Table;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** A mailconfig table in DynamoDB Local, in memory, in this process. */
public final class TestTable implements AutoCloseable {

    public static final String NAME = "mailconfig-test";

    private final AmazonDynamoDBLocal database = DynamoDBEmbedded.create(true);
    private final DynamoDbClient client = database.dynamoDbClient();
    private final AtomicBoolean closed = new AtomicBoolean();

    public TestTable() {
        client.createTable(Table.createRequest(NAME));
    }

    public DynamoDbClient client() {
        return client;
    }

    /** The table's DynamoDB stream, once {@link #withStream()} has switched it on. */
    public DynamoDbStreamsClient streams() {
        return database.dynamoDbStreamsClient();
    }

    /** Switches the table's stream on, with the keys of each changed item, as the deployed table has it. */
    public TestTable withStream() {
        client.updateTable(request -> request.tableName(NAME).streamSpecification(stream -> stream
                .streamEnabled(true).streamViewType(Table.STREAM_VIEW_TYPE)));
        return this;
    }

    public DynamoDbConfigStore store() {
        return new DynamoDbConfigStore(client, NAME);
    }

    public TestTable put(Map<String, AttributeValue> item) {
        client.putItem(PutItemRequest.builder().tableName(NAME).item(item).build());
        return this;
    }

    /** Writes the items 25 at a time, as BatchWriteItem takes them. */
    public TestTable putAll(List<Map<String, AttributeValue>> items) {
        for (int from = 0; from < items.size(); from += 25) {
            List<WriteRequest> batch = items.subList(from, Math.min(items.size(), from + 25)).stream()
                    .map(item -> WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build())
                    .toList();
            Map<String, List<WriteRequest>> unprocessed = Map.of(NAME, batch);
            while (!unprocessed.isEmpty()) {
                unprocessed = client.batchWriteItem(BatchWriteItemRequest.builder().requestItems(unprocessed).build()).unprocessedItems();
            }
        }
        return this;
    }

    /**
     * The provider most tests use: Example Mail with example.com, example.net and an IDN domain,
     * IMAP (with a backup at a lower priority), POP3, SMTP (with a backup), CalDAV and CardDAV, an
     * MTA-STS policy in testing mode and a TLS-RPT address.
     */
    public TestTable withExampleProvider() {
        return putAll(List.of(
                Items.provider("example", "Example Mail", "Example").with("documentationUrl", "https://help.example.com/mail")
                        .with("mtaStsMode", "testing").withList("mtaStsMx", "mx.example.com").with("tlsReportAddress", "tls@example.com")
                        .build(),
                Items.domain("example", "example.com").build(),
                Items.domain("example", "example.net").build(),
                Items.domain("example", "xn--bcher-kva.example").build(),
                Items.server("example", "imap-backup", "imap", "imap2.example.com", 143, "STARTTLS", 20).build(),
                Items.server("example", "imap", "imap", "imap.example.com", 993, "SSL", 10).build(),
                Items.server("example", "pop3", "pop3", "pop.example.com", 995, "SSL", 30)
                        .with("username", "%EMAILLOCALPART%").build(),
                Items.server("example", "smtp-submission", "smtp", "smtp.example.com", 587, "STARTTLS", 20).build(),
                Items.server("example", "smtp", "smtp", "smtp.example.com", 465, "SSL", 10)
                        .withList("authentication", "password-encrypted", "password-cleartext").build(),
                Items.dav("example", "calendar", "caldav", "https://dav.example.com/caldav/").build(),
                Items.dav("example", "contacts", "carddav", "https://dav.example.com/carddav/").build()));
    }

    /** Shuts DynamoDB Local down; closing again does nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            client.close();
            database.shutdown();
        }
    }

    /** Items as an administrator would type them in the console. */
    public static final class Items {

        private final Map<String, AttributeValue> item = new HashMap<>();

        private Items(String pk, String sk) {
            item.put(Table.PARTITION_KEY, AttributeValue.fromS(pk));
            item.put(Table.SORT_KEY, AttributeValue.fromS(sk));
        }

        public static Items of(String pk, String sk) {
            return new Items(pk, sk);
        }

        public static Items provider(String id, String name, String shortName) {
            return new Items("PROVIDER#" + id, "PROVIDER").with("name", name).with("shortName", shortName);
        }

        public static Items domain(String provider, String domain) {
            return new Items("PROVIDER#" + provider, "DOMAIN#" + domain);
        }

        public static Items server(String provider, String id, String type, String hostname, int port,
                String socketType, int priority) {
            return new Items("PROVIDER#" + provider, "SERVER#" + id)
                    .with("type", type).with("hostname", hostname).withNumber("port", port)
                    .with("socketType", socketType).withList("authentication", "password-cleartext")
                    .with("username", "%EMAILADDRESS%").withNumber("priority", priority);
        }

        public static Items dav(String provider, String id, String type, String url) {
            return new Items("PROVIDER#" + provider, "DAV#" + id).with("type", type).with("url", url)
                    .with("username", "%EMAILADDRESS%");
        }

        public static Items user(String provider, String address) {
            return new Items("PROVIDER#" + provider, "USER#" + address);
        }

        public Items with(String name, String value) {
            item.put(name, AttributeValue.fromS(value));
            return this;
        }

        public Items withNumber(String name, long value) {
            item.put(name, AttributeValue.fromN(Long.toString(value)));
            return this;
        }

        public Items withList(String name, String... values) {
            item.put(name, AttributeValue.fromL(java.util.Arrays.stream(values).map(AttributeValue::fromS).toList()));
            return this;
        }

        public Items with(String name, AttributeValue value) {
            item.put(name, value);
            return this;
        }

        public Items without(String name) {
            item.remove(name);
            return this;
        }

        public Map<String, AttributeValue> build() {
            return Map.copyOf(item);
        }
    }
}
