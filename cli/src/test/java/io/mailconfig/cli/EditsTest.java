package io.mailconfig.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** add-domain, remove-domain, add-user and remove-user on a DynamoDB Local directory holding the example file. */
class EditsTest {

    @TempDir
    Path directory;

    private CliRun run(String... args) {
        String[] withTable = new String[args.length + 2];
        System.arraycopy(args, 0, withTable, 0, args.length);
        withTable[args.length] = "--local";
        withTable[args.length + 1] = directory.resolve("db").toString();
        return CliRun.of(withTable);
    }

    private String exported() {
        return run("export").out();
    }

    @BeforeEach
    void importTheExample() {
        assertThat(run("import", LocalTables.exampleFile().toString()).exitCode()).isZero();
    }

    @Test
    void aDomainIsAddedToItsProviderAfterADryRunThatWritesNothing() {
        String before = exported();

        CliRun dryRun = run("add-domain", "Neu.Example", "--provider", "hosting", "--dry-run");
        assertThat(dryRun.exitCode()).isZero();
        assertThat(dryRun.out()).isEqualTo("add    pk=PROVIDER#hosting sk=DOMAIN#neu.example\ndry run, nothing written\n");
        assertThat(exported()).isEqualTo(before);

        CliRun added = run("add-domain", "Neu.Example", "--provider", "hosting");
        assertThat(added.exitCode()).isZero();
        assertThat(exported()).contains("- neu.example");
        assertThat(run("validate").exitCode()).isZero();
    }

    @Test
    void aDomainServedElsewhereOrAMissingProviderIsRefused() {
        CliRun taken = run("add-domain", "example.net", "--provider", "hosting");
        CliRun nowhere = run("add-domain", "neu.example", "--provider", "nobody");
        CliRun badAlias = run("add-domain", "neu.example", "--provider", "hosting", "--alias-of", "unknown.example");

        assertThat(taken.exitCode()).isEqualTo(MailconfigCli.INVALID);
        assertThat(taken.err()).isEqualTo("error: example.net is already served by PROVIDER#example; remove it there first\n");
        assertThat(nowhere.err()).startsWith("error: there is no provider PROVIDER#nobody");
        assertThat(badAlias.exitCode()).isEqualTo(MailconfigCli.INVALID);
        assertThat(badAlias.err()).contains("aliasOf names unknown.example, which is not a domain in the table");
        assertThat(exported()).doesNotContain("neu.example");
    }

    @Test
    void aDomainIsRemovedButNotAProvidersLastWithoutForce() {
        CliRun removed = run("remove-domain", "customer-two.example");
        assertThat(removed.exitCode()).isZero();
        assertThat(removed.out()).startsWith("delete pk=PROVIDER#hosting sk=DOMAIN#customer-two.example\n");

        CliRun last = run("remove-domain", "customer-one.example");
        assertThat(last.exitCode()).isEqualTo(MailconfigCli.INVALID);
        assertThat(last.err()).contains("is the last domain of PROVIDER#hosting; give --force");
        assertThat(exported()).contains("customer-one.example").doesNotContain("customer-two.example");
        assertThat(run("remove-domain", "customer-one.example", "--force").exitCode()).isZero();
        assertThat(exported()).doesNotContain("customer-one.example");
    }

    @Test
    void aMailboxGetsItsOwnLoginNameAndLosesItAgain() {
        CliRun added = run("add-user", "Frank@Example.com", "--login-name", "f.miller", "--display-name", "Frank Miller");
        assertThat(added.exitCode()).isZero();
        assertThat(added.out()).startsWith("add    pk=PROVIDER#example sk=USER#frank@example.com\n");
        assertThat(exported()).contains("address: frank@example.com", "loginName: f.miller", "displayName: Frank Miller");

        assertThat(run("add-user", "frank@example.com", "--login-name", "frank").out())
                .startsWith("update pk=PROVIDER#example sk=USER#frank@example.com\n");
        assertThat(run("remove-user", "frank@example.com").exitCode()).isZero();
        assertThat(exported()).doesNotContain("frank@example.com");
    }

    @Test
    void aMailboxOfAnUnknownDomainOrWithoutSettingsIsRefused() {
        assertThat(run("add-user", "x@nowhere.example", "--login-name", "x").err()).isEqualTo("error: no provider serves nowhere.example\n");
        assertThat(run("add-user", "x@example.com").err()).startsWith("error: give --login-name, --display-name or both");
        assertThat(run("add-user", "not-an-address", "--login-name", "x").exitCode()).isEqualTo(MailconfigCli.FAILED);
        assertThat(run("remove-user", "nobody@example.com").err()).isEqualTo("error: nobody@example.com has no settings of its own\n");
    }
}
