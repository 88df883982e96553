package io.mailconfig.cli;

import static io.mailconfig.cli.ItemFile.key;
import static io.mailconfig.store.dynamodb.Table.DOMAIN_PREFIX;
import static io.mailconfig.store.dynamodb.Table.PARTITION_KEY;
import static io.mailconfig.store.dynamodb.Table.PROVIDER_PREFIX;
import static io.mailconfig.store.dynamodb.Table.SORT_KEY;

import io.mailconfig.installation.HostPair;
import io.mailconfig.installation.Installation;
import io.mailconfig.installation.MailDomain;
import io.mailconfig.model.DomainNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The installation says which domains reach mailconfig (hosts, certificates, DNS records); the
 * table says what each domain's clients are told. This finds where the two lists part: a domain the
 * table answers for that no host or record leads to, and a domain led here that the table does not know.
 */
public final class DomainComparison {

    private DomainComparison() {
    }

    /** One line per mismatch, sorted by domain. */
    public static List<String> compare(Installation installation, String where, List<Map<String, AttributeValue>> items) {
        Map<String, String> table = new TreeMap<>();
        for (Map<String, AttributeValue> item : items) {
            String pk = key(item, PARTITION_KEY);
            String sk = key(item, SORT_KEY);
            if (pk.startsWith(PROVIDER_PREFIX) && sk.startsWith(DOMAIN_PREFIX)) {
                DomainNames.normalize(sk.substring(DOMAIN_PREFIX.length())).ifPresent(domain -> table.putIfAbsent(domain, pk));
            }
        }
        TreeSet<String> served = new TreeSet<>();
        installation.domains().stream().map(MailDomain::name).forEach(served::add);
        List<String> mismatches = new ArrayList<>();
        table.forEach((domain, pk) -> {
            if (!served.contains(domain)) {
                mismatches.add("domain " + domain + " (" + pk + "): in the table, but not in the installation (" + where + "): no host"
                        + " serves it and no DNS record leads its clients here; add it to \"domains\" there");
            }
        });
        for (String domain : served) {
            if (!table.containsKey(domain)) {
                mismatches.add("domain " + domain + ": served by the installation (" + where + "), but not in the table: its clients"
                        + " get \"no configuration for this domain\"; add a DOMAIN#" + domain + " item to its provider");
            }
        }
        installation.sharedHosts().map(HostPair::domain).filter(shared -> !table.containsKey(shared) && !served.contains(shared))
                .ifPresent(shared -> mismatches.add("domain " + shared + ": the shared hosts' domain is not in the table: Thunderbird"
                        + " for Android asks autoconfig." + shared + " without an address after its MX lookup and gets 404; add a DOMAIN#"
                        + shared + " item to the provider whose servers the customer domains use"));
        mismatches.sort(null);
        return mismatches;
    }
}
