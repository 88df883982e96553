package io.mailconfig.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailconfig.sample.SampleEvents;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PrimingTest {

    @Test
    void theSampleEventsCoverEveryProtocolOnce() {
        assertThat(SampleEvents.names()).contains("autoconfig", "autoconfig-well-known", "autodiscover-outlook",
                "autodiscover-json", "mobileconfig", "setup-address").doesNotHaveDuplicates();
    }

    @Test
    void everySampleEventIsReplayedAndAnswers200() {
        Map<String, Integer> answers = new Priming(() -> { }).run();

        assertThat(answers.keySet()).containsExactlyElementsOf(SampleEvents.names());
        assertThat(answers).allSatisfy((event, status) -> assertThat(status).as(event).isEqualTo(200));
    }

    @Test
    void theCheckpointHookPrimesAndWarmsUpEvenWhenTheWarmUpFails() throws Exception {
        AtomicInteger warmUps = new AtomicInteger();
        Priming priming = new Priming(() -> {
            warmUps.incrementAndGet();
            throw new IllegalStateException("no table before the snapshot");
        });

        priming.beforeCheckpoint(null);

        assertThat(warmUps).hasValue(1);
    }
}
