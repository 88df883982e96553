package io.mailconfig.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailconfig.model.DomainConfig;
import io.mailconfig.model.EmailAddress;
import io.mailconfig.model.UserSettings;
import io.mailconfig.testing.TestTable;
import io.mailconfig.testing.TestTable.Items;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CachingConfigStoreTest {

    private static final Duration TTL = Duration.ofSeconds(60);

    private final AtomicLong now = new AtomicLong();
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicInteger mailboxReads = new AtomicInteger();
    private volatile boolean failing;
    private TestTable table;
    private CachingConfigStore cache;

    @BeforeEach
    void setUp() {
        table = new TestTable().withExampleProvider();
        table.put(Items.user("example", "carol@example.com").with("loginName", "c.smith").build());
        ConfigStore counting = new ConfigStore() {
            @Override
            public Optional<DomainConfig> find(String domain) {
                reads.incrementAndGet();
                failIfAsked();
                return table.store().find(domain);
            }

            @Override
            public Optional<UserSettings> mailbox(DomainConfig config, EmailAddress address) {
                mailboxReads.incrementAndGet();
                failIfAsked();
                return table.store().mailbox(config, address);
            }
        };
        cache = new CachingConfigStore(counting, TTL, now::get);
    }

    private void failIfAsked() {
        if (failing) {
            throw new StoreUnavailableException("DynamoDB unreachable", null);
        }
    }

    @AfterEach
    void tearDown() {
        table.close();
    }

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }

    private Optional<UserSettings> mailbox(String address) throws Exception {
        EmailAddress parsed = EmailAddress.parse(address);
        return cache.mailbox(cache.find(parsed.domain()).orElseThrow(), parsed);
    }

    @Test
    void aCachedDomainIsNotReadAgainWithinTheTtl() {
        Optional<DomainConfig> first = cache.find("example.com");
        advance(Duration.ofSeconds(59));
        Optional<DomainConfig> second = cache.find("example.com");

        assertThat(first).isPresent();
        assertThat(second).containsSame(first.get());
        assertThat(reads).hasValue(1);
    }

    @Test
    void itIsReadAgainOnceTheTtlHasPassed() {
        cache.find("example.com");
        advance(Duration.ofSeconds(61));
        cache.find("example.com");

        assertThat(reads).hasValue(2);
    }

    @Test
    void domainsOfOneProviderAreReadEachOnItsOwnAndShareOneProviderConfig() {
        DomainConfig com = cache.find("example.com").orElseThrow();
        DomainConfig net = cache.find("example.net").orElseThrow();

        assertThat(reads).hasValue(2);
        assertThat(net.domain().name()).isEqualTo("example.net");
        assertThat(net.provider()).isSameAs(com.provider());
    }

    @Test
    void unknownDomainsAreRememberedToo() {
        cache.find("nobody.example");
        cache.find("nobody.example");

        assertThat(cache.find("nobody.example")).isEmpty();
        assertThat(reads).hasValue(1);
    }

    @Test
    void aFailedRefreshServesTheStaleEntryAndWaitsBeforeAskingTheStoreAgain() {
        Optional<DomainConfig> good = cache.find("example.com");
        failing = true;
        advance(Duration.ofSeconds(61));

        Optional<DomainConfig> stale = cache.find("example.com");
        Optional<DomainConfig> again = cache.find("example.com");
        int readsDuringBackoff = reads.get();
        advance(CachingConfigStore.FAILED_REFRESH_BACKOFF.plusSeconds(1));
        cache.find("example.com");

        assertThat(stale).containsSame(good.get());
        assertThat(again).containsSame(good.get());
        assertThat(readsDuringBackoff).isEqualTo(2);
        assertThat(reads).hasValue(3);
    }

    @Test
    void staleEntriesEndAfterTheMaximumStalenessAndWithoutAnEntryTheFailureGoesOn() {
        cache.find("example.com");
        failing = true;
        advance(CachingConfigStore.DEFAULT_MAX_STALENESS.plusSeconds(1));

        assertThatThrownBy(() -> cache.find("example.com")).isInstanceOf(StoreUnavailableException.class);
        assertThatThrownBy(() -> cache.find("never.example")).isInstanceOf(StoreUnavailableException.class);
    }

    @Test
    void aFailedLookupIsRememberedForItsDomainAndForAMomentForEveryDomain() {
        failing = true;

        assertThatThrownBy(() -> cache.find("first.example")).isInstanceOf(StoreUnavailableException.class);
        assertThatThrownBy(() -> cache.find("first.example")).isInstanceOf(StoreUnavailableException.class);
        assertThatThrownBy(() -> cache.find("second.example")).isInstanceOf(StoreUnavailableException.class);
        assertThat(reads).as("one read failed; the same and another domain do not wait for the store again").hasValue(1);

        advance(CachingConfigStore.STORE_DOWN_BACKOFF.plusMillis(1));
        assertThatThrownBy(() -> cache.find("second.example")).isInstanceOf(StoreUnavailableException.class);
        assertThatThrownBy(() -> cache.find("first.example")).isInstanceOf(StoreUnavailableException.class);
        assertThat(reads).as("after the global back-off another domain is tried; the failed one still waits").hasValue(2);

        failing = false;
        advance(CachingConfigStore.FAILED_REFRESH_BACKOFF);
        assertThat(cache.find("example.com")).isPresent();
        assertThat(cache.find("first.example")).isEmpty();
    }

    @Test
    void aFloodOfUnknownDomainsNeverPushesOutAKnownDomainsLastGoodAnswer() {
        DomainConfig good = cache.find("example.com").orElseThrow();
        // A million made-up domains, answered without DynamoDB Local so the flood takes seconds.
        CachingConfigStore flooded = new CachingConfigStore(new ConfigStore() {
            @Override
            public Optional<DomainConfig> find(String domain) {
                failIfAsked();
                return domain.equals("example.com") ? Optional.of(good) : Optional.empty();
            }
        }, TTL, now::get);
        flooded.find("example.com");
        for (int i = 0; i < 1_000_000; i++) {
            flooded.find("made-up-" + i + ".example");
            if (i % 1000 == 0) {
                advance(Duration.ofSeconds(1));
            }
        }
        CachingConfigStore.Sizes sizes = flooded.sizes();
        failing = true;

        assertThat(flooded.find("example.com")).containsSame(good);
        assertThat(sizes.knownDomains()).isEqualTo(1);
        assertThat(sizes.unknownDomains()).isEqualTo(CachingConfigStore.MAX_UNKNOWN_DOMAINS);
    }

    @Test
    void aMailboxIsReadByKeyOnceAndAnAddressWithoutAnItemCostsTheSame() throws Exception {
        assertThat(mailbox("carol@example.com")).hasValueSatisfying(user -> assertThat(user.loginName()).contains("c.smith"));
        assertThat(mailbox("Carol@example.com")).isPresent();
        int withItem = mailboxReads.getAndSet(0);
        assertThat(mailbox("dave@example.com")).isEmpty();
        assertThat(mailbox("dave@example.com")).isEmpty();
        int withoutItem = mailboxReads.get();

        assertThat(withItem).isEqualTo(1);
        assertThat(withoutItem).isEqualTo(withItem);
    }

    @Test
    void aFloodOfMadeUpAddressesNeverPushesOutAMailboxWithItsOwnItem() throws Exception {
        DomainConfig good = cache.find("example.com").orElseThrow();
        EmailAddress carol = EmailAddress.parse("carol@example.com");
        UserSettings carolsItem = cache.mailbox(good, carol).orElseThrow();
        // Made-up addresses answered without DynamoDB Local, so the flood takes a moment only.
        CachingConfigStore flooded = new CachingConfigStore(new ConfigStore() {
            @Override
            public Optional<DomainConfig> find(String domain) {
                failIfAsked();
                return Optional.of(good);
            }

            @Override
            public Optional<UserSettings> mailbox(DomainConfig config, EmailAddress address) {
                failIfAsked();
                return address.equals(carol) ? Optional.of(carolsItem) : Optional.empty();
            }
        }, TTL, now::get);
        flooded.mailbox(good, carol);
        for (int i = 0; i < CachingConfigStore.MAX_MAILBOXES_WITHOUT_ITEM * 10; i++) {
            flooded.mailbox(good, new EmailAddress("made-up-" + i, "example.com"));
        }
        advance(TTL.plusSeconds(1));
        failing = true;

        assertThat(flooded.mailbox(good, carol)).containsSame(carolsItem);
        assertThat(flooded.sizes().mailboxesWithoutItem()).isEqualTo(CachingConfigStore.MAX_MAILBOXES_WITHOUT_ITEM);
        assertThatThrownBy(() -> flooded.mailbox(good, new EmailAddress("made-up-0", "example.com")))
                .isInstanceOf(StoreUnavailableException.class);
    }
}
