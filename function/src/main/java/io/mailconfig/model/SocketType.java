package io.mailconfig.model;

import java.util.Optional;

/**
 * How a client secures the connection. There is deliberately no "plain": mailconfig never tells a
 * client to send a password unencrypted, and K-9 rejects a whole document that names one.
 */
public enum SocketType {
    /** Implicit TLS from the first byte (IMAPS 993, POP3S 995, submissions 465). */
    SSL,
    /** A plain connection that must be upgraded with STARTTLS before anything else. */
    STARTTLS;

    public static Optional<SocketType> parse(String value) {
        for (SocketType type : values()) {
            if (type.name().equalsIgnoreCase(value)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
