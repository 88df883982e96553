package io.mailconfig.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.mailconfig.local.EmbeddedDynamoDb;
import io.mailconfig.store.dynamodb.Table;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A stand-in for DynamoDB on 127.0.0.1 for the cold-start measurement: it answers the two Query
 * calls the function makes (the inverted index, then the provider partition) from the sample items,
 * over real HTTP with the DynamoDB JSON protocol, so the function's SDK does all of its usual work
 * while the network time to a real region stays out of the figure.
 */
public final class LoopbackDynamoDb {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Map<String, AttributeValue>> items;

    private LoopbackDynamoDb(List<Map<String, AttributeValue>> items) {
        this.items = items;
    }

    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        LoopbackDynamoDb database = new LoopbackDynamoDb(EmbeddedDynamoDb.sampleItems());
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        server.createContext("/", database::answer);
        server.start();
        System.out.println("ready http://127.0.0.1:" + server.getAddress().getPort());
        System.out.flush();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode query = JSON.readTree(exchange.getRequestBody());
            ObjectNode response = JSON.createObjectNode();
            ArrayNode found = response.putArray("Items");
            JsonNode values = query.path("ExpressionAttributeValues");
            if (query.has("IndexName")) {
                String sortKey = values.path(":sk").path("S").asText();
                items.stream().filter(item -> sortKey.equals(item.get(Table.SORT_KEY).s()))
                        .forEach(item -> found.add(keysOf(item)));
            } else {
                String partition = values.path(":pk").path("S").asText();
                items.stream().filter(item -> partition.equals(item.get(Table.PARTITION_KEY).s()))
                        .forEach(item -> found.add(toJson(item)));
            }
            response.put("Count", found.size());
            response.put("ScannedCount", found.size());
            byte[] body = JSON.writeValueAsBytes(response);
            exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static ObjectNode keysOf(Map<String, AttributeValue> item) {
        ObjectNode keys = JSON.createObjectNode();
        keys.set(Table.PARTITION_KEY, toJson(item.get(Table.PARTITION_KEY)));
        keys.set(Table.SORT_KEY, toJson(item.get(Table.SORT_KEY)));
        return keys;
    }

    private static ObjectNode toJson(Map<String, AttributeValue> item) {
        ObjectNode object = JSON.createObjectNode();
        item.forEach((name, value) -> object.set(name, toJson(value)));
        return object;
    }

    private static ObjectNode toJson(AttributeValue value) {
        ObjectNode typed = JSON.createObjectNode();
        if (value.s() != null) {
            typed.put("S", value.s());
        } else if (value.n() != null) {
            typed.put("N", value.n());
        } else if (value.bool() != null) {
            typed.put("BOOL", value.bool());
        } else if (value.hasL()) {
            ArrayNode list = typed.putArray("L");
            value.l().forEach(element -> list.add(toJson(element)));
        } else if (value.hasM()) {
            typed.set("M", toJson(value.m()));
        } else if (value.hasSs()) {
            ArrayNode set = typed.putArray("SS");
            value.ss().forEach(set::add);
        } else {
            typed.put("NULL", true);
        }
        return typed;
    }
}
