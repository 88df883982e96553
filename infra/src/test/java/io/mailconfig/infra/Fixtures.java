package io.mailconfig.infra;

import io.mailconfig.installation.Installation;
import java.util.ArrayList;
import java.util.List;

/**
 * The installations the infrastructure tests synthesise, one per mode, each built once per test
 * JVM and shared by the classes that assert on it.
 */
final class Fixtures {

    static final String SECRET = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:mailconfig-signing-AbCdEf";
    static final int CUSTOMERS = 10_000;
    /** Enough stacks for 10,000 customer domains in Route 53 (the configuration check asks for this many). */
    static final int CUSTOMER_STACKS = 32;
    static final String PROVIDER_ZONE = "\"hostedZoneId\": \"Z0123456789PROVIDER\", \"hostedZoneName\": \"provider.example\"";

    private Fixtures() {
    }

    /** One domain in Route 53 with its own hosts and SRV records, one with its own hosts and its DNS elsewhere; every default. */
    static Synthesized route53() {
        return Synthesized.shared("route53", () -> Synthesized.of(Synthesized.installation("""
                {"account": "123456789012", "region": "eu-central-1", "domains": [
                  {"name": "example.com", "hostedZoneId": "Z0123456789EXAMPLECOM", "hostedZoneName": "example.com",
                   "srv": {"imaps": "imap.example.com", "submissions": "smtp.example.com", "submission": "smtp.example.com",
                           "pop3s": "pop.example.com", "pop3": "."}},
                  {"name": "example.org", "dns": "external"}]}
                """)));
    }

    /**
     * A domain in Route 53 that publishes everything (PACC, MTA-STS, TLS-RPT, DAV discovery), one
     * with its DNS elsewhere that publishes PACC and MTA-STS, and one in Route 53 that publishes nothing.
     */
    static Synthesized publishing() {
        return Synthesized.shared("publishing", () -> Synthesized.of(Synthesized.installation("""
                {"account": "123456789012", "region": "eu-central-1", "domains": [
                  {"name": "example.com", "hostedZoneId": "Z0123456789EXAMPLECOM", "hostedZoneName": "example.com",
                   "publish": ["pacc", "mta-sts", "tls-rpt", "dav"]},
                  {"name": "example.org", "dns": "external", "publish": ["pacc", "mta-sts"]},
                  {"name": "example.net", "hostedZoneId": "Z0123456789EXAMPLENET", "hostedZoneName": "example.net"}]}
                """)));
    }

    /** Every optional setting of the service, and a second domain stack that holds no domain. */
    static Synthesized options() {
        return Synthesized.shared("options", () -> Synthesized.of(Synthesized.installation("""
                {"account": "123456789012", "region": "eu-west-1", "memoryMb": 2048, "logRetentionDays": 90, "cacheTtlSeconds": 300,
                 "throttleRateLimit": 50, "throttleBurstLimit": 80, "tableName": "mail-settings", "signingSecretArn": "%s",
                 "reservedConcurrency": false, "alarmEmail": "ops@example.com", "domainStacks": 2,
                 "domains": [{"name": "example.com", "hostedZoneId": "Z0123456789EXAMPLECOM", "hostedZoneName": "example.com"}]}
                """.formatted(SECRET))));
    }

    /**
     * A hosting provider: the shared hosts in Route 53, 10,000 customer domains whose DNS is
     * elsewhere, one customer with its own hosts, and the edge on.
     */
    static Synthesized hostingWithEdge() {
        return Synthesized.shared("hostingWithEdge", () -> Synthesized.of(hosting(List.of(
                "{\"name\": \"own.example\", \"dns\": \"external\", \"hosts\": \"own\"}"),
                (name, i) -> "{\"name\": \"" + name + "\", \"srv\": {\"imaps\": \"imap.provider.example\"}}",
                "\"dns\": \"external\", \"edge\": {\"requestsPerIpPer5Minutes\": 300}, ")));
    }

    /**
     * A hosting provider whose 10,000 customer domains are all in Route 53, spread over 32 stacks:
     * only the stack that holds the shared hosts is built, which is all its assertions need.
     */
    static Synthesized hostingInRoute53() {
        Installation installation = hostingInRoute53Installation();
        int sharedStack = installation.stacks().of("provider.example").index();
        return Synthesized.shared("hostingInRoute53", () -> Synthesized.of(installation, index -> index == sharedStack));
    }

    static Installation hostingInRoute53Installation() {
        return hosting(List.of(), (name, i) -> "{\"name\": \"" + name + "\", \"hostedZoneId\": \"" + String.format("Z%019d", i)
                + "\", \"hostedZoneName\": \"" + name + "\", \"srv\": {\"imaps\": \"imap.provider.example\","
                + " \"submission\": \"smtp.provider.example\"}}", "\"domainStacks\": " + CUSTOMER_STACKS + ", ");
    }

    @FunctionalInterface
    interface Customer {
        String json(String name, int index);
    }

    private static Installation hosting(List<String> more, Customer customer, String settings) {
        List<String> domains = new ArrayList<>(more);
        domains.add("{\"name\": \"provider.example\", " + PROVIDER_ZONE + "}");
        for (int i = 0; i < CUSTOMERS; i++) {
            domains.add(customer.json("customer" + i + ".example", i));
        }
        return Synthesized.installation("{\"account\": \"123456789012\", \"region\": \"eu-central-1\", " + settings
                + "\"sharedHosts\": {\"domain\": \"provider.example\", " + PROVIDER_ZONE + "}, \"domains\": [" + String.join(",", domains) + "]}");
    }
}
