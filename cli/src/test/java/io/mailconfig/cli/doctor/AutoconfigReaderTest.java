package io.mailconfig.cli.doctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailconfig.model.EmailAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The rules of Thunderbird for Android's and Thunderbird's Autoconfig readers, on files mailconfig would never write. */
class AutoconfigReaderTest {

    private static final EmailAddress ALICE = new EmailAddress("alice", "example.com");

    private static String file(String provider, String servers) {
        return "<clientConfig version=\"1.1\"><emailProvider " + provider + "><domain>example.com</domain>" + servers
                + "</emailProvider></clientConfig>";
    }

    private static String server(String direction, String type, String host, int port, String socketType, String auth) {
        return "<" + direction + " type=\"" + type + "\"><hostname>" + host + "</hostname><port>" + port + "</port><socketType>" + socketType
                + "</socketType><authentication>" + auth + "</authentication><username>%EMAILADDRESS%</username></" + direction + ">";
    }

    private static final String SMTP = server("outgoingServer", "smtp", "smtp.example.com", 465, "SSL", "password-cleartext");

    private static AutoconfigReader.Reading read(String xml) {
        return AutoconfigReader.read(xml.getBytes(StandardCharsets.UTF_8), ALICE);
    }

    @Test
    void aGoodFileIsReadByBothWithTheAddressFilledIn() {
        AutoconfigReader.Reading reading = read(file("id=\"example.com\"",
                server("incomingServer", "imap", "imap.example.com", 993, "SSL", "password-cleartext") + SMTP));

        assertThat(reading.androidRejection()).isEmpty();
        assertThat(reading.thunderbirdRejection()).isEmpty();
        assertThat(reading.servers()).extracting(ClientSetting::toString)
                .containsExactly("imap imap.example.com:993 SSL as alice@example.com", "smtp smtp.example.com:465 SSL as alice@example.com");
    }

    @Test
    void aPop3OnlyFileIsRefusedByThunderbirdForAndroidAlone() {
        AutoconfigReader.Reading reading = read(file("id=\"example.com\"",
                server("incomingServer", "pop3", "pop.example.com", 995, "SSL", "password-cleartext") + SMTP));

        assertThat(reading.androidRejection()).contains("no <incomingServer type=\"imap\">: it reads no other kind");
        assertThat(reading.thunderbirdRejection()).isEmpty();
    }

    @Test
    void anEmailProviderIdThatIsNoHostNameIsRefusedByBoth() {
        AutoconfigReader.Reading reading = read(file("id=\"Example Mail\"",
                server("incomingServer", "imap", "imap.example.com", 993, "SSL", "password-cleartext") + SMTP));

        assertThat(reading.androidRejection()).contains("<emailProvider id=\"Example Mail\"> is not a host name");
        assertThat(reading.thunderbirdRejection()).isEqualTo(reading.androidRejection());
    }

    @Test
    void oneBadEntryCostsThunderbirdForAndroidTheWholeFileAndThunderbirdOnlyThatEntry() {
        AutoconfigReader.Reading reading = read(file("id=\"example.com\"",
                server("incomingServer", "imap", "imap.example.com", 993, "SSL", "password-cleartext")
                        + server("incomingServer", "imap", "imap2.example.com", 143, "STARTTLS", "NTLM") + SMTP));

        assertThat(reading.androidRejection()).get().asString().contains("imap2.example.com: no <authentication> it can use");
        assertThat(reading.thunderbirdRejection()).isEmpty();
        assertThat(reading.servers()).hasSize(3);
    }

    @Test
    void anOAuth2OnlyServerIsUsableForThunderbirdForAndroidButNotForThunderbird() {
        AutoconfigReader.Reading reading = read(file("id=\"example.com\"",
                server("incomingServer", "imap", "imap.example.com", 993, "SSL", "OAuth2") + SMTP));

        assertThat(reading.androidRejection()).isEmpty();
        assertThat(reading.thunderbirdRejection()).contains("no usable <incomingServer>");
        assertThat(reading.skipped()).singleElement().asString().contains("imap.example.com: no <authentication> it can use");
    }

    @Test
    void aDocumentWithADtdIsNotRead() {
        assertThatThrownBy(() -> read("<!DOCTYPE clientConfig [<!ENTITY x \"y\">]><clientConfig/>"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not well-formed XML");
    }
}
