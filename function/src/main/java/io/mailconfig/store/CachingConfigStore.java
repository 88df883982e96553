package io.mailconfig.store;

import io.mailconfig.model.DomainConfig;
import io.mailconfig.model.EmailAddress;
import io.mailconfig.model.ProviderConfig;
import io.mailconfig.model.UserSettings;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps answers in memory for a while, so a warm function does not read DynamoDB for every request.
 *
 * <p>Two kinds of answer are kept, each in two bounded least-recently-used maps: domains that
 * exist ({@value #MAX_KNOWN_DOMAINS}) apart from domains that do not ({@value #MAX_UNKNOWN_DOMAINS}),
 * and mailboxes with an item of their own ({@value #MAX_MAILBOXES}) apart from those without
 * ({@value #MAX_MAILBOXES_WITHOUT_ITEM}). A flood of made-up domains or addresses only ever pushes
 * out other made-up ones, never a configuration that stale-if-error relies on. Domains of one
 * provider share one {@link ProviderConfig} instance.
 *
 * <p>Stale if error: an entry is kept after its TTL. When refreshing it fails with
 * {@link StoreUnavailableException} (DynamoDB unreachable, throttled, too slow), the last good
 * answer is served instead, for at most {@link #DEFAULT_MAX_STALENESS} after it was loaded. A
 * failed read is remembered: that key is not read again for {@link #FAILED_REFRESH_BACKOFF}, and
 * no key at all for {@link #STORE_DOWN_BACKOFF}, so while DynamoDB stalls each request fails (or
 * is served stale) at once instead of waiting for the SDK's timeouts. Without a good entry the
 * failure goes on to the protocol, which answers 503 with Retry-After.
 */
public final class CachingConfigStore implements ConfigStore {

    /** How long after loading an entry may still stand in for a store that cannot answer. */
    public static final Duration DEFAULT_MAX_STALENESS = Duration.ofHours(24);
    /** After a failed read of a domain or mailbox, how long it is answered from what is cached (or 503) without asking again. */
    public static final Duration FAILED_REFRESH_BACKOFF = Duration.ofSeconds(5);
    /** After any failed read, how long no read at all is tried. */
    public static final Duration STORE_DOWN_BACKOFF = Duration.ofSeconds(2);
    public static final int MAX_KNOWN_DOMAINS = 20_000;
    public static final int MAX_UNKNOWN_DOMAINS = 10_000;
    public static final int MAX_MAILBOXES = 20_000;
    public static final int MAX_MAILBOXES_WITHOUT_ITEM = 10_000;
    static final int MAX_PROVIDERS = 1_000;

    private static final Logger LOG = LoggerFactory.getLogger(CachingConfigStore.class);

    private final ConfigStore delegate;
    private final LongSupplier nanoTime;
    private final Outage outage = new Outage();
    private final Answers<DomainConfig> domains;
    private final Answers<UserSettings> mailboxes;
    private final LruMap<String, ProviderConfig> providers = new LruMap<>(MAX_PROVIDERS);

    public CachingConfigStore(ConfigStore delegate, Duration ttl) {
        this(delegate, ttl, System::nanoTime);
    }

    /** @param nanoTime the clock, {@link System#nanoTime} but in tests */
    public CachingConfigStore(ConfigStore delegate, Duration ttl, LongSupplier nanoTime) {
        this.delegate = delegate;
        this.nanoTime = nanoTime;
        long ttlNanos = ttl.toNanos();
        long maxStalenessNanos = Math.max(ttlNanos, DEFAULT_MAX_STALENESS.toNanos());
        this.domains = new Answers<>("domain", MAX_KNOWN_DOMAINS, MAX_UNKNOWN_DOMAINS, ttlNanos, maxStalenessNanos, outage);
        this.mailboxes = new Answers<>("mailbox", MAX_MAILBOXES, MAX_MAILBOXES_WITHOUT_ITEM, ttlNanos, maxStalenessNanos, outage);
    }

    @Override
    public Optional<DomainConfig> find(String domain) {
        return domains.get(domain, nanoTime.getAsLong(), () -> delegate.find(domain).map(this::shareProvider));
    }

    @Override
    public Optional<UserSettings> mailbox(DomainConfig config, EmailAddress address) {
        return mailboxes.get(address.key(), nanoTime.getAsLong(), () -> delegate.mailbox(config, address));
    }

    /** Entries held now: known and unknown domains, mailboxes with and without an item. */
    Sizes sizes() {
        return new Sizes(domains.found.size(), domains.missing.size(), mailboxes.found.size(), mailboxes.missing.size());
    }

    record Sizes(int knownDomains, int unknownDomains, int mailboxes, int mailboxesWithoutItem) {
    }

    /** The provider's settings as already held for another of its domains, when nothing changed. */
    private DomainConfig shareProvider(DomainConfig config) {
        ProviderConfig loaded = config.provider();
        ProviderConfig held = providers.get(loaded.provider().id());
        if (loaded.equals(held)) {
            return new DomainConfig(config.domain(), config.aliasTarget(), held, config.mailbox());
        }
        providers.put(loaded.provider().id(), loaded);
        return config;
    }

    /** When the store last failed, so that for a moment no request waits for it to fail again. */
    private static final class Outage {
        private volatile boolean down;
        private volatile long until;

        boolean active(long now) {
            return down && now - until < 0;
        }

        void began(long now) {
            until = now + STORE_DOWN_BACKOFF.toNanos();
            down = true;
        }
    }

    /** One kind of answer: the ones that found something and the ones that did not, each bounded. */
    private static final class Answers<V> {
        private final String kind;
        private final LruMap<String, Entry<V>> found;
        private final LruMap<String, Entry<V>> missing;
        private final long ttlNanos;
        private final long maxStalenessNanos;
        private final Outage outage;

        Answers(String kind, int maxFound, int maxMissing, long ttlNanos, long maxStalenessNanos, Outage outage) {
            this.kind = kind;
            this.found = new LruMap<>(maxFound);
            this.missing = new LruMap<>(maxMissing);
            this.ttlNanos = ttlNanos;
            this.maxStalenessNanos = maxStalenessNanos;
            this.outage = outage;
        }

        Optional<V> get(String key, long now, Supplier<Optional<V>> load) {
            Entry<V> cached = found.get(key);
            if (cached == null) {
                cached = missing.get(key);
            }
            if (cached != null && now - cached.refreshAt < 0) {
                if (cached.failed()) {
                    throw new StoreUnavailableException("the store failed moments ago for this " + kind, null);
                }
                return cached.value;
            }
            StoreUnavailableException failure;
            boolean outageOnly = outage.active(now);
            if (outageOnly) {
                failure = new StoreUnavailableException("the store failed moments ago", null);
            } else {
                try {
                    Optional<V> loaded = load.get();
                    remember(key, new Entry<>(loaded, now, now + ttlNanos));
                    return loaded;
                } catch (StoreUnavailableException e) {
                    outage.began(now);
                    failure = e;
                }
            }
            long retryAt = now + FAILED_REFRESH_BACKOFF.toNanos();
            if (cached != null && !cached.failed() && now - cached.loadedAt < maxStalenessNanos) {
                // The key is a domain or an address: it is not logged.
                LOG.warn("serving a {} from a cache entry {} s old: {}", kind,
                        Duration.ofNanos(now - cached.loadedAt).toSeconds(), failure.getMessage());
                remember(key, new Entry<>(cached.value, cached.loadedAt, retryAt));
                return cached.value;
            }
            if (!outageOnly) {
                remember(key, new Entry<>(null, now, retryAt));
            }
            throw failure;
        }

        private void remember(String key, Entry<V> entry) {
            boolean good = entry.value != null && entry.value.isPresent();
            (good ? found : missing).put(key, entry);
            (good ? missing : found).remove(key);
        }
    }

    /**
     * @param value     what the store answered; null for a read that failed
     * @param refreshAt when the next request reads the store again (TTL, or back-off after a failed read)
     */
    private record Entry<V>(Optional<V> value, long loadedAt, long refreshAt) {
        boolean failed() {
            return value == null;
        }
    }
}
