package io.mailconfig.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.mailconfig.http.Request;
import io.mailconfig.lambda.MailconfigHandler;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A table in DynamoDB Local and the Lambda handler on it, shared by the tests of one class:
 * {@code @RegisterExtension static final ExampleHandler example = new ExampleHandler();}
 */
public final class ExampleHandler implements BeforeAllCallback, AfterAllCallback {

    private final Supplier<TestTable> tables;
    private TestTable table;
    private MailconfigHandler handler;

    /** The example provider of {@link TestTable#withExampleProvider()}. */
    public ExampleHandler() {
        this(() -> new TestTable().withExampleProvider());
    }

    public ExampleHandler(Supplier<TestTable> tables) {
        this.tables = tables;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        table = tables.get();
        handler = new MailconfigHandler(table.store(), Optional.empty(), Request.HTTPS);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        table.close();
    }

    public TestTable table() {
        return table;
    }

    public MailconfigHandler handler() {
        return handler;
    }

    /** The event through the handler, as Lambda would call it. */
    public APIGatewayV2HTTPResponse call(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, null);
    }
}
