package io.mailconfig.dnsrecords;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailconfig.Mailconfig;
import io.mailconfig.dnsrecords.TableRecords.Key;
import io.mailconfig.dnsrecords.TableRecords.Kind;
import io.mailconfig.dnsrecords.TableRecords.Record;
import io.mailconfig.http.Request;
import io.mailconfig.model.Authentication;
import io.mailconfig.model.DavServer;
import io.mailconfig.model.DavType;
import io.mailconfig.model.Domain;
import io.mailconfig.model.DomainConfig;
import io.mailconfig.model.MailServer;
import io.mailconfig.model.Provider;
import io.mailconfig.model.ProviderConfig;
import io.mailconfig.model.ServerType;
import io.mailconfig.model.SocketType;
import io.mailconfig.model.UsernameTemplate;
import io.mailconfig.protocol.pacc.Pacc;
import io.mailconfig.protocol.pacc.PaccDocument;
import io.mailconfig.protocol.pacc.PaccRecord;
import io.mailconfig.sample.SampleProvider;
import io.mailconfig.store.ConfigStore;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TableRecordsTest {

    private static final ConfigStore SAMPLE = SampleProvider.store();

    private static DomainConfig sample(String domain) {
        return SAMPLE.find(domain).orElseThrow();
    }

    private static Map<Key, List<String>> values(TableRecords.Result result) {
        return result.records().stream().collect(java.util.stream.Collectors.toMap(Record::key, Record::values));
    }

    @Test
    void eachKindHasItsOwnNamesAndTypes() {
        assertThat(TableRecords.keys("example.com", EnumSet.allOf(Kind.class))).containsExactly(
                new Key("_ua-auto-config.example.com", "TXT"),
                new Key("_mta-sts.example.com", "TXT"),
                new Key("_smtp._tls.example.com", "TXT"),
                new Key("_caldavs._tcp.example.com", "SRV"),
                new Key("_caldavs._tcp.example.com", "TXT"),
                new Key("_carddavs._tcp.example.com", "SRV"),
                new Key("_carddavs._tcp.example.com", "TXT"));
        assertThat(TableRecords.keys("example.com", Set.of())).isEmpty();
        assertThat(TableRecords.keys("example.com", Set.of(Kind.TLS_RPT))).containsExactly(new Key("_smtp._tls.example.com", "TXT"));
    }

    @Test
    void aTxtTextBecomesQuotedStringsOfAtMost255CharactersWithQuotesAndBackslashesEscaped() {
        String text = "v=TLSRPTv1; rua=" + "a".repeat(250) + "\"\\";

        assertThat(TableRecords.txtData("v=STSv1; id=1")).isEqualTo("\"v=STSv1; id=1\"");
        assertThat(TableRecords.txtData(text)).isEqualTo("\"v=TLSRPTv1; rua=" + "a".repeat(239) + "\" \"" + "a".repeat(11) + "\\\"\\\\\"");
        assertThat(TableRecords.txtData("")).isEqualTo("\"\"");
    }

    @Test
    void theValuesAreWhatTheFunctionServes() {
        Map<Key, List<String>> records = values(TableRecords.of(sample("example.com"), EnumSet.allOf(Kind.class), TableRecords.MxHosts.UNKNOWN));

        byte[] served = Mailconfig.router(SAMPLE, Optional.empty())
                .route(new Request("GET", Pacc.PATH, Map.of(), Map.of("host", "ua-auto-config.example.com"), null)).body();
        assertThat(records.get(new Key("_ua-auto-config.example.com", "TXT"))).containsExactly(PaccRecord.txt(served));
        assertThat(records.get(new Key("_mta-sts.example.com", "TXT")).getFirst()).matches("v=STSv1; id=[0-9a-f]{20}");
        assertThat(records.get(new Key("_smtp._tls.example.com", "TXT"))).containsExactly("v=TLSRPTv1; rua=mailto:tls-reports@example.com");
        // RFC 6764 section 3: the DAV servers' host and port, and their context path.
        assertThat(records.get(new Key("_caldavs._tcp.example.com", "SRV"))).containsExactly("0 1 443 dav.example.com.");
        assertThat(records.get(new Key("_caldavs._tcp.example.com", "TXT"))).containsExactly("path=/dav/calendars/");
        assertThat(records.get(new Key("_carddavs._tcp.example.com", "TXT"))).containsExactly("path=/dav/addressbooks/");
    }

    @Test
    void anMtaStsPolicyThatMissesAnMxHostIsKeptBack() {
        TableRecords.Result result = TableRecords.of(sample("example.com"), Set.of(Kind.MTA_STS, Kind.TLS_RPT),
                domain -> Optional.of(List.of("mx1.example.com", "mail.elsewhere.example")));

        assertThat(result.records()).extracting(record -> record.key().name()).containsExactly("_smtp._tls.example.com");
        assertThat(result.problems()).singleElement().asString().contains("mail.elsewhere.example", "not published");
        assertThat(TableRecords.of(sample("example.com"), Set.of(Kind.MTA_STS),
                domain -> Optional.of(List.of("mx2.example.com"))).problems()).isEmpty();
    }

    @Test
    void aDavUrlWithPlaceholdersHasNoOnePathForTheDomainAndNoPlaceInPacc() {
        MailServer imap = new MailServer(ServerType.IMAP, "imap.example.com", 993, SocketType.SSL,
                List.of(Authentication.PASSWORD_CLEARTEXT), UsernameTemplate.EMAIL_ADDRESS, 10);
        DavServer perMailbox = new DavServer(DavType.CALDAV, "https://dav.example.com/calendars/%EMAILADDRESS%/",
                UsernameTemplate.EMAIL_ADDRESS, 10);
        Domain domain = Domain.named("example.com");
        DomainConfig config = DomainConfig.within(domain, new ProviderConfig(new Provider("p", "P", "P", Optional.empty()),
                List.of(domain), List.of(imap), List.of(perMailbox), Map.of()));

        Map<Key, List<String>> records = values(TableRecords.of(config, Set.of(Kind.DAV), TableRecords.MxHosts.UNKNOWN));

        assertThat(records.get(new Key("_caldavs._tcp.example.com", "SRV"))).containsExactly("0 1 443 dav.example.com.");
        assertThat(records.get(new Key("_caldavs._tcp.example.com", "TXT"))).as("clients start from /.well-known/caldav").isEmpty();
        String pacc = new String(PaccDocument.render(config).orElseThrow(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(pacc).contains("imap.example.com").doesNotContain("caldav", "%EMAIL");
    }
}
