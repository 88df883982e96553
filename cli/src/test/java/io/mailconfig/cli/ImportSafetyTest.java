package io.mailconfig.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailconfig.cli.Importer.Prune;
import io.mailconfig.local.EmbeddedDynamoDb;
import io.mailconfig.store.dynamodb.Table;
import io.mailconfig.testing.TestTable.Items;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/** The data tool with hostile, careless and large files: the table never answers worse than before. */
class ImportSafetyTest {

    @TempDir
    Path directory;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private String db() {
        return directory.resolve("db").toString();
    }

    private Path file(String name, String text) throws Exception {
        return Files.writeString(directory.resolve(name), text);
    }

    private static final String TWO_PROVIDERS = """
            providers:
              - id: old
                name: Old Mail
                domains: [moving.example, staying.example]
                servers:
                  - {id: imap, type: imap, hostname: imap.old.example, port: 993, socketType: SSL, authentication: [password-cleartext]}
                  - {id: smtp, type: smtp, hostname: smtp.old.example, port: 465, socketType: SSL, authentication: [password-cleartext]}
              - id: new
                name: New Mail
                domains: [new.example]
                servers:
                  - {id: imap, type: imap, hostname: imap.new.example, port: 993, socketType: SSL, authentication: [password-cleartext]}
                  - {id: smtp, type: smtp, hostname: smtp.new.example, port: 465, socketType: SSL, authentication: [password-cleartext]}
            """;

    @Test
    void aDomainThatMovesIsWrittenToItsNewProviderBeforeItLeavesTheOld() throws Exception {
        List<String> order = new ArrayList<>();
        try (TableAccess real = LocalTables.inMemory()) {
            Importer.apply(real, Importer.plan(real, ItemFile.parse(TWO_PROVIDERS), Prune.OFF));
            String moved = TWO_PROVIDERS.replace("[moving.example, staying.example]", "[staying.example]")
                    .replace("[new.example]", "[new.example, moving.example]");
            // The old provider comes first in the file; its deletion fails, as a lost connection would.
            TableAccess failingDeletes = new TableAccess(failing(real.client(), order), real.tableName(), () -> { });
            Importer.Plan plan = Importer.plan(failingDeletes, ItemFile.parse(moved), new Prune(true, 50, false));

            assertThatThrownBy(() -> Importer.apply(failingDeletes, plan)).hasMessageContaining("connection lost");

            assertThat(order).containsExactly("put PROVIDER#new", "delete PROVIDER#old");
            assertThat(real.partitionsHolding("DOMAIN#moving.example")).containsExactlyInAnyOrder("PROVIDER#old", "PROVIDER#new");
        }
    }

