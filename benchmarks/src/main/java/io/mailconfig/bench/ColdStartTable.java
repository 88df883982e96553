package io.mailconfig.bench;

import io.mailconfig.local.EmbeddedDynamoDb;
import io.mailconfig.sample.SampleProvider;
import io.mailconfig.store.dynamodb.Table;
import io.mailconfig.testing.LoopbackDynamoDb;

/**
 * The table the cold-start runs read: DynamoDB Local with the sample provider behind a loopback
 * HTTP endpoint, so the function under test reaches it through its real SDK client. Prints the
 * endpoint on its first line and serves until its standard input closes.
 */
public final class ColdStartTable {

    private ColdStartTable() {
    }

    public static void main(String[] args) throws Exception {
        try (EmbeddedDynamoDb database = EmbeddedDynamoDb.inMemory();
             LoopbackDynamoDb endpoint = new LoopbackDynamoDb(database.client())) {
            database.createTable(Table.DEFAULT_NAME);
            database.put(Table.DEFAULT_NAME, SampleProvider.items());
            System.out.println(endpoint.endpoint());
            System.out.flush();
            while (System.in.read() != -1) {
                // serve until the script closes our input
            }
        }
        System.exit(0); // DynamoDB Local leaves worker threads behind that would keep the JVM alive
    }
}
