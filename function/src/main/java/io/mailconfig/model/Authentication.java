package io.mailconfig.model;

import java.util.Optional;

/**
 * Authentication methods, in the vocabulary of Mozilla Autoconfig (the richest of the three
 * protocols); each renderer maps them to its own.
 */
public enum Authentication {
    PASSWORD_CLEARTEXT("password-cleartext"),
    PASSWORD_ENCRYPTED("password-encrypted"),
    NTLM("NTLM"),
    GSSAPI("GSSAPI"),
    CLIENT_IP_ADDRESS("client-IP-address"),
    TLS_CLIENT_CERT("TLS-client-cert"),
    OAUTH2("OAuth2"),
    NONE("none");

    private final String id;

    Authentication(String id) {
        this.id = id;
    }

    /** The exact spelling clients expect in config-v1.1.xml. */
    public String id() {
        return id;
    }

    public static Optional<Authentication> parse(String value) {
        for (Authentication method : values()) {
            if (method.id.equalsIgnoreCase(value)) {
                return Optional.of(method);
            }
        }
        return Optional.empty();
    }
}
