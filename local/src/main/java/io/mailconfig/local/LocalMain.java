package io.mailconfig.local;

import io.mailconfig.Mailconfig;
import io.mailconfig.Settings;
import io.mailconfig.aws.AwsAccess;
import io.mailconfig.aws.DynamoDbClients;
import io.mailconfig.aws.SigningKeys;
import io.mailconfig.http.Request;
import io.mailconfig.lambda.MailconfigHandler;
import io.mailconfig.protocol.mobileconfig.ProfileSigner;
import io.mailconfig.sample.SampleProvider;
import java.io.File;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code ./dev run}: mailconfig on http://127.0.0.1:8080.
 *
 * <p>With no {@code TABLE_NAME} in the environment it starts DynamoDB Local inside this process
 * and loads the sample provider. With {@code TABLE_NAME} (and {@code AWS_REGION}, optionally
 * {@code DYNAMODB_ENDPOINT}) it serves that real table instead. Either way the wiring and the
 * settings ({@code CACHE_TTL_SECONDS}, the signing key) are the Lambda function's own.
 */
@Command(name = "mailconfig-local", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Serve mailconfig on loopback through the Lambda handler.")
public final class LocalMain implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "${env:PORT:-8080}",
            description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}; env PORT).")
    int port;

    @Option(names = "--db-path", paramLabel = "DIR",
            description = "Keep the embedded DynamoDB Local database in DIR instead of memory "
                    + "(the import command can write to the same directory).")
    File dbPath;

    @Option(names = "--no-sample-data",
            description = "Start with an empty table instead of loading the sample provider.")
    boolean noSampleData;

    @Override
    public Integer call() throws Exception {
        Map<String, String> env = System.getenv();
        Settings settings = Settings.from(env);
        AwsAccess aws = AwsAccess.fromEnvironment(env);
        Optional<ProfileSigner> signer = SigningKeys.fromEnvironment(env, aws);
        EmbeddedDynamoDb embedded = null;
        DynamoDbClient client;
        String source;
        if (env.containsKey(Settings.TABLE_NAME) && !env.get(Settings.TABLE_NAME).isBlank()) {
            client = DynamoDbClients.create(aws);
            source = "table " + settings.tableName() + " in " + aws.region()
                    + aws.dynamoDbEndpoint().map(e -> " at " + e).orElse("");
        } else {
            embedded = dbPath == null ? EmbeddedDynamoDb.inMemory() : EmbeddedDynamoDb.inDirectory(dbPath);
            boolean created = embedded.createTable(settings.tableName());
            if (!noSampleData && created) {
                embedded.put(settings.tableName(), SampleProvider.items());
            }
            client = embedded.client();
            source = "embedded DynamoDB Local (" + (dbPath == null ? "in memory" : dbPath.getPath())
                    + (!noSampleData && created ? ", sample data" : "") + ")";
        }
        LocalServer server = LocalServer.start(port, new MailconfigHandler(Mailconfig.store(client, settings), signer, Request.HTTP));
        System.out.println("mailconfig serves " + server.baseUrl() + " from " + source);
        System.out.println("Apple profiles are " + signer.map(s -> "signed by "
                + s.certificate().getSubjectX500Principal().getName()).orElse("unsigned (set " + SigningKeys.CERT_PEM
                + " and " + SigningKeys.KEY_PEM + " to sign them)"));
        System.out.println("Try the sample requests (events/samples/):");
        for (String command : SampleRequests.curlCommands(server.baseUrl())) {
            System.out.println("  " + command);
        }
        EmbeddedDynamoDb database = embedded;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            if (database != null) {
                database.close();
            } else {
                client.close();
            }
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new LocalMain()).execute(args));
    }
}
