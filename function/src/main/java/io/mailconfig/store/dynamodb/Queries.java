package io.mailconfig.store.dynamodb;

import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The queries on the table, shared by the function's store and the data tool. The function reads
 * only with {@code Query}: a domain's provider from the inverted index, then by key the domain's
 * own item, the provider's shared items (two sort-key ranges) and a mailbox's item, so what one
 * lookup reads does not grow with the number of domains or mailboxes in the partition.
 */
public final class Queries {

    private static final String PK = "#pk";
    private static final String SK = "#sk";

    private Queries() {
    }

    /** The partitions holding an item with this sort key; for {@code DOMAIN#<name>}, the domain's provider. */
    public static QueryRequest partitionsHolding(String tableName, String sortKey) {
        return QueryRequest.builder()
                .tableName(tableName)
                .indexName(Table.INVERTED_INDEX)
                .keyConditionExpression(SK + " = :sk")
                .expressionAttributeNames(Map.of(SK, Table.SORT_KEY))
                .expressionAttributeValues(Map.of(":sk", AttributeValue.fromS(sortKey)))
                .build();
    }

    /** Every item of one partition (the SDK's paginator, or {@code exclusiveStartKey}, reads the pages); the data tool's read. */
    public static QueryRequest partition(String tableName, String partitionKey) {
        return QueryRequest.builder()
                .tableName(tableName)
                .keyConditionExpression(PK + " = :pk")
                .expressionAttributeNames(Map.of(PK, Table.PARTITION_KEY))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partitionKey)))
                .build();
    }

    /** The one item with this key, or none. */
    public static QueryRequest item(String tableName, String partitionKey, String sortKey) {
        return keyCondition(tableName, PK + " = :pk AND " + SK + " = :sk", partitionKey, Map.of(":sk", AttributeValue.fromS(sortKey)));
    }

    /** The provider's {@code DAV#} items. */
    public static QueryRequest davServers(String tableName, String partitionKey) {
        return keyCondition(tableName, PK + " = :pk AND begins_with(" + SK + ", :prefix)", partitionKey,
                Map.of(":prefix", AttributeValue.fromS(Table.DAV_PREFIX)));
    }

    /**
     * The {@code PROVIDER} item and the {@code SERVER#} items, which sort next to each other: from
     * {@code PROVIDER} up to {@link Table#SERVER_RANGE_END}, below every {@code USER#}.
     */
    public static QueryRequest providerAndServers(String tableName, String partitionKey) {
        return keyCondition(tableName, PK + " = :pk AND " + SK + " BETWEEN :from AND :to", partitionKey,
                Map.of(":from", AttributeValue.fromS(Table.PROVIDER_SORT_KEY), ":to", AttributeValue.fromS(Table.SERVER_RANGE_END)));
    }

    private static QueryRequest keyCondition(String tableName, String condition, String partitionKey, Map<String, AttributeValue> values) {
        Map<String, AttributeValue> all = new HashMap<>(values);
        all.put(":pk", AttributeValue.fromS(partitionKey));
        return QueryRequest.builder()
                .tableName(tableName)
                .keyConditionExpression(condition)
                .expressionAttributeNames(Map.of(PK, Table.PARTITION_KEY, SK, Table.SORT_KEY))
                .expressionAttributeValues(all)
                .build();
    }
}
