package io.mailconfig.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestTest {

    private static Request received(String scheme, String host, String forwardedProto) {
        Map<String, String> headers = forwardedProto.isEmpty()
                ? Map.of("host", host) : Map.of("host", host, "x-forwarded-proto", forwardedProto);
        return new Request("GET", "/", Map.of(), headers, null).withScheme(scheme);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "https | autoconfig.example.com | ''    | https://autoconfig.example.com",
        "https | 127.0.0.1:8080         | ''    | https://127.0.0.1:8080",
        "https | 127.evil.example       | ''    | https://127.evil.example",
        "https | localhost              | http  | https://localhost",
        "http  | 127.0.0.1:8080         | ''    | http://127.0.0.1:8080",
        "http  | mail.example.com:8080  | ''    | http://mail.example.com:8080",
        "http  | mail.example.com       | https | https://mail.example.com",
    })
    void theOriginsSchemeIsTheServersOwnNeverTheHostHeaders(String scheme, String host, String forwardedProto, String origin) {
        assertThat(received(scheme, host, forwardedProto).origin()).contains(origin);
    }
}
