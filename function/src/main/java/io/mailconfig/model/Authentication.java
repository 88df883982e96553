package io.mailconfig.model;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

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

    /**
     * What Autoconfig, Autodiscover, Apple profiles and the setup page can all express: a password
     * sent inside TLS, or no credentials. {@link MailServer#method} prefers these.
     */
    public static final Set<Authentication> EVERY_PROTOCOL = Set.copyOf(EnumSet.of(PASSWORD_CLEARTEXT, NONE, CLIENT_IP_ADDRESS));
    /** Every method: what Autoconfig and the setup page can express. */
    public static final Set<Authentication> ALL = Set.copyOf(EnumSet.allOf(Authentication.class));

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
