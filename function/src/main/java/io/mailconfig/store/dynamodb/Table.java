package io.mailconfig.store.dynamodb;

import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The table design (see docs/table-design.md). One partition per provider holds everything about
 * it; an inverted index finds the provider of a domain.
 *
 * <pre>
 * pk                 sk                          what
 * PROVIDER#example   PROVIDER                    name, shortName, documentationUrl
 * PROVIDER#example   DOMAIN#example.com          aliasOf, activeSyncUrl (both optional)
 * PROVIDER#example   SERVER#&lt;any id&gt;             type, hostname, port, socketType, authentication, username, priority
 * PROVIDER#example   DAV#&lt;any id&gt;                type, url, username, priority
 * PROVIDER#example   USER#alice@example.com      loginName, displayName (both optional)
 * </pre>
 */
public final class Table {

    public static final String DEFAULT_NAME = "mailconfig";
    public static final String PARTITION_KEY = "pk";
    public static final String SORT_KEY = "sk";
    /** Partition key sk, sort key pk: finds the provider partition that holds {@code DOMAIN#<name>}. */
    public static final String INVERTED_INDEX = "inverted";

    public static final String PROVIDER_PREFIX = "PROVIDER#";
    public static final String PROVIDER_SORT_KEY = "PROVIDER";
    public static final String DOMAIN_PREFIX = "DOMAIN#";
    public static final String SERVER_PREFIX = "SERVER#";
    public static final String DAV_PREFIX = "DAV#";
    public static final String USER_PREFIX = "USER#";

    private Table() {
    }

    /** The request that creates the table, used by the local run, the tests and the import tool. */
    public static CreateTableRequest createRequest(String tableName) {
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        AttributeDefinition.builder().attributeName(PARTITION_KEY).attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName(SORT_KEY).attributeType(ScalarAttributeType.S).build())
                .keySchema(
                        KeySchemaElement.builder().attributeName(PARTITION_KEY).keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName(SORT_KEY).keyType(KeyType.RANGE).build())
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                        .indexName(INVERTED_INDEX)
                        .keySchema(
                                KeySchemaElement.builder().attributeName(SORT_KEY).keyType(KeyType.HASH).build(),
                                KeySchemaElement.builder().attributeName(PARTITION_KEY).keyType(KeyType.RANGE).build())
                        .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build())
                        .build())
                .build();
    }
}
