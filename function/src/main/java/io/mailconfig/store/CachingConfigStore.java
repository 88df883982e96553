package io.mailconfig.store;

import io.mailconfig.model.Domain;
import io.mailconfig.model.DomainConfig;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps answers in memory for a while, so a warm function does not read DynamoDB for every request.
 *
 * <p>Loading one domain loads its whole provider, so every other domain of that provider is cached
 * by the same load and shares one {@link io.mailconfig.model.ProviderConfig}. Unknown domains are
 * remembered too (so a flood of made-up domains does not become a flood of reads), within a bound
 * on the number of entries.
 *
 * <p>Stale if error: an entry is kept after its TTL. When refreshing it fails with
 * {@link StoreUnavailableException} (DynamoDB unreachable, throttled, too slow), the last good
 * answer is served instead, for at most {@link #DEFAULT_MAX_STALENESS} after it was loaded, and
 * the store is not asked again for that domain for {@link #FAILED_REFRESH_BACKOFF}. With
 * no such entry the failure goes on to the protocol, which answers 503 with Retry-After.
 */
public final class CachingConfigStore implements ConfigStore {

    /** How long after loading an entry may still stand in for a store that cannot answer. */
    public static final Duration DEFAULT_MAX_STALENESS = Duration.ofHours(24);
    /** After a failed refresh, how long the stale entry is served before the store is tried again. */
    public static final Duration FAILED_REFRESH_BACKOFF = Duration.ofSeconds(5);
    static final int MAX_ENTRIES = 100_000;

    private static final Logger LOG = LoggerFactory.getLogger(CachingConfigStore.class);

    private final ConfigStore delegate;
    private final long ttlNanos;
    private final long maxStalenessNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public CachingConfigStore(ConfigStore delegate, Duration ttl) {
        this(delegate, ttl, System::nanoTime);
    }

    /** @param nanoTime the clock, {@link System#nanoTime} but in tests */
    public CachingConfigStore(ConfigStore delegate, Duration ttl, LongSupplier nanoTime) {
        this.delegate = delegate;
        this.ttlNanos = ttl.toNanos();
        this.maxStalenessNanos = Math.max(ttlNanos, DEFAULT_MAX_STALENESS.toNanos());
        this.nanoTime = nanoTime;
    }

    @Override
    public Optional<DomainConfig> find(String domain) {
        long now = nanoTime.getAsLong();
        Entry cached = entries.get(domain);
        if (cached != null && now < cached.refreshAt) {
            return cached.config;
        }
        Optional<DomainConfig> loaded;
        try {
            loaded = delegate.find(domain);
        } catch (StoreUnavailableException e) {
            if (cached != null && now - cached.loadedAt < maxStalenessNanos) {
                LOG.warn("serving {} from a cache entry {} s old: {}", domain,
                        Duration.ofNanos(now - cached.loadedAt).toSeconds(), e.getMessage());
                // Later requests get the stale entry at once instead of each waiting for DynamoDB to fail again.
                entries.put(domain, new Entry(cached.config, cached.loadedAt, now + FAILED_REFRESH_BACKOFF.toNanos()));
                return cached.config;
            }
            throw e;
        }
        remember(domain, loaded, now);
        return loaded;
    }

    private void remember(String domain, Optional<DomainConfig> loaded, long now) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.values().removeIf(entry -> now - entry.loadedAt >= maxStalenessNanos);
            if (entries.size() >= MAX_ENTRIES) {
                entries.values().removeIf(entry -> now - entry.loadedAt >= ttlNanos);
            }
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
        }
        entries.put(domain, new Entry(loaded, now, now + ttlNanos));
        loaded.ifPresent(config -> {
            for (Domain sibling : config.provider().domains()) {
                if (!sibling.name().equals(domain)) {
                    entries.put(sibling.name(), new Entry(Optional.of(new DomainConfig(sibling, config.provider())), now, now + ttlNanos));
                }
            }
        });
    }

    /** {@code refreshAt}: when the next request reads the store again (TTL, or back-off after a failed refresh). */
    private record Entry(Optional<DomainConfig> config, long loadedAt, long refreshAt) {
    }
}
