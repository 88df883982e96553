package io.mailconfig.cli;

import static io.mailconfig.cli.ItemFile.key;
import static io.mailconfig.store.dynamodb.Table.DOMAIN_PREFIX;
import static io.mailconfig.store.dynamodb.Table.PARTITION_KEY;
import static io.mailconfig.store.dynamodb.Table.SORT_KEY;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Brings the partitions named in a file to the file's content, touching only what differs: an
 * unchanged item is not written, so a second run changes nothing. Items the file does not hold are
 * deleted only with prune, and only inside the partitions the file names.
 */
public final class Importer {

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

    /** What an import would do, and the domains it must not take from another provider. */
    public record Plan(List<Change> changes, int unchanged, List<String> conflicts) {
    }

    private Importer() {
    }

    public static Plan plan(TableAccess table, List<Map<String, AttributeValue>> desired, boolean prune) {
        Map<String, Map<String, Map<String, AttributeValue>>> wanted = byPartition(desired);
        List<Change> changes = new ArrayList<>();
        List<String> conflicts = new ArrayList<>();
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
                if (item.getKey().startsWith(DOMAIN_PREFIX)) {
                    for (String owner : table.partitionsHolding(item.getKey())) {
                        boolean movedAway = prune && wanted.containsKey(owner) && !wanted.get(owner).containsKey(item.getKey());
                        if (!owner.equals(pk) && !movedAway) {
                            conflicts.add(item.getKey().substring(DOMAIN_PREFIX.length()) + " is already served by "
                                    + owner + " (remove it there, or import that provider too with --prune)");
                        }
                    }
                }
            }
            if (prune) {
                existing.keySet().stream().filter(sk -> !partition.getValue().containsKey(sk))
                        .forEach(sk -> changes.add(new Change(Action.DELETE, pk, sk, Map.of())));
            }
        }
        return new Plan(changes, unchanged, conflicts);
    }

    public static void apply(TableAccess table, Plan plan) {
        for (Change change : plan.changes()) {
            if (change.action() == Action.DELETE) {
                table.delete(change.pk(), change.sk());
            } else {
                table.put(change.item());
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
