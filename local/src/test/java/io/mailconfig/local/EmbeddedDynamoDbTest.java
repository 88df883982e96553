package io.mailconfig.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailconfig.store.dynamodb.Table;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

class EmbeddedDynamoDbTest {

    private static final Map<String, AttributeValue> ITEM = Map.of("pk", AttributeValue.fromS("PROVIDER#x"),
            "sk", AttributeValue.fromS("PROVIDER"), "name", AttributeValue.fromS("X"));

    @TempDir
    Path directory;

    /** Run in a process of its own by the test below: writes {@link #ITEM} into the directory given. */
    public static void main(String[] args) {
        EmbeddedDynamoDb database = EmbeddedDynamoDb.inDirectory(new File(args[0]));
        database.createTable(Table.DEFAULT_NAME);
        database.put(Table.DEFAULT_NAME, List.of(ITEM));
        System.exit(0);
    }

    @Test
    void aDatabaseDirectoryKeepsItsItemsForTheNextProcess() throws Exception {
        File db = directory.resolve("db").toFile();
        Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                EmbeddedDynamoDbTest.class.getName(), db.toString()).inheritIO().start();
        assertThat(writer.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(writer.exitValue()).isZero();

        try (EmbeddedDynamoDb reader = EmbeddedDynamoDb.inDirectory(db)) {
            assertThat(reader.createTable(Table.DEFAULT_NAME)).isFalse();
            assertThat(reader.client().scan(ScanRequest.builder().tableName(Table.DEFAULT_NAME).build()).items())
                    .containsExactly(ITEM);
        }
    }

    @Test
    void oneDirectoryIsOneDatabaseWithinAProcessSoItCanBeOpenedAgainAtOnce() {
        File db = directory.resolve("shared").toFile();
        try (EmbeddedDynamoDb first = EmbeddedDynamoDb.inDirectory(db)) {
            first.createTable(Table.DEFAULT_NAME);
            first.put(Table.DEFAULT_NAME, List.of(ITEM));
        }
        for (int i = 0; i < 3; i++) {
            try (EmbeddedDynamoDb again = EmbeddedDynamoDb.inDirectory(new File(db.getPath() + "/."))) {
                assertThat(again.client().scan(ScanRequest.builder().tableName(Table.DEFAULT_NAME).build()).items())
                        .containsExactly(ITEM);
            }
        }
    }
}
