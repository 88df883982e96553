package io.mailconfig.cli;

import io.mailconfig.handler.DynamoDbClients;
import io.mailconfig.handler.Settings;
import io.mailconfig.local.EmbeddedDynamoDb;
import io.mailconfig.store.CachingConfigStore;
import java.io.File;
import java.net.URI;
import java.util.Optional;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Which table a command works on: a real one (name, region, endpoint) or a DynamoDB Local directory. */
public final class TargetOptions {

    @Option(names = "--table", paramLabel = "NAME", defaultValue = "${env:TABLE_NAME:-mailconfig}",
            description = "Table name (default: ${DEFAULT-VALUE}; env TABLE_NAME).")
    String table;

    @Option(names = "--region", paramLabel = "REGION", defaultValue = "${env:AWS_REGION:-us-east-1}",
            description = "AWS region of the table (default: ${DEFAULT-VALUE}; env AWS_REGION).")
    String region;

    @Option(names = "--endpoint", paramLabel = "URL", defaultValue = "${env:DYNAMODB_ENDPOINT}",
            description = "Another DynamoDB endpoint, e.g. http://127.0.0.1:8000 (env DYNAMODB_ENDPOINT).")
    String endpoint;

    @Option(names = "--local", paramLabel = "DIR",
            description = "Use the DynamoDB Local database in DIR instead of AWS: the directory that "
                    + "'./dev run --db-path DIR' serves. The table is created if it is missing.")
    File local;

    public TableAccess open() {
        if (local != null) {
            EmbeddedDynamoDb database = EmbeddedDynamoDb.inDirectory(local);
            database.createTable(table);
            return new TableAccess(database.client(), table, database);
        }
        Optional<URI> endpointUri = Optional.ofNullable(endpoint).filter(e -> !e.isBlank()).map(URI::create);
        DynamoDbClient client = DynamoDbClients.create(
                new Settings(table, region, endpointUri, CachingConfigStore.DEFAULT_TTL, false));
        return new TableAccess(client, table, client);
    }

    public String describe() {
        return local != null ? "table " + table + " in DynamoDB Local at " + local
                : "table " + table + " in " + region + (endpoint == null || endpoint.isBlank() ? "" : " at " + endpoint);
    }
}
