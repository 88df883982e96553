package io.mailconfig.cli.dns;

import io.mailconfig.installation.Dns;
import io.mailconfig.installation.HostPair;
import java.util.List;
import java.util.Optional;

/** The two ways {@code ./dev cli dns} prints a listing: a plain table, or a BIND zone-file fragment. */
public enum DnsFormat {

    /** One block per domain: name, type, TTL and value of each record. */
    TABLE {
        @Override
        String render(List<DnsListing.Domain> domains, Optional<HostPair> sharedHosts) {
            StringBuilder out = new StringBuilder();
            for (DnsListing.Domain domain : domains) {
                out.append(domain.domain()).append(": ").append(whoCreates(domain.dns())).append('\n');
                int width = domain.lines().stream().mapToInt(line -> line.name().length()).max().orElse(0);
                out.append(String.format("  %-" + width + "s  %-5s  %-5s  %s%n", "NAME", "TYPE", "TTL", "VALUE"));
                for (DnsListing.Line line : domain.lines()) {
                    out.append(String.format("  %-" + width + "s  %-5s  %-5s  %s%n", line.name(), line.type(), line.ttl(), line.value()));
                }
                out.append('\n');
            }
            sharedHosts.ifPresent(pair -> out.append(mxRule(pair)).append('\n'));
            return out.toString();
        }
    },

    /**
     * Records to paste into a zone file, absolute names throughout. Route 53's alias records and
     * records the stacks create, or that wait for the deployment, are comments.
     */
    ZONE {
        @Override
        String render(List<DnsListing.Domain> domains, Optional<HostPair> sharedHosts) {
            StringBuilder out = new StringBuilder();
            sharedHosts.ifPresent(pair -> mxRule(pair).lines().forEach(line -> out.append("; ").append(line).append('\n')));
            for (DnsListing.Domain domain : domains) {
                out.append("; ").append(domain.domain()).append(": ").append(whoCreates(domain.dns())).append('\n');
                for (DnsListing.Line line : domain.lines()) {
                    boolean record = line.known() && !domain.dns().isRoute53();
                    out.append(record ? "" : "; ").append(line.name()).append('\t')
                            .append(line.ttl().equals(DnsListing.ALIAS) ? "" : line.ttl()).append("\tIN\t")
                            .append(line.ttl().equals(DnsListing.ALIAS) ? line.type() + " (Route 53 alias)" : line.type()).append('\t')
                            .append(line.value()).append('\n');
                }
            }
            return out.toString();
        }
    };

    abstract String render(List<DnsListing.Domain> domains, Optional<HostPair> sharedHosts);

    static String whoCreates(Dns dns) {
        return dns instanceof Dns.Route53 zone
                ? "in the Route 53 zone " + zone.zoneName() + " (" + zone.hostedZoneId() + "); the stacks create these records"
                : "DNS outside Route 53; create these records there";
    }

    /** Thunderbird and Thunderbird for Android find the shared hosts only through a customer domain's MX record. */
    static String mxRule(HostPair shared) {
        return "Customer domains reach the shared hosts through their MX record: Thunderbird and Thunderbird for Android look up\n"
                + "the most preferred MX host and ask https://autoconfig.<its domain>/, so that host must be <one label>."
                + shared.domain() + ",\n"
                + "e.g. mx." + shared.domain() + " (see docs/deploy.md, \"Hosting-provider mode\").";
    }
}
