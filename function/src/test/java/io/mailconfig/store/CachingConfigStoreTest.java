package io.mailconfig.store;

import static org.assertj.core.api.Assertions.assertThat;

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
    private TestTable table;
    private CachingConfigStore cache;

    @BeforeEach
    void setUp() {
        table = new TestTable().withExampleProvider();
        ConfigStore counting = domain -> {
            reads.incrementAndGet();
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
}
