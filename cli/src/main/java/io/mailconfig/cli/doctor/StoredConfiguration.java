package io.mailconfig.cli.doctor;

import io.mailconfig.cli.TableAccess;
import io.mailconfig.cli.doctor.ClientSetting.Security;
import io.mailconfig.model.DomainConfig;
import io.mailconfig.model.EmailAddress;
import io.mailconfig.model.MailServer;
import io.mailconfig.model.SocketType;
import io.mailconfig.store.dynamodb.ItemReader;
import io.mailconfig.store.dynamodb.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the table holds for the domain, read as the function reads it (the provider partition that
 * holds {@code DOMAIN#<name>}, through {@link ItemReader}), and what a client should therefore be
 * told for the address.
 *
 * @param config   the domain within its provider, with the address's mailbox item as the function reads it
 * @param servers  incoming then outgoing, in priority order, login names filled in
 * @param problems items of the partition the function leaves out
 */
record StoredConfiguration(Optional<String> provider, Optional<DomainConfig> config, List<ClientSetting> servers,
        List<ItemReader.Problem> problems) {

    /** Empty {@code provider} and no servers when no provider holds the domain. */
    static StoredConfiguration read(TableAccess table, EmailAddress address) {
        List<String> partitions = table.partitionsHolding(Table.DOMAIN_PREFIX + address.domain()).stream()
                .filter(pk -> pk.startsWith(Table.PROVIDER_PREFIX)).toList();
        if (partitions.isEmpty()) {
            return new StoredConfiguration(Optional.empty(), Optional.empty(), List.of(), List.of());
        }
        String partition = partitions.getFirst();
        ItemReader.Result result = ItemReader.read(partition.substring(Table.PROVIDER_PREFIX.length()), table.partition(partition));
        // The mailbox as Lookup finds it: an alias domain's address reads its mailbox in the target domain.
        Optional<DomainConfig> config = result.config().domain(address.domain()).map(domain -> DomainConfig.within(domain, result.config()))
                .map(found -> found.withMailbox(Optional.ofNullable(result.config().users().get(found.mailboxAddress(address).key()))));
        List<ClientSetting> servers = new ArrayList<>();
        config.ifPresent(found -> {
            for (MailServer server : found.provider().incomingServers()) {
                servers.add(setting(found, server, address));
            }
            for (MailServer server : found.provider().outgoingServers()) {
                servers.add(setting(found, server, address));
            }
        });
        return new StoredConfiguration(config.map(c -> partition), config, servers, result.problems());
    }

    private static ClientSetting setting(DomainConfig config, MailServer server, EmailAddress address) {
        return new ClientSetting(server.type().id(), server.hostname(), server.port(),
                server.socketType() == SocketType.SSL ? Security.SSL : Security.STARTTLS, config.loginName(server, address));
    }
}
