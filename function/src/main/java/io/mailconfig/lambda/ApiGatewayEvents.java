package io.mailconfig.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.mailconfig.http.Request;
import io.mailconfig.http.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Translates API Gateway HTTP API events (payload 2.0) to {@link Request} and {@link Response} back.
 * API Gateway serves only HTTPS, so every request is one received over {@link Request#HTTPS}.
 */
public final class ApiGatewayEvents {

    private ApiGatewayEvents() {
    }

    public static Request toRequest(APIGatewayV2HTTPEvent event) {
        String method = "GET";
        if (event.getRequestContext() != null && event.getRequestContext().getHttp() != null
                && event.getRequestContext().getHttp().getMethod() != null) {
            method = event.getRequestContext().getHttp().getMethod().toUpperCase(Locale.ROOT);
        }
        String path = event.getRawPath() == null || event.getRawPath().isEmpty() ? "/" : event.getRawPath();
        Map<String, String> headers = new HashMap<>();
        if (event.getHeaders() != null) {
            event.getHeaders().forEach((name, value) -> {
                if (name != null && value != null) {
                    headers.putIfAbsent(name.toLowerCase(Locale.ROOT), value);
                }
            });
        }
        if (!headers.containsKey("host") && event.getRequestContext() != null
                && event.getRequestContext().getDomainName() != null) {
            headers.put("host", event.getRequestContext().getDomainName());
        }
        if (event.getCookies() != null && !event.getCookies().isEmpty()) {
            // Payload 2.0 moves cookies out of the headers; they still count towards the header limit.
            headers.putIfAbsent("cookie", String.join("; ", event.getCookies()));
        }
        String rawQuery = event.getRawQueryString() == null ? "" : event.getRawQueryString();
        return new Request(method, path, parseQuery(rawQuery), headers, body(event), rawQuery.length(), Request.HTTPS);
    }

    public static APIGatewayV2HTTPResponse toEvent(Response response) {
        boolean text = response.isText();
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(response.status())
                .withHeaders(response.headers())
                .withBody(text ? response.bodyAsString() : Base64.getEncoder().encodeToString(response.body()))
                .withIsBase64Encoded(!text)
                .build();
    }

    /** Parameters by lower-case name; the first of a repeated name wins; undecodable escapes are kept as sent. */
    static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> query = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            query.putIfAbsent(name.toLowerCase(Locale.ROOT), value);
        }
        return query;
    }

    private static String decode(String component) {
        try {
            return URLDecoder.decode(component, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return component;
        }
    }

    private static byte[] body(APIGatewayV2HTTPEvent event) {
        String body = event.getBody();
        if (body == null) {
            return new byte[0];
        }
        if (event.getIsBase64Encoded()) {
            try {
                return Base64.getDecoder().decode(body);
            } catch (IllegalArgumentException e) {
                return new byte[0];
            }
        }
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
