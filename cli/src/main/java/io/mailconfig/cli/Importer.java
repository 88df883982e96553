package io.mailconfig.cli;

import static io.mailconfig.cli.ItemFile.key;
import static io.mailconfig.store.dynamodb.Table.DOMAIN_PREFIX;
import static io.mailconfig.store.dynamodb.Table.PARTITION_KEY;
import static io.mailconfig.store.dynamodb.Table.PROVIDER_SORT_KEY;
import static io.mailconfig.store.dynamodb.Table.SORT_KEY;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Brings the partitions named in a file to the file's content, touching only what differs: an
 * unchanged item is not written, so a second run changes nothing. Items the file does not hold are
 * deleted only with prune, only inside the partitions the file names, and only within the bounds of
 * {@link Prune}.
 *
 * <p>The table never answers worse than before while an import runs: every new and changed item
 * of every provider is written before anything is deleted (a domain that moves is briefly in both
 * providers, never in none), and each provider's writes, then its deletions, go in one DynamoDB
 * transaction when they fit in one ({@value TableAccess#MAX_TRANSACTION_ITEMS} items), else in
 * batches.
 */
public final class Importer {

    /** More domains than this are looked up in one scan of the index rather than one query each. */
    static final int DOMAINS_LOOKED_UP_ONE_BY_ONE = 100;
    /** A transaction carries at most 4 MB; a provider's change larger than this goes in batches. */
    static final long MAX_TRANSACTION_BYTES = 3_500_000;
    /** How often the progress of a large import is reported, in items. */
    static final int PROGRESS_EVERY = 1_000;

    public enum Action {
        ADD("add"), UPDATE("update"), DELETE("delete");

        private final String word;

        Action(String word) {
            this.word = word;
        }
    }

    public record Change(Action action, String pk, String sk, Map<String, AttributeValue> item) {
        @Override
        public String toString() {
            return String.format("%-6s pk=%s sk=%s", action.word, pk, sk);
        }
    }

    /**
     * What deleting with prune may do without {@code force}: at most {@code maxSharePercent} of a
     * provider's items, and never its provider item or every one of its domains.
     */
    public record Prune(boolean enabled, int maxSharePercent, boolean force) {
        public static final int DEFAULT_MAX_SHARE_PERCENT = 25;
        public static final Prune OFF = new Prune(false, DEFAULT_MAX_SHARE_PERCENT, false);
    }

    /**
     * What an import would do, the domains it must not take from another provider, and the
     * deletions prune refuses without force.
     */
    public record Plan(List<Change> changes, int unchanged, List<String> conflicts, List<String> refused) {
    }

    private Importer() {
    }

    public static Plan plan(TableAccess table, List<Map<String, AttributeValue>> desired, Prune prune) {
        Map<String, Map<String, Map<String, AttributeValue>>> wanted = byPartition(desired);
        Map<String, List<String>> owners = owners(table, wanted);
        List<Change> changes = new ArrayList<>();
        List<String> conflicts = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        int unchanged = 0;
        for (Map.Entry<String, Map<String, Map<String, AttributeValue>>> partition : wanted.entrySet()) {
            String pk = partition.getKey();
            Map<String, Map<String, AttributeValue>> existing = byPartition(table.partition(pk)).getOrDefault(pk, Map.of());
            for (Map.Entry<String, Map<String, AttributeValue>> item : partition.getValue().entrySet()) {
                Map<String, AttributeValue> current = existing.get(item.getKey());
                if (current == null) {
                    changes.add(new Change(Action.ADD, pk, item.getKey(), item.getValue()));
                } else if (!current.equals(item.getValue())) {
                    changes.add(new Change(Action.UPDATE, pk, item.getKey(), item.getValue()));
                } else {
                    unchanged++;
                }
                for (String owner : owners.getOrDefault(item.getKey(), List.of())) {
                    boolean movedAway = prune.enabled() && wanted.containsKey(owner) && !wanted.get(owner).containsKey(item.getKey());
                    if (!owner.equals(pk) && !movedAway) {
                        conflicts.add(item.getKey().substring(DOMAIN_PREFIX.length()) + " is already served by "
                                + owner + " (remove it there, or import that provider too with --prune)");
                    }
                }
            }
            if (prune.enabled()) {
                List<String> gone = existing.keySet().stream().filter(sk -> !partition.getValue().containsKey(sk)).toList();
                gone.forEach(sk -> changes.add(new Change(Action.DELETE, pk, sk, Map.of())));
                refusal(pk, existing, gone, prune).ifPresent(refused::add);
            }
        }
        return new Plan(changes, unchanged, conflicts, refused);
    }

    /** The providers that hold each domain of the file today. */
    private static Map<String, List<String>> owners(TableAccess table, Map<String, Map<String, Map<String, AttributeValue>>> wanted) {
        List<String> domains = wanted.values().stream().flatMap(items -> items.keySet().stream())
                .filter(sk -> sk.startsWith(DOMAIN_PREFIX)).toList();
        if (domains.size() > DOMAINS_LOOKED_UP_ONE_BY_ONE) {
            return table.partitionsByKey(DOMAIN_PREFIX);
        }
        Map<String, List<String>> owners = new LinkedHashMap<>();
        domains.forEach(sk -> owners.put(sk, table.partitionsHolding(sk)));
        return owners;
    }

    private static Optional<String> refusal(String pk, Map<String, Map<String, AttributeValue>> existing,
            List<String> gone, Prune prune) {
        if (gone.isEmpty() || prune.force()) {
            return Optional.empty();
        }
        long domainsBefore = existing.keySet().stream().filter(sk -> sk.startsWith(DOMAIN_PREFIX)).count();
        long domainsGone = gone.stream().filter(sk -> sk.startsWith(DOMAIN_PREFIX)).count();
        if (gone.contains(PROVIDER_SORT_KEY) || (domainsBefore > 0 && domainsGone == domainsBefore)) {
            return Optional.of(pk + ": --prune would delete the whole provider (its provider item or every one of its "
                    + "domains); give --force if that is what you mean");
        }
        if (gone.size() * 100L > (long) prune.maxSharePercent() * existing.size()) {
            return Optional.of(pk + ": --prune would delete " + gone.size() + " of its " + existing.size() + " items, more than "
                    + prune.maxSharePercent() + " %; give --force, or a higher --prune-limit");
        }
        return Optional.empty();
    }

    /** Writes the plan: every put of every provider first, then the deletions. */
    public static void apply(TableAccess table, Plan plan, Consumer<String> progress) {
        Map<String, List<Change>> puts = new LinkedHashMap<>();
        Map<String, List<Change>> deletes = new LinkedHashMap<>();
        for (Change change : plan.changes()) {
            (change.action() == Action.DELETE ? deletes : puts).computeIfAbsent(change.pk(), pk -> new ArrayList<>()).add(change);
        }
        Progress counter = new Progress(plan.changes().size(), progress);
        puts.values().forEach(changes -> write(table, changes, counter));
        deletes.values().forEach(changes -> write(table, changes, counter));
    }

    public static void apply(TableAccess table, Plan plan) {
        apply(table, plan, line -> { });
    }

    /** One provider's puts, or its deletions: one transaction when they fit, else batches. */
    private static void write(TableAccess table, List<Change> changes, Progress progress) {
        boolean deleting = changes.getFirst().action() == Action.DELETE;
        long bytes = changes.stream().mapToLong(change -> size(change.item())).sum();
        if (changes.size() <= TableAccess.MAX_TRANSACTION_ITEMS && bytes <= MAX_TRANSACTION_BYTES) {
            List<Map<String, AttributeValue>> items = changes.stream().map(Change::item).toList();
            List<Map<String, AttributeValue>> keys = changes.stream().map(change -> TableAccess.key(change.pk(), change.sk())).toList();
            table.transact(deleting ? List.of() : items, deleting ? keys : List.of());
            progress.add(changes.size());
            return;
        }
        for (int from = 0; from < changes.size(); from += PROGRESS_EVERY) {
            List<Change> slice = changes.subList(from, Math.min(changes.size(), from + PROGRESS_EVERY));
            table.batch(slice.stream().map(change -> deleting
                    ? WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(TableAccess.key(change.pk(), change.sk())).build()).build()
                    : WriteRequest.builder().putRequest(PutRequest.builder().item(change.item()).build()).build()).toList());
            progress.add(slice.size());
        }
    }

    /** An upper estimate of an item's size as DynamoDB counts it (names and values in UTF-8). */
    private static long size(Map<String, AttributeValue> item) {
        return item.entrySet().stream().mapToLong(entry -> entry.getKey().length() * 3L + entry.getValue().toString().length() * 3L).sum();
    }

    /** Reports how far a large write has come, every {@value #PROGRESS_EVERY} items. */
    private static final class Progress {
        private final int total;
        private final Consumer<String> out;
        private int done;
        private int reported;

        Progress(int total, Consumer<String> out) {
            this.total = total;
            this.out = out;
        }

        void add(int count) {
            done += count;
            if (total > PROGRESS_EVERY && (done - reported >= PROGRESS_EVERY || done == total)) {
                reported = done;
                out.accept("written " + done + " of " + total + " changes");
            }
        }
    }

    private static Map<String, Map<String, Map<String, AttributeValue>>> byPartition(List<Map<String, AttributeValue>> items) {
        Map<String, Map<String, Map<String, AttributeValue>>> partitions = new LinkedHashMap<>();
        for (Map<String, AttributeValue> item : items) {
            partitions.computeIfAbsent(key(item, PARTITION_KEY), pk -> new TreeMap<>()).put(key(item, SORT_KEY), item);
        }
        return partitions;
    }
}
