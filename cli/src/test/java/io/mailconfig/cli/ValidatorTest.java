package io.mailconfig.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailconfig.store.dynamodb.ItemReader.Problem;
import io.mailconfig.testing.TestTable.Items;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ValidatorTest {

    /** A provider that validates clean, plus the items under test. */
    private static List<Problem> validate(Map<String, AttributeValue>... extra) {
        List<Map<String, AttributeValue>> items = new ArrayList<>(List.of(
                Items.provider("acme", "Acme Mail", "Acme").build(),
                Items.domain("acme", "acme.example").build(),
                Items.server("acme", "imap", "imap", "imap.acme.example", 993, "SSL", 10).build(),
                Items.server("acme", "smtp", "smtp", "smtp.acme.example", 465, "SSL", 10).build()));
        items.addAll(List.of(extra));
        return Validator.validate(items);
    }

    private static String only(List<Problem> problems) {
        assertThat(problems).hasSize(1);
        return problems.getFirst().toString();
    }

    @Test
    void aCorrectProviderHasNoProblems() {
        assertThat(validate()).isEmpty();
    }

    @Test
    void aBadLookOfTheSetupPageIsNamedWithTheProviderItem() {
        List<Problem> problems = Validator.validate(List.of(
                Items.provider("acme", "Acme Mail", "Acme").with("accentColor", "green").build(),
                Items.domain("acme", "acme.example").build(),
                Items.server("acme", "imap", "imap", "imap.acme.example", 993, "SSL", 10).build(),
                Items.server("acme", "smtp", "smtp", "smtp.acme.example", 465, "SSL", 10).build()));

        assertThat(only(problems)).isEqualTo("item (pk=PROVIDER#acme, sk=PROVIDER): accentColor: not a colour written "
                + "as #rrggbb (e.g. #1a6b3c): green; the setup page goes without it");
    }

    @Test
    void aMissingFieldIsNamedWithTheItemsKey() {
        assertThat(only(validate(Items.server("acme", "pop", "pop3", "x", 995, "SSL", 20).without("hostname").build())))
                .isEqualTo("item (pk=PROVIDER#acme, sk=SERVER#pop): hostname is missing or not a string");
    }

    @Test
    void aPortOutOfRange() {
        assertThat(only(validate(Items.server("acme", "pop", "pop3", "pop.acme.example", 99999, "SSL", 20).build())))
                .isEqualTo("item (pk=PROVIDER#acme, sk=SERVER#pop): port must be between 1 and 65535");
    }

    @Test
    void anUnknownSocketType() {
        assertThat(only(validate(Items.server("acme", "pop", "pop3", "pop.acme.example", 110, "plain", 20).build())))
                .isEqualTo("item (pk=PROVIDER#acme, sk=SERVER#pop): socketType must be SSL or STARTTLS");
    }

    @Test
    void anUnknownAuthenticationMethod() {
        assertThat(only(validate(Items.server("acme", "pop", "pop3", "pop.acme.example", 995, "SSL", 20)
                .withList("authentication", "password-cleartext", "kerberos5").build())))
                .isEqualTo("item (pk=PROVIDER#acme, sk=SERVER#pop): unknown authentication method: kerberos5");
    }

    @Test
    void anAttributeOfTheWrongType() {
        assertThat(only(validate(Items.server("acme", "pop", "pop3", "pop.acme.example", 995, "SSL", 20)
                .with("port", AttributeValue.fromL(List.of(AttributeValue.fromN("995")))).build())))
                .isEqualTo("item (pk=PROVIDER#acme, sk=SERVER#pop): port must be a string, not a list");
    }

    @Test
    void aDomainPointingAtAProviderThatDoesNotExist() {
        List<Problem> problems = validate(Items.domain("ghost", "ghost.example").build());

        assertThat(problems).extracting(Problem::toString).containsExactly(
                "item (pk=PROVIDER#ghost, sk=DOMAIN#ghost.example): domain points at a provider that does not exist: "
                        + "PROVIDER#ghost has no PROVIDER item",
                "item (pk=PROVIDER#ghost, sk=SERVER#): no usable incoming (imap or pop3) server for the domains of PROVIDER#ghost",
                "item (pk=PROVIDER#ghost, sk=SERVER#): no usable outgoing (smtp) server for the domains of PROVIDER#ghost");
    }

    @Test
    void aServerLinkedNowhere() {
        List<Problem> problems = validate(Items.provider("empty", "Empty", "Empty").build(),
                Items.server("empty", "imap", "imap", "imap.empty.example", 993, "SSL", 10).build(),
                Items.dav("empty", "calendar", "caldav", "https://dav.empty.example/").build());

        assertThat(problems).extracting(Problem::toString).containsExactly(
                "item (pk=PROVIDER#empty, sk=DAV#calendar): server linked nowhere: PROVIDER#empty has no domain",
                "item (pk=PROVIDER#empty, sk=SERVER#imap): server linked nowhere: PROVIDER#empty has no domain");
    }

    @Test
    void aDuplicateDomainIsReportedInBothProviders() {
        List<Problem> problems = validate(Items.provider("other", "Other", "Other").build(),
                Items.domain("other", "acme.example").build(),
                Items.server("other", "imap", "imap", "imap.other.example", 993, "SSL", 10).build(),
                Items.server("other", "smtp", "smtp", "smtp.other.example", 465, "SSL", 10).build());

        assertThat(problems).extracting(Problem::toString).containsExactly(
                "item (pk=PROVIDER#acme, sk=DOMAIN#acme.example): duplicate domain: also in PROVIDER#other; clients would get either one",
                "item (pk=PROVIDER#other, sk=DOMAIN#acme.example): duplicate domain: also in PROVIDER#acme; clients would get either one");
    }

    @Test
    void theSameItemTwiceInAFile() {
        assertThat(only(validate(Items.domain("acme", "acme.example").build())))
                .isEqualTo("item (pk=PROVIDER#acme, sk=DOMAIN#acme.example): the same item is given twice");
    }

    @Test
    void aMailboxOfADomainTheProviderDoesNotServe() {
        assertThat(only(validate(Items.user("acme", "carol@elsewhere.example").with("loginName", "carol").build())))
                .isEqualTo("item (pk=PROVIDER#acme, sk=USER#carol@elsewhere.example): mailbox of elsewhere.example, "
                        + "which is not a domain of PROVIDER#acme");
    }

    @Test
    void aMailboxNotStoredUnderTheKeyItIsReadBy() {
        assertThat(only(validate(Items.user("acme", "Carol@acme.example").with("loginName", "carol").build())))
                .isEqualTo("item (pk=PROVIDER#acme, sk=USER#Carol@acme.example): mailbox must be stored with ASCII letters"
                        + " in lower case and the domain in punycode: USER#carol@acme.example");
    }

    @Test
    void anAliasOfAnUnknownDomain() {
        assertThat(only(validate(Items.domain("acme", "acme.example.net").with("aliasOf", "acme.example.org").build())))
                .isEqualTo("item (pk=PROVIDER#acme, sk=DOMAIN#acme.example.net): aliasOf names acme.example.org, "
                        + "which is not a domain in the table");
    }

    @Test
    void aDavUrlMayHoldPlaceholdersInItsPathOnly() {
        assertThat(validate(Items.dav("acme", "personal", "caldav", "https://dav.acme.example/%EMAILDOMAIN%/%EMAILLOCALPART%/").build()))
                .isEmpty();
        assertThat(only(validate(Items.dav("acme", "wrong", "carddav", "https://%EMAILDOMAIN%/dav/").build())))
                .isEqualTo("item (pk=PROVIDER#acme, sk=DAV#wrong): placeholders may stand only in the path of a DAV URL: https://%EMAILDOMAIN%/dav/");
    }

    @Test
    void anAliasOfAKnownDomainIsFine() {
        assertThat(validate(Items.domain("acme", "acme.example.net").with("aliasOf", "acme.example").build())).isEmpty();
    }

    @Test
    void aProviderWithoutAnyOutgoingServer() {
        List<Map<String, AttributeValue>> items = List.of(
                Items.provider("acme", "Acme Mail", "Acme").build(),
                Items.domain("acme", "acme.example").build(),
                Items.server("acme", "imap", "imap", "imap.acme.example", 993, "SSL", 10).build());

        assertThat(only(Validator.validate(items)))
                .isEqualTo("item (pk=PROVIDER#acme, sk=SERVER#): no usable outgoing (smtp) server for the domains of PROVIDER#acme");
    }

    @Test
    void aPartitionKeyThatIsNotAProvider() {
        assertThat(only(validate(Items.of("acme", "DOMAIN#x.example").build())))
                .isEqualTo("item (pk=acme, sk=DOMAIN#x.example): pk must be PROVIDER#<id>");
    }

    @Test
    void aDomainNotInLowerCaseIsAProblemAndAnUnknownKindOfItemOnlyANote() {
        Map<String, AttributeValue> upperCase = Items.domain("acme", "Acme.Example.Net").build();
        Map<String, AttributeValue> note = Items.of("PROVIDER#acme", "NOTE#1").build();

        assertThat(validate(upperCase, note)).extracting(Problem::message).containsExactly(
                "domain must be stored in lower-case ASCII (punycode): DOMAIN#acme.example.net");
        assertThat(Validator.unknownItems(List.of(upperCase, note))).extracting(Problem::toString).containsExactly(
                "item (pk=PROVIDER#acme, sk=NOTE#1): an item of a kind mailconfig does not read; it is kept as it is");
    }
}
