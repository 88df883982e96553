package io.mailconfig.handler;

import io.mailconfig.store.CachingConfigStore;
import io.mailconfig.store.dynamodb.Table;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The function's settings, from environment variables.
 *
 * @param tableName        {@code TABLE_NAME}, default {@code mailconfig}
 * @param region           {@code AWS_REGION}, set by Lambda; default {@code us-east-1}
 * @param endpoint         {@code DYNAMODB_ENDPOINT}, only to point at DynamoDB Local
 * @param cacheTtl         {@code CACHE_TTL_SECONDS}, default 60
 * @param inLambda         whether {@code AWS_LAMBDA_FUNCTION_NAME} is set
 */
public record Settings(String tableName, String region, Optional<URI> endpoint, Duration cacheTtl, boolean inLambda) {

    public static Settings from(Map<String, String> env) {
        String table = env.getOrDefault("TABLE_NAME", Table.DEFAULT_NAME);
        String region = env.getOrDefault("AWS_REGION", env.getOrDefault("AWS_DEFAULT_REGION", "us-east-1"));
        Optional<URI> endpoint = Optional.ofNullable(env.get("DYNAMODB_ENDPOINT")).filter(s -> !s.isBlank()).map(URI::create);
        Duration ttl = CachingConfigStore.DEFAULT_TTL;
        String ttlText = env.get("CACHE_TTL_SECONDS");
        if (ttlText != null && !ttlText.isBlank()) {
            try {
                ttl = Duration.ofSeconds(Long.parseLong(ttlText.strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("CACHE_TTL_SECONDS must be a whole number of seconds, not " + ttlText);
            }
        }
        return new Settings(table, region, endpoint, ttl, env.containsKey("AWS_LAMBDA_FUNCTION_NAME"));
    }
}
