package io.mailconfig.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import io.mailconfig.aws.AwsAccess;
import io.mailconfig.aws.DynamoDbClients;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * DynamoDB on a loopback HTTP port, so a real SDK client (its HTTP client, timeouts and retries)
 * can talk to it: {@code Query} requests in DynamoDB's JSON protocol are answered by DynamoDB Local
 * (in process) until a {@link Fault} is switched on. Binds 127.0.0.1 only.
 */
public final class LoopbackDynamoDb implements AutoCloseable {

    /** How the endpoint misbehaves. */
    public enum Fault {
        NONE,
        /** 400 ThrottlingException, as DynamoDB answers when a table's capacity is exceeded. */
        THROTTLING,
        /** 500 InternalServerError. */
        SERVER_ERROR,
        /** Reads the request and never answers (until closed). */
        STALL
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ERROR_PREFIX = "com.amazonaws.dynamodb.v20120810#";

    private final DynamoDbClient backend;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicLong responseBytes = new AtomicLong();
    private volatile Fault fault = Fault.NONE;
    private volatile long firstAnswerDelayMillis;

    public LoopbackDynamoDb(DynamoDbClient backend) throws IOException {
        this.backend = backend;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/", this::exchange);
        server.setExecutor(executor);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /**
     * A client built exactly as the function builds its own ({@link DynamoDbClients}: HTTP client,
     * time limits, retries), pointed at this endpoint with dummy credentials.
     */
    public DynamoDbClient client(ExecutionInterceptor... interceptors) {
        AwsAccess aws = new AwsAccess(Region.US_EAST_1, StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")),
                Optional.of(endpoint()), Optional.empty());
        ClientOverrideConfiguration.Builder configuration = DynamoDbClients.overrideConfiguration().toBuilder();
        for (ExecutionInterceptor interceptor : interceptors) {
            configuration.addExecutionInterceptor(interceptor);
        }
        return DynamoDbClients.builder(aws).overrideConfiguration(configuration.build()).build();
    }

    public void fault(Fault next) {
        this.fault = next;
    }

    /** The first request is answered only after this long, as a cold client's first call takes. */
    public void delayFirstAnswer(java.time.Duration delay) {
        this.firstAnswerDelayMillis = delay.toMillis();
    }

    /** Bytes of the response bodies sent so far. */
    public long responseBytes() {
        return responseBytes.get();
    }

    /** HTTP requests received so far, attempts and retries alike. */
    public int requests() {
        return requests.get();
    }

    private void exchange(HttpExchange exchange) throws IOException {
        try (exchange) {
            int number = requests.incrementAndGet();
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (number == 1 && firstAnswerDelayMillis > 0) {
                try {
                    Thread.sleep(firstAnswerDelayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            switch (fault) {
                case THROTTLING -> error(exchange, 400, "ThrottlingException", "Rate of requests exceeds the allowed throughput.");
                case SERVER_ERROR -> error(exchange, 500, "InternalServerError", "Internal server error");
                case STALL -> {
                    try {
                        closed.await(5, TimeUnit.MINUTES);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                case NONE -> answer(exchange, body);
            }
        }
    }

    private void answer(HttpExchange exchange, byte[] body) throws IOException {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        if (!"DynamoDB_20120810.Query".equals(target)) {
            error(exchange, 400, "UnknownOperationException", "only Query is served here");
            return;
        }
        QueryResponse response = backend.query(toQuery(JSON.readTree(body)));
        ObjectNode json = JSON.createObjectNode();
        ArrayNode items = json.putArray("Items");
        response.items().forEach(item -> items.add(toJson(item)));
        json.put("Count", response.count());
        json.put("ScannedCount", response.scannedCount());
        if (response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()) {
            json.set("LastEvaluatedKey", toJson(response.lastEvaluatedKey()));
        }
        send(exchange, 200, JSON.writeValueAsBytes(json));
    }

    private static QueryRequest toQuery(JsonNode json) {
        QueryRequest.Builder query = QueryRequest.builder()
                .tableName(json.path("TableName").asText())
                .keyConditionExpression(json.path("KeyConditionExpression").asText());
        if (json.hasNonNull("IndexName")) {
            query.indexName(json.get("IndexName").asText());
        }
        Map<String, String> names = new LinkedHashMap<>();
        json.path("ExpressionAttributeNames").properties().forEach(e -> names.put(e.getKey(), e.getValue().asText()));
        query.expressionAttributeNames(names);
        query.expressionAttributeValues(toItem(json.path("ExpressionAttributeValues")));
        if (json.hasNonNull("ExclusiveStartKey")) {
            query.exclusiveStartKey(toItem(json.get("ExclusiveStartKey")));
        }
        return query.build();
    }

    private static Map<String, AttributeValue> toItem(JsonNode json) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        json.properties().forEach(e -> item.put(e.getKey(), toAttribute(e.getValue())));
        return item;
    }

    private static AttributeValue toAttribute(JsonNode json) {
        if (json.has("S")) {
            return AttributeValue.fromS(json.get("S").asText());
        }
        if (json.has("N")) {
            return AttributeValue.fromN(json.get("N").asText());
        }
        if (json.has("BOOL")) {
            return AttributeValue.fromBool(json.get("BOOL").asBoolean());
        }
        if (json.has("L")) {
            List<AttributeValue> list = new java.util.ArrayList<>();
            json.get("L").forEach(element -> list.add(toAttribute(element)));
            return AttributeValue.fromL(list);
        }
        if (json.has("M")) {
            return AttributeValue.fromM(toItem(json.get("M")));
        }
        return AttributeValue.fromNul(true);
    }

    private static ObjectNode toJson(Map<String, AttributeValue> item) {
        ObjectNode json = JSON.createObjectNode();
        item.forEach((name, value) -> json.set(name, toJson(value)));
        return json;
    }

    private static ObjectNode toJson(AttributeValue value) {
        ObjectNode json = JSON.createObjectNode();
        switch (value.type()) {
            case S -> json.put("S", value.s());
            case N -> json.put("N", value.n());
            case BOOL -> json.put("BOOL", value.bool());
            case L -> {
                ArrayNode list = json.putArray("L");
                value.l().forEach(element -> list.add(toJson(element)));
            }
            case M -> json.set("M", toJson(value.m()));
            default -> json.put("NULL", true);
        }
        return json;
    }

    private void error(HttpExchange exchange, int status, String type, String message) throws IOException {
        ObjectNode json = JSON.createObjectNode().put("__type", ERROR_PREFIX + type).put("message", message);
        exchange.getResponseHeaders().set("x-amzn-ErrorType", type);
        send(exchange, status, JSON.writeValueAsBytes(json));
    }

    private void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        responseBytes.addAndGet(body.length);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Stops answering: later requests find the port closed. Closing again does nothing. */
    @Override
    public void close() {
        if (closed.getCount() == 0) {
            return;
        }
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
