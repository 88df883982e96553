package io.mailconfig.aws;

import io.mailconfig.protocol.mobileconfig.ProfileSigner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the certificate that signs Apple profiles comes from, read once at init:
 *
 * <ul>
 *   <li>{@value #SECRET_ARN}: a Secrets Manager secret whose SecretString is
 *       {@code {"certificate": PEM, "privateKey": PEM, "chain": PEM}} (Lambda);</li>
 *   <li>{@value #CERT_PEM}, {@value #KEY_PEM} and optionally {@value #CHAIN_PEM}: paths of PEM
 *       files (the local run);</li>
 *   <li>neither: profiles go out unsigned.</li>
 * </ul>
 *
 * A configuration that is present but unusable stops the start with a clear message rather than
 * silently serving unsigned profiles.
 */
public final class SigningKeys {

    public static final String SECRET_ARN = "SIGNING_SECRET_ARN";
    public static final String CERT_PEM = "SIGNING_CERT_PEM";
    public static final String KEY_PEM = "SIGNING_KEY_PEM";
    public static final String CHAIN_PEM = "SIGNING_CHAIN_PEM";

    private SigningKeys() {
    }

    public static Optional<ProfileSigner> fromEnvironment(Map<String, String> env, AwsAccess aws) {
        Optional<String> arn = value(env, SECRET_ARN);
        if (arn.isPresent()) {
            Map<String, String> secret = SecretsManagerSecrets.readJson(aws, arn.get());
            return Optional.of(ProfileSigner.fromPem(required(secret, "certificate", arn.get()),
                    required(secret, "privateKey", arn.get()), secret.getOrDefault("chain", "")));
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
