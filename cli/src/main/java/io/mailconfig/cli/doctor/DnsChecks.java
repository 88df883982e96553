package io.mailconfig.cli.doctor;

import io.mailconfig.cli.doctor.DnsClient.Answer;
import io.mailconfig.cli.doctor.DnsClient.DnsException;
import io.mailconfig.installation.DnsRecord;
import io.mailconfig.installation.RecordValue;
import io.mailconfig.installation.SrvRecord;
import io.mailconfig.installation.SrvService;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * The DNS a mail client reads for one domain: every record the installation publishes for it (the
 * serving hosts' addresses, the SRV records, and any TXT record), the RFC 6186 and 8314 records it
 * does not publish but an administrator may have, and the MX host, which is how clients find the
 * shared hosts of a hosting provider. A new kind of record the installation publishes needs one
 * more case in {@link #record}.
 */
final class DnsChecks {

    static final String CHECK = "dns";
    private static final String RESOLVER_FIX = "check --resolver, or the domain's name servers";

    /** What the checks found, and the SRV records as published, for comparing them with the answers. */
    record Result(List<Finding> findings, Map<SrvService, List<SRVRecord>> srv) {
    }

    private final DnsClient dns;
    private final Target target;
    /** Whether the stacks write the domain's records, which changes what to do about a missing one. */
    private final boolean route53;
    private final Deadline deadline;
    private final Map<SrvService, List<SRVRecord>> published = Collections.synchronizedMap(new EnumMap<>(SrvService.class));

    DnsChecks(DnsClient dns, Target target, Deadline deadline) {
        this.dns = dns;
        this.target = target;
        this.route53 = target.route53();
        this.deadline = deadline;
    }

    Result run() {
        List<Finding> findings = new ArrayList<>();
        Set<String> hosts = new LinkedHashSet<>();
        for (DnsRecord record : target.records()) {
            if (record.value() instanceof RecordValue.ServingEndpoint endpoint) {
                hosts.add(endpoint.host());
            }
        }
        for (String host : hosts) {
            findings.addAll(deadline.run(CHECK, "A/AAAA " + host, () -> host(host)));
        }
        for (DnsRecord record : target.records()) {
            if (!(record.value() instanceof RecordValue.ServingEndpoint)) {
                findings.addAll(deadline.run(CHECK, record.type() + " " + record.name(), () -> record(record)));
            }
        }
        for (SrvService service : SrvService.values()) {
            if (target.srv().stream().noneMatch(srv -> srv.service() == service)) {
                findings.addAll(deadline.run(CHECK, "SRV " + service.recordName(target.domain()), () -> unpublishedSrv(service)));
            }
        }
        findings.addAll(deadline.run(CHECK, "MX " + target.domain(), this::mx));
        return new Result(List.copyOf(findings), Map.copyOf(published));
    }

    /** One record the installation publishes, by its kind. */
    private List<Finding> record(DnsRecord record) {
        return switch (record.type()) {
            case "SRV" -> target.srv().stream().filter(srv -> srv.recordName(target.domain()).equals(record.name()))
                    .findFirst().map(this::srv).orElse(List.of());
            case "TXT" -> txt(record);
            default -> List.of(Finding.warn(CHECK, record.type() + " " + record.name(), "the doctor has no check for this kind of record",
                    "check it by hand: dig " + record.type() + " " + record.name()));
        };
    }

    /** A host clients connect to must have an IPv4 and an IPv6 address (the hosts are dual-stack). */
    private List<Finding> host(String host) {
        String asked = "A/AAAA " + host;
        List<Finding> findings = new ArrayList<>();
        try {
            Answer v4 = dns.query(host, Type.A);
            Answer v6 = dns.query(host, Type.AAAA);
            if (v4.records().isEmpty()) {
                findings.add(Finding.fail(CHECK, asked, v4.describe(), createHost(host)));
            } else if (v6.records().isEmpty()) {
                findings.add(Finding.warn(CHECK, asked, v4.describe() + "; " + v6.describe(),
                        "the hosts are dual-stack: without an AAAA record clients on IPv6-only networks cannot reach " + host
                                + (route53 ? " (the stacks create an AAAA alias: ./dev deploy --all)" : " (point a CNAME at the target ./dev cli dns prints)")));
            } else {
                findings.add(Finding.pass(CHECK, asked, v4.describe() + "; " + v6.describe()));
            }
        } catch (DnsException e) {
            findings.add(Finding.fail(CHECK, asked, e.getMessage(), RESOLVER_FIX));
        }
        return findings;
    }

    private String createHost(String host) {
        return route53 ? "./dev deploy --all creates the alias records of " + host
                : "create the record ./dev cli dns prints for " + host + " (a CNAME to the API's or the distribution's name)";
    }

    private List<Finding> srv(SrvRecord expected) {
        List<Finding> findings = new ArrayList<>();
        String name = expected.recordName(target.domain());
        String asked = "SRV " + name;
        String create = route53 ? "./dev deploy --all creates " + name + " SRV " + expected.data()
                : "create " + name + ". SRV " + expected.data() + " (./dev cli dns --domain " + target.domain() + " prints it)";
        Answer answer;
        try {
            answer = dns.query(name, Type.SRV);
        } catch (DnsException e) {
            return List.of(Finding.fail(CHECK, asked, e.getMessage(), RESOLVER_FIX));
        }
        List<SRVRecord> records = answer.records().stream().map(SRVRecord.class::cast).toList();
        published.put(expected.service(), records);
        if (records.isEmpty()) {
            return List.of(Finding.fail(CHECK, asked, "missing: " + answer.describe(), create));
        }
        if (!expected.offered()) {
            boolean notOffered = records.stream().allMatch(r -> r.getTarget().equals(Name.root));
            return List.of(notOffered ? Finding.pass(CHECK, asked, "\".\": not offered, as the installation says")
                    : Finding.fail(CHECK, asked, answer.describe() + ", but the installation says the service is not offered", create));
        }
        Optional<SRVRecord> match = records.stream()
                .filter(r -> DnsClient.bare(r.getTarget()).equals(expected.target()) && r.getPort() == expected.port()).findFirst();
        if (match.isEmpty()) {
            boolean dot = records.stream().anyMatch(r -> r.getTarget().equals(Name.root));
            return List.of(Finding.fail(CHECK, asked, answer.describe() + (dot ? " (\".\" means not offered)" : "")
                    + ", not " + expected.target() + ":" + expected.port(), create));
        }
        srvTarget(findings, asked, match.get(), answer.describe(), target.hosts().hosts().contains(expected.target()) && !route53);
        return findings;
    }

    /**
     * An SRV target must be a host's own name, not an alias (RFC 2782), and must resolve.
     *
     * @param servingHost the target is one of mailconfig's hosts outside Route 53, which can only be a CNAME there
     */
    private void srvTarget(List<Finding> findings, String asked, SRVRecord record, String described, boolean servingHost) {
        String host = DnsClient.bare(record.getTarget());
        try {
            Answer address = dns.query(host, Type.A);
            Answer address6 = dns.query(host, Type.AAAA);
            if (address.records().isEmpty() && address6.records().isEmpty()) {
                findings.add(Finding.fail(CHECK, asked, described + "; its target " + host + ": " + address.describe(),
                        "give " + host + " an address, or point the SRV record at a host that has one"));
            } else if (!address.chain().isEmpty() && servingHost) {
                findings.add(Finding.warn(CHECK, asked, described + "; its target " + host + " is a CNAME (to "
                                + DnsClient.bare(address.chain().getFirst().getTarget()) + "), which RFC 2782 forbids",
                        "Outlook and Thunderbird follow it; a DNS service with CNAME flattening or ALIAS records (Cloudflare, ...) "
                                + "answers " + host + " with addresses instead, which strict clients need"));
            } else if (!address.chain().isEmpty()) {
                String real = DnsClient.bare(address.chain().getLast().getTarget());
                findings.add(Finding.fail(CHECK, asked, described + "; its target " + host + " is a CNAME (to " + real
                                + "): RFC 2782 forbids an alias as SRV target, and strict clients ignore the record",
                        "point the SRV record at " + real + " (the host's own name), or make " + host + " an A/AAAA record"));
            } else {
                findings.add(Finding.pass(CHECK, asked, described + "; " + host + ": " + address.describe()));
            }
        } catch (DnsException e) {
            findings.add(Finding.fail(CHECK, asked, described + "; its target: " + e.getMessage(), "check the target's name servers"));
        }
    }

    /** A service of RFC 6186 or 8314 the installation does not publish: read anyway, an administrator may have published it. */
    private List<Finding> unpublishedSrv(SrvService service) {
        String name = service.recordName(target.domain());
        List<Finding> findings = new ArrayList<>();
        try {
            Answer answer = dns.query(name, Type.SRV);
            List<SRVRecord> records = answer.records().stream().map(SRVRecord.class::cast).toList();
            published.put(service, records);
            Optional<SRVRecord> offered = records.stream().filter(r -> !r.getTarget().equals(Name.root)).findFirst();
            if (offered.isPresent()) {
                srvTarget(findings, "SRV " + name, offered.get(), answer.describe() + " (not in the installation)", false);
            }
        } catch (DnsException e) {
            findings.add(Finding.fail(CHECK, "SRV " + name, e.getMessage(), RESOLVER_FIX));
        }
        return findings;
    }

    /** Every TXT string the installation publishes at the name must be there (others may be too). */
    private List<Finding> txt(DnsRecord record) {
        String expected = record.value() instanceof RecordValue.Text text ? text.data() : "";
        String asked = "TXT " + record.name();
        try {
            Answer answer = dns.query(record.name(), Type.TXT);
            boolean found = answer.records().stream().map(TXTRecord.class::cast)
                    .anyMatch(txt -> String.join("", txt.getStrings()).equals(unquote(expected)));
            return List.of(found ? Finding.pass(CHECK, asked, answer.describe())
                    : Finding.fail(CHECK, asked, answer.describe() + ", not \"" + unquote(expected) + "\"",
                            route53 ? "./dev deploy --all writes it" : "create " + record.name() + ". TXT " + expected + " (./dev cli dns prints it)"));
        } catch (DnsException e) {
            return List.of(Finding.fail(CHECK, asked, e.getMessage(), RESOLVER_FIX));
        }
    }

    private static String unquote(String data) {
        return data.length() >= 2 && data.startsWith("\"") && data.endsWith("\"") ? data.substring(1, data.length() - 1) : data;
    }

    /**
     * The MX hosts, by preference. For a customer of a hosting provider the most preferred one must
     * be one label below the shared domain: Thunderbird and Thunderbird for Android ask
     * {@code autoconfig.<the MX host without its first label>} (see docs/deploy.md).
     */
    private List<Finding> mx() {
        String asked = "MX " + target.domain();
        Answer answer;
        try {
            answer = dns.query(target.domain(), Type.MX);
        } catch (DnsException e) {
            return List.of(Finding.fail(CHECK, asked, e.getMessage(), RESOLVER_FIX));
        }
        List<MXRecord> records = answer.records().stream().map(MXRecord.class::cast)
                .sorted(Comparator.comparingInt(MXRecord::getPriority)).toList();
        String shared = target.hosts().domain();
        if (records.isEmpty()) {
            String got = answer.nxdomain() ? answer.describe() : "no MX record";
            return List.of(target.shared()
                    ? Finding.fail(CHECK, asked, got, "publish the mail service's MX hosts under " + shared
                            + " (e.g. 10 mx." + shared + "): Thunderbird and Thunderbird for Android find the shared hosts through it")
                    : Finding.warn(CHECK, asked, got, "publish the mail service's MX record: mail to " + target.domain() + " needs it"));
        }
        String described = String.join(", ", records.stream().map(r -> r.getPriority() + " " + DnsClient.bare(r.getTarget())).toList());
        if (!target.shared()) {
            return List.of(Finding.pass(CHECK, asked, described));
        }
        String preferred = DnsClient.bare(records.getFirst().getTarget());
        String parent = preferred.contains(".") ? preferred.substring(preferred.indexOf('.') + 1) : "";
        List<String> elsewhere = records.stream().map(r -> DnsClient.bare(r.getTarget()))
                .filter(host -> !host.endsWith("." + shared) || host.indexOf('.') != host.length() - shared.length() - 1).toList();
        if (!parent.equals(shared)) {
            return List.of(Finding.fail(CHECK, asked, described + ": the most preferred host " + preferred + " leads clients to autoconfig."
                            + parent + ", not the shared host autoconfig." + shared,
                    "make the most preferred MX host one label below " + shared + " (e.g. mx." + shared + "), as docs/deploy.md says"));
        }
        if (!elsewhere.isEmpty()) {
            return List.of(Finding.warn(CHECK, asked, described + ": " + elsewhere + " not one label below " + shared,
                    "Thunderbird does not always pick the lowest priority: put every MX host one label below " + shared));
        }
        return List.of(Finding.pass(CHECK, asked, described + ": clients find autoconfig." + shared));
    }
}
