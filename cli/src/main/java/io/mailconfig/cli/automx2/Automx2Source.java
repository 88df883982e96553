package io.mailconfig.cli.automx2;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;

/**
 * Where an automx2 installation's data is, as its administrator names it: the {@code db_uri} of
 * automx2.conf ({@code sqlite:////var/lib/automx2/db.sqlite}, {@code mysql+pymysql://user:pass@host/automx2},
 * {@code postgresql+psycopg2://user:pass@host/automx2}, also {@code mariadb://}), or the path of an
 * SQLite database or a JSON seed file.
 */
public sealed interface Automx2Source {

    /** What the installation holds. */
    Automx2Data read() throws IOException, SQLException;

    /** A JSON seed, the body of automx2's {@code POST /initdb/}. */
    record Seed(Path file) implements Automx2Source {
        @Override
        public Automx2Data read() throws IOException {
            return Automx2Seed.parse(Files.readString(file));
        }
    }

    /** A database reached through JDBC; the password is kept out of {@link #toString()}. */
    record Database(String jdbcUrl, String user, String password, String described) implements Automx2Source {
        @Override
        public Automx2Data read() throws SQLException {
            return Automx2Database.read(this);
        }

        Properties properties() {
            Properties properties = new Properties();
            if (user != null) {
                properties.setProperty("user", user);
            }
            if (password != null) {
                properties.setProperty("password", password);
            }
            return properties;
        }

        @Override
        public String toString() {
            return described;
        }
    }

    /** Why a source cannot be read; the message names what to give instead. */
    final class InvalidSourceException extends IOException {
        InvalidSourceException(String message) {
            super(message);
        }
    }

    static Automx2Source of(String text) throws IOException {
        int scheme = text.indexOf("://");
        if (scheme < 0) {
            return file(Path.of(text));
        }
        String name = text.substring(0, scheme).toLowerCase(Locale.ROOT);
        String dialect = name.contains("+") ? name.substring(0, name.indexOf('+')) : name;
        if (dialect.equals("sqlite")) {
            // sqlite:////absolute/path and sqlite:///relative/path, as SQLAlchemy writes them.
            String path = text.substring(scheme + "://".length());
            return sqlite(Path.of(path.startsWith("/") ? path.substring(1) : path));
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new InvalidSourceException("not a database URL: " + e.getReason());
        }
        if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
            throw new InvalidSourceException("a database URL names a host and a database: " + dialect + "://user:password@host/automx2");
        }
        String database = uri.getPath().substring(1);
        String host = uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
            password = parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : null;
        }
        String described = dialect + "://" + (user == null ? "" : user + "@") + host + "/" + database;
        return switch (dialect) {
            // MariaDB's driver speaks to MySQL and MariaDB servers alike.
            case "mysql", "mariadb" -> new Database("jdbc:mariadb://" + host + "/" + database, user, password, described);
            case "postgresql", "postgres" -> new Database("jdbc:postgresql://" + host + "/" + database, user, password, described);
            default -> throw new InvalidSourceException("unknown database '" + dialect + "': give automx2's db_uri "
                    + "(sqlite:///..., mysql://..., postgresql://...), an SQLite file or a JSON seed file");
        };
    }

    private static Automx2Source file(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(16);
        }
        return Arrays.equals(head, "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII)) ? sqlite(file) : new Seed(file);
    }

    private static Automx2Source sqlite(Path file) throws InvalidSourceException {
        if (!Files.isRegularFile(file)) {
            throw new InvalidSourceException("no SQLite database at " + file);
        }
        // Read-only: migrating never changes automx2's data.
        return new Database("jdbc:sqlite:" + file.toAbsolutePath() + "?open_mode=1", null, null, file.toString());
    }
}
