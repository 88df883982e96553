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
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * The Lambda entry point for API Gateway HTTP API events. The local server runs this same class.
 */
public final class MailconfigHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    /** A domain no provider serves: the warm-up read before the snapshot finds nothing and writes nothing. */
    private static final String WARM_UP_DOMAIN = "priming.invalid";

    private final Router router;
    private final boolean inLambda;

    /**
     * Used by Lambda: settings from the environment, the DynamoDB client built once, here, at init;
     * answers counted in CloudWatch, logs in JSON with the request id, SnapStart priming registered.
     */
    public MailconfigHandler() {
        Settings settings = Settings.from(System.getenv());
        ConfigStore table = new DynamoDbConfigStore(DynamoDbClients.create(settings), settings.tableName());
        Optional<ProfileSigner> signer = ProfileSigning.fromEnvironment(System.getenv(), settings);
        this(Protocols.router(new CachingConfigStore(table, settings.cacheTtl()), signer)
                .withListener(RequestMetrics.cloudWatch()), true);
        Priming.register(() -> table.find(WARM_UP_DOMAIN));
    }

    /** Used by the local server against a real table: no metrics, plain logs. */
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
        this(Protocols.router(store, profileSigner), false);
    }

    private MailconfigHandler(Router router, boolean inLambda) {
        this.router = router;
        this.inLambda = inLambda;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        if (inLambda && context != null) {
            return PowertoolsLogging.withLogging(context, () -> answer(event));
        }
        return answer(event);
    }

    private APIGatewayV2HTTPResponse answer(APIGatewayV2HTTPEvent event) {
        return ApiGatewayEvents.toEvent(router.route(ApiGatewayEvents.toRequest(event)));
    }

    public Router router() {
        return router;
    }
}
