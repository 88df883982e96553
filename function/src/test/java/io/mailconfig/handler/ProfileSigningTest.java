package io.mailconfig.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.mailconfig.protocol.mobileconfig.ProfileSigner;
import io.mailconfig.testing.SignedProfiles;
import io.mailconfig.testing.TestCertificates;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileSigningTest {

    private static final Settings SETTINGS = Settings.from(Map.of("AWS_REGION", "eu-central-1"));
    private static final byte[] CONTENT = "<plist/>".getBytes(StandardCharsets.UTF_8);

    @Test
    void withoutSettingsProfilesStayUnsigned() {
        assertThat(ProfileSigning.fromEnvironment(Map.of(), SETTINGS)).isEmpty();
        assertThat(ProfileSigning.fromEnvironment(Map.of(ProfileSigning.CERT_PEM, " "), SETTINGS)).isEmpty();
    }

    @Test
    void pemFilesGiveASignerWhoseProfilesVerify(@TempDir Path directory) throws Exception {
        TestCertificates pki = TestCertificates.ec();
        Path cert = Files.writeString(directory.resolve("cert.pem"), pki.signer().certificatePem());
        Path key = Files.writeString(directory.resolve("key.pem"), pki.signer().privateKeyPem());
        Path chain = Files.writeString(directory.resolve("chain.pem"), pki.intermediate().certificatePem());

        Optional<ProfileSigner> signer = ProfileSigning.fromEnvironment(Map.of(ProfileSigning.CERT_PEM, cert.toString(),
                ProfileSigning.KEY_PEM, key.toString(), ProfileSigning.CHAIN_PEM, chain.toString()), SETTINGS);

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

        assertThatThrownBy(() -> ProfileSigning.fromEnvironment(Map.of(ProfileSigning.CERT_PEM, cert.toString()), SETTINGS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SIGNING_KEY_PEM");
        assertThatThrownBy(() -> ProfileSigning.fromEnvironment(Map.of(ProfileSigning.CERT_PEM, cert.toString(),
                ProfileSigning.KEY_PEM, directory.resolve("missing.pem").toString()), SETTINGS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot read");
        assertThatThrownBy(() -> ProfileSigner.fromPem(pki.signer().certificatePem(), Files.readString(otherKey), ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not belong");
    }

    @Test
    void aSecretsManagerSecretIsReadWithASignedGetSecretValue() throws Exception {
        TestCertificates pki = TestCertificates.rsa();
        String secret = "{\"certificate\":" + json(pki.signer().certificatePem()) + ",\"privateKey\":"
                + json(pki.signer().privateKeyPem()) + ",\"chain\":" + json(pki.intermediate().certificatePem()) + "}";
        AtomicReference<String> target = new AtomicReference<>();
        AtomicReference<String> authorization = new AtomicReference<>();
        AtomicReference<String> body = new AtomicReference<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            target.set(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            body.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] answer = ("{\"ARN\":\"arn:aws:secretsmanager:eu-central-1:123456789012:secret:profile-signing\","
                    + "\"VersionStages\":[\"AWSCURRENT\"],\"SecretString\":" + json(secret) + "}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
        System.setProperty("aws.secretAccessKey", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
        try {
            Optional<ProfileSigner> signer = ProfileSigning.fromEnvironment(Map.of(
                    ProfileSigning.SECRET_ARN, "arn:aws:secretsmanager:eu-central-1:123456789012:secret:profile-signing",
                    ProfileSigning.SECRETS_ENDPOINT, "http://127.0.0.1:" + server.getAddress().getPort() + "/"), SETTINGS);

            assertThat(target.get()).isEqualTo("secretsmanager.GetSecretValue");
            assertThat(authorization.get()).startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/")
                    .contains("/eu-central-1/secretsmanager/aws4_request");
            assertThat(body.get()).isEqualTo("{\"SecretId\":\"arn:aws:secretsmanager:eu-central-1:123456789012:secret:profile-signing\"}");
            assertThat(signer).isPresent();
            assertThat(SignedProfiles.verify(signer.get().sign(CONTENT), pki.root().certificate())).isEqualTo(CONTENT);
        } finally {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
            server.stop(0);
        }
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r") + "\"";
    }
}
