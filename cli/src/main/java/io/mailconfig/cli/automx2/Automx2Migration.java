package io.mailconfig.cli.automx2;

import io.mailconfig.cli.automx2.Automx2Data.DavServer;
import io.mailconfig.cli.automx2.Automx2Data.Domain;
import io.mailconfig.cli.automx2.Automx2Data.LdapServer;
import io.mailconfig.cli.automx2.Automx2Data.Provider;
import io.mailconfig.cli.automx2.Automx2Data.Server;
import io.mailconfig.model.Authentication;
import io.mailconfig.model.DavType;
import io.mailconfig.model.DomainNames;
import io.mailconfig.model.MailServer;
import io.mailconfig.model.ServerType;
import io.mailconfig.model.SocketType;
import io.mailconfig.model.UsernameTemplate;
import io.mailconfig.cli.Validator;
import io.mailconfig.store.dynamodb.ItemIdOrder;
import io.mailconfig.store.dynamodb.ItemReader;
import io.mailconfig.store.dynamodb.ItemReader.Problem;
import io.mailconfig.store.dynamodb.ItemWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Turns an automx2 installation into mailconfig items that answer every client with the same
 * servers, ports, socket types and user names. automx2 links servers to domains one by one, while
 * a mailconfig provider's servers serve all of its domains: the domains of one automx2 provider are
 * therefore grouped by their set of servers, one mailconfig provider per group. Everything that
 * cannot be carried over is named in the report.
 */
public final class Automx2Migration {

    /**
     * @param report  every line of the report, in order
     * @param skipped the lines of the report that name something not carried over
     */
    public record Result(List<Map<String, AttributeValue>> items, List<String> report, List<String> skipped) {
    }

    /** automx2's server types, and mailconfig's names for them ({@link ServerType#id()}). */
    private static final Map<String, String> SERVER_TYPES = Map.of("imap", "imap", "pop", "pop3", "smtp", "smtp");
    /** automx2's authentication values (it defaults to "plain", Thunderbird's old word for a password in TLS). */
    private static final Map<String, String> AUTHENTICATION = Map.of(
            "plain", "password-cleartext", "password", "password-cleartext", "ntlm", "NTLM", "none", "none",
            "oauth2", "OAuth2", "gssapi", "GSSAPI");

    private final List<Map<String, AttributeValue>> items = new ArrayList<>();
    private final List<String> report = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();
    private final Set<String> usedIds = new HashSet<>();

    private Automx2Migration() {
    }

    public static Result migrate(Automx2Data data) {
        Automx2Migration migration = new Automx2Migration();
        migration.run(data);
        return new Result(List.copyOf(migration.items), List.copyOf(migration.report), List.copyOf(migration.skipped));
    }

    private record Group(Set<Long> servers, Set<Long> davServers) {
    }

    private void run(Automx2Data data) {
        Map<Long, Server> servers = new LinkedHashMap<>();
        data.servers().forEach(server -> servers.put(server.id(), server));
        Map<Long, DavServer> davServers = new LinkedHashMap<>();
        data.davServers().forEach(dav -> davServers.put(dav.id(), dav));
        Set<Long> knownDomains = data.domains().stream().map(Domain::id).collect(Collectors.toSet());
        for (Provider provider : data.providers()) {
            Map<Group, List<Domain>> groups = new LinkedHashMap<>();
            for (Domain domain : data.domains()) {
                if (domain.providerId() == provider.id()) {
                    groups.computeIfAbsent(groupOf(domain, data), group -> new ArrayList<>()).add(domain);
                }
            }
            if (groups.isEmpty()) {
                skip("provider " + describe(provider) + " has no domains: not carried over");
                continue;
            }
            String baseId = slug(provider.shortName().isBlank() ? provider.name() : provider.shortName());
            int n = 0;
            for (Map.Entry<Group, List<Domain>> group : groups.entrySet()) {
                String id = uniqueId(n++ == 0 ? baseId : baseId + "-" + n);
                carry(id, provider, group.getKey(), group.getValue(), servers, davServers);
            }
        }
        for (Domain domain : data.domains()) {
            if (data.providers().stream().noneMatch(provider -> provider.id() == domain.providerId())) {
                skip("domain " + domain.name() + " names automx2 provider " + domain.providerId()
                        + ", which does not exist: not carried over");
            }
        }
        for (Server server : data.servers()) {
            if (server.domainIds().stream().noneMatch(knownDomains::contains)) {
                skip("server " + server.id() + " (" + server.type() + " " + server.name() + ") is linked to no domain: not carried over");
            }
        }
        for (DavServer dav : data.davServers()) {
            if (dav.domainIds().stream().noneMatch(knownDomains::contains)) {
                skip("DAV server " + dav.id() + " (" + dav.url() + ") is linked to no domain: not carried over");
            }
        }
        reportLdap(data);
    }

