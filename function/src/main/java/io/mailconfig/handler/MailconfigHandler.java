package io.mailconfig.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.mailconfig.Protocols;
import io.mailconfig.http.Router;
import io.mailconfig.protocol.mobileconfig.ProfileSigner;
import io.mailconfig.store.CachingConfigStore;
import io.mailconfig.store.ConfigStore;
import io.mailconfig.store.dynamodb.DynamoDbConfigStore;
import java.util.Optional;

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
        this(settings, ProfileSigning.fromEnvironment(System.getenv(), settings));
    }

    /** Used by the local server on a real table: its own signing settings. */
    public MailconfigHandler(Settings settings, Optional<ProfileSigner> profileSigner) {
        this(new CachingConfigStore(
                new DynamoDbConfigStore(DynamoDbClients.create(settings), settings.tableName()),
                settings.cacheTtl()), profileSigner);
    }

    /** Used by tests and the local server: any store; Apple profiles unsigned. */
    public MailconfigHandler(ConfigStore store) {
        this(store, Optional.empty());
    }

    /** Used by tests and the local server: any store, and the signer for Apple profiles when present. */
    public MailconfigHandler(ConfigStore store, Optional<ProfileSigner> profileSigner) {
        this.router = Protocols.router(store, profileSigner);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return ApiGatewayEvents.toEvent(router.route(ApiGatewayEvents.toRequest(event)));
    }

    public Router router() {
        return router;
    }
}
