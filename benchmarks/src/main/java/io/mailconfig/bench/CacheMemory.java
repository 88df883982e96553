package io.mailconfig.bench;

import io.mailconfig.model.Domain;
import io.mailconfig.model.DomainConfig;
import io.mailconfig.model.EmailAddress;
import io.mailconfig.model.ProviderConfig;
import io.mailconfig.model.UserSettings;
import io.mailconfig.sample.SampleProvider;
import io.mailconfig.store.CachingConfigStore;
import io.mailconfig.store.ConfigStore;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The heap a full cache holds: {@link CachingConfigStore} filled to every bound with the longest
 * names there are (253-character domains, 64-character local parts, names and login names of
 * 128 characters), measured as the used heap after full collections, before and after. Prints
 * one line; {@code ./dev scale} runs it after the provider table.
 */
public final class CacheMemory {

    private static final String LONG_LABELS = "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(63) + ".";

    private CacheMemory() {
    }

    public static void main(String[] args) throws Exception {
        ProviderConfig provider = SampleProvider.store().find(SampleProvider.DOMAIN).orElseThrow().provider();
        ConfigStore everythingExists = new ConfigStore() {
            @Override
            public Optional<DomainConfig> find(String domain) {
                return domain.startsWith("known") ? Optional.of(new DomainConfig(Domain.named(domain), Optional.empty(), provider))
                        : Optional.empty();
            }

            @Override
            public Optional<UserSettings> mailbox(DomainConfig config, EmailAddress address) {
                return address.localPart().startsWith("m") ? Optional.of(new UserSettings(address.key(),
                        Optional.of("L".repeat(128)), Optional.of("D".repeat(128)))) : Optional.empty();
            }
        };
        long before = usedHeap();
        CachingConfigStore cache = new CachingConfigStore(everythingExists, Duration.ofMinutes(1));
        DomainConfig config = null;
        for (int i = 0; i < CachingConfigStore.MAX_KNOWN_DOMAINS; i++) {
            config = cache.find(domain("known", i)).orElseThrow();
        }
        for (int i = 0; i < CachingConfigStore.MAX_UNKNOWN_DOMAINS; i++) {
            cache.find(domain("unknown", i));
        }
        for (int i = 0; i < CachingConfigStore.MAX_MAILBOXES; i++) {
            cache.mailbox(config, new EmailAddress(localPart("m", i), config.domain().name()));
        }
        for (int i = 0; i < CachingConfigStore.MAX_MAILBOXES_WITHOUT_ITEM; i++) {
            cache.mailbox(config, new EmailAddress(localPart("x", i), config.domain().name()));
        }
        long after = usedHeap();
        System.out.printf(Locale.ROOT, "cache filled to its bounds (%,d known and %,d unknown domains, %,d mailboxes with"
                        + " and %,d without an item, longest names): %.1f MB of heap%n",
                CachingConfigStore.MAX_KNOWN_DOMAINS, CachingConfigStore.MAX_UNKNOWN_DOMAINS, CachingConfigStore.MAX_MAILBOXES,
                CachingConfigStore.MAX_MAILBOXES_WITHOUT_ITEM, (after - before) / 1e6);
        if (cache.find(domain("known", 0)).isEmpty()) {
            throw new IllegalStateException("unreachable: keeps the cache alive until after the measurement");
        }
    }

    /** 253 characters, numbered. */
    private static String domain(String kind, int i) {
        String head = kind + i + ".";
        return head + LONG_LABELS.substring(head.length()) + "d".repeat(53) + ".example";
    }

    /** 64 characters, numbered. */
    private static String localPart(String kind, int i) {
        String head = kind + i;
        return head + "l".repeat(64 - head.length());
    }

    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
