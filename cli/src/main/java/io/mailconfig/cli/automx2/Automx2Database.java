package io.mailconfig.cli.automx2;

import io.mailconfig.cli.automx2.Automx2Data.DavServer;
import io.mailconfig.cli.automx2.Automx2Data.Domain;
import io.mailconfig.cli.automx2.Automx2Data.LdapServer;
import io.mailconfig.cli.automx2.Automx2Data.Provider;
import io.mailconfig.cli.automx2.Automx2Data.Server;
import io.mailconfig.cli.automx2.Automx2Source.Database;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads automx2's database (tables provider, domain, server, server_domain, davserver,
 * davserver_domain, ldapserver) from SQLite, MariaDB/MySQL or PostgreSQL. A database is read as
 * untrusted input: each query has a time limit, each table a row limit and each value a length
 * limit, so a hostile file ends in a clear error rather than a hang or running out of memory.
 */
public final class Automx2Database {

    /** How long reading one table may take: a recursive view never ends. */
    static final Duration TABLE_TIMEOUT = Duration.ofSeconds(10);
    /** Rows read from one table; automx2 installations hold far fewer. */
    static final int MAX_ROWS = 1_000_000;
    /** Characters of one value; automx2's own columns hold at most 128. */
    static final int MAX_VALUE_LENGTH = 4096;

    private Automx2Database() {
    }

    public static Automx2Data read(Database source) throws SQLException {
        return read(source, TABLE_TIMEOUT);
    }

    static Automx2Data read(Database source, Duration tableTimeout) throws SQLException {
        try (Connection connection = DriverManager.getConnection(source.jdbcUrl(), source.properties())) {
            return read(connection, tableTimeout);
        } catch (SQLException e) {
            throw e.getMessage() != null && e.getMessage().startsWith("automx2 ") ? e
                    : new SQLException("automx2 database " + source + " cannot be read: " + Rows.firstLine(e), e);
        }
    }

