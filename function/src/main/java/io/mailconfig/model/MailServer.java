package io.mailconfig.model;

import java.util.List;
import java.util.Objects;

/**
 * One IMAP, POP3 or SMTP server of a provider.
 *
 * @param username the username template, e.g. {@code %EMAILADDRESS%}; see {@link UsernameTemplate}
 * @param priority lower comes first, as in DNS SRV: the primary server has the lowest number
 */
public record MailServer(
        ServerType type,
        String hostname,
        int port,
        SocketType socketType,
        List<Authentication> authentication,
        String username,
        int priority) {

    public MailServer {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(socketType, "socketType");
        Objects.requireNonNull(username, "username");
        authentication = List.copyOf(authentication);
        if (authentication.isEmpty()) {
            throw new IllegalArgumentException("a server needs at least one authentication method");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }
}
