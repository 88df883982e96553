package io.mailconfig.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailconfig.model.DomainConfig;
import io.mailconfig.testing.TestTable;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CachingConfigStoreTest {

    private final AtomicLong now = new AtomicLong();
    private final AtomicInteger reads = new AtomicInteger();
    private volatile boolean failing;
    private TestTable table;
    private CachingConfigStore cache;

    @BeforeEach
    void setUp() {
        table = new TestTable().withExampleProvider();
        ConfigStore counting = domain -> {
            reads.incrementAndGet();
            if (failing) {
                throw new StoreUnavailableException("DynamoDB unreachable", null);
            }
            return table.store().find(domain);
        };
        cache = new CachingConfigStore(counting, Duration.ofSeconds(60), now::get);
    }

    @AfterEach
    void tearDown() {
        table.close();
    }

    @Test
    void aCachedDomainIsNotReadAgainWithinTheTtl() {
        Optional<DomainConfig> first = cache.find("example.com");
        now.addAndGet(Duration.ofSeconds(59).toNanos());
        Optional<DomainConfig> second = cache.find("example.com");

        assertThat(first).isPresent();
        assertThat(second).containsSame(first.get());
        assertThat(reads).hasValue(1);
    }

    @Test
    void itIsReadAgainOnceTheTtlHasPassed() {
        cache.find("example.com");
        now.addAndGet(Duration.ofSeconds(61).toNanos());
        cache.find("example.com");

        assertThat(reads).hasValue(2);
    }

    @Test
    void loadingOneDomainCachesEveryDomainOfItsProvider() {
        DomainConfig com = cache.find("example.com").orElseThrow();
        DomainConfig net = cache.find("example.net").orElseThrow();

        assertThat(reads).hasValue(1);
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
        now.addAndGet(Duration.ofSeconds(61).toNanos());

        Optional<DomainConfig> stale = cache.find("example.com");
        Optional<DomainConfig> again = cache.find("example.com");
        int readsDuringBackoff = reads.get();
        now.addAndGet(CachingConfigStore.FAILED_REFRESH_BACKOFF.plusSeconds(1).toNanos());
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
        now.addAndGet(CachingConfigStore.DEFAULT_MAX_STALENESS.plusSeconds(1).toNanos());

        assertThatThrownBy(() -> cache.find("example.com")).isInstanceOf(StoreUnavailableException.class);
        assertThatThrownBy(() -> cache.find("never.example")).isInstanceOf(StoreUnavailableException.class);
    }
}
