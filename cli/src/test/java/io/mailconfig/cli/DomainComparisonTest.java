package io.mailconfig.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code validate} holds the table's domains against the installation's: the two lists of domains must agree. */
class DomainComparisonTest {

    @TempDir
    Path directory;

    @Test
    void aDomainOnOnlyOneOfTheListsIsAProblemOfValidate() throws Exception {
        String db = exampleTable();
        Path installation = file("mailconfig.json", """
                {"account": "123456789012", "region": "eu-central-1", "dns": "external",
                 "sharedHosts": {"domain": "hosting.example"},
                 "domains": [{"name": "example.com", "hosts": "own"}, {"name": "example.net", "hosts": "own"},
                             {"name": "xn--bcher-kva.example", "hosts": "own"},
                             {"name": "customer-one.example"}, {"name": "customer-three.example"}]}
                """);

        CliRun run = CliRun.of("validate", "--local", db, "--installation", installation.toString());

        assertThat(run.exitCode()).isEqualTo(MailconfigCli.INVALID);
        assertThat(run.out().lines()).containsExactly(
                "domain customer-three.example: served by the installation (" + installation + "), but not in the table: its clients"
                        + " get \"no configuration for this domain\"; add a DOMAIN#customer-three.example item to its provider",
                "domain customer-two.example (PROVIDER#hosting): in the table, but not in the installation (" + installation + "): no host"
                        + " serves it and no DNS record leads its clients here; add it to \"domains\" there",
                "domain example.org (PROVIDER#example): in the table, but not in the installation (" + installation + "): no host"
                        + " serves it and no DNS record leads its clients here; add it to \"domains\" there",
                "domain hosting.example: the shared hosts' domain is not in the table: Thunderbird for Android asks"
                        + " autoconfig.hosting.example without an address after its MX lookup and gets 404; add a DOMAIN#hosting.example"
                        + " item to the provider whose servers the customer domains use",
                "table mailconfig in DynamoDB Local at " + db + " and the installation " + installation + ": 4 problems in 17 items");
    }

    @Test
    void listsThatAgreeAreNoProblemAndTheComparisonCanBeLeftOutOrIsForTheTableOnly() throws Exception {
        String db = exampleTable();
        Path installation = file("cdk.json", """
                {"app": "java ...", "context": {"mailconfig": {"account": "123456789012", "region": "eu-central-1", "dns": "external",
                 "domains": [{"name": "example.com"}, {"name": "example.net"}, {"name": "example.org"}, {"name": "xn--bcher-kva.example"},
                             {"name": "customer-one.example"}, {"name": "customer-two.example"}, {"name": "more.example"}]}}}
                """);

        CliRun disagreeing = CliRun.of("validate", "--local", db, "--installation", installation.toString());
        CliRun without = CliRun.of("validate", "--local", db, "--installation", installation.toString(), "--no-installation");
        CliRun file = CliRun.of("validate", LocalTables.exampleFile().toString(), "--installation", installation.toString());
        Files.writeString(installation, Files.readString(installation).replace(", {\"name\": \"more.example\"}", ""));
        CliRun agreeing = CliRun.of("validate", "--local", db, "--installation", installation.toString());

        assertThat(disagreeing.out()).contains("domain more.example: served by the installation").contains("1 problem in 17 items");
        assertThat(agreeing.exitCode()).as(agreeing.out()).isZero();
        assertThat(agreeing.out()).isEqualTo("table mailconfig in DynamoDB Local at " + db + " and the installation " + installation
                + ": 17 items, no problems\n");
        assertThat(without.exitCode()).isZero();
        assertThat(without.out()).isEqualTo("table mailconfig in DynamoDB Local at " + db + ": 17 items, no problems\n");
        assertThat(file.exitCode()).isZero();
        assertThat(file.out()).isEqualTo(LocalTables.exampleFile() + ": 17 items, no problems\n");
    }

    /** The example providers in a DynamoDB Local directory; its path. */
    private String exampleTable() {
        String db = directory.resolve("db").toString();
        CliRun.of("import", LocalTables.exampleFile().toString(), "--local", db);
        return db;
    }

    private Path file(String name, String content) throws Exception {
        return Files.writeString(directory.resolve(name), content);
    }
}
