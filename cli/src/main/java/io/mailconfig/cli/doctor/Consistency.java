package io.mailconfig.cli.doctor;

import io.mailconfig.cli.doctor.ClientSetting.Security;
import io.mailconfig.installation.SrvService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.xbill.DNS.Name;
import org.xbill.DNS.SRVRecord;

/**
 * The one rule across protocols: every client is told the same servers, ports, security and
 * usernames. Thunderbird's Autoconfig answer is the reference; every other answer, the published
 * SRV records and the table are compared with it, and any difference is a FAIL, except the one
 * that cannot be helped: Thunderbird for Android never sends the address, so it cannot get a
 * mailbox's own login name.
 */
final class Consistency {

    static final String CHECK = "consistency";

    private Consistency() {
    }

    /**
     * The other answers against the reference.
     *
     * @param shared whether the domain is a customer of the shared hosts, whose answer without an
     *               address is the shared domain's own
     */
    static List<Finding> answers(Map<String, List<ClientSetting>> settings, boolean shared) {
        Optional<String> referenceLabel = List.of(AnswerChecks.REFERENCE, AnswerChecks.POX).stream().filter(settings::containsKey).findFirst();
        if (referenceLabel.isEmpty()) {
            return List.of(Finding.fail(CHECK, "the answers of every protocol", "none could be read to compare",
                    "mend the answers above first"));
        }
        List<ClientSetting> reference = settings.get(referenceLabel.get());
        List<Finding> findings = new ArrayList<>();
        List<String> agreeing = new ArrayList<>();
        for (Map.Entry<String, List<ClientSetting>> entry : settings.entrySet()) {
            String label = entry.getKey();
            if (label.equals(referenceLabel.get())) {
                continue;
            }
            Difference difference = label.equals(AnswerChecks.APPLE)
                    ? Difference.subset(reference, entry.getValue()) : Difference.of(reference, entry.getValue());
            String asked = label + " against " + referenceLabel.get();
            String described = difference.describe(label, referenceLabel.get());
            if (difference.none()) {
                agreeing.add(label);
            } else if (difference.usernamesOnly() && label.startsWith(AnswerChecks.WITHOUT_ADDRESS)) {
                findings.add(Finding.warn(CHECK, asked, described,
                        "Thunderbird for Android never sends the address, so it fills the template in: a mailbox with a login name of "
                                + "its own (a USER# item) types it by hand there"));
            } else if (shared && label.startsWith(AnswerChecks.WITHOUT_ADDRESS)) {
                findings.add(Finding.fail(CHECK, asked, described,
                        "Thunderbird for Android asks the shared host without an address and gets the shared domain's configuration: "
                                + "put the shared domain into the provider whose servers the customers use (docs/deploy.md)"));
            } else {
                findings.add(Finding.fail(CHECK, asked, described,
                        "every protocol answers from the same table: a difference means another server answers one of the hosts, "
                                + "or an old deployment; check the hosts' DNS targets (./dev cli dns) and redeploy"));
            }
        }
        if (!agreeing.isEmpty()) {
            findings.addFirst(Finding.pass(CHECK, String.join(", ", agreeing) + " against " + referenceLabel.get(),
                    "the same servers, ports, security and usernames"));
        }
        return findings;
    }

    /** The stored configuration against what Thunderbird is told. */
    static Finding table(List<ClientSetting> stored, Map<String, List<ClientSetting>> settings, String table) {
        String asked = "the table (" + table + ") against " + AnswerChecks.REFERENCE;
        List<ClientSetting> told = settings.get(AnswerChecks.REFERENCE);
        if (told == null) {
            return Finding.fail(CHECK, asked, "no Autoconfig answer to compare", "mend the Autoconfig answer first");
        }
        Difference difference = Difference.of(stored, told);
        return difference.none() ? Finding.pass(CHECK, asked, "the answer is what the table holds: " + AnswerChecks.summary(stored))
                : Finding.fail(CHECK, asked, difference.describe(AnswerChecks.REFERENCE, "the table"),
                        "a warm function keeps a domain for cacheTtlSeconds (60 s): wait and run again; if it stays, the hosts are "
                                + "served by another installation or table");
    }

