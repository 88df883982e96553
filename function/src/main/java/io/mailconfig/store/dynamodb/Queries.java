package io.mailconfig.store.dynamodb;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** The queries on the table, shared by the function's store and the data tool. */
public final class Queries {

    private Queries() {
    }

    /** The partitions holding an item with this sort key; for {@code DOMAIN#<name>}, the domain's provider. */
    public static QueryRequest partitionsHolding(String tableName, String sortKey) {
        return QueryRequest.builder()
                .tableName(tableName)
                .indexName(Table.INVERTED_INDEX)
                .keyConditionExpression("#sk = :sk")
                .expressionAttributeNames(Map.of("#sk", Table.SORT_KEY))
                .expressionAttributeValues(Map.of(":sk", AttributeValue.fromS(sortKey)))
                .build();
    }

    /** Every item of one partition (the SDK's paginator, or {@code exclusiveStartKey}, reads the pages). */
    public static QueryRequest partition(String tableName, String partitionKey) {
        return QueryRequest.builder()
                .tableName(tableName)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", Table.PARTITION_KEY))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partitionKey)))
                .build();
    }
}
