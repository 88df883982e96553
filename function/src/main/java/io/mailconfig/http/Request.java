package io.mailconfig.http;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An HTTP request as every protocol sees it, whether it came from API Gateway or the local server.
 * What HTTP itself says about headers (media type, charset, the origin asked for) is read here,
 * once, rather than in each protocol.
 *
 * @param method  upper case
 * @param path    the decoded path, as API Gateway gives it
 * @param query   query parameters by lower-case name; the first value of a repeated name wins
 * @param headers headers by lower-case name
 * @param body    the raw body, empty when there is none
 * @param queryLength the length of the query string as sent, every parameter counted (a repeated
 *                name too, though {@code query} keeps only its first value)
 * @param scheme  how the server that received the request is reached: {@value #HTTPS} behind API
 *                Gateway, {@value #HTTP} for the local server, which says so itself
 */
public record Request(String method, String path, Map<String, String> query, Map<String, String> headers, byte[] body,
        int queryLength, String scheme) {

    public static final String HTTPS = "https";
    public static final String HTTP = "http";

    /** A Host header fit to put in a link: a name or address and an optional port, nothing else. */
    private static final Pattern SAFE_HOST = Pattern.compile("[A-Za-z0-9.-]+(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]+\\](:[0-9]{1,5})?");

    public Request {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
        if (!HTTPS.equals(scheme) && !HTTP.equals(scheme)) {
            throw new IllegalArgumentException("scheme must be https or http");
        }
    }

    /** A request received over HTTPS whose query is exactly {@code query}, each name once. */
    public Request(String method, String path, Map<String, String> query, Map<String, String> headers, byte[] body) {
        this(method, path, query, headers, body, lengthOf(query), HTTPS);
    }

    /** The same request, as received by a server reached with another scheme. */
    public Request withScheme(String other) {
        return new Request(method, path, query, headers, body, queryLength, other);
    }

    private static int lengthOf(Map<String, String> query) {
        int length = 0;
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            length += parameter.getKey().length() + parameter.getValue().length() + 2;
        }
        return length;
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

    /** The Content-Type's media type, lower case and without parameters; empty when the request names none. */
    public String mediaType() {
        String contentType = header("content-type").orElse("");
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    /** The Content-Type's charset parameter, when it names one this JVM knows. */
    public Optional<String> charset() {
        for (String parameter : header("content-type").orElse("").split(";")) {
            int equals = parameter.indexOf('=');
            if (equals > 0 && parameter.substring(0, equals).strip().equalsIgnoreCase("charset")) {
                String name = parameter.substring(equals + 1).strip().replace("\"", "");
                try {
                    return Charset.isSupported(name) ? Optional.of(name) : Optional.empty();
                } catch (IllegalCharsetNameException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Where the client reached us, {@code https://<Host>}, for absolute links in an answer; http
     * only when the server itself is reached over plain http (the local server, unless a proxy in
     * front of it says {@code X-Forwarded-Proto: https}), whatever the Host header says. Empty when
     * the Host header is not fit to be put in a link.
     */
    public Optional<String> origin() {
        Optional<String> host = header("host").map(String::strip).filter(h -> SAFE_HOST.matcher(h).matches());
        if (host.isEmpty()) {
            return Optional.empty();
        }
        boolean plain = HTTP.equals(scheme) && !HTTPS.equals(header("x-forwarded-proto").orElse(""));
        return Optional.of((plain ? HTTP : HTTPS) + "://" + host.get());
    }

    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
