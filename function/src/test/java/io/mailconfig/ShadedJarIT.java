package io.mailconfig;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailconfig.testing.SignedProfiles;
import io.mailconfig.testing.TestCertificates;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The deployment jar is minimized, which drops every BouncyCastle class nothing refers to. This
 * loads the shaded jar alone (no other class path) and signs a profile with it, RSA and EC, so a
 * class dropped by mistake fails the build instead of the first signed download.
 */
class ShadedJarIT {

    static final long MAX_JAR_BYTES = 14_300_000L;

    @ParameterizedTest
    @ValueSource(strings = {"RSA", "EC"})
    void theShadedJarSignsProfilesThatVerify(String algorithm) throws Exception {
        Path jar = Path.of(System.getProperty("shaded.jar", "target/missing-lambda.jar"));
        assertThat(jar).as("the shaded jar (run mvn verify)").exists();
        TestCertificates pki = algorithm.equals("EC") ? TestCertificates.ec() : TestCertificates.rsa();
        byte[] content = "<plist version=\"1.0\"><dict/></plist>".getBytes(StandardCharsets.UTF_8);

        try (URLClassLoader shaded = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            Class<?> signerClass = Class.forName("io.mailconfig.protocol.mobileconfig.ProfileSigner", true, shaded);
            Object signer = signerClass.getMethod("fromPem", String.class, String.class, String.class)
                    .invoke(null, pki.signer().certificatePem(), pki.signer().privateKeyPem(), pki.intermediate().certificatePem());
            Method sign = signerClass.getMethod("sign", byte[].class);
            byte[] der = (byte[]) sign.invoke(signer, (Object) content);

            assertThat(SignedProfiles.verify(der, pki.root().certificate())).isEqualTo(content);
            assertThat(Class.forName("io.mailconfig.handler.MailconfigHandler", true, shaded)).isNotNull();
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            assertThat(zip.getEntry("org/bouncycastle/jce/provider/BouncyCastleProvider.class"))
                    .as("BouncyCastle's JCA provider is not needed and must not ship").isNull();
        }
        // A guard against regressions, set just above today's size: docs/performance.md explains what
        // keeps the jar above the 12 MB aim (Powertools' Log4j and Jackson, the DynamoDB model classes).
        assertThat(Files.size(jar)).as("deployment jar size").isLessThan(MAX_JAR_BYTES);
    }
}
