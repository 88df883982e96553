package io.mailconfig.dnsupdater;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.mailconfig.Mailconfig;
import io.mailconfig.dnsrecords.TableRecords.Kind;
import io.mailconfig.http.Request;
import io.mailconfig.protocol.mtasts.MtaSts;
import io.mailconfig.protocol.pacc.Pacc;
import io.mailconfig.protocol.pacc.PaccRecord;
import io.mailconfig.testing.LoopbackDynamoDb;
import io.mailconfig.testing.TestTable;
import io.mailconfig.testing.TestTable.Items;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The DNS updater end to end: console edits in DynamoDB Local, the table's real stream records,
 * the real Route 53 and SQS clients against loopback stand-ins that keep the zones and record
 * every change batch, and the MX check against a loopback DNS server.
 */
class DnsUpdateHandlerTest {

    private static final String ZONE = "Z0123456789EXAMPLECOM";
    private static final String OTHER_ZONE = "Z0123456789EXAMPLENET";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A clock the test moves on. */
    private static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-12-01T09:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private TestTable table;
    private TableStream stream;
    private LoopbackDynamoDb dynamoDb;
    private LoopbackRoute53 route53;
    private LoopbackSqs sqs;
    private LoopbackDns dns;
    private final TestClock clock = new TestClock();
    private DnsUpdateHandler handler;

    @BeforeEach
    void start() throws Exception {
        System.setProperty("aws.accessKeyId", "AKIDLOOPBACK");
        System.setProperty("aws.secretAccessKey", "loopback-secret");
        table = new TestTable().withExampleProvider().withStream();
        stream = new TableStream(table);
        dynamoDb = new LoopbackDynamoDb(table.client());
        route53 = new LoopbackRoute53(ZONE, OTHER_ZONE);
        sqs = new LoopbackSqs();
        dns = new LoopbackDns();
        dns.mx("example.com", "mx.example.com");
        handler = new DnsUpdateHandler(Map.of(
                "AWS_REGION", "eu-central-1",
                "DYNAMODB_ENDPOINT", dynamoDb.endpoint().toString(),
                "TABLE_NAME", TestTable.NAME,
                ManagedDomain.ENVIRONMENT, ManagedDomain.format(List.of(
                        new ManagedDomain("example.com", ZONE, EnumSet.allOf(Kind.class)),
                        new ManagedDomain("example.net", OTHER_ZONE, Set.of(Kind.PACC)))),
                DnsUpdateHandler.QUEUE_URL, sqs.endpoint() + "/123456789012/mailconfig-retirements",
                DnsUpdateHandler.ROUTE53_ENDPOINT, route53.endpoint().toString(),
                DnsUpdateHandler.SQS_ENDPOINT, sqs.endpoint().toString(),
                DnsUpdateHandler.MX_RESOLVER, "127.0.0.1:" + dns.address().getPort()), clock);
    }

    @AfterEach
    void stop() throws Exception {
        dns.close();
        sqs.close();
        route53.close();
        dynamoDb.close();
        table.close();
    }

    /** What the answering function serves on a host now, read from the same table. */
    private byte[] served(String host, String path) {
        return Mailconfig.router(table.store(), Optional.empty()).route(new Request("GET", path, Map.of(), Map.of("host", host), null)).body();
    }

    private List<String> txt(String zone, String name) {
        LoopbackRoute53.RecordSet set = route53.get(zone, name + ".", "TXT");
        return set == null ? List.of() : set.values().stream().map(Route53Records::unquoted).toList();
    }

    private void sync() throws Exception {
        HttpServer cloudFormation = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        cloudFormation.createContext("/", exchange -> {
            try (exchange) {
                answer.complete(JSON.readTree(exchange.getRequestBody().readAllBytes()));
                exchange.sendResponseHeaders(200, -1);
            }
        });
        cloudFormation.start();
        try {
            handler.handleRequest(Map.of("RequestType", "Create", "ResponseURL", "http://127.0.0.1:" + cloudFormation.getAddress().getPort()
                    + "/response", "StackId", "stack", "RequestId", "request", "LogicalResourceId", "TableRecords"), null);
            assertThat(answer.get(10, TimeUnit.SECONDS).path("Status").asText()).isEqualTo("SUCCESS");
        } finally {
            cloudFormation.stop(0);
        }
    }

    @Test
    void aDeployWritesEveryRecordOfEveryManagedDomainFromTheTable() throws Exception {
        sync();

        assertThat(txt(ZONE, "_ua-auto-config.example.com")).containsExactly(PaccRecord.txt(served("ua-auto-config.example.com", Pacc.PATH)));
        assertThat(txt(OTHER_ZONE, "_ua-auto-config.example.net")).containsExactly(PaccRecord.txt(served("ua-auto-config.example.net", Pacc.PATH)));
        assertThat(txt(ZONE, "_mta-sts.example.com")).singleElement().asString().matches("v=STSv1; id=[0-9a-f]{20}");
        assertThat(txt(ZONE, "_smtp._tls.example.com")).containsExactly("v=TLSRPTv1; rua=mailto:tls@example.com");
        assertThat(route53.get(ZONE, "_caldavs._tcp.example.com.", "SRV").values()).containsExactly("0 1 443 dav.example.com.");
        assertThat(txt(ZONE, "_carddavs._tcp.example.com")).containsExactly("path=/carddav/");
        assertThat(route53.get(ZONE, "_mta-sts.example.com.", "TXT").ttl()).isEqualTo(300);
        assertThat(route53.batches()).as("one batch per domain").hasSize(2);
        assertThat(txt(OTHER_ZONE, "_mta-sts.example.net")).as("example.net publishes PACC only").isEmpty();

        route53.clearBatches();
        sync();
        assertThat(route53.batches()).as("nothing differs, nothing is written").isEmpty();
    }

