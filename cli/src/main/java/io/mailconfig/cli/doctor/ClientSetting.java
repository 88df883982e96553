package io.mailconfig.cli.doctor;

import java.util.Locale;

/**
 * One server as a client ends up configuring it, whichever protocol told it: what the doctor
 * compares across Autoconfig, Autodiscover, the Apple profile, SRV records and the table.
 *
 * @param type     {@code imap}, {@code pop3} or {@code smtp}
 * @param security how the connection is secured
 * @param username the login name, filled in for the address asked about
 */
public record ClientSetting(String type, String host, int port, Security security, String username) {

    public enum Security {
        /** Implicit TLS from the first byte. */
        SSL,
        /** A plain connection upgraded with STARTTLS. */
        STARTTLS,
        /** No TLS at all: the password crosses the network readable. */
        PLAIN
    }

    public ClientSetting {
        type = type.toLowerCase(Locale.ROOT);
        host = host.toLowerCase(Locale.ROOT);
    }

    public boolean incoming() {
        return !type.equals("smtp");
    }

    /** The same server, port and security, whatever the login name. */
    public boolean sameServer(ClientSetting other) {
        return type.equals(other.type) && host.equals(other.host) && port == other.port && security == other.security;
    }

    @Override
    public String toString() {
        return type + " " + host + ":" + port + " " + security + " as " + username;
    }
}
