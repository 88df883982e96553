package io.mailconfig.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.mailconfig.Mailconfig;
import io.mailconfig.Settings;
import io.mailconfig.http.Request;
import io.mailconfig.lambda.MailconfigHandler;
import io.mailconfig.local.EmbeddedDynamoDb;
import io.mailconfig.sample.SampleEvents;
import io.mailconfig.sample.SampleProvider;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
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
 * the first call loads it the real way, through the local run's own wiring; the cache TTL is long
 * enough that no measured call reads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xmx512m"})
public class HandlerBenchmark {

    /** A sample request (events/samples/, without ".json"); {@link Bench} runs every one. */
    @Param({})
    public String event;

    private EmbeddedDynamoDb database;
    private MailconfigHandler handler;
    private APIGatewayV2HTTPEvent request;

    @Setup(Level.Trial)
    public void setUp() {
        Settings settings = Settings.from(Map.of()).withCacheTtl(Duration.ofHours(1));
        database = EmbeddedDynamoDb.inMemory();
        database.createTable(settings.tableName());
        database.put(settings.tableName(), SampleProvider.items());
        handler = new MailconfigHandler(Mailconfig.store(database.client(), settings), Optional.empty(), Request.HTTPS);
        request = SampleEvents.load(event);
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