    private static Automx2Data read(Connection connection, Duration tableTimeout) throws SQLException {
        List<Provider> providers = new ArrayList<>();
        List<Domain> domains = new ArrayList<>();
        List<Server> servers = new ArrayList<>();
        List<DavServer> davServers = new ArrayList<>();
        List<LdapServer> ldapServers = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            statement.setMaxRows(MAX_ROWS + 1);
            Reader reader = new Reader(statement, tableTimeout);
            Map<Long, Set<Long>> serverDomains = links(reader, "server_domain", "server_id");
            Map<Long, Set<Long>> davDomains = links(reader, "davserver_domain", "davserver_id");
            try (Rows row = new Rows(reader, "provider")) {
                while (row.next()) {
                    providers.add(new Provider(row.id(), row.text("name"), row.text("short_name")));
                }
            }
            try (Rows row = new Rows(reader, "domain")) {
                while (row.next()) {
                    domains.add(new Domain(row.id(), row.text("name"), row.number("provider_id"), row.optionalNumber("ldapserver_id")));
                }
            }
            try (Rows row = new Rows(reader, "server")) {
                boolean hasPrio = row.hasColumn("prio");
                while (row.next()) {
                    long id = row.id();
                    servers.add(new Server(id, hasPrio ? (int) row.number("prio") : 10, row.text("name"), (int) row.number("port"),
                            row.text("type"), row.text("socket_type"), row.text("user_name"),
                            row.text("authentication"), serverDomains.getOrDefault(id, Set.of())));
                }
            }
            try (Rows row = new Rows(reader, "davserver")) {
                while (row.next()) {
                    long id = row.id();
                    davServers.add(new DavServer(id, row.text("url"), (int) row.number("port"), row.text("type"),
                            row.flag("use_ssl"), row.flag("domain_required"), row.optionalText("user_name"),
                            davDomains.getOrDefault(id, Set.of())));
                }
            }
            try (Rows row = new Rows(reader, "ldapserver")) {
                while (row.next()) {
                    ldapServers.add(new LdapServer(row.id(), row.text("name"), (int) row.number("port"), row.flag("use_ssl"),
                            row.text("search_base"), row.text("search_filter"), row.text("attr_uid"), row.optionalText("attr_cn"),
                            row.optionalText("bind_user"), row.optionalText("bind_password").filter(p -> !p.isEmpty()).isPresent()));
                }
            }
        }
        return new Automx2Data(providers, domains, servers, davServers, ldapServers);
    }

    private static Map<Long, Set<Long>> links(Reader reader, String table, String column) throws SQLException {
        Map<Long, Set<Long>> links = new HashMap<>();
        try (Rows row = new Rows(reader, table, "SELECT " + column + ", domain_id FROM " + table)) {
            while (row.next()) {
                links.computeIfAbsent(row.number(column), id -> new HashSet<>()).add(row.number("domain_id"));
            }
        }
        return links;
    }

    /**
     * Cancels the statement when reading one table takes longer than its time. JDBC's own query
     * timeout is not enough: SQLite's driver does not stop a query that is still sorting an endless view.
     */
    private static final class Deadline implements AutoCloseable {
        private final Thread timer;
        private volatile boolean passed;

        Deadline(Statement statement, Duration timeout) {
            timer = Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(timeout);
                    passed = true;
                    statement.cancel();
                } catch (InterruptedException | SQLException done) {
                    // read in time, or the statement is closed already
                }
            });
        }

        @Override
        public void close() {
            timer.interrupt();
        }
    }

    /** The statement every table is read with, and how long reading one table may take. */
    private record Reader(Statement statement, Duration tableTimeout) {
    }

    /** One table's rows, read with the limits above; every error names the table, row and column. */
    private static final class Rows implements AutoCloseable {
        private final String table;
        private final Duration timeout;
        private final Deadline deadline;
        private final ResultSet rows;
        private int count;

        Rows(Reader reader, String table) throws SQLException {
            this(reader, table, "SELECT * FROM " + table + " ORDER BY id");
        }

        Rows(Reader reader, String table, String query) throws SQLException {
            this.table = table;
            this.timeout = reader.tableTimeout();
            this.deadline = new Deadline(reader.statement(), timeout);
            try {
                this.rows = reader.statement().executeQuery(query);
            } catch (SQLException e) {
                deadline.close();
                throw failure(e);
            }
        }

        boolean next() throws SQLException {
            boolean more;
            try {
                more = rows.next();
            } catch (SQLException e) {
                throw failure(e);
            }
            if (!more) {
                return false;
            }
            if (++count > MAX_ROWS) {
                throw new SQLException("automx2 table " + table + " has more than " + MAX_ROWS + " rows");
            }
            return true;
        }

        boolean hasColumn(String name) throws SQLException {
            for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                if (rows.getMetaData().getColumnName(i).toLowerCase(Locale.ROOT).equals(name)) {
                    return true;
                }
            }
            return false;
        }

        long id() throws SQLException {
            return number("id");
        }

        long number(String column) throws SQLException {
            return optionalNumber(column).orElseThrow(() -> problem(column, "is NULL"));
        }

        Optional<Long> optionalNumber(String column) throws SQLException {
            long value = rows.getLong(column);
            return rows.wasNull() ? Optional.empty() : Optional.of(value);
        }

        String text(String column) throws SQLException {
            return optionalText(column).orElseThrow(() -> problem(column, "is NULL"));
        }

        Optional<String> optionalText(String column) throws SQLException {
            String value = rows.getString(column);
            if (value != null && value.length() > MAX_VALUE_LENGTH) {
                throw problem(column, "holds " + value.length() + " characters (at most " + MAX_VALUE_LENGTH + ")");
            }
            return Optional.ofNullable(value);
        }

        boolean flag(String column) throws SQLException {
            boolean value = rows.getBoolean(column);
            if (rows.wasNull()) {
                throw problem(column, "is NULL");
            }
            return value;
        }

        private SQLException problem(String column, String what) {
            return new SQLException("automx2 table " + table + ", row " + count + ": " + column + " " + what);
        }

        private SQLException failure(SQLException e) {
            if (deadline.passed) {
                return new SQLException("automx2 table " + table + " was not read within " + timeout.toSeconds()
                        + " s (a view that never ends?)", e);
            }
            return new SQLException("automx2 table " + table + " cannot be read: " + firstLine(e), e);
        }

        @Override
        public void close() throws SQLException {
            deadline.close();
            rows.close();
        }

        static String firstLine(SQLException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            return message.lines().findFirst().orElse(message);
        }
    }
}
