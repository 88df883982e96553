package io.mailconfig.protocol.mobileconfig;

import io.mailconfig.model.Authentication;
import io.mailconfig.model.MailServer;
import io.mailconfig.model.ProviderConfig;
import io.mailconfig.model.ServerType;
import io.mailconfig.model.SocketType;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The one incoming and one outgoing server an Apple mail account gets, and how it authenticates.
 *
 * <p>A profile holds a single account, so the choice matters: IMAP before POP3, then implicit TLS
 * before STARTTLS (UseSSL=false only lets Mail try STARTTLS; a profile cannot insist on it), then
 * the provider's priority. Servers whose every method Apple cannot express (OAuth2, GSSAPI, client
 * certificates) are left out.
 */
record AppleMailAccount(MailServer incoming, String incomingAuthentication,
        MailServer outgoing, String outgoingAuthentication) {

    private static final Comparator<MailServer> PREFERRED = Comparator
            .comparingInt((MailServer server) -> server.type() == ServerType.IMAP ? 0 : 1)
            .thenComparingInt(server -> server.socketType() == SocketType.SSL ? 0 : 1)
            .thenComparingInt(MailServer::priority);

    /** Empty when the provider has no incoming or no outgoing server an Apple device can use. */
    static Optional<AppleMailAccount> choose(ProviderConfig provider) {
        Optional<MailServer> incoming = preferred(provider.incomingServers());
        Optional<MailServer> outgoing = preferred(provider.outgoingServers());
        if (incoming.isEmpty() || outgoing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AppleMailAccount(incoming.get(), authentication(incoming.get()).orElseThrow(),
                outgoing.get(), authentication(outgoing.get()).orElseThrow()));
    }

    private static Optional<MailServer> preferred(List<MailServer> servers) {
        return servers.stream().filter(server -> authentication(server).isPresent()).min(PREFERRED);
    }

    /** The server's first method in Apple's vocabulary (EmailAuthPassword, EmailAuthCRAMMD5, ...). */
    static Optional<String> authentication(MailServer server) {
        return server.authentication().stream().map(AppleMailAccount::appleName).flatMap(Optional::stream).findFirst();
    }

    private static Optional<String> appleName(Authentication method) {
        return switch (method) {
            case PASSWORD_CLEARTEXT -> Optional.of("EmailAuthPassword");
            case PASSWORD_ENCRYPTED -> Optional.of("EmailAuthCRAMMD5");
            case NTLM -> Optional.of("EmailAuthNTLM");
            // The server trusts the network or asks nothing: the device sends no credentials.
            case NONE, CLIENT_IP_ADDRESS -> Optional.of("EmailAuthNone");
            case GSSAPI, TLS_CLIENT_CERT, OAUTH2 -> Optional.empty();
        };
    }
}
