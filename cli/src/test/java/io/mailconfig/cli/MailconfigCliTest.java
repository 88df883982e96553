package io.mailconfig.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailconfig.cli.automx2.Automx2MigrationTestData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The tool as an administrator runs it, on a DynamoDB Local directory like the one ./dev run --db-path serves. */
class MailconfigCliTest {

    @TempDir
    Path directory;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private String db() {
        return directory.resolve("db").toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"import", "export", "validate", "migrate"})
    void everyCommandExplainsItself(String command) {
        CliRun help = run(command, "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).startsWith("Usage: mailconfig " + command).contains("--local=DIR", "--table=NAME", "--region=REGION", "--endpoint=URL");
    }

    @Test
    void aDryRunPrintsEachChangeWithItsKeyAndWritesNothing() {
        CliRun dryRun = run("import", LocalTables.exampleFile().toString(), "--dry-run", "--local", db());

        assertThat(dryRun.exitCode()).isZero();
        assertThat(dryRun.out()).contains("add    pk=PROVIDER#example sk=DOMAIN#example.com\n",
                "add    pk=PROVIDER#hosting sk=SERVER#smtp\n", "dry run, nothing written: would write 17, would delete 0, unchanged 0");
        assertThat(run("export", "--local", db()).out()).isEqualTo("providers: []\n");
    }

    @Test
    void importingTwiceWritesOnceThenNothing() {
        CliRun first = run("import", LocalTables.exampleFile().toString(), "--local", db());
        CliRun second = run("import", LocalTables.exampleFile().toString(), "--local", db());

        assertThat(first.exitCode()).isZero();
        assertThat(first.out()).contains("wrote 17, deleted 0, unchanged 0");
        assertThat(second.out()).isEqualTo("wrote 0, deleted 0, unchanged 17 (table mailconfig in DynamoDB Local at " + db() + ")\n");
        assertThat(run("validate", "--local", db()).exitCode()).isZero();
    }

    @Test
    void anExportedFileImportsIntoAnotherTableUnchanged() throws Exception {
        run("import", LocalTables.exampleFile().toString(), "--local", db());
        Path exported = directory.resolve("backup.json");

        assertThat(run("export", "--local", db(), "-o", exported.toString()).exitCode()).isZero();
        assertThat(Files.readString(exported)).startsWith("{");
        String copy = directory.resolve("copy").toString();
        assertThat(run("import", exported.toString(), "--local", copy).out()).contains("wrote 17");

        assertThat(run("export", "--local", copy).out()).isEqualTo(run("export", "--local", db()).out());
    }

    @Test
    void validateNamesEachProblemAndFailsAndImportRefusesTheFile() throws Exception {
        Path broken = directory.resolve("broken.yaml");
        Files.writeString(broken, Files.readString(LocalTables.exampleFile())
                .replace("port: 143", "port: 143000")
                .replace("      - customer-two.example\n", "      - customer-two.example\n      - example.net\n"));

        CliRun validate = run("validate", broken.toString());
        CliRun imported = run("import", broken.toString(), "--local", db());

        assertThat(validate.exitCode()).isEqualTo(MailconfigCli.INVALID);
        assertThat(validate.out()).contains(
                "item (pk=PROVIDER#example, sk=SERVER#imap-backup): port must be between 1 and 65535",
                "item (pk=PROVIDER#hosting, sk=DOMAIN#example.net): duplicate domain: also in PROVIDER#example",
                "3 problems in 18 items");
        assertThat(imported.exitCode()).isEqualTo(MailconfigCli.INVALID);
        assertThat(imported.err()).contains("nothing imported: 3 problems in the data");
        assertThat(run("export", "--local", db()).out()).isEqualTo("providers: []\n");
    }

    @Test
    void aFileMayAliasADomainThatOnlyTheTableHolds() throws Exception {
        run("import", LocalTables.exampleFile().toString(), "--local", db());
        Path alias = directory.resolve("alias.yaml");
        Files.writeString(alias, """
                providers:
                  - id: legacy
                    name: Legacy
                    domains:
                      - name: old-example.com
                        aliasOf: example.com
                    servers:
                      - {id: imap, type: imap, hostname: imap.example.com, port: 993, socketType: SSL, authentication: [password-cleartext]}
                      - {id: smtp, type: smtp, hostname: smtp.example.com, port: 465, socketType: SSL, authentication: [password-cleartext]}
                """);

        assertThat(run("validate", alias.toString()).out()).contains("aliasOf names example.com, which is not a domain in the table");
        CliRun imported = run("import", alias.toString(), "--local", db());

        assertThat(imported.exitCode()).isZero();
        assertThat(imported.out()).contains("add    pk=PROVIDER#legacy sk=DOMAIN#old-example.com");
    }

    @Test
    void anUnreadableFileIsAnErrorNotAStackTrace() {
        CliRun run = run("validate", directory.resolve("missing.yaml").toString());

        assertThat(run.exitCode()).isEqualTo(MailconfigCli.FAILED);
        assertThat(run.err()).startsWith("error: ").doesNotContain("\tat ");
    }

    @Test
    void withoutCredentialsARealTableIsRefusedAtOnceInOneLine() throws Exception {
        try (TestCredentials none = TestCredentials.none(directory)) {
            CliRun run = run("validate", "--region", "eu-central-1", "--table", "mailconfig");

            assertThat(run.exitCode()).isEqualTo(MailconfigCli.FAILED);
            assertThat(run.err()).isEqualTo("error: no AWS credentials for table mailconfig in eu-central-1: set AWS_PROFILE, or "
                    + "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or use --local DIR for a DynamoDB Local directory\n");
        }
    }

    @Test
    void theInstallationNamesTheTableAndRegionWhereNoFlagOrEnvironmentDoes() throws Exception {
        Assumptions.assumeTrue(System.getenv("TABLE_NAME") == null && System.getenv("AWS_REGION") == null,
                "this environment names a table or region itself");
        Path installation = directory.resolve("deployed.json");
        Files.writeString(installation, """
                {"account": "123456789012", "region": "eu-west-1", "tableName": "mail-autoconfig",
                 "domains": [{"name": "example.com", "dns": "external"}]}
                """);
        try (TestCredentials none = TestCredentials.none(directory)) {
            CliRun deployed = run("validate", "--installation", installation.toString());
            CliRun flags = run("validate", "--installation", installation.toString(), "--table", "other", "--region", "eu-north-1");
            CliRun without = run("validate", "--installation", installation.toString(), "--no-installation");

            assertThat(deployed.err()).startsWith("error: no AWS credentials for table mail-autoconfig in eu-west-1:");
            assertThat(flags.err()).startsWith("error: no AWS credentials for table other in eu-north-1:");
            assertThat(without.err()).startsWith("error: no AWS credentials for table mailconfig in us-east-1:");
        }
    }

    @Test
    void versionNamesTheProjectVersion() {
        CliRun run = run("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).matches("mailconfig \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n");
    }

    @Test
    void migrateWritesAFileToReviewThenImportsIt() throws Exception {
        Path automx2 = Automx2MigrationTestData.database(directory);
        Path review = directory.resolve("migrated.yaml");

        CliRun migrate = run("migrate", automx2.toString(), "-o", review.toString());
        CliRun imported = run("migrate", automx2.toString(), "--local", db());

        assertThat(migrate.exitCode()).isZero();
        assertThat(migrate.err()).contains("automx2: server 125 (pop pop.example.com:110): socket type 'PLAIN' is not carried over");
        assertThat(Files.readString(review)).contains("  - id: example-2\n");
        assertThat(imported.exitCode()).isZero();
        assertThat(imported.out()).contains("add    pk=PROVIDER#other sk=SERVER#127-pop3");
        assertThat(run("import", review.toString(), "--local", db()).out()).startsWith("wrote 0, deleted 0");
    }
}