    /** The RFC 6186 and 8314 SRV records against the servers the answers name. */
    static List<Finding> srv(Map<SrvService, List<SRVRecord>> published, Map<String, List<ClientSetting>> settings, String domain) {
        List<ClientSetting> reference = settings.getOrDefault(AnswerChecks.REFERENCE, settings.get(AnswerChecks.POX));
        if (reference == null) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        boolean incomingPublished = false;
        boolean outgoingPublished = false;
        List<String> agreeing = new ArrayList<>();
        for (SrvService service : SrvService.values()) {
            if (service == SrvService.AUTODISCOVER || !published.containsKey(service)) {
                continue;
            }
            String type = switch (service) {
                case IMAPS, IMAP -> "imap";
                case POP3S, POP3 -> "pop3";
                default -> "smtp";
            };
            Security security = switch (service) {
                case IMAPS, POP3S, SUBMISSIONS -> Security.SSL;
                default -> Security.STARTTLS;
            };
            String name = service.recordName(domain);
            boolean answered = reference.stream().anyMatch(s -> s.type().equals(type) && s.security() == security);
            for (SRVRecord record : published.get(service)) {
                if (record.getTarget().equals(Name.root)) {
                    if (answered) {
                        findings.add(Finding.fail(CHECK, "SRV " + name, "\".\" says not offered, but the answers offer "
                                + type + " with " + security, "point it at the server the answers name, or stop offering that server"));
                    }
                    continue;
                }
                String host = DnsClient.bare(record.getTarget());
                boolean known = reference.stream().anyMatch(s -> s.type().equals(type) && s.security() == security
                        && s.host().equals(host) && s.port() == record.getPort());
                if (known) {
                    agreeing.add(service.key + " " + host + ":" + record.getPort());
                    incomingPublished |= !type.equals("smtp");
                    outgoingPublished |= type.equals("smtp");
                } else {
                    findings.add(Finding.fail(CHECK, "SRV " + name, host + ":" + record.getPort() + ", which no answer names as "
                                    + type + " with " + security + " (they name " + AnswerChecks.summary(reference) + ")",
                            "point the record at the server the answers name (\"srv\" in infra/mailconfig.json), or remove it"));
                }
            }
        }
        String fix = "clients that read RFC 6186 SRV records only (Evolution, FairEmail) find none: publish them with \"srv\" in "
                + "infra/mailconfig.json, e.g. \"srv\": {\"imaps\": \"<host>\", \"submissions\": \"<host>\"}";
        if (!incomingPublished && reference.stream().anyMatch(ClientSetting::incoming)) {
            findings.add(Finding.warn(CHECK, "SRV _imaps/_imap/_pop3s/_pop3._tcp." + domain, "no incoming server published", fix));
        }
        if (!outgoingPublished && reference.stream().anyMatch(s -> !s.incoming())) {
            findings.add(Finding.warn(CHECK, "SRV _submissions/_submission._tcp." + domain, "no outgoing server published", fix));
        }
        if (!agreeing.isEmpty()) {
            findings.addFirst(Finding.pass(CHECK, "SRV records of " + domain + " against the answers", "the same servers: "
                    + String.join(", ", agreeing)));
        }
        return findings;
    }

    /** What one list of servers has that another lacks. */
    private record Difference(List<ClientSetting> missing, List<ClientSetting> extra) {

        /** The same servers in both, whatever the order. */
        static Difference of(List<ClientSetting> expected, List<ClientSetting> actual) {
            return new Difference(expected.stream().filter(s -> !actual.contains(s)).toList(),
                    actual.stream().filter(s -> !expected.contains(s)).toList());
        }

        /** Every server of {@code actual} among {@code expected}: an Apple profile installs one of each direction. */
        static Difference subset(List<ClientSetting> expected, List<ClientSetting> actual) {
            return new Difference(List.of(), actual.stream().filter(s -> !expected.contains(s)).toList());
        }

        boolean none() {
            return missing.isEmpty() && extra.isEmpty();
        }

        /** Each extra server is a missing one with another login name. */
        boolean usernamesOnly() {
            return missing.size() == extra.size()
                    && extra.stream().allMatch(e -> missing.stream().anyMatch(m -> m.sameServer(e)));
        }

        /**
         * @param actual   what sets up the extra servers
         * @param expected what has the missing ones
         */
        String describe(String actual, String expected) {
            List<String> parts = new ArrayList<>();
            if (!extra.isEmpty()) {
                parts.add(actual + " sets up " + AnswerChecks.summary(extra));
            }
            if (!missing.isEmpty()) {
                parts.add((extra.isEmpty() ? "" : "where ") + expected + " has " + AnswerChecks.summary(missing));
            }
            return String.join(", ", parts);
        }
    }
}
