package io.mailconfig;

import io.mailconfig.store.dynamodb.Table;
import java.time.Duration;
import java.util.Map;

/**
 * What the function itself needs to know, from its environment. Where AWS is and who calls it is
 * the AWS plumbing's business ({@link io.mailconfig.aws.AwsAccess}).
 *
 * @param tableName {@value #TABLE_NAME}, default {@code mailconfig}
 * @param cacheTtl  {@value #CACHE_TTL_SECONDS}: how long a warm function keeps an answer before
 *                  reading the table again; default {@link #DEFAULT_CACHE_TTL}
 */
public record Settings(String tableName, Duration cacheTtl) {

    public static final String TABLE_NAME = "TABLE_NAME";
    public static final String CACHE_TTL_SECONDS = "CACHE_TTL_SECONDS";
    /** The one default of the server-side cache; the CDK app's default is this value too. */
    public static final Duration DEFAULT_CACHE_TTL = Duration.ofSeconds(60);

    public static Settings from(Map<String, String> env) {
        String table = env.getOrDefault(TABLE_NAME, Table.DEFAULT_NAME);
        Duration ttl = DEFAULT_CACHE_TTL;
        String ttlText = env.get(CACHE_TTL_SECONDS);
        if (ttlText != null && !ttlText.isBlank()) {
            try {
                ttl = Duration.ofSeconds(Long.parseLong(ttlText.strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(CACHE_TTL_SECONDS + " must be a whole number of seconds, not " + ttlText);
            }
        }
        return new Settings(table, ttl);
    }

    /** The same settings with another cache TTL. */
    public Settings withCacheTtl(Duration ttl) {
        return new Settings(tableName, ttl);
    }
}
