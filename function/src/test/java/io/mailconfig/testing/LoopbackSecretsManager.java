package io.mailconfig.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Secrets Manager on a loopback port, speaking its JSON 1.1 wire protocol: {@code GetSecretValue}
 * for the secrets it was given, {@code ResourceNotFoundException} for any other. It records each
 * request's target, Authorization header and body. Binds 127.0.0.1 only.
 */
public final class LoopbackSecretsManager implements AutoCloseable {

    /** One request as it arrived. */
    public record Call(String target, String authorization, String body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> secrets;
    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    /** @param secrets SecretString by secret id (ARN) */
    public LoopbackSecretsManager(Map<String, String> secrets) throws IOException {
        this.secrets = Map.copyOf(secrets);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::exchange);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    private void exchange(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            calls.add(new Call(target, exchange.getRequestHeaders().getFirst("Authorization"), body));
            String id = JSON.readTree(body).path("SecretId").asText();
            ObjectNode answer = JSON.createObjectNode();
            int status;
            if ("secretsmanager.GetSecretValue".equals(target) && secrets.containsKey(id)) {
                status = 200;
                answer.put("ARN", id).put("Name", id.substring(id.lastIndexOf(':') + 1)).put("SecretString", secrets.get(id));
                answer.putArray("VersionStages").add("AWSCURRENT");
            } else {
                status = 400;
                answer.put("__type", "ResourceNotFoundException").put("message", "Secrets Manager can't find the specified secret.");
            }
            byte[] bytes = JSON.writeValueAsBytes(answer);
            exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    /** The secret mailconfig signs profiles with, in the form it reads. */
    public static String signingSecret(String certificatePem, String privateKeyPem, String chainPem) {
        return JSON.createObjectNode().put("certificate", certificatePem).put("privateKey", privateKeyPem)
                .put("chain", chainPem).toString();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
