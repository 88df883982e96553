package io.mailconfig.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.mailconfig.Protocols;
import io.mailconfig.http.Router;
import io.mailconfig.store.CachingConfigStore;
import io.mailconfig.store.ConfigStore;
import io.mailconfig.store.dynamodb.DynamoDbConfigStore;

/**
 * The Lambda entry point for API Gateway HTTP API events. The local server runs this same class.
 */
public final class MailconfigHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final Router router;

    /** Used by Lambda: settings from the environment, the DynamoDB client built once, here, at init. */
    public MailconfigHandler() {
        this(Settings.from(System.getenv()));
    }

    public MailconfigHandler(Settings settings) {
        this(new CachingConfigStore(
                new DynamoDbConfigStore(DynamoDbClients.create(settings), settings.tableName()),
                settings.cacheTtl()));
    }

    /** Used by tests and the local server: any store. */
    public MailconfigHandler(ConfigStore store) {
        this.router = Protocols.router(store);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return ApiGatewayEvents.toEvent(router.route(ApiGatewayEvents.toRequest(event)));
    }

    public Router router() {
        return router;
    }
}
