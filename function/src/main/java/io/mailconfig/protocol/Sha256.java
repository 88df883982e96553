package io.mailconfig.protocol;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256: the published DNS records' digests and ids, the profiles' identifiers, the setup page's style hashes. */
public final class Sha256 {

    private Sha256() {
    }

    public static byte[] of(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
