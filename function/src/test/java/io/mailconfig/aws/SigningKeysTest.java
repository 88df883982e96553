package io.mailconfig.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailconfig.protocol.mobileconfig.ProfileSigner;
import io.mailconfig.testing.LoopbackSecretsManager;
import io.mailconfig.testing.SignedProfiles;
import io.mailconfig.testing.TestCertificates;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

class SigningKeysTest {

    private static final String ARN = "arn:aws:secretsmanager:eu-central-1:123456789012:secret:profile-signing";
    private static final AwsAccess AWS = access(Optional.empty());
    /** A correctness bound for a loaded two-core machine, not a benchmark. */
    private static final Duration SLACK = Duration.ofSeconds(4);
    private static final byte[] CONTENT = "<plist/>".getBytes(StandardCharsets.UTF_8);

    @Test
    void withoutSettingsProfilesStayUnsigned() {
        assertThat(SigningKeys.fromEnvironment(Map.of(), AWS)).isEmpty();
        assertThat(SigningKeys.fromEnvironment(Map.of(SigningKeys.CERT_PEM, " "), AWS)).isEmpty();
    }

    @Test
    void pemFilesGiveASignerWhoseProfilesVerify(@TempDir Path directory) throws Exception {
        TestCertificates pki = TestCertificates.ec();
        Path cert = Files.writeString(directory.resolve("cert.pem"), pki.signer().certificatePem());
        Path key = Files.writeString(directory.resolve("key.pem"), pki.signer().privateKeyPem());
        Path chain = Files.writeString(directory.resolve("chain.pem"), pki.intermediate().certificatePem());

        Optional<ProfileSigner> signer = SigningKeys.fromEnvironment(Map.of(SigningKeys.CERT_PEM, cert.toString(),
                SigningKeys.KEY_PEM, key.toString(), SigningKeys.CHAIN_PEM, chain.toString()), AWS);

        assertThat(signer).isPresent();
        assertThat(Files.readString(key)).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(SignedProfiles.verify(signer.get().sign(CONTENT), pki.root().certificate())).isEqualTo(CONTENT);
    }

    @Test
    void anRsaKeyInTheOlderPemFormWorksToo() throws Exception {
        TestCertificates pki = TestCertificates.rsa();

        ProfileSigner signer = ProfileSigner.fromPem(pki.signer().certificatePem(),
                pki.signer().traditionalPrivateKeyPem(), pki.intermediate().certificatePem());

        assertThat(pki.signer().traditionalPrivateKeyPem()).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        assertThat(SignedProfiles.verify(signer.sign(CONTENT), pki.root().certificate())).isEqualTo(CONTENT);
    }

    @Test
    void aCertificateWithoutItsKeyStopsTheStart(@TempDir Path directory) throws Exception {
        TestCertificates pki = TestCertificates.rsa();
        Path cert = Files.writeString(directory.resolve("cert.pem"), pki.signer().certificatePem());
        Path otherKey = Files.writeString(directory.resolve("other.pem"), pki.root().privateKeyPem());

        assertThatThrownBy(() -> SigningKeys.fromEnvironment(Map.of(SigningKeys.CERT_PEM, cert.toString()), AWS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SIGNING_KEY_PEM");
        assertThatThrownBy(() -> SigningKeys.fromEnvironment(Map.of(SigningKeys.CERT_PEM, cert.toString(),
                SigningKeys.KEY_PEM, directory.resolve("missing.pem").toString()), AWS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot read");
        assertThatThrownBy(() -> ProfileSigner.fromPem(pki.signer().certificatePem(), Files.readString(otherKey), ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not belong");
    }

    @Test
    void aSecretsManagerSecretIsReadWithASignedGetSecretValue() throws Exception {
        TestCertificates pki = TestCertificates.rsa();
        try (LoopbackSecretsManager secrets = new LoopbackSecretsManager(Map.of(ARN, LoopbackSecretsManager.signingSecret(
                pki.signer().certificatePem(), pki.signer().privateKeyPem(), pki.intermediate().certificatePem())))) {
            Optional<ProfileSigner> signer = SigningKeys.fromEnvironment(Map.of(SigningKeys.SECRET_ARN, ARN),
                    access(Optional.of(secrets.endpoint())));

            assertThat(secrets.calls()).singleElement().satisfies(call -> {
                assertThat(call.target()).isEqualTo("secretsmanager.GetSecretValue");
                assertThat(call.authorization()).startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/")
                        .contains("/eu-central-1/secretsmanager/aws4_request");
                assertThat(call.body()).isEqualTo("{\"SecretId\":\"" + ARN + "\"}");
            });
            assertThat(signer).isPresent();
            assertThat(SignedProfiles.verify(signer.get().sign(CONTENT), pki.root().certificate())).isEqualTo(CONTENT);
        }
    }

    @Test
    void aSecretThatIsNotThereStopsTheStartWithItsName() throws Exception {
        try (LoopbackSecretsManager secrets = new LoopbackSecretsManager(Map.of())) {
            assertThatThrownBy(() -> SigningKeys.fromEnvironment(Map.of(SigningKeys.SECRET_ARN, ARN),
                    access(Optional.of(secrets.endpoint()))))
                    .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("cannot read secret " + ARN)
                    .hasMessageContaining("can't find the specified secret");
        }
    }

    @Test
    void aSecretsManagerThatNeverAnswersStopsTheStartWithinSeconds() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> held = new CopyOnWriteArrayList<>();
            Thread acceptor = Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            long started = System.nanoTime();

            assertThatThrownBy(() -> SigningKeys.fromEnvironment(Map.of(SigningKeys.SECRET_ARN, ARN),
                    access(Optional.of(URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/")))))
                    .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("cannot read secret " + ARN);

            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(took).isLessThan(SecretsManagerSecrets.API_CALL_TIMEOUT.plus(SLACK));
            assertThat(held).as("the endpoint was really asked").isNotEmpty();
            silent.close();
            acceptor.join();
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    private static AwsAccess access(Optional<URI> secretsManager) {
        return new AwsAccess(Region.EU_CENTRAL_1, StaticCredentialsProvider.create(
                AwsBasicCredentials.create("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")),
                Optional.empty(), secretsManager);
    }

}
