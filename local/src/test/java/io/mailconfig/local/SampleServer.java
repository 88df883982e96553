package io.mailconfig.local;

import io.mailconfig.Mailconfig;
import io.mailconfig.Settings;
import io.mailconfig.http.Request;
import io.mailconfig.lambda.MailconfigHandler;
import io.mailconfig.sample.SampleProvider;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The local run as {@code ./dev run} starts it: the sample provider in DynamoDB Local, the handler, a loopback port. */
final class SampleServer implements AutoCloseable {

    private final EmbeddedDynamoDb database = EmbeddedDynamoDb.inMemory();
    private final LocalServer server;

    SampleServer() throws IOException {
        this(List.of());
    }

    /** @param moreItems items put into the table beside the sample provider's, e.g. another provider */
    SampleServer(List<Map<String, AttributeValue>> moreItems) throws IOException {
        Settings settings = Settings.from(Map.of());
        database.createTable(settings.tableName());
        database.put(settings.tableName(), SampleProvider.items());
        if (!moreItems.isEmpty()) {
            database.put(settings.tableName(), moreItems);
        }
        server = LocalServer.start(0, new MailconfigHandler(Mailconfig.store(database.client(), settings), Optional.empty(), Request.HTTP));
    }

    String baseUrl() {
        return server.baseUrl();
    }

    int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.close();
        database.close();
    }
}
