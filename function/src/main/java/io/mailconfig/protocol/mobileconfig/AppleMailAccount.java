package io.mailconfig.protocol.mobileconfig;

import io.mailconfig.model.Authentication;
import io.mailconfig.model.MailServer;
import io.mailconfig.model.ProviderConfig;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one incoming and one outgoing server an Apple mail account gets, and how it authenticates.
 *
 * <p>A profile holds a single account: it gets the provider's first incoming server (IMAP or
 * POP3) and first outgoing server in priority order, as every other protocol lists them first,
 * among the servers Apple can authenticate with (not OAuth2, GSSAPI or client certificates).
 * {@code UseSSL} is true for implicit TLS and STARTTLS alike (docs/apple-profiles.md).
 */
record AppleMailAccount(MailServer incoming, String incomingAuthentication,
        MailServer outgoing, String outgoingAuthentication) {

    /** The methods a profile can name (Apple's EmailAuthPassword, EmailAuthCRAMMD5, EmailAuthNTLM, EmailAuthNone). */
    static final Set<Authentication> EXPRESSIBLE = Set.copyOf(EnumSet.of(Authentication.PASSWORD_CLEARTEXT,
            Authentication.PASSWORD_ENCRYPTED, Authentication.NTLM, Authentication.NONE, Authentication.CLIENT_IP_ADDRESS));

    /** Empty when the provider has no incoming or no outgoing server an Apple device can use. */
    static Optional<AppleMailAccount> choose(ProviderConfig provider) {
        Optional<MailServer> incoming = first(provider.incomingServers());
        Optional<MailServer> outgoing = first(provider.outgoingServers());
        if (incoming.isEmpty() || outgoing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AppleMailAccount(incoming.get(), authentication(incoming.get()).orElseThrow(),
                outgoing.get(), authentication(outgoing.get()).orElseThrow()));
    }

    private static Optional<MailServer> first(List<MailServer> servers) {
        return servers.stream().filter(server -> authentication(server).isPresent()).findFirst();
    }

    /** The server's method ({@link MailServer#method}) in Apple's vocabulary. */
    static Optional<String> authentication(MailServer server) {
        return server.method(EXPRESSIBLE).map(AppleMailAccount::appleName);
    }

    private static String appleName(Authentication method) {
        return switch (method) {
            case PASSWORD_CLEARTEXT -> "EmailAuthPassword";
            case PASSWORD_ENCRYPTED -> "EmailAuthCRAMMD5";
            case NTLM -> "EmailAuthNTLM";
            // The server trusts the network or asks nothing: the device sends no credentials.
            case NONE, CLIENT_IP_ADDRESS -> "EmailAuthNone";
            case GSSAPI, TLS_CLIENT_CERT, OAUTH2 -> throw new IllegalArgumentException("not expressible in a profile: " + method);
        };
    }
}
