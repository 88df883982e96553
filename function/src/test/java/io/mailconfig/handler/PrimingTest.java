package io.mailconfig.handler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PrimingTest {

    @Test
    void theIndexListsEventsForAutoconfig() {
        assertThat(Priming.eventNames()).contains("autoconfig.json", "autoconfig-well-known.json").doesNotHaveDuplicates();
    }

    @Test
    void everyListedEventIsReplayedAndAnswers200() {
        Map<String, Integer> answers = new Priming(() -> { }).run();

        assertThat(answers.keySet()).containsExactlyElementsOf(Priming.eventNames());
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
