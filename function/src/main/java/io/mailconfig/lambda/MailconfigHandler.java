package io.mailconfig.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.mailconfig.Mailconfig;
import io.mailconfig.Settings;
import io.mailconfig.aws.AwsAccess;
import io.mailconfig.aws.DynamoDbClients;
import io.mailconfig.aws.SigningKeys;
import io.mailconfig.http.Request;
import io.mailconfig.http.Router;
import io.mailconfig.protocol.mobileconfig.ProfileSigner;
import io.mailconfig.store.ConfigStore;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * The Lambda entry point for API Gateway HTTP API events. The local server runs this same class.
 */
public final class MailconfigHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final Router router;
    private final boolean inLambda;
    private final String scheme;

    /**
     * Used by Lambda: settings from the environment, the DynamoDB client built once, here, at init;
     * answers counted in CloudWatch, logs in JSON with the request id, SnapStart priming registered.
     */
    public MailconfigHandler() {
        Map<String, String> env = System.getenv();
        Settings settings = Settings.from(env);
        AwsAccess aws = AwsAccess.fromEnvironment(env);
        DynamoDbClient dynamoDb = DynamoDbClients.create(aws);
        this.router = Mailconfig.router(Mailconfig.store(dynamoDb, settings), SigningKeys.fromEnvironment(env, aws))
                .withListener(RequestMetrics.cloudWatch());
        this.inLambda = true;
        this.scheme = Request.HTTPS;
        ConfigStore table = Mailconfig.table(dynamoDb, settings);
        Priming.register(() -> table.find(Priming.WARM_UP_DOMAIN));
    }

    /**
     * Used by tests and the local server: any store, the signer for Apple profiles when present,
     * and how the server is reached: {@link Request#HTTPS} as behind API Gateway, {@link Request#HTTP}
     * for the local server on plain http, so that links in answers (the setup page's QR code) point
     * back to it.
     */
    public MailconfigHandler(ConfigStore store, Optional<ProfileSigner> profileSigner, String scheme) {
        this.router = Mailconfig.router(store, profileSigner);
        this.inLambda = false;
        this.scheme = scheme;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        if (inLambda && context != null) {
            return PowertoolsLogging.withLogging(context, () -> answer(event));
        }
        return answer(event);
    }

    private APIGatewayV2HTTPResponse answer(APIGatewayV2HTTPEvent event) {
        return ApiGatewayEvents.toEvent(router.route(ApiGatewayEvents.toRequest(event).withScheme(scheme)));
    }
}