    /** A client whose transactions are recorded, and whose deleting transactions fail. */
    private static DynamoDbClient failing(DynamoDbClient real, List<String> order) {
        return (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(), new Class<?>[] {DynamoDbClient.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("transactWriteItems") && args[0] instanceof TransactWriteItemsRequest request) {
                        var first = request.transactItems().getFirst();
                        String what = first.delete() != null ? "delete " + first.delete().key().get("pk").s()
                                : "put " + first.put().item().get("pk").s();
                        order.add(what);
                        if (first.delete() != null) {
                            throw new IllegalStateException("connection lost");
                        }
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void pruneRefusesToDeleteMuchOrAWholeProviderWithoutForce() throws Exception {
        assertThat(run("import", file("two.yaml", TWO_PROVIDERS).toString(), "--local", db()).exitCode()).isZero();
        Path oneLeft = file("one.yaml", TWO_PROVIDERS.replace("[moving.example, staying.example]", "[staying.example]")
                .replace("  - {id: smtp, type: smtp, hostname: smtp.old.example", "  - {id: smtp2, type: smtp, hostname: smtp.old.example"));
        Path noneLeft = file("none.yaml", TWO_PROVIDERS.substring(0, TWO_PROVIDERS.indexOf("    domains: [moving"))
                + TWO_PROVIDERS.substring(TWO_PROVIDERS.indexOf("  - id: new")));

        CliRun tooMuch = run("import", oneLeft.toString(), "--prune", "--local", db());
        CliRun whole = run("import", noneLeft.toString(), "--prune", "--local", db());

        assertThat(tooMuch.exitCode()).isEqualTo(MailconfigCli.INVALID);
        assertThat(tooMuch.out()).contains("delete pk=PROVIDER#old sk=DOMAIN#moving.example", "delete pk=PROVIDER#old sk=SERVER#smtp");
        assertThat(tooMuch.err()).contains("refused: PROVIDER#old: --prune would delete 2 of its 5 items, more than 25 %");
        assertThat(whole.err()).contains("refused: PROVIDER#old: --prune would delete the whole provider");
        assertThat(run("export", "--local", db()).out()).contains("moving.example", "hostname: smtp.old.example");

        assertThat(run("import", oneLeft.toString(), "--prune", "--prune-limit", "50", "--local", db()).exitCode()).isZero();
        assertThat(run("import", noneLeft.toString(), "--prune", "--force", "--local", db()).exitCode()).isZero();
        assertThat(run("export", "--local", db()).out()).doesNotContain("moving.example", "staying.example");
    }

    @Test
    void aSecondKeyInOneMapIsAnErrorNotAnOverwrite() {
        assertThatThrownBy(() -> ItemFile.parse("""
                providers:
                  - id: example
                    name: Example
                    domains: [example.com]
                    domains: [example.net]
                """)).isInstanceOf(ItemFile.InvalidFileException.class).hasMessageContaining("Duplicate field 'domains'");
    }

    @Test
    void anchorsAndAliasesAreRefusedSoNoAliasBombExpands() {
        String aliasOfAList = """
                providers:
                  - id: example
                    name: Example
                    domains: &all [example.com, example.net]
                  - id: copy
                    name: Copy
                    domains: *all
                """;
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            bomb.append(c).append(": &").append(c).append(" [").append(("*" + (char) (c - 1) + ", ").repeat(9)).append("]\n");
        }

        assertThatThrownBy(() -> ItemFile.parse(aliasOfAList)).isInstanceOf(ItemFile.InvalidFileException.class)
                .hasMessage("YAML anchors and aliases (&name, *name) are not read: write each value out (line 4)");
        assertThatThrownBy(() -> ItemFile.parse(bomb + "providers: []\n")).isInstanceOf(ItemFile.InvalidFileException.class)
                .hasMessageStartingWith("YAML anchors and aliases");
    }

    @Test
    void anExportOfSeveralMegabytesAndUnknownItemsImportsAgainUnchanged() throws Exception {
        try (EmbeddedDynamoDb source = EmbeddedDynamoDb.inDirectory(directory.resolve("big").toFile())) {
            source.createTable(Table.DEFAULT_NAME);
            List<Map<String, AttributeValue>> items = new ArrayList<>(List.of(
                    Items.provider("big", "Big Mail", "Big").build(),
                    Items.server("big", "imap", "imap", "imap.big.example", 993, "SSL", 10).build(),
                    Items.server("big", "smtp", "smtp", "smtp.big.example", 465, "SSL", 10).build(),
                    Items.of("PROVIDER#big", "NOTE#kept").with("text", "an item mailconfig does not read").build()));
            for (int i = 0; i < 40; i++) {
                items.add(Items.domain("big", "customer" + i + ".example").with("comment", "x".repeat(100_000)).build());
            }
            new TableAccess(source.client(), Table.DEFAULT_NAME, () -> { }).batch(items.stream()
                    .map(item -> software.amazon.awssdk.services.dynamodb.model.WriteRequest.builder()
                            .putRequest(r -> r.item(item)).build()).toList());
        }
        Path exported = directory.resolve("big.yaml");
        assertThat(run("export", "--local", directory.resolve("big").toString(), "-o", exported.toString()).exitCode()).isZero();
        assertThat(Files.size(exported)).isGreaterThan(3L * 1024 * 1024);

        CliRun imported = run("import", exported.toString(), "--local", db());

        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.err()).contains("note: item (pk=PROVIDER#big, sk=NOTE#kept): an item of a kind mailconfig does not read");
        assertThat(run("export", "--local", db(), "--format", "yaml").out()).isEqualTo(Files.readString(exported));
        assertThat(run("export", "--local", db(), "--format", "json").out()).startsWith("{").contains("\"customer39.example\"");
    }

    @Test
    void aLargeImportPlansWithOneScanOfTheIndexAndShowsItsProgress() throws Exception {
        StringBuilder file = new StringBuilder("""
                providers:
                  - id: hoster
                    name: Hoster
                    servers:
                      - {id: imap, type: imap, hostname: imap.hoster.example, port: 993, socketType: SSL, authentication: [password-cleartext]}
                      - {id: smtp, type: smtp, hostname: smtp.hoster.example, port: 465, socketType: SSL, authentication: [password-cleartext]}
                    domains:
                """);
        for (int i = 0; i < 2_500; i++) {
            file.append("      - customer").append(i).append(".example\n");
        }
        try (TableAccess table = LocalTables.inMemory()) {
            table.put(Items.provider("other", "Other", "Other").build());
            table.put(Items.domain("other", "customer1234.example").build());
            List<String> progress = new ArrayList<>();

            Importer.Plan plan = Importer.plan(table, ItemFile.parse(file.toString()), Prune.OFF);
            assertThat(plan.conflicts()).containsExactly("customer1234.example is already served by PROVIDER#other"
                    + " (remove it there, or import that provider too with --prune)");
            Importer.apply(table, plan, progress::add);

            assertThat(progress).containsExactly("written 1000 of 2503 changes", "written 2000 of 2503 changes",
                    "written 2503 of 2503 changes");
            assertThat(table.partition("PROVIDER#hoster")).hasSize(2_503);
        }
    }
}
