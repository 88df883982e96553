package io.mailconfig.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import io.mailconfig.http.Request;
import io.mailconfig.lambda.MailconfigHandler;
import io.mailconfig.store.CachingConfigStore;
import io.mailconfig.store.StoreUnavailableException;
import io.mailconfig.store.dynamodb.DynamoDbConfigStore;
import io.mailconfig.testing.LoopbackDynamoDb;
import io.mailconfig.testing.LoopbackDynamoDb.Fault;
import io.mailconfig.testing.TestTable;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * DynamoDB failing under a running function: the SDK client is built exactly as in Lambda
 * ({@link DynamoDbClients}: same HTTP client, timeouts and retries) and talks HTTP to DynamoDB Local
 * on loopback, which is made to throttle, fail with 5xx, stall, or is shut down altogether.
 */
class DynamoDbFaultTest {

    /** A correctness bound, not a benchmark: generous for a loaded two-core machine. */
    private static final Duration SLACK = Duration.ofSeconds(5);

    private final AtomicLong clock = new AtomicLong();
    private final AtomicInteger attempts = new AtomicInteger();
    private TestTable table;
    private LoopbackDynamoDb dynamoDb;
    private DynamoDbClient client;

    @BeforeEach
    void start() throws Exception {
        table = new TestTable().withExampleProvider();
        dynamoDb = new LoopbackDynamoDb(table.client());
        ExecutionInterceptor countAttempts = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                attempts.incrementAndGet();
            }
        };
        client = dynamoDb.client(countAttempts);
    }

    @AfterEach
    void stop() {
        client.close();
        dynamoDb.close();
        table.close();
    }

    private DynamoDbConfigStore store() {
        return new DynamoDbConfigStore(client, TestTable.NAME);
    }

    private MailconfigHandler cachedHandler() {
        return new MailconfigHandler(new CachingConfigStore(store(), Duration.ofSeconds(60), clock::get), Optional.empty(), Request.HTTPS);
    }

    private static APIGatewayV2HTTPResponse autoconfig(MailconfigHandler handler, String address) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/samples/autoconfig.json");
        event.setRawQueryString("emailaddress=" + address.replace("@", "%40"));
        return handler.handleRequest(event, null);
    }

    private void advance(Duration duration) {
        clock.addAndGet(duration.toNanos());
    }

    @Test
    void theLoopbackDynamoDbAnswersLikeTheEmbeddedOne() {
        assertThat(store().find("example.com")).hasValueSatisfying(config -> {
            assertThat(config.domain().name()).isEqualTo("example.com");
            assertThat(config.provider().servers()).hasSize(5);
            assertThat(config.provider().davServers()).hasSize(2);
        });
        assertThat(store().find("nobody.example")).isEmpty();
    }

    @Test
    void aCachedDomainCostsNoReadAndAMissAFixedFew() {
        MailconfigHandler handler = cachedHandler();

        assertThat(autoconfig(handler, "alice@example.com").getStatusCode()).isEqualTo(200);
        assertThat(dynamoDb.requests()).as("the index, the domain's item, DAV#, PROVIDER and SERVER#, then the mailbox's item")
                .isEqualTo(5);
        assertThat(autoconfig(handler, "alice@example.com").getStatusCode()).isEqualTo(200);
        assertThat(dynamoDb.requests()).as("the domain and the mailbox are cached").isEqualTo(5);
        assertThat(autoconfig(handler, "bob@example.com").getStatusCode()).isEqualTo(200);
        assertThat(dynamoDb.requests()).as("another mailbox of a cached domain: its item only").isEqualTo(6);
        assertThat(autoconfig(handler, "carol@example.net").getStatusCode()).isEqualTo(200);
        assertThat(dynamoDb.requests()).as("another domain of the same provider is read on its own").isEqualTo(11);

        assertThat(autoconfig(handler, "dave@nobody.example").getStatusCode()).isEqualTo(404);
        assertThat(autoconfig(handler, "erin@nobody.example").getStatusCode()).isEqualTo(404);
        assertThat(dynamoDb.requests()).as("an unknown domain: one index read, then cached as unknown").isEqualTo(12);

        advance(Duration.ofSeconds(61));
        assertThat(autoconfig(handler, "alice@example.com").getStatusCode()).isEqualTo(200);
        assertThat(dynamoDb.requests()).as("after the TTL: the domain and the mailbox are read again").isEqualTo(17);
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"THROTTLING", "SERVER_ERROR"})
    void errorsAreRetriedABoundedNumberOfTimesThenTheStoreIsUnavailable(Fault fault) {
        dynamoDb.fault(fault);

        long started = System.nanoTime();
        assertThatThrownBy(() -> store().find("example.com")).isInstanceOf(StoreUnavailableException.class);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(attempts.get()).isBetween(1, DynamoDbClients.MAX_ATTEMPTS);
        assertThat(dynamoDb.requests()).isEqualTo(attempts.get());
        assertThat(took).isLessThan(DynamoDbClients.API_CALL_TIMEOUT.plus(SLACK));
    }

    @Test
    void aServerErrorIsTriedExactlyMaxAttemptsTimes() {
        dynamoDb.fault(Fault.SERVER_ERROR);

        assertThatThrownBy(() -> store().find("example.com")).isInstanceOf(StoreUnavailableException.class);

        assertThat(attempts).hasValue(DynamoDbClients.MAX_ATTEMPTS);
    }

    @Test
    void aStalledDynamoDbCostsARequestAtMostTheCallTimeoutAndGives503WithRetryAfter() {
        MailconfigHandler handler = new MailconfigHandler(store(), Optional.empty(), Request.HTTPS);
        assertThat(autoconfig(handler, "alice@example.com").getStatusCode()).isEqualTo(200);
        dynamoDb.fault(Fault.STALL);

        long started = System.nanoTime();
        APIGatewayV2HTTPResponse response = autoconfig(handler, "alice@example.com");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(response.getHeaders()).containsKey("Retry-After");
        assertThat(response.getBody()).isEqualTo("configuration temporarily unavailable\n");
        assertThat(took).isLessThan(DynamoDbClients.API_CALL_TIMEOUT.plus(SLACK));
    }

    @Test
    void aColdEnvironmentsSlowFirstCallIsWaitedForAndStallingThereStillEnds() {
        dynamoDb.delayFirstAnswer(DynamoDbClients.API_CALL_ATTEMPT_TIMEOUT.plusMillis(700));

        APIGatewayV2HTTPResponse first = autoconfig(new MailconfigHandler(store(), Optional.empty(), Request.HTTPS), "alice@example.com");

        assertThat(first.getStatusCode()).as("the first call of a fresh client may take longer than a warm attempt").isEqualTo(200);
        assertThat(attempts).hasValue(5);

        dynamoDb.fault(Fault.STALL);
        long started = System.nanoTime();
        APIGatewayV2HTTPResponse stalled = autoconfig(new MailconfigHandler(store(), Optional.empty(), Request.HTTPS), "bob@example.com");
        assertThat(stalled.getStatusCode()).isEqualTo(503);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(DynamoDbClients.FIRST_CALL_TIMEOUT.plus(SLACK));
    }

    @Test
    void whileDynamoDbStallsMadeUpDomainsDoNotEachWaitForIt() {
        MailconfigHandler handler = cachedHandler();
        assertThat(autoconfig(handler, "alice@example.com").getStatusCode()).isEqualTo(200);
        dynamoDb.fault(Fault.STALL);
        assertThat(autoconfig(handler, "someone@made-up-0.example").getStatusCode()).isEqualTo(503);
        int attemptsAfterTheFirstFailure = attempts.get();

        long started = System.nanoTime();
        for (int i = 1; i <= 20; i++) {
            assertThat(autoconfig(handler, "someone@made-up-" + i + ".example").getStatusCode()).isEqualTo(503);
        }
        assertThat(autoconfig(handler, "alice@example.com").getStatusCode()).isEqualTo(200);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(attempts).as("no further call while the failure is remembered").hasValue(attemptsAfterTheFirstFailure);
        assertThat(took).isLessThan(DynamoDbClients.API_CALL_ATTEMPT_TIMEOUT);
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"THROTTLING", "SERVER_ERROR", "STALL"})
    void theLastGoodConfigurationIsServedWhileDynamoDbFails(Fault fault) {
        MailconfigHandler handler = cachedHandler();
        APIGatewayV2HTTPResponse good = autoconfig(handler, "alice@example.com");
        assertThat(autoconfig(handler, "bob@example.net").getStatusCode()).isEqualTo(200);
        dynamoDb.fault(fault);
        advance(Duration.ofMinutes(5));

        APIGatewayV2HTTPResponse stale = autoconfig(handler, "alice@example.com");
        APIGatewayV2HTTPResponse sibling = autoconfig(handler, "bob@example.net");
        APIGatewayV2HTTPResponse neverLoaded = autoconfig(handler, "carol@elsewhere.example");

        assertThat(good.getStatusCode()).isEqualTo(200);
        assertThat(attempts.get()).isGreaterThan(2);
        assertThat(stale.getStatusCode()).isEqualTo(200);
        assertThat(stale.getBody()).isEqualTo(good.getBody());
        assertThat(sibling.getStatusCode()).isEqualTo(200);
        assertThat(neverLoaded.getStatusCode()).isEqualTo(503);
        assertThat(neverLoaded.getHeaders()).containsKey("Retry-After");
    }

    @Test
    void staleAnswersEndAfterTheMaximumStaleness() {
        MailconfigHandler handler = cachedHandler();
        assertThat(autoconfig(handler, "alice@example.com").getStatusCode()).isEqualTo(200);
        dynamoDb.fault(Fault.SERVER_ERROR);

        advance(CachingConfigStore.DEFAULT_MAX_STALENESS.minusMinutes(1));
        assertThat(autoconfig(handler, "alice@example.com").getStatusCode()).isEqualTo(200);
        advance(Duration.ofMinutes(2));
        APIGatewayV2HTTPResponse expired = autoconfig(handler, "alice@example.com");

        assertThat(expired.getStatusCode()).isEqualTo(503);
        assertThat(expired.getHeaders()).containsKey("Retry-After");
    }

    @Test
    void onceDynamoDbRecoversFreshAnswersReturn() {
        MailconfigHandler handler = cachedHandler();
        autoconfig(handler, "alice@example.com");
        dynamoDb.fault(Fault.THROTTLING);
        advance(Duration.ofMinutes(2));
        autoconfig(handler, "alice@example.com");
        dynamoDb.fault(Fault.NONE);
        table.put(TestTable.Items.provider("example", "Example Mail, renamed", "Example").build());
        advance(Duration.ofMinutes(2));

        APIGatewayV2HTTPResponse fresh = autoconfig(handler, "alice@example.com");

        assertThat(fresh.getStatusCode()).isEqualTo(200);
        assertThat(fresh.getBody()).contains("Example Mail, renamed");
    }

    @Test
    void dynamoDbStoppedServesStaleOr503() {
        MailconfigHandler handler = cachedHandler();
        APIGatewayV2HTTPResponse good = autoconfig(handler, "alice@example.com");
        dynamoDb.close();
        table.close();
        advance(Duration.ofMinutes(5));

        long started = System.nanoTime();
        APIGatewayV2HTTPResponse stale = autoconfig(handler, "alice@example.com");
        APIGatewayV2HTTPResponse neverLoaded = autoconfig(handler, "carol@elsewhere.example");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(good.getStatusCode()).isEqualTo(200);
        assertThat(stale.getStatusCode()).isEqualTo(200);
        assertThat(stale.getBody()).isEqualTo(good.getBody());
        assertThat(neverLoaded.getStatusCode()).isEqualTo(503);
        assertThat(neverLoaded.getHeaders()).containsEntry("Retry-After", "30");
        assertThat(took).isLessThan(DynamoDbClients.API_CALL_TIMEOUT.multipliedBy(2).plus(SLACK));
    }
}