    private static Group groupOf(Domain domain, Automx2Data data) {
        Set<Long> servers = new TreeSet<>();
        data.servers().stream().filter(server -> server.domainIds().contains(domain.id())).forEach(server -> servers.add(server.id()));
        Set<Long> davServers = new TreeSet<>();
        data.davServers().stream().filter(dav -> dav.domainIds().contains(domain.id())).forEach(dav -> davServers.add(dav.id()));
        return new Group(servers, davServers);
    }

    private void carry(String id, Provider provider, Group group, List<Domain> domains,
            Map<Long, Server> servers, Map<Long, DavServer> davServers) {
        String pk = ItemWriter.partitionKey(id);
        int first = items.size();
        items.add(ItemWriter.provider(new io.mailconfig.model.Provider(id, provider.name(),
                provider.shortName().isBlank() ? provider.name() : provider.shortName(), Optional.empty())));
        List<String> names = new ArrayList<>();
        for (Domain domain : domains) {
            Optional<String> name = DomainNames.normalize(domain.name());
            if (name.isEmpty()) {
                skip("domain '" + domain.name() + "' is not a valid domain name: not carried over");
                continue;
            }
            names.add(name.get());
            items.add(ItemWriter.domain(id, io.mailconfig.model.Domain.named(name.get())));
        }
        note("automx2 provider " + describe(provider) + " -> " + pk + ": " + String.join(", ", names)
                + " (automx2 servers " + group.servers() + (group.davServers().isEmpty() ? "" : ", DAV servers " + group.davServers()) + ")");
        for (long serverId : group.servers()) {
            carryServer(id, servers.get(serverId), names);
        }
        for (long davId : group.davServers()) {
            carryDav(id, davServers.get(davId));
        }
        List<Map<String, AttributeValue>> carried = items.subList(first, items.size());
        List<Problem> problems = Validator.validate(carried);
        if (!problems.isEmpty()) {
            skip(pk + " (" + String.join(", ", names) + ") not carried over: " + problems.getFirst().message()
                    + "; give these domains usable servers in automx2, or add them to the migrated file, then import it");
            carried.clear();
        }
    }

    private void carryServer(String providerId, Server server, List<String> domains) {
        String what = "server " + server.id() + " (" + server.type() + " " + server.name() + ":" + server.port() + ")";
        Optional<ServerType> type = Optional.ofNullable(SERVER_TYPES.get(server.type().toLowerCase(Locale.ROOT)))
                .flatMap(ServerType::parse);
        if (type.isEmpty()) {
            skip(what + ": unknown type '" + server.type() + "' (automx2 itself refuses it): not carried over");
            return;
        }
        Optional<SocketType> socketType = SocketType.parse(server.socketType());
        if (socketType.isEmpty()) {
            skip(what + ": socket type '" + server.socketType() + "' is not carried over; mailconfig offers only SSL "
                    + "and STARTTLS, so clients of " + String.join(", ", domains) + " no longer get this server");
            return;
        }
        String authentication = AUTHENTICATION.getOrDefault(server.authentication().toLowerCase(Locale.ROOT),
                server.authentication());
        if (Authentication.parse(authentication).isEmpty()) {
            skip(what + ": authentication '" + server.authentication() + "' is unknown: not carried over");
            return;
        }
        String username = server.userName() == null || server.userName().isBlank()
                ? UsernameTemplate.EMAIL_ADDRESS : server.userName();
        if (server.name() == null || server.name().isBlank()) {
            skip(what + ": no host name: not carried over");
            return;
        }
        MailServer carried;
        try {
            carried = new MailServer(type.get(), server.name(), server.port(), socketType.get(),
                    List.of(Authentication.parse(authentication).orElseThrow()), username, server.prio());
        } catch (IllegalArgumentException e) {
            skip(what + ": " + e.getMessage() + ": not carried over");
            return;
        }
        items.add(ItemWriter.server(providerId, serverId(server.id(), type.get()), carried));
    }

