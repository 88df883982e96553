package io.mailconfig.protocol.mobileconfig;

import io.mailconfig.model.EmailAddress;
import io.mailconfig.protocol.Sha256;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * PayloadIdentifier and PayloadUUIDs of one address's profile, derived from the address alone.
 *
 * <p>iOS and macOS replace an installed profile that has the same PayloadIdentifier, and add a
 * second one when it differs: so a second download must produce the same identifiers, and two
 * addresses must never share one. Everything is a SHA-256 over a fixed namespace, the lower-case
 * address and the payload's kind, so the identifiers are stable across deployments and never
 * depend on the order or content of the provider's servers.
 */
public record ProfileIdentifiers(String addressKey, String profileIdentifier) {

    private static final String NAMESPACE = "io.mailconfig.mobileconfig/v1";

    public static ProfileIdentifiers of(EmailAddress address) {
        String key = address.key();
        String hash = HexFormat.of().formatHex(sha256("profile-id", key), 0, 16);
        return new ProfileIdentifiers(key, reverseDns(address.domain()) + ".mailconfig." + hash);
    }

    /** The PayloadUUID of the profile itself. */
    public UUID profileUuid() {
        return uuid(addressKey, "profile");
    }

    /** The PayloadIdentifier of a payload inside the profile, e.g. {@code <profile>.mail}. */
    public String payloadIdentifier(String kind) {
        return profileIdentifier + "." + kind;
    }

    /** The PayloadUUID of a payload inside the profile. */
    public UUID payloadUuid(String kind) {
        return uuid(addressKey, "payload/" + kind);
    }

    /** A name-based UUID in the form of RFC 9562 version 5, built on SHA-256 instead of SHA-1. */
    private static UUID uuid(String key, String kind) {
        byte[] hash = sha256(kind, key);
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bytes.getLong(), bytes.getLong());
    }

    private static byte[] sha256(String kind, String key) {
        // NUL separates the parts: neither a kind nor a parsed address can contain one.
        return Sha256.of((NAMESPACE + '\0' + kind + '\0' + key).getBytes(StandardCharsets.UTF_8));
    }

    /** {@code mail.example.com} becomes {@code com.example.mail}. */
    static String reverseDns(String domain) {
        List<String> labels = new ArrayList<>(List.of(domain.split("\\.")));
        Collections.reverse(labels);
        return String.join(".", labels);
    }
}
