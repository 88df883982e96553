package io.mailconfig.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One IMAP, POP3 or SMTP server of a provider, and the rule for the authentication every protocol
 * tells clients to use with it.
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

    /**
     * The method clients are told to use, among those a protocol can express: the first of the
     * server's methods that every protocol can express ({@link Authentication#EVERY_PROTOCOL}),
     * so all of them name the same one; failing that, the first this protocol can express. Empty
     * when it can express none: the protocol then leaves the server out rather than offer a login
     * the server does not take.
     */
    public Optional<Authentication> method(Set<Authentication> expressible) {
        return authentication.stream().filter(Authentication.EVERY_PROTOCOL::contains).findFirst()
                .or(() -> authentication.stream().filter(expressible::contains).findFirst());
    }

    /**
     * For a protocol that lists several methods in order of preference (Autoconfig): {@link #method}
     * first, then the server's other methods in their order, so a client takes the same one as every
     * other protocol's, and one that does not know it still finds the others.
     */
    public List<Authentication> methodsInOrder() {
        List<Authentication> ordered = new ArrayList<>(authentication.size());
        method(Authentication.ALL).ifPresent(ordered::add);
        authentication.stream().filter(method -> !ordered.contains(method)).forEach(ordered::add);
        return ordered;
    }
}
