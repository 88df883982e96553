package io.mailconfig;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailconfig.testing.LoopbackSecretsManager;
import io.mailconfig.testing.SignedProfiles;
import io.mailconfig.testing.TestCertificates;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The deployment jar is minimized, which drops every BouncyCastle class nothing refers to. This
 * loads the shaded jar alone (no other class path), reads the signing key from a Secrets Manager
 * stand-in with the jar's own SDK client, and signs a profile with it, RSA and EC, so a class
 * dropped by mistake fails the build instead of the first signed download.
 */
class ShadedJarIT {

    /** 15.02 MB now (docs/performance.md); the DNS updater's Route 53 and SQS clients are in a jar of their own. */
    static final long MAX_JAR_BYTES = 15_100_000L;

    @ParameterizedTest
    @ValueSource(strings = {"RSA", "EC"})
    void theShadedJarSignsProfilesThatVerify(String algorithm) throws Exception {
        Path jar = Path.of(System.getProperty("shaded.jar", "target/missing-lambda.jar"));
        assertThat(jar).as("the shaded jar (run mvn verify)").exists();
        TestCertificates pki = algorithm.equals("EC") ? TestCertificates.ec() : TestCertificates.rsa();
        byte[] content = "<plist version=\"1.0\"><dict/></plist>".getBytes(StandardCharsets.UTF_8);

        String arn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:signing-" + algorithm;
        try (URLClassLoader shaded = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
             LoopbackSecretsManager secrets = new LoopbackSecretsManager(Map.of(arn, LoopbackSecretsManager.signingSecret(
                     pki.signer().certificatePem(), pki.signer().privateKeyPem(), pki.intermediate().certificatePem())))) {
            Map<String, String> env = Map.of("SIGNING_SECRET_ARN", arn, "AWS_REGION", "us-east-1",
                    "SECRETSMANAGER_ENDPOINT", secrets.endpoint().toString());
            Object aws = Class.forName("io.mailconfig.aws.AwsAccess", true, shaded).getMethod("fromEnvironment", Map.class)
                    .invoke(null, env);
            System.setProperty("aws.accessKeyId", "AKIDSHADED");
            System.setProperty("aws.secretAccessKey", "shaded");
            Optional<?> signer;
            try {
                signer = (Optional<?>) Class.forName("io.mailconfig.aws.SigningKeys", true, shaded)
                        .getMethod("fromEnvironment", Map.class, aws.getClass()).invoke(null, env, aws);
            } finally {
                System.clearProperty("aws.accessKeyId");
                System.clearProperty("aws.secretAccessKey");
            }
            Method sign = signer.orElseThrow().getClass().getMethod("sign", byte[].class);
            byte[] der = (byte[]) sign.invoke(signer.get(), (Object) content);

            assertThat(secrets.calls()).hasSize(1);
            assertThat(SignedProfiles.verify(der, pki.root().certificate())).isEqualTo(content);
            assertThat(Class.forName("io.mailconfig.lambda.MailconfigHandler", true, shaded)).isNotNull();
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            assertThat(zip.getEntry("org/bouncycastle/jce/provider/BouncyCastleProvider.class"))
                    .as("BouncyCastle's JCA provider is not needed and must not ship").isNull();
        }
        // A guard against regressions, set just above today's size: docs/performance.md explains what
        // keeps the jar above the 12 MB aim (Powertools' Log4j and Jackson, the DynamoDB and Secrets
        // Manager model classes).
        assertThat(Files.size(jar)).as("deployment jar size").isLessThan(MAX_JAR_BYTES);
    }
}
