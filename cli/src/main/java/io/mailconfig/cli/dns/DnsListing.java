package io.mailconfig.cli.dns;

import io.mailconfig.dnsrecords.TableRecords;
import io.mailconfig.installation.Dns;
import io.mailconfig.installation.DnsRecord;
import io.mailconfig.installation.DomainRecords;
import io.mailconfig.installation.Installation;
import io.mailconfig.installation.MailDomain;
import io.mailconfig.installation.RecordValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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

    /** What the records that follow the table hold for a domain now; empty when the table was not read. */
    @FunctionalInterface
    public interface TableValues {
        TableValues NOT_READ = (domain, kinds) -> Optional.empty();

        Optional<TableRecords.Result> of(String domain, Set<TableRecords.Kind> kinds);
    }

    /** A record whose value comes from the table, before the table was read. */
    static final String FROM_TABLE = "(from the table: run ./dev cli dns with access to it)";

    public static List<Domain> of(Installation installation, DeployedNames names, Predicate<String> wanted) {
        return of(installation, names, TableValues.NOT_READ, wanted);
    }

    public static List<Domain> of(Installation installation, DeployedNames names, TableValues table, Predicate<String> wanted) {
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
            installation.publishing().stream().filter(domain -> domain.name().equals(records.domain()))
                    .forEach(domain -> lines.addAll(tableLines(domain, table)));
            domains.add(new Domain(records.domain(), records.dns(), lines));
        }
        return domains;
    }

    /**
     * The records that follow the table: TXT texts quoted as a zone file has them. A record the
     * table has nothing for (no policy, no DAV server of a type) is left out: it should not exist.
     */
    private static List<Line> tableLines(MailDomain domain, TableValues table) {
        Set<TableRecords.Kind> kinds = TableRecordValues.kinds(domain);
        Optional<TableRecords.Result> result = table.of(domain.name(), kinds);
        List<Line> lines = new ArrayList<>();
        if (result.isEmpty()) {
            TableRecords.keys(domain.name(), kinds).forEach(key -> lines.add(new Line(absolute(key.name()), key.type(),
                    Integer.toString(TableRecords.TTL), FROM_TABLE, false)));
            return lines;
        }
        for (TableRecords.Record record : result.get().records()) {
            for (String value : record.values()) {
                lines.add(new Line(absolute(record.key().name()), record.key().type(), Integer.toString(TableRecords.TTL),
                        record.key().type().equals("TXT") ? TableRecords.txtData(value) : value, true));
            }
        }
        return lines;
    }

    /** How many records the administrator creates that wait for the deployment (the stacks write Route 53's themselves). */
    public static long unknown(List<Domain> domains) {
        return domains.stream().filter(domain -> !domain.dns().isRoute53())
                .flatMap(domain -> domain.lines().stream()).filter(line -> !line.known() && !line.value().equals(FROM_TABLE)).count();
    }

    static String absolute(String name) {
        return name.endsWith(".") ? name : name + ".";
    }
}
