package io.mailconfig.cli.dns;

import io.mailconfig.installation.Dns;
import io.mailconfig.installation.DnsRecord;
import io.mailconfig.installation.DomainRecords;
import io.mailconfig.installation.Installation;
import io.mailconfig.installation.RecordValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Every record an installation needs, with the names AWS gave on deployment where they are known:
 * the installation's own list ({@link Installation#records()}, the one the stacks create their
 * Route 53 records from) plus the certificates' validation records.
 */
public final class DnsListing {

    /** The target of a host, before the deployment has named it. */
    static final String ENDPOINT_UNKNOWN = "(named by the deployment: run ./dev cli dns again after ./dev deploy)";
    /** A validation record, before ACM has named it. */
    static final String VALIDATION_UNKNOWN = "(named by ACM once ./dev deploy has requested the certificate)";
    /** In Route 53 the stacks write both as they deploy: nothing to wait for. */
    static final String ENDPOINT_BY_STACK = "(the stack points it at what serves the host)";
    static final String VALIDATION_BY_STACK = "(the certificate writes it into the zone)";
    /** Route 53 answers an alias with its target's own TTL. */
    static final String ALIAS = "alias";

    /**
     * One record as printed.
     *
     * @param name  absolute, with the root's dot
     * @param ttl   seconds, or {@value #ALIAS}
     * @param known false when the value (and, for validation records, the name) waits for the deployment
     */
    public record Line(String name, String type, String ttl, String value, boolean known) {
    }

    /** The records of one domain's DNS. */
    public record Domain(String domain, Dns dns, List<Line> lines) {
    }

    private DnsListing() {
    }

    public static List<Domain> of(Installation installation, DeployedNames names, Predicate<String> wanted) {
        List<Domain> domains = new ArrayList<>();
        for (DomainRecords records : installation.records()) {
            if (!wanted.test(records.domain())) {
                continue;
            }
            List<Line> lines = new ArrayList<>();
            boolean route53 = records.dns().isRoute53();
            for (DnsRecord record : records.records()) {
                lines.add(switch (record.value()) {
                    case RecordValue.Text text -> new Line(absolute(record.name()), record.type(), Integer.toString(record.ttl()), text.data(), true);
                    case RecordValue.ServingEndpoint endpoint -> {
                        Optional<String> target = names.endpoint(endpoint.host());
                        yield new Line(absolute(record.name()), record.type(), record.alias() ? ALIAS : Integer.toString(record.ttl()),
                                target.map(DnsListing::absolute).orElse(route53 ? ENDPOINT_BY_STACK : ENDPOINT_UNKNOWN), target.isPresent());
                    }
                });
            }
            for (String host : records.certificateHosts()) {
                List<DeployedNames.ValidationRecord> validation = names.validation(host);
                if (validation.isEmpty()) {
                    lines.add(new Line("_<named by ACM>." + absolute(host), "CNAME", Integer.toString(DnsRecord.VALIDATION_TTL),
                            route53 ? VALIDATION_BY_STACK : VALIDATION_UNKNOWN, false));
                }
                for (DeployedNames.ValidationRecord record : validation) {
                    lines.add(new Line(absolute(record.name()), record.type(), Integer.toString(DnsRecord.VALIDATION_TTL),
                            absolute(record.value()), true));
                }
            }
            domains.add(new Domain(records.domain(), records.dns(), lines));
        }
        return domains;
    }

    /** How many records the administrator creates that wait for the deployment (the stacks write Route 53's themselves). */
    public static long unknown(List<Domain> domains) {
        return domains.stream().filter(domain -> !domain.dns().isRoute53())
                .flatMap(domain -> domain.lines().stream()).filter(line -> !line.known()).count();
    }

    static String absolute(String name) {
        return name.endsWith(".") ? name : name + ".";
    }
}
