package io.mailconfig.cli.automx2;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * An automx2 installation with two providers, in automx2's schema for each database it runs on (the
 * tables SQLAlchemy creates from automx2's model.py), with the same rows in each.
 */
final class Automx2Installation {

    /** automx2's schema in one database's dialect. */
    enum Dialect {
        SQLITE("""
            CREATE TABLE provider (id INTEGER NOT NULL, name VARCHAR NOT NULL, short_name VARCHAR NOT NULL, PRIMARY KEY (id));
            CREATE TABLE server (id INTEGER NOT NULL, prio INTEGER DEFAULT '10' NOT NULL, name VARCHAR NOT NULL,
                port INTEGER NOT NULL, type VARCHAR NOT NULL, socket_type VARCHAR NOT NULL, user_name VARCHAR NOT NULL,
                authentication VARCHAR NOT NULL, PRIMARY KEY (id));
            CREATE TABLE davserver (id INTEGER NOT NULL, url VARCHAR NOT NULL, port INTEGER NOT NULL, type VARCHAR NOT NULL,
                use_ssl BOOLEAN NOT NULL, domain_required BOOLEAN NOT NULL, user_name VARCHAR, PRIMARY KEY (id),
                CHECK (use_ssl IN (0, 1)), CHECK (domain_required IN (0, 1)));
            CREATE TABLE ldapserver (id INTEGER NOT NULL, name VARCHAR NOT NULL, port INTEGER NOT NULL, use_ssl BOOLEAN NOT NULL,
                search_base VARCHAR NOT NULL, search_filter VARCHAR NOT NULL, attr_uid VARCHAR NOT NULL, attr_cn VARCHAR,
                bind_password VARCHAR, bind_user VARCHAR, PRIMARY KEY (id), CHECK (use_ssl IN (0, 1)));
            CREATE TABLE domain (id INTEGER NOT NULL, name VARCHAR NOT NULL, provider_id INTEGER NOT NULL, ldapserver_id INTEGER,
                PRIMARY KEY (id), UNIQUE (name), FOREIGN KEY(provider_id) REFERENCES provider (id),
                FOREIGN KEY(ldapserver_id) REFERENCES ldapserver (id));
            CREATE TABLE davserver_domain (davserver_id INTEGER NOT NULL, domain_id INTEGER NOT NULL,
                PRIMARY KEY (davserver_id, domain_id), FOREIGN KEY(davserver_id) REFERENCES davserver (id),
                FOREIGN KEY(domain_id) REFERENCES domain (id));
            CREATE TABLE server_domain (server_id INTEGER NOT NULL, domain_id INTEGER NOT NULL,
                PRIMARY KEY (server_id, domain_id), FOREIGN KEY(server_id) REFERENCES server (id),
                FOREIGN KEY(domain_id) REFERENCES domain (id));
                """),
        MARIADB("""
            CREATE TABLE provider (id INTEGER NOT NULL AUTO_INCREMENT, name VARCHAR(128) NOT NULL, short_name VARCHAR(32) NOT NULL,
                PRIMARY KEY (id));
            CREATE TABLE server (id INTEGER NOT NULL AUTO_INCREMENT, prio INTEGER NOT NULL DEFAULT '10', name VARCHAR(128) NOT NULL,
                port INTEGER NOT NULL, type VARCHAR(32) NOT NULL, socket_type VARCHAR(32) NOT NULL, user_name VARCHAR(64) NOT NULL,
                authentication VARCHAR(32) NOT NULL, PRIMARY KEY (id));
            CREATE TABLE davserver (id INTEGER NOT NULL AUTO_INCREMENT, url VARCHAR(128) NOT NULL, port INTEGER NOT NULL,
                type VARCHAR(32) NOT NULL, use_ssl BOOL NOT NULL, domain_required BOOL NOT NULL, user_name VARCHAR(64), PRIMARY KEY (id));
            CREATE TABLE ldapserver (id INTEGER NOT NULL AUTO_INCREMENT, name VARCHAR(128) NOT NULL, port INTEGER NOT NULL,
                use_ssl BOOL NOT NULL, search_base VARCHAR(128) NOT NULL, search_filter VARCHAR(128) NOT NULL, attr_uid VARCHAR(32) NOT NULL,
                attr_cn VARCHAR(32), bind_password VARCHAR(128), bind_user VARCHAR(128), PRIMARY KEY (id));
            CREATE TABLE domain (id INTEGER NOT NULL AUTO_INCREMENT, name VARCHAR(128) NOT NULL, provider_id INTEGER NOT NULL,
                ldapserver_id INTEGER, PRIMARY KEY (id), UNIQUE (name), FOREIGN KEY(provider_id) REFERENCES provider (id),
                FOREIGN KEY(ldapserver_id) REFERENCES ldapserver (id));
            CREATE TABLE davserver_domain (davserver_id INTEGER NOT NULL, domain_id INTEGER NOT NULL,
                PRIMARY KEY (davserver_id, domain_id), FOREIGN KEY(davserver_id) REFERENCES davserver (id),
                FOREIGN KEY(domain_id) REFERENCES domain (id));
            CREATE TABLE server_domain (server_id INTEGER NOT NULL, domain_id INTEGER NOT NULL,
                PRIMARY KEY (server_id, domain_id), FOREIGN KEY(server_id) REFERENCES server (id),
                FOREIGN KEY(domain_id) REFERENCES domain (id));
                """),
        POSTGRESQL("""
            CREATE TABLE provider (id SERIAL NOT NULL, name VARCHAR(128) NOT NULL, short_name VARCHAR(32) NOT NULL, PRIMARY KEY (id));
            CREATE TABLE server (id SERIAL NOT NULL, prio INTEGER DEFAULT '10' NOT NULL, name VARCHAR(128) NOT NULL,
                port INTEGER NOT NULL, type VARCHAR(32) NOT NULL, socket_type VARCHAR(32) NOT NULL, user_name VARCHAR(64) NOT NULL,
                authentication VARCHAR(32) NOT NULL, PRIMARY KEY (id));
            CREATE TABLE davserver (id SERIAL NOT NULL, url VARCHAR(128) NOT NULL, port INTEGER NOT NULL, type VARCHAR(32) NOT NULL,
                use_ssl BOOLEAN NOT NULL, domain_required BOOLEAN NOT NULL, user_name VARCHAR(64), PRIMARY KEY (id));
            CREATE TABLE ldapserver (id SERIAL NOT NULL, name VARCHAR(128) NOT NULL, port INTEGER NOT NULL, use_ssl BOOLEAN NOT NULL,
                search_base VARCHAR(128) NOT NULL, search_filter VARCHAR(128) NOT NULL, attr_uid VARCHAR(32) NOT NULL,
                attr_cn VARCHAR(32), bind_password VARCHAR(128), bind_user VARCHAR(128), PRIMARY KEY (id));
            CREATE TABLE domain (id SERIAL NOT NULL, name VARCHAR(128) NOT NULL, provider_id INTEGER NOT NULL, ldapserver_id INTEGER,
                PRIMARY KEY (id), UNIQUE (name), FOREIGN KEY(provider_id) REFERENCES provider (id),
                FOREIGN KEY(ldapserver_id) REFERENCES ldapserver (id));
            CREATE TABLE davserver_domain (davserver_id INTEGER NOT NULL, domain_id INTEGER NOT NULL,
                PRIMARY KEY (davserver_id, domain_id), FOREIGN KEY(davserver_id) REFERENCES davserver (id),
                FOREIGN KEY(domain_id) REFERENCES domain (id));
            CREATE TABLE server_domain (server_id INTEGER NOT NULL, domain_id INTEGER NOT NULL,
                PRIMARY KEY (server_id, domain_id), FOREIGN KEY(server_id) REFERENCES server (id),
                FOREIGN KEY(domain_id) REFERENCES domain (id));
                """);