    /**
     * automx2 sorts a domain's servers by prio with Python's stable sort, so servers of equal prio
     * keep the order its database returns them in, which for its tables is the order of their ids
     * (server_domain's key starts with server_id). The id comes first in the item's id, so that
     * mailconfig's order of equal priorities ({@link ItemIdOrder}: numbers by value) is that order,
     * IMAP and POP3 alike: {@code SERVER#9-smtp} before {@code SERVER#30-smtp}.
     */
    static String serverId(long automx2Id, ServerType type) {
        return automx2Id + "-" + type.id();
    }

    private void carryDav(String providerId, DavServer dav) {
        String what = "DAV server " + dav.id() + " (" + dav.type() + " " + dav.url() + ")";
        if (!dav.type().equalsIgnoreCase("caldav") && !dav.type().equalsIgnoreCase("carddav")) {
            skip(what + ": unknown type: not carried over");
            return;
        }
        String url = withPort(dav);
        if (!url.toLowerCase(Locale.ROOT).startsWith("https://")) {
            skip(what + ": not carried over; mailconfig offers DAV only over https");
            return;
        }
        String username = dav.userName().filter(name -> !name.isBlank())
                .orElse(dav.domainRequired() ? UsernameTemplate.EMAIL_ADDRESS : UsernameTemplate.EMAIL_LOCALPART);
        io.mailconfig.model.DavServer carried;
        try {
            carried = new io.mailconfig.model.DavServer(DavType.parse(dav.type()).orElseThrow(), url, username,
                    ItemReader.DEFAULT_PRIORITY);
        } catch (IllegalArgumentException e) {
            skip(what + ": " + e.getMessage() + ": not carried over");
            return;
        }
        items.add(ItemWriter.dav(providerId, carried.type().id() + "-" + dav.id(), carried));
    }

    /**
     * The DAV server's URL with the port automx2 gives clients: automx2 keeps a host (and path) or a
     * whole URL in {@code url}, and a port of its own in {@code port} (0: the URL's), which it sends
     * beside the URL; mailconfig carries the port in the URL.
     */
    static String withPort(DavServer dav) {
        String url = dav.url().strip();
        boolean whole = url.contains("://");
        String scheme = whole ? url.substring(0, url.indexOf("://")).toLowerCase(Locale.ROOT) : dav.useSsl() ? "https" : "http";
        String rest = whole ? url.substring(url.indexOf("://") + 3) : url;
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "/" : rest.substring(slash);
        boolean namesPort = authority.matches(".*:\\d+$");
        boolean defaultPort = dav.port() <= 0 || dav.port() == (scheme.equals("https") ? 443 : 80);
        return scheme + "://" + authority + (namesPort || defaultPort ? "" : ":" + dav.port()) + path;
    }

    private void reportLdap(Automx2Data data) {
        for (LdapServer ldap : data.ldapServers()) {
            List<String> domains = data.domains().stream()
                    .filter(domain -> domain.ldapServerId().filter(id -> id == ldap.id()).isPresent())
                    .map(Domain::name).toList();
            String what = "LDAP server " + ldap.id() + " (" + (ldap.useSsl() ? "ldaps://" : "ldap://") + ldap.name() + ":" + ldap.port()
                    + ", search base " + ldap.searchBase() + ", filter " + ldap.searchFilter() + ", login name from " + ldap.attrUid()
                    + ldap.attrCn().map(cn -> ", display name from " + cn).orElse("")
                    + ldap.bindUser().map(user -> ", bind user " + user).orElse("")
                    + (ldap.hasBindPassword() ? ", a bind password" : "") + ")";
            if (domains.isEmpty()) {
                skip(what + " is used by no domain: not carried over");
            } else {
                skip(what + " is not carried over: mailconfig does not query LDAP. The login and display names it gave "
                        + "mailboxes of " + String.join(", ", domains) + " must become users: entries (USER# items) "
                        + "for the mailboxes whose login name differs from the server's user name template");
            }
        }
        for (Domain domain : data.domains()) {
            domain.ldapServerId().filter(id -> data.ldapServers().stream().noneMatch(ldap -> ldap.id() == id))
                    .ifPresent(id -> skip("domain " + domain.name() + " names LDAP server " + id + ", which does not exist"));
        }
    }

    private void note(String line) {
        report.add(line);
    }

    private void skip(String line) {
        report.add(line);
        skipped.add(line);
    }

    private String uniqueId(String candidate) {
        String id = candidate;
        for (int n = 2; !usedIds.add(id); n++) {
            id = candidate + "-" + n;
        }
        return id;
    }

    private static String slug(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? "provider" : slug;
    }

    private static String describe(Provider provider) {
        return "'" + provider.name() + "' (id " + provider.id() + ")";
    }

}
