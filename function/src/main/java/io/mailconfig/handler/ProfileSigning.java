package io.mailconfig.handler;

import io.mailconfig.protocol.mobileconfig.ProfileSigner;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * Where the certificate that signs Apple profiles comes from, read once at init:
 *
 * <ul>
 *   <li>{@code SIGNING_SECRET_ARN}: a Secrets Manager secret whose SecretString is
 *       {@code {"certificate": PEM, "privateKey": PEM, "chain": PEM}} (Lambda);</li>
 *   <li>{@code SIGNING_CERT_PEM}, {@code SIGNING_KEY_PEM} and optionally {@code SIGNING_CHAIN_PEM}:
 *       paths of PEM files (the local run);</li>
 *   <li>neither: profiles go out unsigned.</li>
 * </ul>
 *
 * A configuration that is present but unusable stops the start with a clear message rather than
 * silently serving unsigned profiles.
 */
public final class ProfileSigning {

    public static final String SECRET_ARN = "SIGNING_SECRET_ARN";
    public static final String CERT_PEM = "SIGNING_CERT_PEM";
    public static final String KEY_PEM = "SIGNING_KEY_PEM";
    public static final String CHAIN_PEM = "SIGNING_CHAIN_PEM";
    /** Only to point at a stand-in for Secrets Manager. */
    public static final String SECRETS_ENDPOINT = "SECRETSMANAGER_ENDPOINT";

    private ProfileSigning() {
    }

    public static Optional<ProfileSigner> fromEnvironment(Map<String, String> env, Settings settings) {
        Optional<String> arn = value(env, SECRET_ARN);
        if (arn.isPresent()) {
            URI endpoint = value(env, SECRETS_ENDPOINT).map(URI::create)
                    .orElseGet(() -> SecretsManagerSecret.endpoint(settings.region()));
            try (SdkHttpClient http = UrlConnectionHttpClient.create()) {
                Map<String, String> secret = SecretsManagerSecret.fetchJson(arn.get(), settings.region(), endpoint,
                        settings.inLambda() ? EnvironmentVariableCredentialsProvider.create()
                                : DefaultCredentialsProvider.builder().build(), http);
                return Optional.of(ProfileSigner.fromPem(required(secret, "certificate", arn.get()),
                        required(secret, "privateKey", arn.get()), secret.getOrDefault("chain", "")));
            }
        }
        Optional<String> cert = value(env, CERT_PEM);
        Optional<String> key = value(env, KEY_PEM);
        if (cert.isEmpty() && key.isEmpty()) {
            return Optional.empty();
        }
        if (cert.isEmpty() || key.isEmpty()) {
            throw new IllegalArgumentException("set both " + CERT_PEM + " and " + KEY_PEM + " to sign Apple profiles");
        }
        return Optional.of(ProfileSigner.fromPem(read(cert.get(), CERT_PEM), read(key.get(), KEY_PEM),
                value(env, CHAIN_PEM).map(path -> read(path, CHAIN_PEM)).orElse("")));
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static String required(Map<String, String> secret, String name, String arn) {
        String value = secret.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("secret " + arn + " has no \"" + name + "\"");
        }
        return value;
    }

    private static String read(String path, String variable) {
        try {
            return Files.readString(Path.of(path));
        } catch (IOException e) {
            throw new IllegalArgumentException(variable + ": cannot read " + path + ": " + e.getMessage(), e);
        }
    }
}
