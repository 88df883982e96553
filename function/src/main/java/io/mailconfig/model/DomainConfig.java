package io.mailconfig.model;

import java.util.Objects;
import java.util.Optional;

/**
 * The answer to "what is the configuration for domain D": the domain, the domain it is an alias
 * of (when the provider serves that one too), its provider's settings and, once an address is
 * known, that mailbox's own settings.
 *
 * @param aliasTarget the domain named by {@code domain.aliasOf()}, when the same provider serves it
 * @param mailbox     the {@code USER#} item of the address asked about; empty for the many
 *                    addresses without one, exactly like an unknown mailbox
 */
public record DomainConfig(Domain domain, Optional<Domain> aliasTarget, ProviderConfig provider, Optional<UserSettings> mailbox) {

    public DomainConfig {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(aliasTarget, "aliasTarget");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(mailbox, "mailbox");
    }

    public DomainConfig(Domain domain, Optional<Domain> aliasTarget, ProviderConfig provider) {
        this(domain, aliasTarget, provider, Optional.empty());
    }

    /** A domain of a provider read whole (every domain at hand): the alias target is taken from there. */
    public static DomainConfig within(Domain domain, ProviderConfig provider) {
        return new DomainConfig(domain, domain.aliasOf().flatMap(provider::domain), provider);
    }

    /** The same configuration for one mailbox, with that mailbox's own settings when it has any. */
    public DomainConfig withMailbox(Optional<UserSettings> settings) {
        return new DomainConfig(domain, aliasTarget, provider, settings);
    }

    /** Per-mailbox settings of this address ({@link EmailAddress#key()}); empty for any address without its own item. */
    public Optional<UserSettings> user(EmailAddress address) {
        return mailbox.filter(settings -> settings.address().equals(address.key()));
    }

    /** The login name for this server: the mailbox's own, else the server's template expanded for the address. */
    public String loginName(MailServer server, EmailAddress address) {
        return loginName(server.username(), address);
    }

    /** The login name for a DAV server, by the same rule as {@link #loginName(MailServer, EmailAddress)}. */
    public String loginName(DavServer server, EmailAddress address) {
        return loginName(server.username(), address);
    }

    private String loginName(String template, EmailAddress address) {
        return user(address).flatMap(UserSettings::loginName).orElseGet(() -> UsernameTemplate.expand(template, address));
    }
}
