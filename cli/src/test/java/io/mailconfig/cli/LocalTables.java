package io.mailconfig.cli;

import io.mailconfig.local.EmbeddedDynamoDb;
import io.mailconfig.store.dynamodb.DynamoDbConfigStore;
import io.mailconfig.store.dynamodb.Table;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A mailconfig table in DynamoDB Local, in memory, for the tool's tests. */
final class LocalTables {

    private LocalTables() {
    }

    static TableAccess inMemory() {
        EmbeddedDynamoDb database = EmbeddedDynamoDb.inMemory();
        database.createTable(Table.DEFAULT_NAME);
        return new TableAccess(database.client(), Table.DEFAULT_NAME, database);
    }

    static DynamoDbConfigStore store(TableAccess table) {
        return new DynamoDbConfigStore(table.client(), table.tableName());
    }

    static Path exampleFile() {
        try {
            return Path.of(LocalTables.class.getResource("/examples/providers.yaml").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Items compared regardless of order. */
    static Set<Map<String, AttributeValue>> asSet(List<Map<String, AttributeValue>> items) {
        return new HashSet<>(items);
    }
}
