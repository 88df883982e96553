package io.mailconfig.cli.dns;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailconfig.Mailconfig;
import io.mailconfig.cli.CliRun;
import io.mailconfig.dnsrecords.TableRecords;
import io.mailconfig.http.Request;
import io.mailconfig.local.EmbeddedDynamoDb;
import io.mailconfig.protocol.pacc.Pacc;
import io.mailconfig.protocol.pacc.PaccRecord;
import io.mailconfig.store.dynamodb.DynamoDbConfigStore;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./dev cli dns} for domains that publish records whose values follow the table: what it
 * prints is what the table says now, the PACC digest that of the document served from it. This is
 * what an administrator whose DNS is elsewhere copies, and what a check of the published records compares.
 */
class TableRecordsListingTest {

    private static final String INSTALLATION = """
            {"account": "123456789012", "region": "eu-central-1", "domains": [
              {"name": "example.org", "dns": "external", "publish": ["pacc", "mta-sts", "tls-rpt", "dav"]},
              {"name": "example.com", "hostedZoneId": "Z0123456789EXAMPLECOM", "hostedZoneName": "example.com", "publish": ["pacc"]}]}
            """;

    @TempDir
    Path directory;

    private Path installation() throws Exception {
        Path file = directory.resolve("mailconfig.json");
        Files.writeString(file, INSTALLATION);
        return file;
    }

    private static Path example() throws URISyntaxException {
        return Path.of(TableRecordsListingTest.class.getResource("/examples/providers.yaml").toURI());
    }

    @Test
    void everyPublishedRecordHoldsWhatTheTableSaysNow() throws Exception {
        Path data = directory.resolve("data");
        assertThat(CliRun.of("import", example().toString(), "--local", data.toString()).exitCode()).isZero();

        CliRun run = CliRun.of("dns", "--installation", installation().toString(), "--offline", "--local", data.toString(), "--no-mx-check");

        assertThat(run.exitCode()).as(run.err()).isZero();
        byte[] document;
        try (EmbeddedDynamoDb database = EmbeddedDynamoDb.inDirectory(data.toFile())) {
            document = Mailconfig.router(new DynamoDbConfigStore(database.client(), "mailconfig"), Optional.empty())
                    .route(new Request("GET", Pacc.PATH, Map.of(), Map.of("host", "ua-auto-config.example.org"), null)).body();
        }
        String table = run.out().replaceAll(" +", " ");
        assertThat(table).contains(
                " _ua-auto-config.example.org. TXT 300 \"" + PaccRecord.txt(document) + "\"",
                " _smtp._tls.example.org. TXT 300 \"v=TLSRPTv1; rua=mailto:tls-reports@example.com\"",
                " _caldavs._tcp.example.org. SRV 300 0 1 443 dav.example.com.",
                " _caldavs._tcp.example.org. TXT 300 \"path=/caldav/\"",
                " _carddavs._tcp.example.org. TXT 300 \"path=/carddav/\"",
                " ua-auto-config.example.org. CNAME 300",
                " mta-sts.example.org. CNAME 300",
                " _ua-auto-config.example.com. TXT 300 \"v=UAAC1; a=sha256; d=");
        assertThat(table).containsPattern(" _mta-sts\\.example\\.org\\. TXT 300 \"v=STSv1; id=[0-9a-f]{20}\"");

        CliRun zone = CliRun.of("dns", "--installation", installation().toString(), "--offline", "--local", data.toString(),
                "--no-mx-check", "--format", "zone");
        assertThat(zone.out()).contains("_smtp._tls.example.org.\t300\tIN\tTXT\t\"v=TLSRPTv1; rua=mailto:tls-reports@example.com\"")
                .as("in Route 53 the DNS updater writes it").contains("; _ua-auto-config.example.com.\t300\tIN\tTXT\t\"v=UAAC1");
    }

    @Test
    void withoutTheTableTheRecordsAreNamedAndSaySo() throws Exception {
        CliRun run = CliRun.of("dns", "--installation", installation().toString(), "--offline", "--no-table");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().replaceAll(" +", " ")).contains(" _mta-sts.example.org. TXT " + TableRecords.TTL + " " + DnsListing.FROM_TABLE);
    }
}
