package io.mailconfig.installation;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How the function and its API run.
 *
 * @param reservedConcurrency executions reserved for (and the most allowed to) the function; empty: none reserved
 * @param alarmEmail          an address subscribed to the alarm topic
 */
public record ServiceSettings(
        String tableName,
        int memoryMb,
        int logRetentionDays,
        int cacheTtlSeconds,
        Optional<String> signingSecretArn,
        int throttleRateLimit,
        int throttleBurstLimit,
        OptionalInt reservedConcurrency,
        Optional<String> alarmEmail) {

    /** The function's own default table name ({@code Table.DEFAULT_NAME}). */
    public static final String DEFAULT_TABLE_NAME = "mailconfig";
    public static final int DEFAULT_MEMORY_MB = 1024;
    public static final int DEFAULT_LOG_RETENTION_DAYS = 30;
    /** The function's own default ({@code Settings.DEFAULT_CACHE_TTL}). */
    public static final int DEFAULT_CACHE_TTL_SECONDS = 60;
    public static final int DEFAULT_RATE_LIMIT = 100;
    public static final int DEFAULT_BURST_LIMIT = 200;
    /**
     * A warm request takes a few milliseconds, so 50 executions serve thousands of requests a
     * second, more than the routes' throttles let through, with room for the slower first requests
     * of restored environments; it caps what a flood can cost and keeps it from the account's other functions.
     */
    public static final int DEFAULT_RESERVED_CONCURRENCY = 50;
    /** The retention periods CloudWatch Logs offers, in days. */
    public static final List<Integer> LOG_RETENTION_DAYS = List.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400,
            545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);
}
