package io.mailconfig.installation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One installation of mailconfig, as {@code infra/mailconfig.json} describes it: where it runs,
 * its mail domains and where their DNS lives, the hosts that serve them (each domain's own, or one
 * shared pair for a hosting provider), the optional edge, and the quotas of the account. The CDK
 * app builds its stacks from it and {@code ./dev cli dns} prints its records, so both always agree.
 *
 * @param domainStacks how many stacks the domains' certificates, hosts and records are spread
 *                     over, a power of two (see {@link DomainStacks})
 */
public record Installation(
        String account,
        String region,
        ServiceSettings service,
        List<MailDomain> domains,
        Optional<HostPair> sharedHosts,
        Optional<Edge> edge,
        Quotas quotas,
        int domainStacks) {

    /** The cdk.json context key that holds the configuration or names its file. */
    public static final String CONTEXT_KEY = "mailconfig";

    public Installation {
        domains = List.copyOf(domains);
    }

    /**
     * Reads the context value: an object, or a file name (relative to {@code baseDir}) holding one.
     *
     * @throws InvalidInstallationException naming every problem
     */
    public static Installation fromContext(Object contextValue, Path baseDir) {
        return InstallationReader.fromContext(contextValue, baseDir);
    }

    /** Every pair of hosts served here: each domain's own, then the shared pair. */
    public List<HostPair> hostPairs() {
        List<HostPair> pairs = new ArrayList<>();
        for (MailDomain domain : domains) {
            if (domain.hosts() == MailDomain.Hosts.OWN) {
                pairs.add(domain.hostPair());
            }
        }
        sharedHosts.ifPresent(pairs::add);
        return List.copyOf(pairs);
    }

    /** The domains that publish records whose values follow the table (PACC, MTA-STS, TLS-RPT, DAV), in configuration order. */
    public List<MailDomain> publishing() {
        return domains.stream().filter(domain -> !domain.publications().isEmpty()).toList();
    }

    /** Every record the installation needs, grouped by the domain whose DNS holds it, in configuration order. */
    public List<DomainRecords> records() {
        Map<String, RecordsBuilder> byDomain = new LinkedHashMap<>();
        for (MailDomain domain : domains) {
            RecordsBuilder records = byDomain.computeIfAbsent(domain.name(), name -> new RecordsBuilder(name, domain.dns()));
            if (domain.hosts() == MailDomain.Hosts.OWN) {
                records.hosts(domain.hostPair());
            }
            for (SrvRecord srv : domain.srv()) {
                records.add(new DnsRecord(srv.recordName(domain.name()), "SRV", new RecordValue.Text(srv.data()), DnsRecord.SRV_TTL, false));
            }
        }
        sharedHosts.ifPresent(pair -> byDomain.computeIfAbsent(pair.domain(), name -> new RecordsBuilder(name, pair.dns())).hosts(pair));
        return byDomain.values().stream().map(RecordsBuilder::build).toList();
    }

    /** The stacks that hold the domains' certificates, hosts and Route 53 records. */
    public DomainStacks stacks() {
        return new DomainStacks(domainStacks, hostPairs(), records(), edge.isPresent());
    }

    private static final class RecordsBuilder {
        private final String domain;
        private final Dns dns;
        private final List<DnsRecord> records = new ArrayList<>();
        private final List<String> certificateHosts = new ArrayList<>();

        RecordsBuilder(String domain, Dns dns) {
            this.domain = domain;
            this.dns = dns;
        }

        /** Each host points at whatever serves it: an alias in Route 53 (both address families), a CNAME elsewhere. */
        void hosts(HostPair pair) {
            for (String host : pair.hosts()) {
                RecordValue endpoint = new RecordValue.ServingEndpoint(host);
                if (dns.isRoute53()) {
                    records.add(new DnsRecord(host, "A", endpoint, DnsRecord.HOST_TTL, true));
                    records.add(new DnsRecord(host, "AAAA", endpoint, DnsRecord.HOST_TTL, true));
                } else {
                    records.add(new DnsRecord(host, "CNAME", endpoint, DnsRecord.HOST_TTL, false));
                }
                certificateHosts.add(host);
            }
        }

        void add(DnsRecord record) {
            records.add(record);
        }

        DomainRecords build() {
            return new DomainRecords(domain, dns, records, certificateHosts);
        }
    }
}
