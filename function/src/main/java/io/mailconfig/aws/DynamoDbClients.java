package io.mailconfig.aws;

import java.time.Duration;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Builds the DynamoDB client once, at init, with as little start-up work as the SDK allows, and
 * with time limits that let a stuck or throttled DynamoDB cost a request at most
 * {@link #API_CALL_TIMEOUT} per call, far below the function's own timeout: the protocol then
 * answers from the stale cache or with 503 and Retry-After instead of the function being killed.
 */
public final class DynamoDbClients {

    /** Opening a TCP (and TLS) connection to the regional endpoint. */
    public static final Duration CONNECTION_TIMEOUT = Duration.ofMillis(500);
    /**
     * Silence on an open connection (the TLS handshake included) while waiting for a response. As
     * long as a first call's attempt may take ({@link #FIRST_CALL_ATTEMPT_TIMEOUT}): a warm attempt
     * ends at {@link #API_CALL_ATTEMPT_TIMEOUT} anyway, which is shorter.
     */
    public static final Duration SOCKET_TIMEOUT = Duration.ofMillis(3000);
    /** One attempt, from sending the request to the parsed response. */
    public static final Duration API_CALL_ATTEMPT_TIMEOUT = Duration.ofMillis(800);
    /**
     * One call with all its retries and back-off. A lookup stops at its first failed call, and the
     * cache then fails fast for a while ({@link io.mailconfig.store.CachingConfigStore}), so a
     * stalled DynamoDB costs one request this long, not every request.
     */
    public static final Duration API_CALL_TIMEOUT = Duration.ofMillis(1500);
    /**
     * The first call of a fresh environment loads the SDK's request and response classes and opens
     * the TLS connection: a fresh JVM's first event took 0.95 to 1.5 s on two busy cores and up to
     * 6 s on one (docs/performance.md), and with {@link #API_CALL_ATTEMPT_TIMEOUT} it was answered
     * 503. It gets this long per attempt, so a cold environment's first lookup is answered.
     */
    public static final Duration FIRST_CALL_ATTEMPT_TIMEOUT = Duration.ofMillis(3000);
    /** The first call with its retries; below the function's 10 s timeout with room for the rest of the lookup. */
    public static final Duration FIRST_CALL_TIMEOUT = Duration.ofMillis(4500);
    /** The first attempt and two retries (standard mode: jittered back-off, retry quota). */
    public static final int MAX_ATTEMPTS = 3;

    private DynamoDbClients() {
    }

    public static DynamoDbClient create(AwsAccess aws) {
        return builder(aws).build();
    }

    /** A builder with every setting applied, for callers that add to it. */
    public static DynamoDbClientBuilder builder(AwsAccess aws) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .region(aws.region())
                .credentialsProvider(aws.credentials())
                .httpClient(httpClient())
                .overrideConfiguration(overrideConfiguration());
        aws.dynamoDbEndpoint().ifPresent(builder::endpointOverride);
        return builder;
    }

    static SdkHttpClient httpClient() {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(CONNECTION_TIMEOUT)
                .socketTimeout(SOCKET_TIMEOUT)
                .build();
    }

    /** The time limits of the first call of an environment, set on that one request. */
    public static AwsRequestOverrideConfiguration firstCall() {
        return AwsRequestOverrideConfiguration.builder()
                .apiCallAttemptTimeout(FIRST_CALL_ATTEMPT_TIMEOUT)
                .apiCallTimeout(FIRST_CALL_TIMEOUT)
                .build();
    }

    /** The time limits and retries; tests add interceptors to the same configuration. */
    public static ClientOverrideConfiguration overrideConfiguration() {
        return ClientOverrideConfiguration.builder()
                .apiCallAttemptTimeout(API_CALL_ATTEMPT_TIMEOUT)
                .apiCallTimeout(API_CALL_TIMEOUT)
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(MAX_ATTEMPTS).build())
                .build();
    }
}
