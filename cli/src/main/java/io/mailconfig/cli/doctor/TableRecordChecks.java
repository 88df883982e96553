package io.mailconfig.cli.doctor;

import io.mailconfig.cli.dns.TableRecordValues;
import io.mailconfig.cli.doctor.DnsClient.Answer;
import io.mailconfig.cli.doctor.DnsClient.DnsException;
import io.mailconfig.dnsrecords.TableRecords;
import io.mailconfig.model.DomainConfig;
import io.mailconfig.protocol.pacc.PaccRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.xbill.DNS.Record;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * The records whose values follow the table (PACC digest, MTA-STS id, TLS-RPT, DAV SRV and
 * {@code path=}), as resolvers answer them, against what the table says they hold now: the same
 * computation as {@code ./dev cli dns} and the DNS updater ({@link TableRecordValues}). A record
 * is stale when it lacks the table's value, holds one the table no longer gives, or exists while
 * the table has nothing for it.
 */
final class TableRecordChecks {

    private final DnsClient dns;
    private final Target target;

    TableRecordChecks(DnsClient dns, Target target) {
        this.dns = dns;
        this.target = target;
    }

    /** @param config the domain as the table holds it; empty when no provider holds it */
    List<Finding> run(Optional<DomainConfig> config) {
        List<Finding> findings = new ArrayList<>();
        TableRecords.Result expected = TableRecordValues.of(target.domain(), config, target.tableRecords(), this::mxHosts,
                problem -> findings.add(Finding.warn(DnsChecks.CHECK, "the records that follow the table", problem,
                        "mend the table (docs/mta-sts.md names each check); the record keeps its current value until then")));
        for (TableRecords.Record record : expected.records()) {
            findings.add(check(record));
        }
        return findings;
    }

    private Finding check(TableRecords.Record record) {
        TableRecords.Key key = record.key();
        String asked = key.type() + " " + key.name();
        List<String> published;
        Answer answer;
        try {
            answer = dns.query(key.name(), Type.value(key.type()));
            published = answer.records().stream().map(TableRecordChecks::value).toList();
        } catch (DnsException e) {
            return Finding.fail(DnsChecks.CHECK, asked, e.getMessage(), "check --resolver, or the domain's name servers");
        }
        boolean srv = key.type().equals("SRV");
        List<String> wanted = record.values().stream().map(value -> srv ? value.toLowerCase(Locale.ROOT) : value).toList();
        List<String> missing = wanted.stream().filter(value -> !published.contains(value)).toList();
        List<String> extra = published.stream().filter(value -> !wanted.contains(value)).toList();
        if (wanted.isEmpty()) {
            return published.isEmpty()
                    ? Finding.pass(DnsChecks.CHECK, asked, "none, as the table has nothing for it")
                    : Finding.fail(DnsChecks.CHECK, asked, "stale: " + answer.describe() + ", but the table has nothing for it now",
                            target.route53() ? updater("removes it") : "delete " + key.name() + ". " + key.type());
        }
        if (missing.isEmpty() && extra.isEmpty()) {
            return Finding.pass(DnsChecks.CHECK, asked, answer.describe() + ": what the table says");
        }
        if (missing.isEmpty() && key.name().equals(PaccRecord.name(target.domain()))) {
            // The digest of the document clients may still hold stays beside the new one for a while (docs/pacc.md).
            return Finding.pass(DnsChecks.CHECK, asked, answer.describe() + ": what the table says, and " + extra.size()
                    + " earlier digest(s), which may go once cached copies of the old document have expired");
        }
        String got = published.isEmpty() ? "missing: " + answer.describe() : "stale: " + answer.describe()
                + (missing.isEmpty() ? ", and also " + extra + ", which the table no longer gives" : ", not " + missing);
        String zoneFile = String.join("; ", record.values().stream().map(value -> key.name() + ". " + TableRecords.TTL + " " + key.type()
                + " " + (key.type().equals("TXT") ? TableRecords.txtData(value) : value)).toList());
        return Finding.fail(DnsChecks.CHECK, asked, got, target.route53() ? updater("writes it")
                : "make the record hold exactly " + zoneFile + " (./dev cli dns prints it)");
    }

    private static String updater(String does) {
        return "the DNS updater " + does + " as the table changes: read its log group in the MailconfigDnsUpdater stack, and ./dev deploy --all"
                + " runs it once for every domain";
    }

    /** A record's value as the table computes it: a TXT record's strings joined, SRV data in lower case. */
    private static String value(Record record) {
        return record instanceof TXTRecord txt ? String.join("", txt.getStrings()) : record.rdataToString().toLowerCase(Locale.ROOT);
    }

    /** The MTA-STS policy is checked against the domain's MX hosts as this resolver answers them. */
    private Optional<List<String>> mxHosts(String domain) {
        try {
            List<String> hosts = dns.mxHosts(domain);
            return hosts.isEmpty() ? Optional.empty() : Optional.of(hosts);
        } catch (DnsException e) {
            return Optional.empty();
        }
    }
}
