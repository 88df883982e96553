package io.mailconfig.cli;

import static io.mailconfig.store.dynamodb.Table.PARTITION_KEY;
import static io.mailconfig.store.dynamodb.Table.SORT_KEY;

import io.mailconfig.store.dynamodb.Queries;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/** The reads and writes the tool makes on the mailconfig table. */
public final class TableAccess implements AutoCloseable {

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

    public void put(Map<String, AttributeValue> item) {
        client.putItem(PutItemRequest.builder().tableName(tableName).item(item).build());
    }

    public void delete(String pk, String sk) {
        client.deleteItem(DeleteItemRequest.builder().tableName(tableName)
                .key(Map.of(PARTITION_KEY, AttributeValue.fromS(pk), SORT_KEY, AttributeValue.fromS(sk))).build());
    }

    @Override
    public void close() throws Exception {
        owner.close();
    }
}
