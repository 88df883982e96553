package io.mailconfig.infra;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.mailconfig.lambda.MailconfigHandler;
import java.lang.reflect.Constructor;
import java.util.Map;
import org.crac.Resource;

/**
 * Runs in a JVM whose class path is the deployment jar alone (plus this class), as Lambda runs it:
 * constructs the handler the way Lambda does, runs the SnapStart checkpoint hook, answers one request.
 */
public final class LambdaJarSmoke {

    private LambdaJarSmoke() {
    }

    public static void main(String[] args) throws Exception {
        MailconfigHandler handler = new MailconfigHandler();
        Constructor<?> priming = Class.forName("io.mailconfig.lambda.Priming").getDeclaredConstructor(Runnable.class);
        priming.setAccessible(true);
        ((Resource) priming.newInstance((Runnable) () -> { })).beforeCheckpoint(null);

        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withRawPath("/mail/config-v1.1.xml")
                .withRawQueryString("emailaddress=alice%40example.com")
                .withHeaders(Map.of("host", "autoconfig.example.com"))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET").build())
                        .build())
                .build();
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, new SmokeContext());
        System.out.println("STATUS=" + response.getStatusCode());
    }

    private static final class SmokeContext implements Context {
        @Override public String getAwsRequestId() { return "smoke-request-1"; }
        @Override public String getLogGroupName() { return "/aws/lambda/smoke"; }
        @Override public String getLogStreamName() { return "smoke"; }
        @Override public String getFunctionName() { return "smoke"; }
        @Override public String getFunctionVersion() { return "1"; }
        @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:us-east-1:123456789012:function:smoke:live"; }
        @Override public CognitoIdentity getIdentity() { return null; }
        @Override public ClientContext getClientContext() { return null; }
        @Override public int getRemainingTimeInMillis() { return 10_000; }
        @Override public int getMemoryLimitInMB() { return 1024; }
        @Override public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override public void log(String message) { System.out.print(message); }
                @Override public void log(byte[] message) { System.out.write(message, 0, message.length); }
            };
        }
    }
}
