package io.mailconfig.cli;

import static io.mailconfig.cli.LocalTables.asSet;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import io.mailconfig.cli.Importer.Action;
import io.mailconfig.cli.Importer.Change;
import io.mailconfig.cli.Importer.Prune;
import io.mailconfig.http.Request;
import io.mailconfig.lambda.MailconfigHandler;
import io.mailconfig.testing.TestTable.Items;
import io.mailconfig.testing.Xml;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ImportExportTest {

    private TableAccess table;

    @BeforeEach
    void start() {
        table = LocalTables.inMemory();
    }

    @AfterEach
    void stop() throws Exception {
        table.close();
    }

    private static List<Map<String, AttributeValue>> example() throws Exception {
        return ItemFile.read(LocalTables.exampleFile());
    }

    private static Prune prune(boolean enabled) {
        return new Prune(enabled, Prune.DEFAULT_MAX_SHARE_PERCENT, false);
    }

    private Importer.Plan importItems(List<Map<String, AttributeValue>> items, boolean prune) {
        Importer.Plan plan = Importer.plan(table, items, prune(prune));
        Importer.apply(table, plan);
        return plan;
    }

    @Test
    void theExampleFileValidatesImportsAndAnswersClients() throws Exception {
        List<Map<String, AttributeValue>> items = example();

        assertThat(Validator.validate(items)).isEmpty();
        Importer.Plan plan = importItems(items, false);

        assertThat(plan.changes()).hasSize(17).allMatch(change -> change.action() == Action.ADD);
        assertThat(asSet(table.scanAll())).isEqualTo(asSet(items));
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/samples/autoconfig.json");
        event.setRawQueryString("emailaddress=someone%40customer-two.example");
        Xml xml = Xml.parse(new MailconfigHandler(LocalTables.store(table), Optional.empty(), Request.HTTPS).handleRequest(event, null).getBody());
        assertThat(xml.texts("//domain")).as("the domain asked about, never the provider's others").containsExactly("customer-two.example");
        assertThat(xml.texts("//incomingServer/hostname")).containsExactly("mail.hosting.example");
        assertThat(xml.texts("//incomingServer/username")).containsExactly("%EMAILLOCALPART%");
    }

    @Test
    void importingTheSameFileTwiceChangesNothing() throws Exception {
        importItems(example(), false);

        Importer.Plan second = Importer.plan(table, example(), prune(true));

        assertThat(second.changes()).isEmpty();
        assertThat(second.unchanged()).isEqualTo(17);
    }

    @Test
    void aPlanThatIsNotAppliedWritesNothing() throws Exception {
        Importer.Plan plan = Importer.plan(table, example(), prune(false));

        assertThat(plan.changes()).isNotEmpty();
        assertThat(table.scanAll()).isEmpty();
    }

    @Test
    void onlyChangedItemsAreWrittenAndMissingOnesStayUnlessPruned() throws Exception {
        importItems(example(), false);
        String edited = java.nio.file.Files.readString(LocalTables.exampleFile())
                .replace("hostname: imap2.example.com", "hostname: imap3.example.com")
                .replace("      - customer-two.example\n", "");
        List<Map<String, AttributeValue>> items = ItemFile.parse(edited);

        Importer.Plan kept = Importer.plan(table, items, prune(false));
        assertThat(kept.changes()).extracting(Change::toString)
                .containsExactly("update pk=PROVIDER#example sk=SERVER#imap-backup");

        Importer.Plan pruned = importItems(items, true);
        assertThat(pruned.changes()).extracting(Change::toString).containsExactlyInAnyOrder(
                "update pk=PROVIDER#example sk=SERVER#imap-backup",
                "delete pk=PROVIDER#hosting sk=DOMAIN#customer-two.example");
        assertThat(table.partitionsHolding("DOMAIN#customer-two.example")).isEmpty();
    }

    @Test
    void pruneNeverTouchesProvidersTheFileDoesNotName() throws Exception {
        table.put(Items.provider("other", "Other", "Other").build());
        table.put(Items.domain("other", "other.example").build());

        importItems(example(), true);

        assertThat(table.partition("PROVIDER#other")).hasSize(2);
    }

    @Test
    void aDomainAnotherProviderServesIsAConflictUnlessThatProviderGivesItUp() throws Exception {
        table.put(Items.provider("old", "Old", "Old").build());
        table.put(Items.domain("old", "example.net").build());

        assertThat(Importer.plan(table, example(), prune(false)).conflicts())
                .containsExactly("example.net is already served by PROVIDER#old (remove it there, or import that provider too with --prune)");

        String bothProviders = java.nio.file.Files.readString(LocalTables.exampleFile())
                + "\n  - id: old\n    name: Old\n    domains: []\n";
        assertThat(Importer.plan(table, ItemFile.parse(bothProviders), prune(true)).conflicts()).isEmpty();
    }

    @Test
    void exportThenImportGivesBackTheSameItemsEvenOddOnes() throws Exception {
        importItems(example(), false);
        table.put(Items.server("example", "typed-by-hand", "pop3", "pop.example.com", 995, "SSL", 30)
                .with("port", "995").with("note", AttributeValue.fromM(Map.of("by", AttributeValue.fromS("admin"),
                        "checked", AttributeValue.fromBool(true), "nothing", AttributeValue.fromNul(true)))).build());
        table.put(Items.of("PROVIDER#example", "NOTE#1").with("text", "kept as it is").withNumber("n", 7).build());
        table.put(Items.user("example", "dave@example.com").build());
        List<Map<String, AttributeValue>> before = table.scanAll();

        for (ItemFile.Format format : ItemFile.Format.values()) {
            String exported = ItemFile.write(before, format);
            try (TableAccess copy = LocalTables.inMemory()) {
                Importer.apply(copy, Importer.plan(copy, ItemFile.parse(exported), prune(false)));

                assertThat(asSet(copy.scanAll())).as(format.name()).isEqualTo(asSet(before));
                assertThat(ItemFile.write(copy.scanAll(), format)).isEqualTo(exported);
            }
        }
    }

    @Test
    void aStringSetIsExportedAsAList() throws Exception {
        table.put(Items.server("example", "set", "imap", "imap.example.com", 993, "SSL", 1)
                .with("authentication", AttributeValue.fromSs(List.of("password-cleartext"))).build());

        String exported = ItemFile.write(table.scanAll(), ItemFile.Format.YAML);

        assertThat(ItemFile.parse(exported).getFirst().get("authentication"))
                .isEqualTo(AttributeValue.fromL(List.of(AttributeValue.fromS("password-cleartext"))));
    }

    @Test
    void aFileWithoutProvidersIsRefusedWithAReason() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ItemFile.parse("domains: [example.com]\n"))
                .isInstanceOf(ItemFile.InvalidFileException.class).hasMessageContaining("providers");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ItemFile.parse("providers:\n  - name: No Id\n"))
                .isInstanceOf(ItemFile.InvalidFileException.class).hasMessageContaining("'id'");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ItemFile.parse("providers: [\n"))
                .isInstanceOf(ItemFile.InvalidFileException.class).hasMessageContaining("line");
    }
}
