package io.mailconfig.aws;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Where the AWS clients connect and as whom, chosen once: the region, the credentials and, only to
 * point at a local stand-in, an endpoint per service. The function, the local run and the data
 * tool all build their clients from one of these.
 *
 * @param dynamoDbEndpoint       {@value #DYNAMODB_ENDPOINT}: DynamoDB Local or another compatible endpoint
 * @param secretsManagerEndpoint {@value #SECRETSMANAGER_ENDPOINT}: a Secrets Manager stand-in
 */
public record AwsAccess(Region region, AwsCredentialsProvider credentials, Optional<URI> dynamoDbEndpoint,
        Optional<URI> secretsManagerEndpoint) {

    public static final String REGION = "AWS_REGION";
    public static final String DEFAULT_REGION = "AWS_DEFAULT_REGION";
    /** Set by Lambda in every execution environment. */
    public static final String LAMBDA_FUNCTION_NAME = "AWS_LAMBDA_FUNCTION_NAME";
    public static final String DYNAMODB_ENDPOINT = "DYNAMODB_ENDPOINT";
    public static final String SECRETSMANAGER_ENDPOINT = "SECRETSMANAGER_ENDPOINT";
    /** The region when nothing names one (outside Lambda, which always does). */
    public static final String FALLBACK_REGION = "us-east-1";

    public AwsAccess {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(dynamoDbEndpoint, "dynamoDbEndpoint");
        Objects.requireNonNull(secretsManagerEndpoint, "secretsManagerEndpoint");
    }

    /**
     * From environment variables. In Lambda the credentials are in the environment; elsewhere the
     * SDK's default chain (profiles, variables, instance roles) finds them. The default chain would
     * probe files and metadata endpoints first, which costs a Lambda cold start time for nothing.
     */
    public static AwsAccess fromEnvironment(Map<String, String> env) {
        String region = value(env, REGION).or(() -> value(env, DEFAULT_REGION)).orElse(FALLBACK_REGION);
        AwsCredentialsProvider credentials = env.containsKey(LAMBDA_FUNCTION_NAME)
                ? EnvironmentVariableCredentialsProvider.create()
                : DefaultCredentialsProvider.builder().build();
        return new AwsAccess(Region.of(region), credentials, value(env, DYNAMODB_ENDPOINT).map(URI::create),
                value(env, SECRETSMANAGER_ENDPOINT).map(URI::create));
    }

    /** Outside Lambda, for a region given by name: the default credentials chain. */
    public static AwsAccess outsideLambda(String region, Optional<URI> dynamoDbEndpoint) {
        return new AwsAccess(Region.of(region), DefaultCredentialsProvider.builder().build(), dynamoDbEndpoint, Optional.empty());
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }
}
