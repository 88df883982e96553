package io.mailconfig.model;

import java.util.Objects;
import java.util.Optional;

/** The answer to "what is the configuration for domain D": the domain and its provider's settings. */
public record DomainConfig(Domain domain, ProviderConfig provider) {

    public DomainConfig {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(provider, "provider");
    }

    /** Per-mailbox settings; empty for any address without its own item, exactly like an unknown mailbox. */
    public Optional<UserSettings> user(EmailAddress address) {
        return Optional.ofNullable(provider.users().get(address.key()));
    }

    /** The login name for this server: the mailbox's own, else the server's template expanded for the address. */
    public String loginName(MailServer server, EmailAddress address) {
        return user(address).flatMap(UserSettings::loginName)
                .orElseGet(() -> UsernameTemplate.expand(server.username(), address));
    }

    /** The login name for a DAV server, by the same rule as {@link #loginName(MailServer, EmailAddress)}. */
    public String loginName(DavServer server, EmailAddress address) {
        return user(address).flatMap(UserSettings::loginName)
                .orElseGet(() -> UsernameTemplate.expand(server.username(), address));
    }
}
