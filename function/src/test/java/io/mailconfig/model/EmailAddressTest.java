package io.mailconfig.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmailAddressTest {

    @ParameterizedTest
    @CsvSource({
        "alice@example.com, alice, example.com",
        "Alice.Smith+tag@EXAMPLE.COM, Alice.Smith+tag, example.com",
        "anna@bücher.example, anna, xn--bcher-kva.example",
        "jörg@xn--bcher-kva.example., jörg, xn--bcher-kva.example",
    })
    void parsesAndCanonicalisesTheDomain(String input, String localPart, String domain) throws Exception {
        EmailAddress address = EmailAddress.parse(input);

        assertThat(address.localPart()).isEqualTo(localPart);
        assertThat(address.domain()).isEqualTo(domain);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "alice                 | email address has no @",
        "a@b@example.com       | email address has more than one @",
        "@example.com          | email address has an empty local part",
        "alice@example         | email address domain is not a valid host name",
        "alice@exa mple.com    | email address domain is not a valid host name",
        "al ice@example.com    | email address has an invalid local part",
        "\"al\"@example.com    | email address has an invalid local part",
    })
    void explainsWhatIsWrong(String input, String reason) {
        assertThatThrownBy(() -> EmailAddress.parse(input)).hasMessage(reason);
    }

    @ParameterizedTest
    @CsvSource({
        "Carol@Example.COM, carol@example.com",
        "CAROL.Smith+Tag@example.com, carol.smith+tag@example.com",
        "\u212Aim@example.com, \u212Aim@example.com",
        "STRAẞE@example.com, straẞe@example.com",
        "Jörg@example.com, jörg@example.com",
        "ÄRGER@example.com, Ärger@example.com",
    })
    void theMailboxKeyFoldsOnlyAsciiLettersOfTheLocalPart(String input, String key) throws Exception {
        assertThat(EmailAddress.parse(input).key()).isEqualTo(key);
        assertThat(EmailAddress.keyOf(input)).contains(key);
    }

    @org.junit.jupiter.api.Test
    void theKelvinSignIsNotTheLetterK() throws Exception {
        assertThat(EmailAddress.parse("\u212Aim@example.com").key()).isNotEqualTo(EmailAddress.parse("kim@example.com").key());
        assertThat(EmailAddress.parse("\u212Aim@example.com").key()).isNotEqualTo(EmailAddress.parse("Kim@example.com").key());
    }
}
