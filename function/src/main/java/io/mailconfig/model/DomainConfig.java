package io.mailconfig.model;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to "what is the configuration for domain D": the domain, the domain it is an alias
 * of (when the provider serves that one too), its provider's settings and, once an address is
 * known, that mailbox's own settings; and the rules every protocol follows for an address of it
 * (docs/client-settings.md): which mailbox it is, its login name, its DAV URLs.
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

    /**
     * The mailbox an address of this domain stands for: the address itself, or for a domain with
     * {@code aliasOf} the same local part in the target domain. Every protocol logs in, fills in
     * placeholders and reads the mailbox's own settings for this address, which is also where
     * Autodiscover redirects Outlook.
     */
    public EmailAddress mailboxAddress(EmailAddress address) {
        return new EmailAddress(address.localPart(), mailboxDomain());
    }

    /** The domain of this domain's mailboxes: the alias target, or the domain itself. */
    public String mailboxDomain() {
        return domain.aliasOf().orElse(domain.name());
    }

    /** Per-mailbox settings of this address's mailbox ({@link #mailboxAddress}); empty for any address without its own item. */
    public Optional<UserSettings> user(EmailAddress address) {
        String key = mailboxAddress(address).key();
        return mailbox.filter(settings -> settings.address().equals(key));
    }

    /** The login name for this server: the mailbox's own, else the server's template expanded for the mailbox. */
    public String loginName(MailServer server, EmailAddress address) {
        return loginName(server.username(), address);
    }

    /** The login name for a DAV server, by the same rule as {@link #loginName(MailServer, EmailAddress)}. */
    public String loginName(DavServer server, EmailAddress address) {
        return loginName(server.username(), address);
    }

    /** The DAV server's URL for this address's mailbox. */
    public URI davUrl(DavServer server, EmailAddress address) {
        return server.url(mailboxAddress(address));
    }

    /**
     * A login name template as Autoconfig hands it to a client that fills in the local part: the
     * mailbox's own login name when it has one, else the template for {@link #autoconfigTemplate}.
     */
    public String loginTemplate(String template, Optional<EmailAddress> address) {
        return address.flatMap(this::user).flatMap(UserSettings::loginName)
                .orElseGet(() -> autoconfigTemplate(template, address));
    }

    /**
     * A template (login name or DAV URL) for a client that fills in the placeholders itself. With
     * an address, or for a domain with {@code aliasOf}, the mailbox domain is written out
     * ({@link UsernameTemplate#forDomain}), so it gives what {@link #loginName} gives. Asked by
     * host name alone, the domain stays a placeholder: on the provider's shared hosts the
     * customer's domain is only known to the client.
     */
    public String autoconfigTemplate(String template, Optional<EmailAddress> address) {
        if (address.isEmpty() && domain.aliasOf().isEmpty()) {
            return template;
        }
        return UsernameTemplate.forDomain(template, mailboxDomain());
    }

    private String loginName(String template, EmailAddress address) {
        return user(address).flatMap(UserSettings::loginName)
                .orElseGet(() -> UsernameTemplate.expand(template, mailboxAddress(address)));
    }
}
