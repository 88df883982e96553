package io.mailconfig.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailconfig.model.Provider;
import io.mailconfig.testing.TestTable.Items;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The provider's look on its PROVIDER item: read, checked, written back. */
class ProviderLookTest {

    private static ItemReader.Result read(Map<String, AttributeValue> providerItem) {
        return ItemReader.read("acme", List.of(providerItem));
    }

    @Test
    void aLogoAndAnAccentColourAreReadAndWrittenBack() {
        ItemReader.Result result = read(Items.provider("acme", "Acme Mail", "Acme")
                .with("logoUrl", "https://static.acme.example/logo.svg").with("accentColor", "#1A6B3C").build());

        Provider provider = result.config().provider();
        assertThat(result.problems()).isEmpty();
        assertThat(provider.logoUrl()).contains(URI.create("https://static.acme.example/logo.svg"));
        assertThat(provider.accentColor()).contains("#1a6b3c");
        assertThat(read(ItemWriter.provider(provider)).config().provider()).isEqualTo(provider);
    }

    @Test
    void aBadLookIsReportedAndLeftOutWhileTheProviderKeepsItsName() {
        ItemReader.Result result = read(Items.provider("acme", "Acme Mail", "Acme")
                .with("logoUrl", "http://static.acme.example/logo.svg").with("accentColor", "red").build());

        assertThat(result.config().provider().name()).isEqualTo("Acme Mail");
        assertThat(result.config().provider().logoUrl()).isEmpty();
        assertThat(result.config().provider().accentColor()).isEmpty();
        assertThat(result.problems()).extracting(ItemReader.Problem::message)
                .anySatisfy(message -> assertThat(message).startsWith("logoUrl: not an https URL"))
                .anySatisfy(message -> assertThat(message).startsWith("accentColor: not a colour written as #rrggbb"));
    }

    @Test
    void aLogoWithAUserNameOrOfAbsurdLengthIsRefused() {
        for (String logo : List.of("https://user:secret@static.acme.example/logo.png",
                "https://static.acme.example/" + "a".repeat(2100), "https:///logo.png", "javascript:alert(1)")) {
            ItemReader.Result result = read(Items.provider("acme", "Acme Mail", "Acme").with("logoUrl", logo).build());

            assertThat(result.config().provider().logoUrl()).as(logo).isEmpty();
            assertThat(result.problems()).as(logo).singleElement()
                    .satisfies(problem -> assertThat(problem.message()).startsWith("logoUrl: "));
        }
    }

    @Test
    void withoutALookNothingIsWritten() {
        Map<String, AttributeValue> item = ItemWriter.provider(new Provider("acme", "Acme Mail", "Acme", Optional.empty()));

        assertThat(item).doesNotContainKeys("logoUrl", "accentColor");
    }
}
