package io.mailconfig.cli;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * AWS credentials as the SDK's default chain sees them, set through system properties (which it
 * reads before the environment and the files) for one test and removed afterwards.
 */
public final class TestCredentials implements AutoCloseable {

    private final Map<String, String> properties;

    private TestCredentials(Map<String, String> properties) {
        this.properties = properties;
        properties.forEach(System::setProperty);
    }

    /** An access key the stand-ins accept. */
    public static TestCredentials example() {
        return new TestCredentials(Map.of("aws.accessKeyId", "AKIDEXAMPLE", "aws.secretAccessKey", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"));
    }

    /** None anywhere: no profile files (a path in {@code directory} that does not exist), no instance metadata; skips the test on a machine whose environment has credentials. */
    public static TestCredentials none(Path directory) {
        Assumptions.assumeTrue(System.getenv("AWS_ACCESS_KEY_ID") == null && System.getenv("AWS_PROFILE") == null
                && System.getenv("AWS_WEB_IDENTITY_TOKEN_FILE") == null, "this machine has AWS credentials");
        Path noFile = directory.resolve("no-aws-config");
        return new TestCredentials(Map.of("aws.sharedCredentialsFile", noFile.toString(), "aws.configFile", noFile.toString(),
                "aws.disableEc2Metadata", "true"));
    }

    @Override
    public void close() {
        properties.keySet().forEach(System::clearProperty);
    }
}
