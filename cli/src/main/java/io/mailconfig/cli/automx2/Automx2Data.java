package io.mailconfig.cli.automx2;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What an automx2 installation holds: its database tables, or the same read from a JSON seed. */
public record Automx2Data(
        List<Provider> providers,
        List<Domain> domains,
        List<Server> servers,
        List<DavServer> davServers,
        List<LdapServer> ldapServers) {

    public record Provider(long id, String name, String shortName) {
    }

    public record Domain(long id, String name, long providerId, Optional<Long> ldapServerId) {
    }

    /** A mail server; {@code domainIds} are its server_domain links. */
    public record Server(long id, int prio, String name, int port, String type, String socketType,
            String userName, String authentication, Set<Long> domainIds) {
    }

    /** A CalDAV or CardDAV server; {@code domainIds} are its davserver_domain links. */
    public record DavServer(long id, String url, int port, String type, boolean useSsl, boolean domainRequired,
            Optional<String> userName, Set<Long> domainIds) {
    }

    /** The bind password is only noted as present: it is never carried, printed or logged. */
    public record LdapServer(long id, String name, int port, boolean useSsl, String searchBase, String searchFilter,
            String attrUid, Optional<String> attrCn, Optional<String> bindUser, boolean hasBindPassword) {
    }
}
