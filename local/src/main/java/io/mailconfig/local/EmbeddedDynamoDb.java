package io.mailconfig.local;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import io.mailconfig.store.dynamodb.Table;
import java.io.File;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;

/**
 * DynamoDB Local inside this process. It opens no network port (the embedded client calls it
 * directly), either in memory or in a database directory that outlives the process.
 */
public final class EmbeddedDynamoDb implements AutoCloseable {

    /** The file inside a database directory that holds the tables. */
    public static final String DATABASE_FILE = "mailconfig-dynamodb.db";

    /** Database directories open in this process; each is opened once and closed when the process ends. */
    private static final Map<File, EmbeddedDynamoDb> DIRECTORIES = new ConcurrentHashMap<>();

    private final AmazonDynamoDBLocal database;
    private final DynamoDbClient client;
    private final boolean shared;

    private EmbeddedDynamoDb(AmazonDynamoDBLocal database, boolean shared) {
        this.database = database;
        this.client = database.dynamoDbClient();
        this.shared = shared;
    }

    public static EmbeddedDynamoDb inMemory() {
        return new EmbeddedDynamoDb(DynamoDBEmbedded.create(true), false);
    }

    /**
     * A database kept in {@code directory}, so data imported once is there the next time. Within one
     * process every caller shares one instance per directory, open until the process ends: DynamoDB
     * Local does not release its SQLite file at once when shut down, and opening the file again
     * straight after finds it locked.
     */
    public static EmbeddedDynamoDb inDirectory(File directory) {
        if (!directory.isDirectory() && !directory.mkdirs()) {
            throw new IllegalArgumentException("cannot create database directory " + directory);
        }
        return DIRECTORIES.computeIfAbsent(directory.getAbsoluteFile().toPath().normalize().toFile(), key -> {
            // DynamoDBEmbedded takes the database FILE, not a directory: given the directory it cannot open it.
            EmbeddedDynamoDb opened = new EmbeddedDynamoDb(DynamoDBEmbedded.create(new File(key, DATABASE_FILE), false), true);
            Runtime.getRuntime().addShutdownHook(new Thread(opened::shutdown));
            return opened;
        });
    }

    public DynamoDbClient client() {
        return client;
    }

    /** Creates the table unless it exists; returns whether it was created. */
    public boolean createTable(String tableName) {
        try {
            client.createTable(Table.createRequest(tableName));
            return true;
        } catch (ResourceInUseException alreadyThere) {
            return false;
        }
    }

    public void put(String tableName, List<Map<String, AttributeValue>> items) {
        for (Map<String, AttributeValue> item : items) {
            client.putItem(PutItemRequest.builder().tableName(tableName).item(item).build());
        }
    }

    /** Shuts an in-memory database down; a directory's stays open for the rest of the process (see above). */
    @Override
    public void close() {
        if (!shared) {
            shutdown();
        }
    }

    private void shutdown() {
        client.close();
        database.shutdown();
    }
}
