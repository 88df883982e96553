package io.mailconfig.bench;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mailconfig.lambda.MailconfigHandler;
import java.io.File;
import java.lang.reflect.Field;
import java.time.Instant;
import org.crac.Resource;

/**
 * One cold start, as Lambda does it: in a fresh JVM whose class path is the deployment jar and this
 * class only, construct the handler (init), then answer one API Gateway event. Prints wall-clock
 * times (epoch microseconds), one line each, that the calling script subtracts its launch time from:
 * {@code init_done}, {@code primed} (with {@code --prime}: the SnapStart hook ran) and {@code answered}.
 *
 * <p>Uses only classes in the deployment jar, so it loads nothing the function would not.
 * Usage: {@code ColdStart EVENT_FILE [--prime]}.
 */
public final class ColdStart {

    private ColdStart() {
    }

    public static void main(String[] args) throws Exception {
        boolean prime = args.length > 1 && "--prime".equals(args[1]);
        MailconfigHandler handler = new MailconfigHandler();
        System.out.println("COLDSTART init_done=" + now());
        if (prime) {
            // What Lambda does before taking the snapshot: run the hook the handler registered. Without a
            // CRaC JVM the global context refuses to run hooks, so the registered one is called directly.
            Field registered = Class.forName("io.mailconfig.lambda.Priming").getDeclaredField("registered");
            registered.setAccessible(true);
            ((Resource) registered.get(null)).beforeCheckpoint(null);
            System.out.println("COLDSTART primed=" + now());
        }
        // The runtime deserializes the event with its own Jackson; this is the same kind of work.
        APIGatewayV2HTTPEvent event = new ObjectMapper()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .readValue(new File(args[0]), APIGatewayV2HTTPEvent.class);
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, new FirstInvocation());
        long answered = now();
        if (response.getStatusCode() != 200) {
            System.err.println("answered " + response.getStatusCode() + ": " + response.getBody());
            System.exit(1);
        }
        System.out.println("COLDSTART answered=" + answered + " status=" + response.getStatusCode());
    }

    private static long now() {
        Instant instant = Instant.now();
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }

    /** The context Lambda passes to the first invocation. */
    private static final class FirstInvocation implements Context {
        @Override public String getAwsRequestId() { return "00000000-0000-0000-0000-000000000001"; }
        @Override public String getLogGroupName() { return "/aws/lambda/mailconfig"; }
        @Override public String getLogStreamName() { return "coldstart"; }
        @Override public String getFunctionName() { return System.getenv("AWS_LAMBDA_FUNCTION_NAME"); }
        @Override public String getFunctionVersion() { return "$LATEST"; }
        @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:us-east-1:123456789012:function:mailconfig"; }
        @Override public CognitoIdentity getIdentity() { return null; }
        @Override public ClientContext getClientContext() { return null; }
        @Override public int getRemainingTimeInMillis() { return 10_000; }
        @Override public int getMemoryLimitInMB() { return 512; }
        @Override public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override public void log(String message) { System.out.print(message); }
                @Override public void log(byte[] message) { System.out.write(message, 0, message.length); }
            };
        }
    }
}
