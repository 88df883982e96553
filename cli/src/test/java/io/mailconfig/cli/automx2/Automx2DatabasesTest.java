package io.mailconfig.cli.automx2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailconfig.cli.MailconfigCli;
import io.mailconfig.cli.automx2.Automx2Installation.Dialect;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * automx2 on each database it runs on: the same installation in SQLite, in a real MariaDB and in a
 * real PostgreSQL server (started on loopback for this class) migrates to the same table; and a
 * hostile SQLite file ends in a clear error, never a hang.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Automx2DatabasesTest {

    private DatabaseServer mariaDb;
    private DatabaseServer postgreSql;

    @BeforeAll
    void start() throws Exception {
        mariaDb = DatabaseServer.mariaDb();
        postgreSql = DatabaseServer.postgreSql();
        try (Connection connection = mariaDb.connect()) {
            Automx2Installation.load(connection, Dialect.MARIADB);
        }
        try (Connection connection = postgreSql.connect()) {
            Automx2Installation.load(connection, Dialect.POSTGRESQL);
        }
    }

    @AfterAll
    void stop() throws Exception {
        if (mariaDb != null) {
            mariaDb.close();
        }
        if (postgreSql != null) {
            postgreSql.close();
        }
    }

    private static Automx2Migration.Result migrate(String source) throws Exception {
        return Automx2Migration.migrate(Automx2Source.of(source).read());
    }

    @Test
    void sqliteMariaDbAndPostgreSqlGiveTheSameTableAndReport(@TempDir Path directory) throws Exception {
        Automx2Migration.Result fromSqlite = migrate(Automx2Installation.sqliteFile(directory).toString());

        for (String dbUri : new String[] {mariaDb.dbUri(), postgreSql.dbUri()}) {
            Automx2Migration.Result fromServer = migrate(dbUri);

            assertThat(fromServer.items()).as(dbUri).isEqualTo(fromSqlite.items());
            assertThat(fromServer.report()).as(dbUri).isEqualTo(fromSqlite.report());
        }
        assertThat(fromSqlite.items()).isNotEmpty();
    }

    @Test
    void theCommandTakesAutomx2sOwnDbUri(@TempDir Path directory) throws Exception {
        Path fromFile = directory.resolve("sqlite.yaml");
        Path fromMariaDb = directory.resolve("mariadb.yaml");
        Path fromPostgreSql = directory.resolve("postgresql.yaml");
        String sqliteUri = "sqlite:///" + Automx2Installation.sqliteFile(directory).toAbsolutePath();

        assertThat(run("migrate", sqliteUri, "-o", fromFile.toString())).isZero();
        assertThat(run("migrate", mariaDb.dbUri(), "-o", fromMariaDb.toString())).isZero();
        assertThat(run("migrate", postgreSql.dbUri(), "-o", fromPostgreSql.toString())).isZero();

        assertThat(Files.readString(fromMariaDb)).isEqualTo(Files.readString(fromFile)).contains("example.com");
        assertThat(Files.readString(fromPostgreSql)).isEqualTo(Files.readString(fromFile));
        // The installation has a plain-text server and an LDAP server, which are not carried over.
        assertThat(run("migrate", sqliteUri, "-o", directory.resolve("strict.yaml").toString(), "--strict"))
                .isEqualTo(MailconfigCli.INVALID);
    }

    @Test
    void aWrongPasswordIsOneClearLine() {
        String wrong = mariaDb.dbUri().replace("p%40ss%3Aw0rd", "wrong");
        StringWriter err = new StringWriter();

        int exit = MailconfigCli.commandLine().setErr(new PrintWriter(err, true)).setOut(new PrintWriter(new StringWriter()))
                .execute("migrate", wrong, "-o", "/dev/null");

        assertThat(exit).isEqualTo(MailconfigCli.FAILED);
        assertThat(err.toString()).startsWith("error: ").contains("automx2").doesNotContain("\tat ").doesNotContain("p@ss");
        assertThat(err.toString().strip().lines()).hasSize(1);
    }

    @Test
    void aRecursiveViewEndsInAnErrorNotAHang(@TempDir Path directory) throws Exception {
        Path file = sqlite(directory, Dialect.SQLITE.name(), """
                CREATE VIEW provider AS WITH RECURSIVE n(id) AS (SELECT 1 UNION ALL SELECT id + 1 FROM n)
                    SELECT id, 'Provider ' || id AS name, 'p' AS short_name FROM n;
                """);

        Automx2Source.Database database = (Automx2Source.Database) Automx2Source.of(file.toString());

        assertThatThrownBy(() -> Automx2Database.read(database, Duration.ofSeconds(1))).isInstanceOf(SQLException.class)
                .hasMessage("automx2 table provider was not read within 1 s (a view that never ends?)");
    }

    @Test
    void aHugeValueOrANullEndsInAnErrorNamingTableRowAndColumn(@TempDir Path directory) throws Exception {
        Path huge = sqlite(directory.resolve("huge"), "huge", "UPDATE server SET name = '" + "x".repeat(100_000) + "' WHERE id = 121;");
        Path nulls = sqlite(directory.resolve("nulls"), "nulls", """
                CREATE TABLE provider_copy AS SELECT * FROM provider; DROP TABLE provider;
                CREATE TABLE provider (id INTEGER, name VARCHAR, short_name VARCHAR);
                INSERT INTO provider SELECT * FROM provider_copy; UPDATE provider SET name = NULL WHERE id = 200;
                """);

        assertThatThrownBy(() -> migrate(huge.toString())).isInstanceOf(SQLException.class)
                .hasMessage("automx2 table server, row 1: name holds 100000 characters (at most 4096)");
        assertThatThrownBy(() -> migrate(nulls.toString())).isInstanceOf(SQLException.class)
                .hasMessage("automx2 table provider, row 2: name is NULL");
    }

    /** The installation as SQLite, with {@code change} applied to it. */
    private static Path sqlite(Path directory, String name, String change) throws Exception {
        Files.createDirectories(directory);
        Path file = Automx2Installation.sqliteFile(directory);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            if (name.equals(Dialect.SQLITE.name())) {
                statement.execute("DROP TABLE provider");
            }
            for (String sql : change.split(";")) {
                if (!sql.isBlank()) {
                    statement.execute(sql);
                }
            }
        }
        return file;
    }

    private static int run(String... args) {
        CommandLine commandLine = MailconfigCli.commandLine();
        commandLine.setOut(new PrintWriter(new StringWriter()));
        commandLine.setErr(new PrintWriter(new StringWriter()));
        return commandLine.execute(args);
    }
}
