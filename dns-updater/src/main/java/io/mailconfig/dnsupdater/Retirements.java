package io.mailconfig.dnsupdater;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Old PACC digests to remove once no cached document can still carry them: each is a message on
 * an SQS queue, delivered back to the updater after its delay (at most SQS's 15 minutes; a
 * message that arrives early is sent again for the rest of the wait).
 */
final class Retirements {

    /** One digest of one domain, to be removed from its TXT record no earlier than {@code notBefore}. */
    record Retirement(String domain, String txt, Instant notBefore) {
    }

    /** The longest delay SQS gives a message. */
    static final Duration MAX_DELAY = Duration.ofMinutes(15);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SqsClient sqs;
    private final String queueUrl;
    private final Clock clock;

    Retirements(SqsClient sqs, String queueUrl, Clock clock) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.clock = clock;
    }

    void schedule(Retirement retirement) {
        long seconds = Math.max(0, Duration.between(clock.instant(), retirement.notBefore()).toSeconds());
        int delay = (int) Math.min(seconds, MAX_DELAY.toSeconds());
        sqs.sendMessage(request -> request.queueUrl(queueUrl).delaySeconds(delay).messageBody(body(retirement)));
    }

    static String body(Retirement retirement) {
        return JSON.createObjectNode().put("domain", retirement.domain()).put("txt", retirement.txt())
                .put("notBefore", retirement.notBefore().getEpochSecond()).toString();
    }

    static Retirement parse(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return new Retirement(node.path("domain").asText(), node.path("txt").asText(), Instant.ofEpochSecond(node.path("notBefore").asLong()));
        } catch (IOException e) {
            throw new UncheckedIOException("not a retirement message", e);
        }
    }
}
