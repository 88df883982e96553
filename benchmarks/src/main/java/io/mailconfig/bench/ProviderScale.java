package io.mailconfig.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.mailconfig.http.Request;
import io.mailconfig.lambda.MailconfigHandler;
import io.mailconfig.sample.SampleEvents;
import io.mailconfig.store.CachingConfigStore;
import io.mailconfig.store.ConfigStore;
import io.mailconfig.store.dynamodb.DynamoDbConfigStore;
import io.mailconfig.testing.LoopbackDynamoDb;
import io.mailconfig.testing.TestTable;
import io.mailconfig.testing.TestTable.Items;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What one Autoconfig request costs as a provider grows: for providers of 1, 1,000 and 100,000
 * domains, with no mailbox items and with 100,000, the time, DynamoDB calls and response bytes of
 * a cache miss (the handler over the table itself) and of a request answered from the cache, and
 * the size of the answer. The table is DynamoDB Local behind {@link LoopbackDynamoDb}, so the
 * real SDK client (the function's own settings) reads it over HTTP and the bytes are the bytes of
 * DynamoDB's JSON answers. A measurement printed as a table, not a test: {@code ./dev scale}.
 *
 * <p>Usage: {@code ProviderScale [DOMAINS,...] [MAILBOXES,...]} (default {@code 1,1000,100000 0,100000}).
 */
public final class ProviderScale {

    private static final int MISSES = 3;
    private static final int CACHED_REQUESTS = 2_000;

    private ProviderScale() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> domainCounts = counts(args.length > 0 ? args[0] : "1,1000,100000");
        List<Integer> mailboxCounts = counts(args.length > 1 ? args[1] : "0,100000");
        AtomicInteger calls = new AtomicInteger();
        try (TestTable table = new TestTable(); LoopbackDynamoDb dynamoDb = new LoopbackDynamoDb(table.client())) {
            ExecutionInterceptor countCalls = new ExecutionInterceptor() {
                @Override
                public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                    calls.incrementAndGet();
                }
            };
            DynamoDbClient client = dynamoDb.client(countCalls);
            System.out.println("| domains | mailboxes | miss: status | miss: ms | miss: calls | miss: KB read | cached: status | cached: µs"
                    + " | cached: calls | answer bytes |");
            System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            for (int domains : domainCounts) {
                for (int mailboxes : mailboxCounts) {
                    String provider = "p" + domains + "x" + mailboxes;
                    load(table, provider, domains, mailboxes);
                    String address = (mailboxes > 0 ? "user0" : "alice") + "@d0." + provider + ".example";
                    APIGatewayV2HTTPEvent event = SampleEvents.load("autoconfig");
                    event.setRawQueryString("emailaddress=" + address.replace("@", "%40"));

                    ConfigStore uncached = new DynamoDbConfigStore(client, TestTable.NAME);
                    MailconfigHandler misses = new MailconfigHandler(uncached, Optional.empty(), Request.HTTPS);
                    answer(misses, event);
                    calls.set(0);
                    long bytesBefore = dynamoDb.responseBytes();
                    long started = System.nanoTime();
                    APIGatewayV2HTTPResponse miss = null;
                    for (int i = 0; i < MISSES; i++) {
                        miss = answer(misses, event);
                    }
                    double missMillis = (System.nanoTime() - started) / 1e6 / MISSES;
                    double missCalls = calls.get() / (double) MISSES;
                    double missKb = (dynamoDb.responseBytes() - bytesBefore) / 1024.0 / MISSES;

                    MailconfigHandler cached = new MailconfigHandler(new CachingConfigStore(uncached, Duration.ofHours(1)), Optional.empty(), Request.HTTPS);
                    APIGatewayV2HTTPResponse hit = answer(cached, event);
                    double cachedMicros = Double.NaN;
                    double cachedCalls = Double.NaN;
                    // A table too slow to load at all would make every "cached" request a miss: measured only once loaded.
                    if (hit.getStatusCode() == 200) {
                        for (int i = 0; i < 200; i++) {
                            answer(cached, event);
                        }
                        calls.set(0);
                        started = System.nanoTime();
                        for (int i = 0; i < CACHED_REQUESTS; i++) {
                            hit = answer(cached, event);
                        }
                        cachedMicros = (System.nanoTime() - started) / 1e3 / CACHED_REQUESTS;
                        cachedCalls = calls.get() / (double) CACHED_REQUESTS;
                    }
                    System.out.printf(Locale.ROOT, "| %,d | %,d | %d | %.1f | %.0f | %.1f | %d | %.1f | %.0f | %,d |%n",
                            domains, mailboxes, miss.getStatusCode(), missMillis, missCalls, missKb, hit.getStatusCode(),
                            cachedMicros, cachedCalls, miss.getBody().length());
                }
            }
        }
        // DynamoDB Local leaves a scheduler thread running after shutdown.
        System.exit(0);
    }

    private static List<Integer> counts(String list) {
        List<Integer> counts = new ArrayList<>();
        for (String count : list.split(",")) {
            counts.add(Integer.parseInt(count.strip()));
        }
        return counts;
    }

    /** The answer; a 503 (DynamoDB too slow for the client's time limits) is a result too, and is printed. */
    private static APIGatewayV2HTTPResponse answer(MailconfigHandler handler, APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
        if (response.getStatusCode() != 200 && response.getStatusCode() != 503) {
            throw new IllegalStateException("answered " + response.getStatusCode() + ": " + response.getBody());
        }
        return response;
    }

    /** The example provider's servers, then its domains and mailboxes, written 25 at a time. */
    private static void load(TestTable table, String provider, int domains, int mailboxes) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        items.add(Items.provider(provider, "Provider " + provider, provider).build());
        items.add(Items.server(provider, "imap", "imap", "imap.example.com", 993, "SSL", 10).build());
        items.add(Items.server(provider, "imap-backup", "imap", "imap2.example.com", 143, "STARTTLS", 20).build());
        items.add(Items.server(provider, "smtp", "smtp", "smtp.example.com", 465, "SSL", 10).build());
        items.add(Items.server(provider, "submission", "smtp", "smtp.example.com", 587, "STARTTLS", 20).build());
        items.add(Items.dav(provider, "calendar", "caldav", "https://dav.example.com/caldav/").build());
        items.add(Items.dav(provider, "contacts", "carddav", "https://dav.example.com/carddav/").build());
        for (int i = 0; i < domains; i++) {
            items.add(Items.domain(provider, "d" + i + "." + provider + ".example").build());
        }
        for (int i = 0; i < mailboxes; i++) {
            items.add(Items.user(provider, "user" + i + "@d" + (i % domains) + "." + provider + ".example")
                    .with("loginName", "login-" + i).with("displayName", "Person " + i).build());
        }
        table.putAll(items);
    }
}
