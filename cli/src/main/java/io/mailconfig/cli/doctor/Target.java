package io.mailconfig.cli.doctor;

import io.mailconfig.cli.dns.TableRecordValues;
import io.mailconfig.dnsrecords.TableRecords;
import io.mailconfig.installation.Dns;
import io.mailconfig.installation.DnsRecord;
import io.mailconfig.installation.DomainRecords;
import io.mailconfig.installation.HostPair;
import io.mailconfig.installation.Installation;
import io.mailconfig.installation.MailDomain;
import io.mailconfig.installation.RecordValue;
import io.mailconfig.installation.SrvRecord;
import io.mailconfig.installation.SrvService;
import io.mailconfig.model.EmailAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The mail domain under examination and what the installation says about it: which pair of hosts
 * serves its clients (its own, or the hosting provider's shared pair, reached through MX and SRV),
 * and every DNS record the installation publishes for it ({@link Installation#records()}, the list
 * the stacks and {@code ./dev cli dns} use).
 *
 * @param hosts   the hosts clients ask: the domain's own pair, or the shared pair
 * @param shared  whether clients reach {@code hosts} through the domain's MX and SRV records
 * @param records the records to find in DNS: the domain's own, and the serving hosts' addresses
 * @param srv     the SRV records the installation publishes for the domain
 * @param route53 whether the domain's records are in Route 53, where the stacks write them
 * @param tableRecords the kinds of record the domain publishes whose values follow the table
 */
public record Target(String domain, EmailAddress address, HostPair hosts, boolean shared, List<DnsRecord> records,
        List<SrvRecord> srv, boolean route53, Set<TableRecords.Kind> tableRecords) {

    public Target {
        records = List.copyOf(records);
        srv = List.copyOf(srv);
        tableRecords = Set.copyOf(tableRecords);
    }

    /** The domain as the installation describes it; empty when the installation does not list it. */
    public static Optional<Target> of(String domain, EmailAddress address, Installation installation) {
        Optional<MailDomain> listed = installation.domains().stream().filter(d -> d.name().equals(domain)).findFirst();
        if (listed.isEmpty()) {
            return Optional.empty();
        }
        MailDomain mail = listed.get();
        boolean shared = mail.hosts() == MailDomain.Hosts.SHARED;
        HostPair pair = shared ? installation.sharedHosts().orElseThrow() : mail.hostPair();
        List<DnsRecord> records = new ArrayList<>();
        for (DomainRecords group : installation.records()) {
            for (DnsRecord record : group.records()) {
                boolean wanted = group.domain().equals(domain) || pair.hosts().contains(record.name());
                if (wanted && !records.contains(record)) {
                    records.add(record);
                }
            }
        }
        return Optional.of(new Target(domain, address, pair, shared, records, mail.srv(), mail.dns().isRoute53(),
                TableRecordValues.kinds(mail)));
    }

    /**
     * A domain known by its name only: checked as a domain with its own hosts and the one SRV
     * record every such domain gets.
     */
    public static Target withOwnHosts(String domain, EmailAddress address) {
        HostPair pair = new HostPair(domain, Dns.EXTERNAL);
        SrvRecord autodiscover = new SrvRecord(SrvService.AUTODISCOVER, pair.autodiscover(), SrvService.AUTODISCOVER.port);
        List<DnsRecord> records = new ArrayList<>();
        for (String host : pair.hosts()) {
            records.add(new DnsRecord(host, "CNAME", new RecordValue.ServingEndpoint(host), DnsRecord.HOST_TTL, false));
        }
        records.add(new DnsRecord(autodiscover.recordName(domain), "SRV", new RecordValue.Text(autodiscover.data()),
                DnsRecord.SRV_TTL, false));
        return new Target(domain, address, pair, false, records, List.of(autodiscover), false, Set.of());
    }

    /** The host Mozilla Autoconfig clients, the Apple profile and the setup page are asked on. */
    public String autoconfigHost() {
        return hosts.autoconfig();
    }

    public String autodiscoverHost() {
        return hosts.autodiscover();
    }
}
