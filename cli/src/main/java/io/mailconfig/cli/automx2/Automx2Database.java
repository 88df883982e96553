package io.mailconfig.cli.automx2;

import io.mailconfig.cli.automx2.Automx2Data.DavServer;
import io.mailconfig.cli.automx2.Automx2Data.Domain;
import io.mailconfig.cli.automx2.Automx2Data.LdapServer;
import io.mailconfig.cli.automx2.Automx2Data.Provider;
import io.mailconfig.cli.automx2.Automx2Data.Server;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads automx2's SQLite database (tables provider, domain, server, server_domain, davserver, davserver_domain, ldapserver). */
public final class Automx2Database {

    private Automx2Database() {
    }

    public static Automx2Data read(Path file) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath() + "?open_mode=1")) {
            return read(connection);
        }
    }

    static Automx2Data read(Connection connection) throws SQLException {
        List<Provider> providers = new ArrayList<>();
        List<Domain> domains = new ArrayList<>();
        List<Server> servers = new ArrayList<>();
        List<DavServer> davServers = new ArrayList<>();
        List<LdapServer> ldapServers = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            Map<Long, Set<Long>> serverDomains = links(statement, "server_domain", "server_id");
            Map<Long, Set<Long>> davDomains = links(statement, "davserver_domain", "davserver_id");
            try (ResultSet row = statement.executeQuery("SELECT * FROM provider ORDER BY id")) {
                while (row.next()) {
                    providers.add(new Provider(row.getLong("id"), row.getString("name"), row.getString("short_name")));
                }
            }
            try (ResultSet row = statement.executeQuery("SELECT * FROM domain ORDER BY id")) {
                while (row.next()) {
                    long ldap = row.getLong("ldapserver_id");
                    domains.add(new Domain(row.getLong("id"), row.getString("name"), row.getLong("provider_id"),
                            row.wasNull() ? Optional.empty() : Optional.of(ldap)));
                }
            }
            try (ResultSet row = statement.executeQuery("SELECT * FROM server ORDER BY id")) {
                boolean hasPrio = hasColumn(row, "prio");
                while (row.next()) {
                    long id = row.getLong("id");
                    servers.add(new Server(id, hasPrio ? row.getInt("prio") : 10, row.getString("name"), row.getInt("port"),
                            row.getString("type"), row.getString("socket_type"), row.getString("user_name"),
                            row.getString("authentication"), serverDomains.getOrDefault(id, Set.of())));
                }
            }
            try (ResultSet row = statement.executeQuery("SELECT * FROM davserver ORDER BY id")) {
                while (row.next()) {
                    long id = row.getLong("id");
                    davServers.add(new DavServer(id, row.getString("url"), row.getInt("port"), row.getString("type"),
                            row.getBoolean("use_ssl"), row.getBoolean("domain_required"),
                            Optional.ofNullable(row.getString("user_name")), davDomains.getOrDefault(id, Set.of())));
                }
            }
            try (ResultSet row = statement.executeQuery("SELECT * FROM ldapserver ORDER BY id")) {
                while (row.next()) {
                    String password = row.getString("bind_password");
                    ldapServers.add(new LdapServer(row.getLong("id"), row.getString("name"), row.getInt("port"),
                            row.getBoolean("use_ssl"), row.getString("search_base"), row.getString("search_filter"),
                            row.getString("attr_uid"), Optional.ofNullable(row.getString("attr_cn")),
                            Optional.ofNullable(row.getString("bind_user")), password != null && !password.isEmpty()));
                }
            }
        }
        return new Automx2Data(providers, domains, servers, davServers, ldapServers);
    }

    private static Map<Long, Set<Long>> links(Statement statement, String table, String column) throws SQLException {
        Map<Long, Set<Long>> links = new HashMap<>();
        try (ResultSet row = statement.executeQuery("SELECT " + column + ", domain_id FROM " + table)) {
            while (row.next()) {
                links.computeIfAbsent(row.getLong(1), id -> new HashSet<>()).add(row.getLong(2));
            }
        }
        return links;
    }

    /** Databases from before automx2 2021 have no prio column. */
    private static boolean hasColumn(ResultSet row, String name) throws SQLException {
        for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
            if (row.getMetaData().getColumnName(i).toLowerCase(Locale.ROOT).equals(name)) {
                return true;
            }
        }
        return false;
    }
}
