package io.mailconfig.dnsupdater;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mailconfig.Mailconfig;
import io.mailconfig.Settings;
import io.mailconfig.aws.AwsAccess;
import io.mailconfig.aws.DynamoDbClients;
import io.mailconfig.protocol.pacc.Pacc;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.Route53ClientBuilder;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/**
 * The DNS updater's Lambda entry point. It is invoked three ways, told apart by the event:
 * <ul>
 * <li>by the table's DynamoDB stream ({@code eventSource} {@code aws:dynamodb}): the records of the
 * domains the changed items touch are written again where they differ;</li>
 * <li>by its SQS queue ({@code aws:sqs}): an old PACC digest whose documents have left every cache is removed;</li>
 * <li>by CloudFormation (a custom resource, {@code RequestType}): on every deploy all managed
 * domains are brought up to date, so the records exist before the table is first edited.</li>
 * </ul>
 * Environment: {@value ManagedDomain#ENVIRONMENT}, {@value #QUEUE_URL}, {@value Settings#TABLE_NAME},
 * {@value Settings#CACHE_TTL_SECONDS} (the answering function's), and for stand-ins
 * {@value #ROUTE53_ENDPOINT}, {@value #SQS_ENDPOINT}, {@value #MX_RESOLVER}.
 */
public final class DnsUpdateHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    public static final String QUEUE_URL = "RETIREMENT_QUEUE_URL";
    public static final String ROUTE53_ENDPOINT = "ROUTE53_ENDPOINT";
    public static final String SQS_ENDPOINT = "SQS_ENDPOINT";
    /** {@code host:port} of a DNS resolver for the MX check instead of the system's. */
    public static final String MX_RESOLVER = "MX_RESOLVER";

    private static final Logger LOG = LoggerFactory.getLogger(DnsUpdateHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RecordUpdater updater;

    /** Lambda's: everything from the environment. */
    public DnsUpdateHandler() {
        this(System.getenv(), Clock.systemUTC());
    }

    /** The same wiring as Lambda's, from the given environment (tests point the endpoints at stand-ins). */
    public DnsUpdateHandler(Map<String, String> env, Clock clock) {
        AwsAccess aws = AwsAccess.fromEnvironment(env);
        Settings settings = Settings.from(env);
        UrlConnectionHttpClient.Builder http = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(3)).socketTimeout(Duration.ofSeconds(10));
        Route53ClientBuilder route53 = Route53Client.builder().region(Region.AWS_GLOBAL).credentialsProvider(aws.credentials())
                .httpClient(http.build());
        Optional.ofNullable(env.get(ROUTE53_ENDPOINT)).map(URI::create).ifPresent(route53::endpointOverride);
        SqsClientBuilder sqs = SqsClient.builder().region(aws.region()).credentialsProvider(aws.credentials()).httpClient(http.build());
        Optional.ofNullable(env.get(SQS_ENDPOINT)).map(URI::create).ifPresent(sqs::endpointOverride);
        Optional<InetSocketAddress> resolver = Optional.ofNullable(env.get(MX_RESOLVER)).map(DnsMxHosts::resolverAddress);
        this.updater = new RecordUpdater(Mailconfig.table(DynamoDbClients.create(aws), settings), new Route53Records(route53.build()),
                new Retirements(sqs.build(), env.getOrDefault(QUEUE_URL, ""), clock), new DnsMxHosts(resolver),
                ManagedDomain.parse(env.get(ManagedDomain.ENVIRONMENT)), clock, settings.cacheTtl().plus(Pacc.CLIENT_TTL));
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        if (event.containsKey("RequestType")) {
            return customResource(event);
        }
        List<Map<String, Object>> records = (List<Map<String, Object>>) event.getOrDefault("Records", List.of());
        List<RecordUpdater.ItemKey> changed = new ArrayList<>();
        for (Map<String, Object> record : records) {
            String source = String.valueOf(record.get("eventSource"));
            if (source.equals("aws:dynamodb")) {
                Map<String, Object> keys = (Map<String, Object>) ((Map<String, Object>) record.get("dynamodb")).get("Keys");
                changed.add(new RecordUpdater.ItemKey(string(keys, "pk"), string(keys, "sk")));
            } else if (source.equals("aws:sqs")) {
                updater.retire(Retirements.parse(String.valueOf(record.get("body"))));
            }
        }
        updater.update(updater.affected(changed));
        return Map.of("batchItemFailures", List.of());
    }

    @SuppressWarnings("unchecked")
    private static String string(Map<String, Object> keys, String name) {
        Object value = keys.get(name);
        return value instanceof Map<?, ?> attribute && attribute.get("S") != null ? String.valueOf(((Map<String, Object>) attribute).get("S")) : "";
    }

    /** Brings every managed domain up to date (nothing on Delete: the records stay with the zone), then tells CloudFormation. */
    private Map<String, Object> customResource(Map<String, Object> event) {
        String status = "SUCCESS";
        String reason = "the records of " + updater.managedDomains().size() + " domains follow the table";
        try {
            if (!"Delete".equals(event.get("RequestType"))) {
                updater.update(updater.managedDomains());
            }
        } catch (RuntimeException e) {
            LOG.error("the records could not be brought up to date", e);
            status = "FAILED";
            reason = "the records could not be brought up to date: " + e.getClass().getSimpleName() + " (see the DNS updater's log)";
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("Status", status);
        response.put("Reason", reason);
        response.put("PhysicalResourceId", "mailconfig-table-records");
        response.put("StackId", event.get("StackId"));
        response.put("RequestId", event.get("RequestId"));
        response.put("LogicalResourceId", event.get("LogicalResourceId"));
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            // The response URL is a presigned S3 URL, signed for an empty Content-Type.
            HttpRequest put = HttpRequest.newBuilder(URI.create(String.valueOf(event.get("ResponseURL"))))
                    .header("Content-Type", "").timeout(Duration.ofSeconds(10))
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(response))).build();
            http.send(put, HttpResponse.BodyHandlers.discarding());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("CloudFormation's response URL cannot be reached", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted answering CloudFormation", e);
        }
        return response;
    }
}
