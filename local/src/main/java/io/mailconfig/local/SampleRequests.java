package io.mailconfig.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.mailconfig.Mailconfig;
import io.mailconfig.http.Router;
import io.mailconfig.lambda.ApiGatewayEvents;
import io.mailconfig.sample.SampleEvents;
import io.mailconfig.sample.SampleProvider;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The sample requests ({@link SampleEvents}) as HTTP requests to the local server: the curl
 * commands {@code ./dev run} prints, and the request lists the load and soak scripts hand to wrk.
 *
 * <p>{@code SampleRequests DIR} writes {@code DIR/all.txt} and one {@code DIR/<protocol>.txt} per
 * protocol, one request a line with tab-separated fields {@code METHOD PATH?QUERY Name:value ...
 * [@body-file]}, body files beside them (scripts/soak/rotate.lua reads this format).
 */
public final class SampleRequests {

    /** Headers the HTTP client sets itself. */
    private static final List<String> LEFT_TO_CLIENT = List.of("content-length", "connection", "accept-encoding");

    /** One sample request: its name, protocol, request line target, headers and body. */
    record SampleRequest(String name, String protocol, String method, String target, Map<String, String> headers,
            Optional<byte[]> body) {
    }

    private SampleRequests() {
    }

    static List<SampleRequest> all() {
        Router router = Mailconfig.router(SampleProvider.store(), Optional.empty());
        List<SampleRequest> requests = new ArrayList<>();
        for (String name : SampleEvents.names()) {
            APIGatewayV2HTTPEvent event = SampleEvents.load(name);
            io.mailconfig.http.Request request = ApiGatewayEvents.toRequest(event);
            String query = event.getRawQueryString() == null || event.getRawQueryString().isEmpty()
                    ? "" : "?" + event.getRawQueryString();
            Map<String, String> headers = new TreeMap<>();
            if (event.getHeaders() != null) {
                event.getHeaders().forEach((header, value) -> {
                    if (!LEFT_TO_CLIENT.contains(header.toLowerCase(Locale.ROOT))) {
                        headers.put(header.toLowerCase(Locale.ROOT), value);
                    }
                });
            }
            requests.add(new SampleRequest(name, router.protocolOf(request), request.method(), encodePath(request.path()) + query,
                    headers, request.body().length == 0 ? Optional.empty() : Optional.of(request.body())));
        }
        return requests;
    }

    /** curl command lines against {@code baseUrl} for the sample requests without a body, for people to try. */
    static List<String> curlCommands(String baseUrl) {
        List<String> commands = new ArrayList<>();
        for (SampleRequest request : all()) {
            if (request.body().isPresent()) {
                continue;
            }
            StringBuilder command = new StringBuilder("curl");
            String host = request.headers().get("host");
            if (host != null) {
                command.append(" -H 'Host: ").append(host).append('\'');
            }
            command.append(" '").append(baseUrl).append(request.target()).append('\'');
            commands.add(command.toString());
        }
        return commands;
    }

    /** Writes the wrk request lists into {@code directory}; returns the protocols, in order. */
    static List<String> writeLists(Path directory) throws IOException {
        Files.createDirectories(directory);
        Map<String, List<String>> byProtocol = new LinkedHashMap<>();
        List<String> all = new ArrayList<>();
        for (SampleRequest request : all()) {
            List<String> fields = new ArrayList<>(List.of(request.method(), request.target()));
            request.headers().forEach((name, value) -> fields.add(name + ":" + value));
            if (request.body().isPresent()) {
                Path body = directory.resolve(request.name() + ".body");
                Files.write(body, request.body().get());
                fields.add("@" + body.getFileName());
            }
            String line = String.join("\t", fields);
            all.add(line);
            byProtocol.computeIfAbsent(request.protocol(), protocol -> new ArrayList<>()).add(line);
        }
        Files.write(directory.resolve("all.txt"), all);
        for (Map.Entry<String, List<String>> protocol : byProtocol.entrySet()) {
            Files.write(directory.resolve(protocol.getKey() + ".txt"), protocol.getValue());
        }
        return List.copyOf(byProtocol.keySet());
    }

    /** Percent-encodes what a request line may not hold raw; '/' and '@' stay as they are. */
    private static String encodePath(String path) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/", -1)) {
            segments.add(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20").replace("%40", "@"));
        }
        return String.join("/", segments);
    }

    /** {@code SampleRequests DIR}: writes the lists and prints the protocols, one a line. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: SampleRequests DIR");
            System.exit(2);
        }
        writeLists(Path.of(args[0])).forEach(System.out::println);
    }
}
