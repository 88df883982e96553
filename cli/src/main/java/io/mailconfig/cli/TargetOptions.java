package io.mailconfig.cli;

import io.mailconfig.aws.AwsAccess;
import io.mailconfig.aws.DynamoDbClients;
import io.mailconfig.installation.Installation;
import io.mailconfig.local.EmbeddedDynamoDb;
import io.mailconfig.store.dynamodb.Table;
import java.io.File;
import java.net.URI;
import java.util.Optional;
import picocli.CommandLine.Option;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Which table a command works on: a real one (name, region, endpoint) or a DynamoDB Local directory. */
public final class TargetOptions {

    @Option(names = "--table", paramLabel = "NAME", defaultValue = "${env:TABLE_NAME}",
            description = "Table name (default: env TABLE_NAME, else the installation's tableName for validate, dns and doctor, "
                    + "else " + Table.DEFAULT_NAME + ").")
    String table;

    @Option(names = "--region", paramLabel = "REGION", defaultValue = "${env:AWS_REGION}",
            description = "AWS region of the table (default: env AWS_REGION, else the installation's region for validate, dns and "
                    + "doctor, else " + AwsAccess.FALLBACK_REGION + ").")
    String region;

    @Option(names = "--endpoint", paramLabel = "URL", defaultValue = "${env:DYNAMODB_ENDPOINT}",
            description = "Another DynamoDB endpoint, e.g. http://127.0.0.1:8000 (env DYNAMODB_ENDPOINT).")
    String endpoint;

    @Option(names = "--local", paramLabel = "DIR",
            description = "Use the DynamoDB Local database in DIR instead of AWS: the directory that "
                    + "'./dev run --db-path DIR' serves. The table is created if it is missing.")
    File local;

    /** Why a command cannot reach the table; its message is the one line the tool prints. */
    public static final class NoAccessException extends RuntimeException {
        NoAccessException(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The deployed installation's table and region, where neither a flag nor the environment names
     * them; a {@code --local} directory keeps the local run's table name.
     */
    public void defaultTo(Installation installation) {
        if (table == null && local == null) {
            table = installation.service().tableName();
        }
        if (region == null) {
            region = installation.region();
        }
    }

    private String table() {
        return table == null ? Table.DEFAULT_NAME : table;
    }

    private String region() {
        return region == null ? AwsAccess.FALLBACK_REGION : region;
    }

    public TableAccess open() {
        if (local != null) {
            EmbeddedDynamoDb database = EmbeddedDynamoDb.inDirectory(local);
            database.createTable(table());
            return new TableAccess(database.client(), table(), database);
        }
        AwsAccess aws = AwsAccess.outsideLambda(region(), Optional.ofNullable(endpoint).filter(e -> !e.isBlank()).map(URI::create));
        try {
            // Before the first call: without credentials the SDK would retry and explain at length.
            aws.credentials().resolveCredentials();
        } catch (SdkClientException e) {
            throw new NoAccessException("no AWS credentials for " + describe() + ": set AWS_PROFILE, or AWS_ACCESS_KEY_ID and "
                    + "AWS_SECRET_ACCESS_KEY, or use --local DIR for a DynamoDB Local directory");
        }
        DynamoDbClient client = DynamoDbClients.create(aws);
        return new TableAccess(client, table(), client);
    }

    public String describe() {
        return local != null ? "table " + table() + " in DynamoDB Local at " + local
                : "table " + table() + " in " + region() + (endpoint == null || endpoint.isBlank() ? "" : " at " + endpoint);
    }
}
