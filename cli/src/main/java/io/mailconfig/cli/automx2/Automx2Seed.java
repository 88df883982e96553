package io.mailconfig.cli.automx2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mailconfig.cli.automx2.Automx2Data.DavServer;
import io.mailconfig.cli.automx2.Automx2Data.Domain;
import io.mailconfig.cli.automx2.Automx2Data.LdapServer;
import io.mailconfig.cli.automx2.Automx2Data.Provider;
import io.mailconfig.cli.automx2.Automx2Data.Server;
import io.mailconfig.model.UsernameTemplate;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads automx2's JSON seed (the body of {@code POST /initdb/}), version 2 with domain objects
 * and LDAP servers, and the older form with plain domain names. The seed gives one provider whose
 * every server serves every domain, and automx2's own seeding (database.py, populate_with_dict)
 * decides the rest, which this follows exactly: a mail server's port defaults to 993/995/465 by
 * type and its socket type follows the port (SSL on 465, 993, 995, STARTTLS on any other), prio
 * defaults to 10, and the user name (%EMAILADDRESS%) and authentication (plain) are automx2's
 * defaults whatever the seed says; a DAV server uses SSL when its URL is https, port 0 (the URL's)
 * unless given, requires the domain, and logs in with %EMAILADDRESS%. automx2 takes the first word
 * of the provider name as its short name.
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
                davServers.add(new DavServer(serverId, url, server.path("port").asInt(0), type,
                        url.startsWith("https:"), true, Optional.of(UsernameTemplate.EMAIL_ADDRESS), domainIds));
            } else {
                int port = server.path("port").asInt(switch (type) {
                    case "imap" -> 993;
                    case "pop" -> 995;
                    default -> 465;
                });
                String socketType = port == 465 || port == 993 || port == 995 ? "SSL" : "STARTTLS";
                servers.add(new Server(serverId, server.path("prio").asInt(10), server.path("name").asText(), port, type,
                        socketType, UsernameTemplate.EMAIL_ADDRESS, "plain", domainIds));
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
