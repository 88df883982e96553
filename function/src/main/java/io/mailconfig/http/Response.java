package io.mailconfig.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * An HTTP response, and what became of the request in the operator's terms. Headers every answer
 * must carry are added by {@link Router}, so a protocol only states what is particular to it.
 */
public record Response(int status, Map<String, String> headers, byte[] body, Outcome outcome) {

    public static final String TEXT_PLAIN = "text/plain; charset=utf-8";

    public Response {
        headers = Map.copyOf(headers);
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(outcome, "outcome");
    }

    public static Response of(Outcome outcome, int status, String contentType, String body) {
        return of(outcome, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    public static Response of(Outcome outcome, int status, String contentType, byte[] body) {
        return new Response(status, Map.of("Content-Type", contentType), body, outcome);
    }

    /** A short plain-text answer: one line that says what is wrong, nothing more. */
    public static Response text(Outcome outcome, int status, String line) {
        return of(outcome, status, TEXT_PLAIN, line + "\n");
    }

    public Response withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new Response(status, copy, body, outcome);
    }

    public String header(String name) {
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name)) {
                return header.getValue();
            }
        }
        return null;
    }

    public String contentType() {
        String contentType = header("Content-Type");
        return contentType == null ? "" : contentType;
    }

    /** Whether the body is text that API Gateway can carry as-is; anything else travels base64-encoded. */
    public boolean isText() {
        String type = contentType().toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || type.contains("xml") || type.contains("json");
    }

    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