    @Test
    void aConsoleEditOfAHostNameReachesThePaccRecordThroughTheStreamAndTheOldDigestLeavesLater() throws Exception {
        sync();
        String before = PaccRecord.txt(served("ua-auto-config.example.com", Pacc.PATH));
        route53.clearBatches();

        table.client().updateItem(request -> request.tableName(TestTable.NAME)
                .key(Map.of("pk", AttributeValue.fromS("PROVIDER#example"), "sk", AttributeValue.fromS("SERVER#imap")))
                .updateExpression("SET hostname = :host").expressionAttributeValues(Map.of(":host", AttributeValue.fromS("imap-new.example.com"))));
        handler.handleRequest(stream.event(), null);

        byte[] document = served("ua-auto-config.example.com", Pacc.PATH);
        assertThat(new String(document)).contains("imap-new.example.com");
        String after = PaccRecord.txt(document);
        assertThat(after).isNotEqualTo(before);
        assertThat(route53.batches()).as("exactly the affected records: the PACC digest of each domain of the provider, one batch per domain")
                .hasSize(2).allSatisfy(batch -> assertThat(batch.changes()).singleElement().satisfies(change -> {
                    assertThat(change.action()).isEqualTo("UPSERT");
                    assertThat(change.set().name()).startsWith("_ua-auto-config.");
                })).extracting(LoopbackRoute53.Batch::zone).containsExactlyInAnyOrder(ZONE, OTHER_ZONE);
        assertThat(txt(ZONE, "_ua-auto-config.example.com")).as("old and new side by side").containsExactlyInAnyOrder(after, before);

        List<LoopbackSqs.Message> retirements = sqs.take().stream()
                .filter(message -> Retirements.parse(message.body()).domain().equals("example.com")).toList();
        assertThat(retirements).singleElement().satisfies(message -> {
            // The function's cache (60 s) and the document's max-age (300 s).
            assertThat(message.delaySeconds()).isEqualTo(360);
            assertThat(Retirements.parse(message.body()).txt()).isEqualTo(before);
        });
        route53.clearBatches();
        clock.now = clock.now.plus(Duration.ofSeconds(100));
        handler.handleRequest(sqsEvent(retirements.getFirst().body()), null);
        assertThat(route53.batches()).as("delivered early: it waits again").isEmpty();
        List<LoopbackSqs.Message> again = sqs.take();
        assertThat(again).singleElement().extracting(LoopbackSqs.Message::delaySeconds).isEqualTo(260);

        clock.now = clock.now.plus(Duration.ofSeconds(260));
        handler.handleRequest(sqsEvent(again.getFirst().body()), null);
        assertThat(txt(ZONE, "_ua-auto-config.example.com")).containsExactly(after);
    }

    @Test
    void aPolicyChangeChangesTheIdOnlyWhenTheMxHostsMatch() throws Exception {
        sync();
        String testing = txt(ZONE, "_mta-sts.example.com").getFirst();
        route53.clearBatches();

        editProvider("SET mtaStsMode = :mode, mtaStsMaxAge = :age", Map.of(":mode", AttributeValue.fromS("enforce"),
                ":age", AttributeValue.fromN("86400")));
        handler.handleRequest(stream.event(), null);
        String enforce = txt(ZONE, "_mta-sts.example.com").getFirst();
        assertThat(enforce).isNotEqualTo(testing).startsWith("v=STSv1; id=");
        assertThat(new String(served("mta-sts.example.com", MtaSts.PATH))).contains("mode: enforce\r\n", "max_age: 86400\r\n");
        assertThat(route53.batches()).singleElement().extracting(batch -> batch.changes().size()).as("the id only").isEqualTo(1);

        // The domain's mail moves to servers the policy does not name: the record stays as it was.
        dns.mx("example.com", "mx.example.com", "mail.elsewhere.example");
        route53.clearBatches();
        editProvider("SET mtaStsMaxAge = :age", Map.of(":age", AttributeValue.fromN("172800")));
        handler.handleRequest(stream.event(), null);
        assertThat(txt(ZONE, "_mta-sts.example.com")).containsExactly(enforce);
        assertThat(route53.batches()).isEmpty();
    }

    @Test
    void aMailboxEditTouchesNoRecordAndARemovedDomainTakesItsRecordsAlong() throws Exception {
        sync();
        route53.clearBatches();

        table.put(Items.user("example", "carol@example.com").with("loginName", "c.smith").build());
        handler.handleRequest(stream.event(), null);
        assertThat(route53.batches()).isEmpty();

        table.client().deleteItem(request -> request.tableName(TestTable.NAME)
                .key(Map.of("pk", AttributeValue.fromS("PROVIDER#example"), "sk", AttributeValue.fromS("DOMAIN#example.com"))));
        handler.handleRequest(stream.event(), null);
        assertThat(route53.batches()).singleElement().satisfies(batch -> assertThat(batch.changes())
                .allSatisfy(change -> assertThat(change.action()).isEqualTo("DELETE")).hasSize(7));
        assertThat(txt(ZONE, "_ua-auto-config.example.com")).isEmpty();
    }

    private void editProvider(String expression, Map<String, AttributeValue> values) {
        table.client().updateItem(request -> request.tableName(TestTable.NAME)
                .key(Map.of("pk", AttributeValue.fromS("PROVIDER#example"), "sk", AttributeValue.fromS("PROVIDER")))
                .updateExpression(expression).expressionAttributeValues(values));
    }

    private static Map<String, Object> sqsEvent(String body) {
        return Map.of("Records", List.of(Map.of("eventSource", "aws:sqs", "messageId", "m1", "body", body)));
    }
}
