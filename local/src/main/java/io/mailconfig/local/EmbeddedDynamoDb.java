package io.mailconfig.local;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import io.mailconfig.store.dynamodb.Table;
import java.io.File;
import java.util.List;
import java.util.Map;
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

    private final AmazonDynamoDBLocal database;
    private final DynamoDbClient client;

    private EmbeddedDynamoDb(AmazonDynamoDBLocal database) {
        this.database = database;
        this.client = database.dynamoDbClient();
    }

    public static EmbeddedDynamoDb inMemory() {
        return new EmbeddedDynamoDb(DynamoDBEmbedded.create(true));
    }

    /** A database kept in {@code directory}, so data imported once is there the next time. */
    public static EmbeddedDynamoDb inDirectory(File directory) {
        if (!directory.isDirectory() && !directory.mkdirs()) {
            throw new IllegalArgumentException("cannot create database directory " + directory);
        }
        // DynamoDBEmbedded takes the database FILE, not a directory: given the directory it cannot open it.
        return new EmbeddedDynamoDb(DynamoDBEmbedded.create(new File(directory, DATABASE_FILE), false));
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

    @Override
    public void close() {
        client.close();
        database.shutdown();
    }
}
