package io.mailconfig.cli;

import static io.mailconfig.cli.ItemFile.key;
import static io.mailconfig.store.dynamodb.Table.DAV_PREFIX;
import static io.mailconfig.store.dynamodb.Table.DOMAIN_PREFIX;
import static io.mailconfig.store.dynamodb.Table.PARTITION_KEY;
import static io.mailconfig.store.dynamodb.Table.PROVIDER_PREFIX;
import static io.mailconfig.store.dynamodb.Table.PROVIDER_SORT_KEY;
import static io.mailconfig.store.dynamodb.Table.SERVER_PREFIX;
import static io.mailconfig.store.dynamodb.Table.SORT_KEY;
import static io.mailconfig.store.dynamodb.Table.USER_PREFIX;

import io.mailconfig.model.Domain;
import io.mailconfig.model.DomainNames;
import io.mailconfig.model.ProviderConfig;
import io.mailconfig.store.dynamodb.ItemReader;
import io.mailconfig.store.dynamodb.ItemReader.Problem;
import io.mailconfig.store.dynamodb.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Finds every mistake in a set of items, from a table or a file. Each item is checked by the same
 * {@link ItemReader} the function reads with; this class adds what only shows across items:
 * domains without a provider, servers no domain uses, a domain in two providers, mailboxes of
 * foreign domains, aliases of unknown domains.
 */
public final class Validator {

    private static final Comparator<Problem> BY_KEY = Comparator.comparing(Problem::pk).thenComparing(Problem::sk);

    private Validator() {
    }

    /** The sort keys of the items mailconfig reads; any other item the function ignores and the tool carries as it is. */
    public static List<Problem> validate(List<Map<String, AttributeValue>> items) {
        return validate(items, domain -> false);
    }

    /**
     * Items of a kind mailconfig does not know: not mistakes (the function ignores them, export and
     * import carry them unchanged), but worth a note in case a sort key was mistyped.
     */
    public static List<Problem> unknownItems(List<Map<String, AttributeValue>> items) {
        return items.stream()
                .filter(item -> key(item, PARTITION_KEY).startsWith(PROVIDER_PREFIX) && !Table.isKnownKind(key(item, SORT_KEY)))
                .map(item -> new Problem(key(item, PARTITION_KEY), key(item, SORT_KEY),
                        "an item of a kind mailconfig does not read; it is kept as it is"))
                .sorted(BY_KEY).toList();
    }

    /**
     * @param elsewhere whether a domain exists outside these items: a file imported into a table may
     *                  alias a domain that only the table holds
     */
    public static List<Problem> validate(List<Map<String, AttributeValue>> items, Predicate<String> elsewhere) {
        List<Problem> problems = new ArrayList<>();
        Map<String, List<Map<String, AttributeValue>>> partitions = new LinkedHashMap<>();
        Set<String> keys = new HashSet<>();
        for (Map<String, AttributeValue> item : items) {
            String pk = key(item, PARTITION_KEY);
            String sk = key(item, SORT_KEY);
            if (!keys.add(pk + "\n" + sk)) {
                problems.add(new Problem(pk, sk, "the same item is given twice"));
            }
            if (!pk.startsWith(PROVIDER_PREFIX) || pk.length() == PROVIDER_PREFIX.length()) {
                problems.add(new Problem(pk, sk, "pk must be PROVIDER#<id>"));
            } else {
                partitions.computeIfAbsent(pk, p -> new ArrayList<>()).add(item);
            }
        }
        Map<String, Set<String>> domainPartitions = new HashMap<>();
        List<Map.Entry<String, Domain>> aliases = new ArrayList<>();
        partitions.forEach((pk, partition) -> {
            ProviderConfig config = checkPartition(pk, partition, problems);
            for (Domain domain : config.domains()) {
                domainPartitions.computeIfAbsent(domain.name(), name -> new LinkedHashSet<>()).add(pk);
                if (domain.aliasOf().isPresent()) {
                    aliases.add(Map.entry(pk, domain));
                }
            }
        });
        domainPartitions.forEach((domain, pks) -> {
            if (pks.size() > 1) {
                for (String pk : pks) {
                    List<String> others = pks.stream().filter(other -> !other.equals(pk)).toList();
                    problems.add(new Problem(pk, DOMAIN_PREFIX + domain,
                            "duplicate domain: also in " + String.join(", ", others) + "; clients would get either one"));
                }
            }
        });
        for (Map.Entry<String, Domain> alias : aliases) {
            String target = alias.getValue().aliasOf().orElseThrow();
            if (target.equals(alias.getValue().name())) {
                problems.add(new Problem(alias.getKey(), DOMAIN_PREFIX + target, "aliasOf names the domain itself"));
            } else if (!domainPartitions.containsKey(target) && !elsewhere.test(target)) {
                problems.add(new Problem(alias.getKey(), DOMAIN_PREFIX + alias.getValue().name(),
                        "aliasOf names " + target + ", which is not a domain in the table"));
            }
        }
        problems.sort(BY_KEY);
        return problems;
    }

    private static ProviderConfig checkPartition(String pk, List<Map<String, AttributeValue>> partition, List<Problem> problems) {
        ItemReader.Result result = ItemReader.read(pk.substring(PROVIDER_PREFIX.length()), partition);
        boolean hasProviderItem = partition.stream().anyMatch(item -> key(item, SORT_KEY).equals(PROVIDER_SORT_KEY));
        if (hasProviderItem) {
            result.problems().stream().filter(problem -> Table.isKnownKind(problem.sk())).forEach(problems::add);
        } else {
            // ItemReader's "provider item missing" says less than the findings below.
            result.problems().stream().filter(problem -> !problem.sk().equals(PROVIDER_SORT_KEY) && Table.isKnownKind(problem.sk()))
                    .forEach(problems::add);
        }
        ProviderConfig config = result.config();
        Set<String> domains = new HashSet<>();
        config.domains().forEach(domain -> domains.add(domain.name()));
        boolean anyDomainItem = false;
        for (Map<String, AttributeValue> item : partition) {
            String sk = key(item, SORT_KEY);
            if (sk.startsWith(DOMAIN_PREFIX)) {
                anyDomainItem = true;
                if (!hasProviderItem) {
                    problems.add(new Problem(pk, sk, "domain points at a provider that does not exist: "
                            + pk + " has no PROVIDER item"));
                }
            } else if ((sk.startsWith(SERVER_PREFIX) || sk.startsWith(DAV_PREFIX)) && domains.isEmpty()) {
                problems.add(new Problem(pk, sk, "server linked nowhere: " + pk + " has no domain"));
            } else if (sk.startsWith(USER_PREFIX)) {
                String address = sk.substring(USER_PREFIX.length());
                String domain = DomainNames.normalize(address.substring(address.lastIndexOf('@') + 1)).orElse("");
                if (!domain.isEmpty() && !domains.contains(domain)) {
                    problems.add(new Problem(pk, sk, "mailbox of " + domain + ", which is not a domain of " + pk));
                }
            }
        }
        if (!hasProviderItem && !anyDomainItem) {
            problems.add(new Problem(pk, PROVIDER_SORT_KEY, "partition has no PROVIDER item"));
        }
        if (!domains.isEmpty()) {
            if (config.incomingServers().isEmpty()) {
                problems.add(new Problem(pk, SERVER_PREFIX, "no usable incoming (imap or pop3) server for the domains of " + pk));
            }
            if (config.outgoingServers().isEmpty()) {
                problems.add(new Problem(pk, SERVER_PREFIX, "no usable outgoing (smtp) server for the domains of " + pk));
            }
        }
        return config;
    }
}
