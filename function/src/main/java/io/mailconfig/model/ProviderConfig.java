package io.mailconfig.model;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What is stored for one provider: its servers (shared by all of its domains), its DAV servers,
 * and the domains and per-mailbox settings read with them. The function reads none of those two
 * with a provider (a domain's item and a mailbox's item are read by key, see
 * {@link DomainConfig}), so one instance stands for the provider whatever its size and is shared
 * by its domains; the data tool reads a whole partition and gets every domain and mailbox.
 *
 * <p>Servers are kept in priority order, lowest first; servers of equal priority keep the order
 * they are given in (the table's reader gives them in the order of their items' ids, see
 * {@code store.dynamodb.ItemIdOrder}), so every protocol lists them, and picks its first, alike.
 *
 * @param services what the provider publishes besides its servers (JMAP, OAuth, MTA-STS, TLS-RPT)
 */
public record ProviderConfig(
        Provider provider,
        List<Domain> domains,
        List<MailServer> servers,
        List<DavServer> davServers,
        Map<String, UserSettings> users,
        ProviderServices services) {

    private static final Comparator<MailServer> BY_PRIORITY = Comparator.comparingInt(MailServer::priority);

    public ProviderConfig {
        Objects.requireNonNull(provider, "provider");
        domains = List.copyOf(domains);
        servers = servers.stream().sorted(BY_PRIORITY).toList();
        davServers = davServers.stream().sorted(Comparator.comparingInt(DavServer::priority)).toList();
        users = Map.copyOf(users);
        Objects.requireNonNull(services, "services");
    }

    /** A provider that publishes nothing besides its servers. */
    public ProviderConfig(Provider provider, List<Domain> domains, List<MailServer> servers, List<DavServer> davServers,
            Map<String, UserSettings> users) {
        this(provider, domains, servers, davServers, users, ProviderServices.NONE);
    }

    /** IMAP and POP3 servers, primary first. */
    public List<MailServer> incomingServers() {
        return servers.stream().filter(server -> server.type().incoming()).toList();
    }

    /** SMTP servers, primary first. */
    public List<MailServer> outgoingServers() {
        return servers.stream().filter(server -> !server.type().incoming()).toList();
    }

    public Optional<DavServer> davServer(DavType type) {
        return davServers.stream().filter(server -> server.type() == type).findFirst();
    }

    public Optional<Domain> domain(String name) {
        return domains.stream().filter(domain -> domain.name().equals(name)).findFirst();
    }
}
