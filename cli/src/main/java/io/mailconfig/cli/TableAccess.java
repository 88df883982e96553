package io.mailconfig.cli;

import static io.mailconfig.store.dynamodb.Table.PARTITION_KEY;
import static io.mailconfig.store.dynamodb.Table.SORT_KEY;

import io.mailconfig.store.dynamodb.Queries;
import io.mailconfig.store.dynamodb.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** The reads and writes the tool makes on the mailconfig table. */
public final class TableAccess implements AutoCloseable {

    /** DynamoDB's limit of items in one TransactWriteItems call. */
    public static final int MAX_TRANSACTION_ITEMS = 100;
    /** DynamoDB's limit of requests in one BatchWriteItem call. */
    public static final int MAX_BATCH_ITEMS = 25;

    private final DynamoDbClient client;
    private final String tableName;
    private final AutoCloseable owner;

    /** @param owner closed with this (the client, or the embedded database behind it) */
    public TableAccess(DynamoDbClient client, String tableName, AutoCloseable owner) {
        this.client = client;
        this.tableName = tableName;
        this.owner = owner;
    }

    public DynamoDbClient client() {
        return client;
    }

    public String tableName() {
        return tableName;
    }

    public List<Map<String, AttributeValue>> scanAll() {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        client.scanPaginator(ScanRequest.builder().tableName(tableName).build()).items().forEach(items::add);
        return items;
    }

    public List<Map<String, AttributeValue>> partition(String pk) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        client.queryPaginator(Queries.partition(tableName, pk)).items().forEach(items::add);
        return items;
    }

    /** The partitions that hold an item with this sort key (for {@code DOMAIN#<name>}: its providers). */
    public List<String> partitionsHolding(String sk) {
        List<String> partitions = new ArrayList<>();
        client.queryPaginator(Queries.partitionsHolding(tableName, sk)).items()
                .forEach(item -> partitions.add(item.get(PARTITION_KEY).s()));
        return partitions;
    }

    /**
     * Every item of the inverted index whose sort key starts with {@code prefix}, as partitions by
     * sort key: for {@code DOMAIN#}, every domain's providers, in one paginated scan of the keys.
     */
    public Map<String, List<String>> partitionsByKey(String prefix) {
        Map<String, List<String>> partitions = new HashMap<>();
        client.scanPaginator(ScanRequest.builder()
                        .tableName(tableName)
                        .indexName(Table.INVERTED_INDEX)
                        .filterExpression("begins_with(#sk, :prefix)")
                        .expressionAttributeNames(Map.of("#sk", SORT_KEY))
                        .expressionAttributeValues(Map.of(":prefix", AttributeValue.fromS(prefix)))
                        .build())
                .items().forEach(item -> partitions.computeIfAbsent(item.get(SORT_KEY).s(), sk -> new ArrayList<>())
                        .add(item.get(PARTITION_KEY).s()));
        return partitions;
    }

    public void put(Map<String, AttributeValue> item) {
        client.putItem(PutItemRequest.builder().tableName(tableName).item(item).build());
    }

    public void delete(String pk, String sk) {
        client.deleteItem(DeleteItemRequest.builder().tableName(tableName).key(key(pk, sk)).build());
    }

    /** Puts and deletes in one transaction: all of them happen, or none (at most {@link #MAX_TRANSACTION_ITEMS}). */
    public void transact(List<Map<String, AttributeValue>> puts, List<Map<String, AttributeValue>> deleteKeys) {
        List<TransactWriteItem> writes = new ArrayList<>();
        puts.forEach(item -> writes.add(TransactWriteItem.builder().put(Put.builder().tableName(tableName).item(item).build()).build()));
        deleteKeys.forEach(key -> writes.add(TransactWriteItem.builder()
                .delete(Delete.builder().tableName(tableName).key(key).build()).build()));
        client.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(writes).build());
    }

    /** Puts or deletes in batches of {@link #MAX_BATCH_ITEMS}, sending again what DynamoDB left unprocessed. */
    public void batch(List<WriteRequest> writes) {
        for (int from = 0; from < writes.size(); from += MAX_BATCH_ITEMS) {
            Map<String, List<WriteRequest>> pending = Map.of(tableName, writes.subList(from, Math.min(writes.size(), from + MAX_BATCH_ITEMS)));
            for (int attempt = 0; !pending.isEmpty(); attempt++) {
                if (attempt > 0) {
                    sleep(Math.min(1000, 50L << Math.min(attempt, 5)));
                }
                BatchWriteItemResponse response = client.batchWriteItem(BatchWriteItemRequest.builder().requestItems(pending).build());
                pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
            }
        }
    }

    public static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PARTITION_KEY, AttributeValue.fromS(pk), SORT_KEY, AttributeValue.fromS(sk));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing", e);
        }
    }

    @Override
    public void close() throws Exception {
        owner.close();
    }
}