        private final String schema;

        Dialect(String schema) {
            this.schema = schema;
        }
    }

    /** The installation's rows, in an order the foreign keys accept. */
    static final String ROWS = """
            INSERT INTO provider VALUES (100, 'Example Inc.', 'Example');
            INSERT INTO provider VALUES (200, 'Other Mail', 'Other');
            INSERT INTO ldapserver VALUES (1, 'ldap.example.com', 636, TRUE, 'ou=people,dc=example,dc=com', '(mail={0})',
                'uid', 'cn', 'secret-bind-password', 'uid=automx2,dc=example,dc=com');
            INSERT INTO domain VALUES (3000, 'example.com', 100, 1);
            INSERT INTO domain VALUES (3001, 'example.net', 100, NULL);
            INSERT INTO domain VALUES (3002, 'example.org', 100, NULL);
            INSERT INTO domain VALUES (3003, 'other.example', 200, NULL);
            INSERT INTO server VALUES (121, 1, 'imap.example.com', 993, 'imap', 'SSL', '%EMAILADDRESS%', 'plain');
            INSERT INTO server VALUES (122, 5, 'imap2.example.com', 143, 'imap', 'STARTTLS', '%EMAILADDRESS%', 'plain');
            INSERT INTO server VALUES (123, 1, 'smtp.example.com', 465, 'smtp', 'SSL', '%EMAILADDRESS%', 'plain');
            INSERT INTO server VALUES (124, 5, 'smtp.example.com', 587, 'smtp', 'STARTTLS', '%EMAILADDRESS%', 'plain');
            INSERT INTO server VALUES (125, 9, 'pop.example.com', 110, 'pop', 'PLAIN', '%EMAILLOCALPART%', 'plain');
            INSERT INTO server VALUES (126, 10, 'mail.other.example', 993, 'imap', 'SSL', '%EMAILLOCALPART%', 'plain');
            INSERT INTO server VALUES (127, 20, 'mail.other.example', 995, 'pop', 'SSL', '%EMAILLOCALPART%', 'NTLM');
            INSERT INTO server VALUES (128, 10, 'mail.other.example', 587, 'smtp', 'STARTTLS', '%EMAILLOCALPART%', 'plain');
            INSERT INTO server VALUES (129, 10, 'forgotten.example.com', 993, 'imap', 'SSL', '%EMAILADDRESS%', 'plain');
            INSERT INTO server_domain VALUES (121, 3000), (121, 3001), (121, 3002);
            INSERT INTO server_domain VALUES (122, 3000), (122, 3001);
            INSERT INTO server_domain VALUES (123, 3000), (123, 3001), (123, 3002);
            INSERT INTO server_domain VALUES (124, 3000), (124, 3001);
            INSERT INTO server_domain VALUES (125, 3000), (125, 3001);
            INSERT INTO server_domain VALUES (126, 3003), (127, 3003), (128, 3003);
            INSERT INTO davserver VALUES (1, 'https://dav.example.com/caldav/', 443, 'caldav', TRUE, FALSE, '%EMAILADDRESS%');
            INSERT INTO davserver VALUES (2, 'dav.example.com/carddav/', 8443, 'carddav', TRUE, TRUE, NULL);
            INSERT INTO davserver VALUES (3, 'http://dav.other.example/', 80, 'caldav', FALSE, FALSE, NULL);
            INSERT INTO davserver_domain VALUES (1, 3000), (1, 3001), (2, 3000), (2, 3001), (3, 3003);
            """;

    private Automx2Installation() {
    }

    /** Creates automx2's tables and rows through {@code connection}. */
    static void load(Connection connection, Dialect dialect) throws SQLException {
        load(connection, dialect, ROWS);
    }

    /** Creates automx2's tables with other rows (INSERT statements separated by semicolons). */
    static void load(Connection connection, Dialect dialect, String rows) throws SQLException {
        execute(connection, dialect.schema + rows);
    }

    private static void execute(Connection connection, String statements) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements.split(";")) {
                if (!sql.isBlank()) {
                    statement.execute(sql);
                }
            }
        }
    }

    /** The installation as an SQLite database file in {@code directory}. */
    static Path sqliteFile(Path directory) throws SQLException {
        Path file = directory.resolve("automx2.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            load(connection, Dialect.SQLITE);
        }
        return file;
    }
}
