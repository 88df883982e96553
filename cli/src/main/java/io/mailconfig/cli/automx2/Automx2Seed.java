package io.mailconfig.cli.automx2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mailconfig.cli.automx2.Automx2Data.DavServer;
import io.mailconfig.cli.automx2.Automx2Data.Domain;
import io.mailconfig.cli.automx2.Automx2Data.LdapServer;
import io.mailconfig.cli.automx2.Automx2Data.Provider;
import io.mailconfig.cli.automx2.Automx2Data.Server;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads automx2's JSON seed (the body of {@code POST /initdb/}), version 2 with domain objects
 * and LDAP servers, and the older form with plain domain names. The seed gives one provider whose
 * every server serves every domain; automx2 fills in what the seed leaves out, and so does this:
 * port 993/995/465 by type, SSL on those ports and STARTTLS on others, prio 10,
 * user name %EMAILADDRESS%, authentication plain. automx2 takes the first word of the provider
 * name as its short name.
 */
public final class Automx2Seed {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Automx2Seed() {
    }

    public static Automx2Data parse(String json) throws IOException {
        JsonNode root = JSON.readTree(json);
        if (root == null || !root.isObject() || !root.path("provider").isTextual()) {
            throw new IOException("not an automx2 seed: expected an object with a 'provider' name");
        }
        int version = root.path("version").asInt(1);
        if (version > 2) {
            throw new IOException("automx2 seed version " + version + " is not supported (1 and 2 are)");
        }
        String name = root.path("provider").asText();
        Provider provider = new Provider(0, name, name.split(" ")[0]);
        List<Domain> domains = new ArrayList<>();
        Set<Long> domainIds = new LinkedHashSet<>();
        long id = 0;
        for (JsonNode entry : root.path("domains")) {
            String domain = entry.isTextual() ? entry.asText() : entry.path("name").asText();
            Optional<Long> ldap = entry.hasNonNull("ldapserver_id") ? Optional.of(entry.get("ldapserver_id").asLong()) : Optional.empty();
            domains.add(new Domain(id, domain, provider.id(), ldap));
            domainIds.add(id++);
        }
        List<LdapServer> ldapServers = new ArrayList<>();
        for (JsonNode ldap : root.path("ldapservers")) {
            ldapServers.add(new LdapServer(ldap.path("id").asLong(), ldap.path("name").asText(), ldap.path("port").asInt(636),
                    yes(ldap.path("use_ssl")), ldap.path("search_base").asText(""), ldap.path("search_filter").asText("(mail={0})"),
                    ldap.path("attr_uid").asText("uid"), text(ldap, "attr_cn"), text(ldap, "bind_user"),
                    !ldap.path("bind_password").asText("").isEmpty()));
        }
        List<Server> servers = new ArrayList<>();
        List<DavServer> davServers = new ArrayList<>();
        long serverId = 0;
        for (JsonNode server : root.path("servers")) {
            String type = server.path("type").asText();
            serverId++;
            if (type.equals("caldav") || type.equals("carddav")) {
                String url = server.path("url").asText();
                davServers.add(new DavServer(serverId, url, server.path("port").asInt(443), type,
                        !url.startsWith("http://"), server.path("domain_required").asBoolean(false),
                        text(server, "user_name"), domainIds));
            } else {
                int port = server.path("port").asInt(switch (type) {
                    case "imap" -> 993;
                    case "pop" -> 995;
                    default -> 465;
                });
                String socketType = server.path("socket_type").asText(port == 465 || port == 993 || port == 995 ? "SSL" : "STARTTLS");
                servers.add(new Server(serverId, server.path("prio").asInt(10), server.path("name").asText(), port, type,
                        socketType, server.path("user_name").asText("%EMAILADDRESS%"),
                        server.path("authentication").asText("plain"), domainIds));
            }
        }
        return new Automx2Data(List.of(provider), domains, servers, davServers, ldapServers);
    }

    private static Optional<String> text(JsonNode node, String field) {
        return node.hasNonNull(field) ? Optional.of(node.get(field).asText()) : Optional.empty();
    }

    /** The seed writes booleans as true/false or "yes"/"no". */
    private static boolean yes(JsonNode value) {
        return value.isBoolean() ? value.asBoolean() : value.asText("").equalsIgnoreCase("yes") || value.asText("").equals("1");
    }
}
