package io.mailconfig.dnsupdater;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * SQS on a loopback port, speaking its AWS JSON 1.0 wire format for {@code SendMessage}: it keeps
 * each message with its delay, for a test to deliver as Lambda would. Binds 127.0.0.1 only.
 */
final class LoopbackSqs implements AutoCloseable {

    /** One message as sent. */
    record Message(String queueUrl, int delaySeconds, String body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Message> messages = new CopyOnWriteArrayList<>();

    LoopbackSqs() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::exchange);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The messages sent since the last call, oldest first. */
    List<Message> take() {
        List<Message> taken = List.copyOf(messages);
        messages.removeAll(taken);
        return taken;
    }

    private void exchange(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            byte[] answer;
            int status = 200;
            if ("AmazonSQS.SendMessage".equals(target)) {
                messages.add(new Message(request.path("QueueUrl").asText(), request.path("DelaySeconds").asInt(), request.path("MessageBody").asText()));
                answer = JSON.createObjectNode().put("MessageId", "m" + messages.size())
                        .put("MD5OfMessageBody", md5(request.path("MessageBody").asText())).toString().getBytes(StandardCharsets.UTF_8);
            } else {
                status = 400;
                answer = JSON.createObjectNode().put("__type", "com.amazonaws.sqs#InvalidAction").put("message", "not here: " + target)
                        .toString().getBytes(StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    /** The SDK checks the body's MD5 the queue reports. */
    private static String md5(String body) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
