package io.mailconfig.local;

import io.mailconfig.handler.MailconfigHandler;
import io.mailconfig.handler.ProfileSigning;
import io.mailconfig.handler.Settings;
import io.mailconfig.protocol.mobileconfig.ProfileSigner;
import io.mailconfig.store.CachingConfigStore;
import io.mailconfig.store.dynamodb.DynamoDbConfigStore;
import io.mailconfig.store.dynamodb.Table;
import java.io.File;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./dev run}: mailconfig on http://127.0.0.1:8080.
 *
 * <p>With no {@code TABLE_NAME} in the environment it starts DynamoDB Local inside this process
 * and loads the sample provider. With {@code TABLE_NAME} (and {@code AWS_REGION}, optionally
 * {@code DYNAMODB_ENDPOINT}) it serves that real table instead, with the Lambda's own settings.
 * Apple profiles are signed when {@code SIGNING_CERT_PEM} and {@code SIGNING_KEY_PEM} (and
 * optionally {@code SIGNING_CHAIN_PEM}) name PEM files.
 */
@Command(name = "mailconfig-local", mixinStandardHelpOptions = true,
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
        String table = System.getenv("TABLE_NAME");
        Optional<ProfileSigner> signer = ProfileSigning.fromEnvironment(System.getenv(), Settings.from(System.getenv()));
        EmbeddedDynamoDb embedded = null;
        MailconfigHandler handler;
        String source;
        if (table != null && !table.isBlank()) {
            Settings settings = Settings.from(System.getenv());
            handler = new MailconfigHandler(settings, signer);
            source = "table " + settings.tableName() + " in " + settings.region()
                    + settings.endpoint().map(e -> " at " + e).orElse("");
        } else {
            embedded = dbPath == null ? EmbeddedDynamoDb.inMemory() : EmbeddedDynamoDb.inDirectory(dbPath);
            boolean created = embedded.createTable(Table.DEFAULT_NAME);
            if (!noSampleData && created) {
                embedded.put(Table.DEFAULT_NAME, EmbeddedDynamoDb.sampleItems());
            }
            handler = new MailconfigHandler(new CachingConfigStore(
                    new DynamoDbConfigStore(embedded.client(), Table.DEFAULT_NAME), CachingConfigStore.DEFAULT_TTL), signer);
            source = "embedded DynamoDB Local (" + (dbPath == null ? "in memory" : dbPath.getPath())
                    + (!noSampleData && created ? ", sample data" : "") + ")";
        }
        LocalServer server = LocalServer.start(port, handler);
        System.out.println("mailconfig serves " + server.baseUrl() + " from " + source);
        System.out.println("Apple profiles are " + signer.map(s -> "signed by "
                + s.certificate().getSubjectX500Principal().getName()).orElse("unsigned (set " + ProfileSigning.CERT_PEM
                + " and " + ProfileSigning.KEY_PEM + " to sign them)"));
        for (String path : LocalServer.examplePaths()) {
            System.out.println("  try: curl '" + server.baseUrl() + path + "'");
        }
        EmbeddedDynamoDb database = embedded;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            if (database != null) {
                database.close();
            }
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }

    public static void main(String[] args) {
        // Without TCP_NODELAY the JDK server's writes of a larger answer (the setup page, ~14 KB) wait
        // for TCP's delayed acknowledgement: ~40 ms per request on a kept-alive connection. Read once,
        // when the first server is created, so it is set before anything else.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        System.exit(new CommandLine(new LocalMain()).execute(args));
    }
}
