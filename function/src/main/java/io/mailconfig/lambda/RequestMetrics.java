package io.mailconfig.lambda;

import io.mailconfig.http.Outcome;
import io.mailconfig.http.Request;
import io.mailconfig.http.Response;
import io.mailconfig.http.Router;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * Counts every answer by protocol and by the outcome the protocol stated. In Lambda the count is
 * written as an Embedded Metric Format log line, which CloudWatch turns into the metric
 * {@value #METRIC} in namespace {@value #NAMESPACE}: no API call, nothing on the request path but
 * one line of output.
 */
public final class RequestMetrics implements Router.Listener {

    public static final String NAMESPACE = "mailconfig";
    public static final String METRIC = "Requests";
    public static final String PROTOCOL = "protocol";
    public static final String OUTCOME = "outcome";

    /** Where a count goes. */
    @FunctionalInterface
    public interface Recorder {
        void count(String protocol, Outcome outcome);
    }

    private static final Logger LOG = LoggerFactory.getLogger(RequestMetrics.class);

    private final Recorder recorder;

    public RequestMetrics(Recorder recorder) {
        this.recorder = recorder;
    }

    /** Counts into CloudWatch through Powertools; only for Lambda, where standard output is the log. */
    public static RequestMetrics cloudWatch() {
        Metrics metrics = MetricsFactory.getMetricsInstance();
        return new RequestMetrics((protocol, outcome) -> metrics.flushSingleMetric(METRIC, 1, MetricUnit.COUNT,
                NAMESPACE, DimensionSet.of(PROTOCOL, protocol, OUTCOME, outcome.dimension())));
    }

    @Override
    public void answered(String protocol, Request request, Response response) {
        Outcome outcome = response.outcome();
        if (outcome == Outcome.ERROR || outcome == Outcome.UNAVAILABLE) {
            // Neither path nor query: both can hold the mail address (autodiscover.json/v1.0/<address>, ?emailaddress=).
            LOG.warn("{} answered {} with {}", protocol, request.method(), response.status());
        }
        try {
            recorder.count(protocol, outcome);
        } catch (RuntimeException e) {
            // A metric that cannot be written must never cost the client its answer.
        }
    }
}
