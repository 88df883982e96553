package io.mailconfig.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback HTTP/1.1 server that turns each request into the API Gateway HTTP API event Lambda would
 * receive and hands it to the very same handler. The request target reaches the handler as sent,
 * so what API Gateway passes on (a bad percent-escape such as {@code %G1} included) is answered by
 * the router, in the protocol's own form, and not by the server. Persistent connections, bodies
 * by Content-Length or chunked; one thread per connection; no framework.
 */
public final class LocalServer implements AutoCloseable {

    /** Larger bodies are refused here (413); API Gateway itself caps payloads too. */
    static final int MAX_BODY_BYTES = 1 << 20;
    /** The request line and headers together; the router's own limits are far below. */
    static final int MAX_HEAD_BYTES = 64 * 1024;
    /** How long an idle persistent connection is kept open. */
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);

    private static final Map<Integer, String> REASONS = Map.ofEntries(Map.entry(200, "OK"), Map.entry(301, "Moved Permanently"),
            Map.entry(302, "Found"), Map.entry(304, "Not Modified"), Map.entry(400, "Bad Request"), Map.entry(404, "Not Found"),
            Map.entry(405, "Method Not Allowed"), Map.entry(413, "Content Too Large"), Map.entry(414, "URI Too Long"),
            Map.entry(415, "Unsupported Media Type"), Map.entry(431, "Request Header Fields Too Large"),
            Map.entry(500, "Internal Server Error"), Map.entry(503, "Service Unavailable"));

    private final ServerSocket listener;
    /*
     * A platform thread per connection, not a virtual one: virtual threads are not preempted, so
     * under load a few busy connections kept the two carriers and the others waited (the same
     * wrk run: p99 44-52 ms for the Apple profile on virtual threads, 11-15 ms on platform ones).
     */
    private final ExecutorService executor = Executors.newCachedThreadPool(Thread.ofPlatform().daemon().name("local-http-", 0).factory());
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler;

    private LocalServer(ServerSocket listener, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler) {
        this.listener = listener;
        this.handler = handler;
    }

    /** Starts serving on 127.0.0.1; port 0 picks a free one. */
    public static LocalServer start(int port, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler)
            throws IOException {
        LocalServer local = new LocalServer(new ServerSocket(port, 128, InetAddress.getLoopbackAddress()), handler);
        local.executor.submit(local::accept);
        return local;
    }

    public int port() {
        return listener.getLocalPort();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket connection = listener.accept();
                connections.add(connection);
                executor.submit(() -> serve(connection));
            } catch (IOException e) {
                // Closed: the loop ends.
            }
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            connection.setSoTimeout((int) IDLE_TIMEOUT.toMillis());
            // Without it, an answer larger than one write (the setup page) waits for TCP's delayed
            // acknowledgement: about 40 ms per request on a kept-alive connection.
            connection.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(connection.getInputStream());
            OutputStream out = new BufferedOutputStream(connection.getOutputStream());
            String client = connection.getInetAddress().getHostAddress();
            boolean open = true;
            while (open) {
                HttpMessage request;
                try {
                    request = HttpMessage.read(in, out, MAX_HEAD_BYTES, MAX_BODY_BYTES);
                } catch (HttpMessage.Malformed e) {
                    write(out, e.status(), Map.of("Content-Type", "text/plain; charset=utf-8"),
                            (e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8), false, false);
                    return;
                }
                if (request == null) {
                    return;
                }
                open = request.keepAlive();
                answer(request, client, out, open);
            }
        } catch (IOException e) {
            // Idle, closed by the client or by close(), or the client went away mid-request: nothing to answer.
        } finally {
            connections.remove(connection);
        }
    }

    private void answer(HttpMessage request, String client, OutputStream out, boolean keepAlive) throws IOException {
        boolean head = "HEAD".equals(request.method());
        APIGatewayV2HTTPResponse response;
        try {
            response = handler.handleRequest(toEvent(request, client), null);
        } catch (RuntimeException e) {
            write(out, 500, Map.of("Content-Type", "text/plain; charset=utf-8"),
                    "internal error\n".getBytes(StandardCharsets.UTF_8), head, keepAlive);
            return;
        }
        write(out, response.getStatusCode(), response.getHeaders() == null ? Map.of() : response.getHeaders(),
                responseBody(response), head, keepAlive);
    }

    private static void write(OutputStream out, int status, Map<String, String> headers, byte[] body, boolean head,
            boolean keepAlive) throws IOException {
        StringBuilder text = new StringBuilder("HTTP/1.1 ").append(status).append(' ')
                .append(REASONS.getOrDefault(status, "Status")).append("\r\n");
        boolean nosniff = false;
        for (Map.Entry<String, String> header : headers.entrySet()) {
            String name = header.getKey();
            if (!name.equalsIgnoreCase("content-length") && !name.equalsIgnoreCase("connection")) {
                text.append(name).append(": ").append(header.getValue().replace('\r', ' ').replace('\n', ' ')).append("\r\n");
            }
            nosniff |= name.equalsIgnoreCase("x-content-type-options");
        }
        if (!nosniff) {
            text.append("X-Content-Type-Options: nosniff\r\n");
        }
        text.append("Content-Length: ").append(head ? 0 : body.length).append("\r\n");
        text.append("Connection: ").append(keepAlive ? "keep-alive" : "close").append("\r\n\r\n");
        out.write(text.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (!head) {
            out.write(body);
        }
        out.flush();
    }

    /** The event API Gateway would send for this request; the path is decoded, the query string as sent. */
    static APIGatewayV2HTTPEvent toEvent(HttpMessage request, String client) {
        Map<String, String> headers = request.headers();
        String path = HttpMessage.decodePath(request.rawPath());
        byte[] body = request.body();
        Instant now = Instant.now();
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("$default")
                .withRawPath(path)
                .withRawQueryString(request.rawQuery())
                .withHeaders(headers)
                .withBody(body.length == 0 ? null : Base64.getEncoder().encodeToString(body))
                .withIsBase64Encoded(body.length > 0)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withDomainName(headers.getOrDefault("host", "127.0.0.1"))
                        .withRequestId(UUID.randomUUID().toString())
                        .withStage("$default")
                        .withRouteKey("$default")
                        .withTimeEpoch(now.toEpochMilli())
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod(request.method())
                                .withPath(path)
                                .withProtocol(request.version())
                                .withSourceIp(client)
                                .withUserAgent(headers.getOrDefault("user-agent", ""))
                                .build())
                        .build())
                .build();
    }

    private static byte[] responseBody(APIGatewayV2HTTPResponse response) {
        if (response.getBody() == null) {
            return new byte[0];
        }
        return response.getIsBase64Encoded()
                ? Base64.getDecoder().decode(response.getBody())
                : response.getBody().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            // Closing anyway.
        }
        for (Socket connection : connections) {
            try {
                connection.close();
            } catch (IOException e) {
                // Closing anyway.
            }
        }
        executor.shutdownNow();
    }
}
