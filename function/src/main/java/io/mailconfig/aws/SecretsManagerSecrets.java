package io.mailconfig.aws;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;

/**
 * Reads one Secrets Manager secret at init with the SDK's client, on the same URL-connection HTTP
 * client the function already ships, at the region's own endpoint. The limits keep a Secrets
 * Manager that does not answer from holding init: the read gives up after {@link #API_CALL_TIMEOUT}.
 */
final class SecretsManagerSecrets {

    static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(1);
    static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(2);
    static final Duration API_CALL_ATTEMPT_TIMEOUT = Duration.ofSeconds(2);
    /** The whole read, retries included: the most a stalled endpoint costs a cold start. */
    static final Duration API_CALL_TIMEOUT = Duration.ofSeconds(4);
    /** The first attempt and one retry. */
    static final int MAX_ATTEMPTS = 2;

    private static final JsonFactory JSON = new JsonFactory();

    private SecretsManagerSecrets() {
    }

    /** The secret's SecretString, parsed as a flat JSON object of strings. */
    static Map<String, String> readJson(AwsAccess aws, String secretId) {
        try (SecretsManagerClient client = client(aws)) {
            String secretString = client.getSecretValue(request -> request.secretId(secretId)).secretString();
            if (secretString == null) {
                throw new IllegalStateException("secret " + secretId + " has no SecretString");
            }
            return strings(secretString);
        } catch (SdkException e) {
            throw new IllegalStateException("cannot read secret " + secretId + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException("secret " + secretId + " is not a JSON object of strings: " + e.getMessage(), e);
        }
    }

    private static SecretsManagerClient client(AwsAccess aws) {
        SecretsManagerClientBuilder builder = SecretsManagerClient.builder()
                .region(aws.region())
                .credentialsProvider(aws.credentials())
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(CONNECTION_TIMEOUT)
                        .socketTimeout(SOCKET_TIMEOUT)
                        .build())
                .overrideConfiguration(override -> override
                        .apiCallAttemptTimeout(API_CALL_ATTEMPT_TIMEOUT)
                        .apiCallTimeout(API_CALL_TIMEOUT)
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(MAX_ATTEMPTS).build()));
        aws.secretsManagerEndpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** The string members of a JSON object; other members are skipped. */
    static Map<String, String> strings(String json) throws IOException {
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
}
