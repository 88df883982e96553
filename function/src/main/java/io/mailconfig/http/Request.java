package io.mailconfig.http;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An HTTP request as every protocol sees it, whether it came from API Gateway or the local server.
 *
 * @param method  upper case
 * @param path    the decoded path, as API Gateway gives it
 * @param query   query parameters by lower-case name; the first value of a repeated name wins
 * @param headers headers by lower-case name
 * @param body    the raw body, empty when there is none
 */
public record Request(String method, String path, Map<String, String> query, Map<String, String> headers, byte[] body) {

    public Request {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    /** A query parameter by name, ignoring the letter case of the name. */
    public Optional<String> queryParameter(String name) {
        return Optional.ofNullable(query.get(name.toLowerCase(Locale.ROOT)));
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The host the client asked for, without a port, lower case. */
    public Optional<String> host() {
        return header("host").map(host -> {
            String bare = host.strip();
            int colon = bare.lastIndexOf(':');
            if (colon > 0 && bare.indexOf(']') < colon) {
                bare = bare.substring(0, colon);
            }
            return bare.toLowerCase(Locale.ROOT);
        }).filter(host -> !host.isEmpty());
    }

    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
