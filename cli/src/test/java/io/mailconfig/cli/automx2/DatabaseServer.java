package io.mailconfig.cli.automx2;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real MariaDB or PostgreSQL server from Debian's packages, started for a test on a free
 * loopback port in a scratch directory, and stopped with it. The packages are installed by
 * {@code ./dev test}; without them the test fails and says which to install.
 */
final class DatabaseServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    private final Process process;
    private final Path directory;
    private final String jdbcUrl;
    private final String user;
    private final String password;
    /** automx2's db_uri for this server. */
    private final String dbUri;

    private DatabaseServer(Process process, Path directory, String jdbcUrl, String user, String password, String dbUri) {
        this.process = process;
        this.directory = directory;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.dbUri = dbUri;
    }

    /** MariaDB with a database {@code automx2} and a user of that name, as automx2's documentation sets it up. */
    static DatabaseServer mariaDb() throws Exception {
        Path directory = scratch("mailconfig-mariadb");
        Path binary = require(Path.of("/usr/sbin/mariadbd"), "mariadb-server");
        run(directory, "mariadb-install-db", "--no-defaults", "--datadir=" + directory.resolve("data"),
                "--auth-root-authentication-method=normal", "--skip-test-db", "--user=" + System.getProperty("user.name"));
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--no-defaults", "--datadir=" + directory.resolve("data"),
                "--port=" + port, "--bind-address=127.0.0.1", "--socket=" + directory.resolve("socket"),
                "--pid-file=" + directory.resolve("pid"), "--skip-log-bin", "--skip-name-resolve"));
        if (ROOT) {
            command.add("--user=root");
        }
        Process process = start(directory, command);
        String admin = "jdbc:mariadb://127.0.0.1:" + port + "/";
        awaitConnection(process, admin, "root", "");
        try (Connection connection = DriverManager.getConnection(admin, "root", "")) {
            connection.createStatement().execute("CREATE DATABASE automx2 COLLATE 'utf8mb4_general_ci'");
            connection.createStatement().execute("CREATE USER 'automx2'@'127.0.0.1' IDENTIFIED BY 'p@ss:w0rd'");
            connection.createStatement().execute("GRANT ALL ON automx2.* TO 'automx2'@'127.0.0.1'");
        }
        return new DatabaseServer(process, directory, admin + "automx2", "automx2", "p@ss:w0rd",
                "mysql+pymysql://automx2:p%40ss%3Aw0rd@127.0.0.1:" + port + "/automx2?charset=utf8mb4");
    }

    /** PostgreSQL with a database {@code automx2}; it refuses to run as root, so as root it runs as postgres. */
    static DatabaseServer postgreSql() throws Exception {
        Path bin = postgresBin();
        Path directory = scratch("mailconfig-postgresql");
        if (ROOT) {
            run(directory, "chown", "postgres", directory.toString());
        }
        run(directory, asPostgres(bin.resolve("initdb").toString(), "-D", directory.resolve("data").toString(), "-U", "postgres",
                "--auth=trust", "-E", "UTF8"));
        int port = freePort();
        Process process = start(directory, asPostgres(bin.resolve("postgres").toString(), "-D", directory.resolve("data").toString(),
                "-p", Integer.toString(port), "-h", "127.0.0.1", "-k", directory.toString()));
        String admin = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        awaitConnection(process, admin, "postgres", "");
        try (Connection connection = DriverManager.getConnection(admin, "postgres", "")) {
            connection.createStatement().execute("CREATE DATABASE automx2");
        }
        return new DatabaseServer(process, directory, "jdbc:postgresql://127.0.0.1:" + port + "/automx2", "postgres", "",
                "postgresql+psycopg2://postgres@127.0.0.1:" + port + "/automx2");
    }

    String dbUri() {
        return dbUri;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private static List<String> asPostgres(String... command) {
        List<String> full = new ArrayList<>();
        if (ROOT) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(command));
        return full;
    }

    private static Path postgresBin() throws IOException {
        Path versions = Path.of("/usr/lib/postgresql");
        Optional<Path> newest = Optional.empty();
        if (Files.isDirectory(versions)) {
            try (Stream<Path> dirs = Files.list(versions)) {
                newest = dirs.filter(dir -> Files.isExecutable(dir.resolve("bin/postgres")))
                        .max(Comparator.comparing(dir -> Integer.parseInt(dir.getFileName().toString().replaceAll("\\D", "0"))));
            }
        }
        return newest.map(dir -> dir.resolve("bin")).orElseThrow(() -> new IllegalStateException(
                "the migration tests need PostgreSQL: apt-get install -y postgresql (./dev test installs it)"));
    }

    private static Path require(Path binary, String debianPackage) {
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException("the migration tests need " + binary + ": apt-get install -y " + debianPackage
                    + " (./dev test installs it)");
        }
        return binary;
    }

    /** A directory others may enter (PostgreSQL runs as its own user), removed when the server stops. */
    private static Path scratch(String prefix) throws IOException {
        Path directory = Files.createTempDirectory(prefix);
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
        return directory;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static Process start(Path directory, List<String> command) throws IOException {
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(directory.resolve("server.log").toFile()).start();
    }

    private static void run(Path directory, String... command) throws Exception {
        run(directory, List.of(command));
    }

    private static void run(Path directory, List<String> command) throws Exception {
        Path log = directory.resolve("setup.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + Files.readString(log));
        }
    }

    private static void awaitConnection(Process process, String url, String user, String password) throws Exception {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the database server stopped at start (exit " + process.exitValue() + ")");
            }
            try (Connection connection = DriverManager.getConnection(url, user, password)) {
                return;
            } catch (SQLException e) {
                last = e;
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("the database server did not accept connections within " + START_TIMEOUT, last);
    }
}
