package io.mailconfig.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.mailconfig.Mailconfig;
import io.mailconfig.http.Response;
import io.mailconfig.http.Router;
import io.mailconfig.model.DomainConfig;
import io.mailconfig.model.EmailAddress;
import io.mailconfig.model.UserSettings;
import io.mailconfig.sample.SampleEvents;
import io.mailconfig.sample.SampleProvider;
import io.mailconfig.store.CachingConfigStore;
import io.mailconfig.store.ConfigStore;
import io.mailconfig.store.StoreUnavailableException;
import io.mailconfig.testing.CapturedLogs;
import io.mailconfig.testing.Events;
import io.mailconfig.testing.TestTable;
import io.mailconfig.testing.TestTable.Items;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No mail address, local part or person's name reaches a log, whatever becomes of the request:
 * every route (every sample request, both autodiscover.json forms among them) is asked for an
 * address and a name of its own while the store answers, fails, serves stale entries, holds a
 * malformed item for that very mailbox, or throws with the address in its message.
 */
class LogsHoldNoAddressTest {

    private static final String LOCAL_PART = "zq-secret-local";
    private static final String NAME = "Zqsecretname";

    /** The sample request, for {@code zq-secret-local@example.com} and (where it names one) a name of ours. */
    private static APIGatewayV2HTTPEvent asking(String sample) {
        APIGatewayV2HTTPEvent event = SampleEvents.load(sample);
        event.setRawPath(event.getRawPath().replace("alice", LOCAL_PART));
        if (event.getRawQueryString() != null) {
            event.setRawQueryString(event.getRawQueryString().replace("alice", LOCAL_PART).replace("Alice", NAME));
        }
        if (event.getBody() != null) {
            event.setBody(event.getBody().replace("alice", LOCAL_PART));
        }
        return event;
    }

    private static List<Integer> answerEverySample(ConfigStore store) {
        Router router = Mailconfig.router(store, Optional.empty()).withListener(new RequestMetrics((protocol, outcome) -> { }));
        List<Integer> statuses = new ArrayList<>();
        for (String sample : SampleEvents.names()) {
            Response response = router.route(ApiGatewayEvents.toRequest(asking(sample)));
            statuses.add(response.status());
        }
        return statuses;
    }

    static List<String> samples() {
        return SampleEvents.names();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everySampleRequestReallyAsksForTheAddressOfTheTest(String sample) {
        APIGatewayV2HTTPEvent event = asking(sample);
        String asked = event.getRawPath() + "?" + event.getRawQueryString() + " " + event.getBody();

        assertThat(asked.contains(LOCAL_PART) || !SampleEvents.load(sample).toString().contains("alice"))
                .as("%s asks for %s", sample, LOCAL_PART).isTrue();
    }

    @Test
    void neitherAnswersNorFailuresLogTheAddressOrTheName() {
        AtomicBoolean failing = new AtomicBoolean();
        AtomicLong clock = new AtomicLong();
        ConfigStore sample = SampleProvider.store();
        ConfigStore toggling = new ConfigStore() {
            @Override
            public Optional<DomainConfig> find(String domain) {
                if (failing.get()) {
                    throw new StoreUnavailableException("DynamoDB unreachable", null);
                }
                return sample.find(domain);
            }

            @Override
            public Optional<UserSettings> mailbox(DomainConfig config, EmailAddress address) {
                if (failing.get()) {
                    throw new StoreUnavailableException("DynamoDB unreachable", null);
                }
                return sample.mailbox(config, address);
            }
        };
        ConfigStore throwingWithTheAddress = new ConfigStore() {
            @Override
            public Optional<DomainConfig> find(String domain) {
                return sample.find(domain);
            }

            @Override
            public Optional<UserSettings> mailbox(DomainConfig config, EmailAddress address) {
                throw new IllegalStateException("cannot read the mailbox " + address, new RuntimeException("cause: " + address));
            }
        };
        List<Integer> statuses = new ArrayList<>();

        String logs;
        try (CapturedLogs captured = new CapturedLogs();
                TestTable table = new TestTable().withExampleProvider()) {
            table.put(Items.user("example", LOCAL_PART + "@example.com").withList("loginName", "not", "a", "string").build());
            statuses.addAll(answerEverySample(table.store()));
            statuses.addAll(answerEverySample(Events.unavailableStore()));
            statuses.addAll(answerEverySample(throwingWithTheAddress));
            CachingConfigStore cache = new CachingConfigStore(toggling, Duration.ofSeconds(60), clock::get);
            answerEverySample(cache);
            failing.set(true);
            clock.addAndGet(Duration.ofMinutes(5).toNanos());
            statuses.addAll(answerEverySample(cache));
            logs = captured.text();
        }

        assertThat(statuses).contains(200, 503, 500);
        assertThat(logs).as("the test saw the logs it means to check")
                .contains("skipped a malformed mailbox item", "answered GET with 503", "unhandled failure", "from a cache entry");
        assertThat(logs).doesNotContainIgnoringCase(LOCAL_PART).doesNotContainIgnoringCase(NAME);
    }
}
