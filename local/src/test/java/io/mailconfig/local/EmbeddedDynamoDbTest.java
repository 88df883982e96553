package io.mailconfig.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailconfig.store.dynamodb.Table;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

class EmbeddedDynamoDbTest {

    @TempDir
    Path directory;

    @Test
    void aDatabaseDirectoryKeepsItsItemsForTheNextProcess() {
        Map<String, AttributeValue> item = Map.of("pk", AttributeValue.fromS("PROVIDER#x"), "sk", AttributeValue.fromS("PROVIDER"),
                "name", AttributeValue.fromS("X"));
        try (EmbeddedDynamoDb first = EmbeddedDynamoDb.inDirectory(directory.resolve("db").toFile())) {
            assertThat(first.createTable(Table.DEFAULT_NAME)).isTrue();
            first.put(Table.DEFAULT_NAME, List.of(item));
        }

        try (EmbeddedDynamoDb second = EmbeddedDynamoDb.inDirectory(directory.resolve("db").toFile())) {
            assertThat(second.createTable(Table.DEFAULT_NAME)).isFalse();
            assertThat(second.client().scan(ScanRequest.builder().tableName(Table.DEFAULT_NAME).build()).items())
                    .containsExactly(item);
        }
    }
}
