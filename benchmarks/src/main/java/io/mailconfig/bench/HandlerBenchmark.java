package io.mailconfig.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import io.mailconfig.handler.MailconfigHandler;
import io.mailconfig.local.EmbeddedDynamoDb;
import io.mailconfig.store.CachingConfigStore;
import io.mailconfig.store.dynamodb.DynamoDbConfigStore;
import io.mailconfig.store.dynamodb.Table;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One API Gateway event through the Lambda handler, end to end (event translation, router,
 * protocol, cache, renderer, response event), on a configuration already in the cache: the path
 * a warm function takes for nearly every request. The sample provider sits in DynamoDB Local so
 * the first call loads it the real way; the cache TTL is long enough that no measured call reads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xmx512m"})
public class HandlerBenchmark {

    /** A file name in events/ without ".json"; one per protocol. */
    @Param({"autoconfig", "autodiscover-outlook", "autodiscover-json", "mobileconfig", "setup-address"})
    public String event;

    private EmbeddedDynamoDb database;
    private MailconfigHandler handler;
    private APIGatewayV2HTTPEvent request;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        database = EmbeddedDynamoDb.inMemory();
        database.createTable(Table.DEFAULT_NAME);
        database.put(Table.DEFAULT_NAME, EmbeddedDynamoDb.sampleItems());
        handler = new MailconfigHandler(new CachingConfigStore(
                new DynamoDbConfigStore(database.client(), Table.DEFAULT_NAME), Duration.ofHours(1)));
        Path events = Path.of(System.getProperty("mailconfig.events", "events"));
        request = EventLoader.loadApiGatewayHttpEvent(events.resolve(event + ".json").toString());
        APIGatewayV2HTTPResponse first = handler.handleRequest(request, null);
        if (first.getStatusCode() != 200) {
            throw new IllegalStateException(event + " answered " + first.getStatusCode() + ": " + first.getBody());
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        database.close();
    }

    @Benchmark
    public APIGatewayV2HTTPResponse handle() {
        return handler.handleRequest(request, null);
    }
}
