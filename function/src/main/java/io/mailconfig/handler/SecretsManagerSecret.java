package io.mailconfig.handler;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * Reads one Secrets Manager secret (GetSecretValue) at init, signed with SigV4 by the SDK's own
 * signer and sent with the URL-connection client the function already ships.
 *
 * <p>Why not the SDK's secretsmanager client: a second service client adds its generated model to
 * the deployment jar for a single call made once per cold start. Why not the Parameters and
 * Secrets Lambda extension: it only answers during invocations, and the key is needed at init.
 */
final class SecretsManagerSecret {

    private static final JsonFactory JSON = new JsonFactory();

    private SecretsManagerSecret() {
    }

    /** The secret's SecretString, parsed as a flat JSON object of strings. */
    static Map<String, String> fetchJson(String secretId, String region, URI endpoint, AwsCredentialsProvider credentials,
            SdkHttpClient http) {
        byte[] payload = ("{\"SecretId\":" + quote(secretId) + "}").getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(endpoint)
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", "secretsmanager.GetSecretValue")
                .build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(sign -> sign
                .identity(credentials.resolveCredentials())
                .request(request)
                .payload(ContentStreamProvider.fromByteArray(payload))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "secretsmanager")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region));
        try {
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                    .request(signed.request())
                    .contentStreamProvider(signed.payload().orElse(null))
                    .build()).call();
            byte[] body;
            try (InputStream in = response.responseBody().map(InputStream.class::cast).orElse(InputStream.nullInputStream())) {
                body = in.readAllBytes();
            }
            if (!response.httpResponse().isSuccessful()) {
                throw new IllegalStateException("Secrets Manager answered " + response.httpResponse().statusCode()
                        + " for " + secretId + ": " + new String(body, StandardCharsets.UTF_8).strip());
            }
            String secretString = strings(body).get("SecretString");
            if (secretString == null) {
                throw new IllegalStateException("secret " + secretId + " has no SecretString");
            }
            return strings(secretString.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read secret " + secretId + ": " + e.getMessage(), e);
        }
    }

    static URI endpoint(String region) {
        return URI.create("https://secretsmanager." + region + ".amazonaws.com/");
    }

    /** The string members of a JSON object; other members are skipped. */
    static Map<String, String> strings(byte[] json) throws IOException {
        Map<String, String> values = new HashMap<>();
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.VALUE_STRING) {
                    values.put(name, parser.getText());
                } else {
                    parser.skipChildren();
                }
            }
        }
        return values;
    }

    private static String quote(String text) {
        StringWriter out = new StringWriter();
        try (var generator = JSON.createGenerator(out)) {
            generator.writeString(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }
}
