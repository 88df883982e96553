package io.mailconfig.cli.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mailconfig.cli.CliRun;
import io.mailconfig.dnsrecords.TableRecords;
import io.mailconfig.sample.SampleProvider;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code ./dev cli doctor} against a whole installation on loopback ({@link TestInstallation}):
 * a correct one passes every check, and each way installations break gives its own FAIL with a
 * precise reason, and exit code 1.
 */
class DoctorTest {

    private static final List<String> HOSTS = List.of("autoconfig.example.com", "autodiscover.example.com");

    @TempDir
    static Path directory;

    private static TestInstallation installation;

    @BeforeAll
    static void start() throws Exception {
        installation = new TestInstallation(directory);
    }

    @AfterAll
    static void stop() throws Exception {
        installation.close();
    }

    @BeforeEach
    void mend() throws Exception {
        installation.reset();
    }

    @Test
    void aCorrectInstallationPassesEveryCheck() {
        CliRun run = installation.doctor("--insecure-tls");

        assertThat(lines(run, "WARN")).as(run.out()).isEmpty();
        assertThat(lines(run, "FAIL")).as(run.out()).isEmpty();
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("PASS dns", "PASS tls", "PASS autoconfig", "PASS autodiscover", "PASS profile", "PASS setup",
                "PASS consistency", "the answer is what the table holds", "example.com: 34 PASS, 0 WARN, 0 FAIL");
    }

    @Test
    void forMachinesTheSameChecksAreOneJsonDocument() throws Exception {
        CliRun run = installation.doctor("--insecure-tls", "--json");

        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(run.exitCode()).isZero();
        assertThat(report.get("domain").asText()).isEqualTo("example.com");
        assertThat(report.get("summary").get("pass").asInt()).isEqualTo(report.get("checks").size()).isGreaterThan(30);
        assertThat(report.get("summary").get("fail").asInt()).isZero();
        assertThat(report.get("checks").get(1).get("check").asText()).isEqualTo("dns");
    }

    @Test
    void anSrvTargetThatIsACnameFails() {
        installation.dns.remove("imap.example.com", "A").remove("imap.example.com", "AAAA")
                .add("imap.example.com", "CNAME", "mail.example.com.").add("mail.example.com", "A", "192.0.2.11");

        CliRun run = installation.doctor("--insecure-tls");

        assertThat(run.exitCode()).isEqualTo(DoctorCommand.FAILED_CHECK);
        assertThat(lines(run, "FAIL")).singleElement().asString()
                .contains("SRV _imaps._tcp.example.com", "its target imap.example.com is a CNAME (to mail.example.com)", "RFC 2782");
        assertThat(fixes(run)).anyMatch(fix -> fix.contains("point the SRV record at mail.example.com"));
    }

    @Test
    void aMissingSrvRecordFails() {
        installation.dns.remove("_autodiscover._tcp.example.com", "SRV");

        CliRun run = installation.doctor("--insecure-tls");

        assertThat(run.exitCode()).isEqualTo(DoctorCommand.FAILED_CHECK);
        assertThat(lines(run, "FAIL")).singleElement().asString().contains("SRV _autodiscover._tcp.example.com: missing: NXDOMAIN");
        assertThat(fixes(run)).anyMatch(fix -> fix.contains("./dev deploy --all creates _autodiscover._tcp.example.com SRV 0 1 443 autodiscover.example.com."));
    }

    @Test
    void aHostThatDoesNotExistFails() {
        installation.dns.remove("autodiscover.example.com", "A").remove("autodiscover.example.com", "AAAA");

        CliRun run = installation.doctor("--insecure-tls");

        assertThat(run.exitCode()).isEqualTo(DoctorCommand.FAILED_CHECK);
        assertThat(lines(run, "FAIL")).anyMatch(line -> line.contains("A/AAAA autodiscover.example.com: NXDOMAIN (the name does not exist)"))
                .anyMatch(line -> line.contains("SRV _autodiscover._tcp.example.com") && line.contains("its target autodiscover.example.com: NXDOMAIN"))
                .hasSize(2);
    }

    @Test
    void aHostWithoutIpv6Warns() {
        installation.dns.remove("autoconfig.example.com", "AAAA");

        CliRun run = installation.doctor("--insecure-tls");

        assertThat(run.exitCode()).isZero();
        assertThat(lines(run, "WARN")).singleElement().asString().contains("A/AAAA autoconfig.example.com: A 127.0.0.1; no AAAA record");
    }

    @Test
    void anExpiredCertificateFailsAndNothingIsAskedThere() throws Exception {
        installation.certificate(HOSTS, Instant.now().minus(Duration.ofDays(90)), Instant.now().minus(Duration.ofDays(2)));

        CliRun run = installation.doctor("--insecure-tls");

        assertThat(run.exitCode()).isEqualTo(DoctorCommand.FAILED_CHECK);
        assertThat(lines(run, "FAIL")).filteredOn(line -> line.startsWith("FAIL tls")).hasSize(2)
                .allMatch(line -> line.contains("certificate dates: expired on"));
        assertThat(lines(run, "FAIL")).anyMatch(line -> line.contains("not asked: clients refuse its TLS"));
        assertThat(lines(run, "PASS")).noneMatch(line -> line.startsWith("PASS autoconfig"));
    }

    @Test
    void aCertificateExpiringWithinThreeWeeksWarns() throws Exception {
        installation.certificate(HOSTS, Instant.now().minus(Duration.ofDays(80)), Instant.now().plus(Duration.ofDays(10)));

        CliRun run = installation.doctor("--insecure-tls");

        assertThat(run.exitCode()).isZero();
        assertThat(lines(run, "WARN")).hasSize(2).allMatch(line -> line.contains("expires within 21 days"));
    }

    @Test
    void aCertificateForAnotherNameFails() throws Exception {
        installation.certificate(List.of("autoconfig.example.com", "www.example.com"), Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(90)));

        CliRun run = installation.doctor("--insecure-tls");

        assertThat(run.exitCode()).isEqualTo(DoctorCommand.FAILED_CHECK);
        assertThat(lines(run, "FAIL")).filteredOn(line -> line.startsWith("FAIL tls")).singleElement().asString()
                .contains("autodiscover.example.com", "name: the certificate (CN=autoconfig.example.com) does not cover autodiscover.example.com");
        assertThat(lines(run, "PASS")).anyMatch(line -> line.startsWith("PASS autoconfig"));
    }

    @Test
    void withoutInsecureTlsATestCertificateDoesNotLeadToATrustedRoot() {
        CliRun run = installation.doctor();

        assertThat(run.exitCode()).isEqualTo(DoctorCommand.FAILED_CHECK);
        assertThat(lines(run, "FAIL")).filteredOn(line -> line.startsWith("FAIL tls")).hasSize(2)
                .allMatch(line -> line.contains("chain: does not verify"));
    }

    @Test
    void autoconfigWithSocketTypePlainIsRefusedByThunderbirdForAndroid() {
        installation.rewrite("/mail/config-v1.1.xml", xml -> xml.replace("<socketType>STARTTLS</socketType>", "<socketType>plain</socketType>"));

        CliRun run = installation.doctor("--insecure-tls");

        assertThat(run.exitCode()).isEqualTo(DoctorCommand.FAILED_CHECK);
        assertThat(lines(run, "FAIL")).anyMatch(line -> line.contains("Thunderbird for Android refuses the whole file: <incomingServer type=\"imap\"> "
                + "imap2.example.com: <socketType> plain is not SSL or STARTTLS"))
                .anyMatch(line -> line.contains("socketType plain (the password would cross the network readable)"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "<username>[^<]*</username> | '' | no <username>",
            "password-cleartext | GSSAPI | no <authentication> it can use"})
    void anAutoconfigEntryThunderbirdForAndroidCannotUseCostsTheWholeFile(String pattern, String replacement, String reason) {
        installation.rewrite("/mail/config-v1.1.xml", xml -> xml.replaceFirst(pattern, replacement));

        CliRun run = installation.doctor("--insecure-tls");

        assertThat(lines(run, "FAIL")).anyMatch(line -> line.contains("Thunderbird for Android refuses the whole file: "
                + "<incomingServer type=\"imap\"> imap.example.com: " + reason));
    }

    @Test
    void aBadRequestWithoutAddressFails() {
        installation.tamper((event, response) -> {
            if (event.getRawPath().equals("/mail/config-v1.1.xml") && event.getRawQueryString().isEmpty()) {
                response.setStatusCode(400);
                response.setBody("missing emailaddress parameter");
                response.setIsBase64Encoded(false);
            }
            return response;
        });

        CliRun run = installation.doctor("--insecure-tls");

        assertThat(lines(run, "FAIL")).singleElement().asString()
                .contains("Autoconfig without address (Thunderbird for Android): GET https://autoconfig.example.com/mail/config-v1.1.xml: "
                        + "HTTP 400 missing emailaddress parameter");
    }

    @Test
    void autodiscoverNamingAnotherPortThanAutoconfigFails() {
        installation.rewrite("/autodiscover/autodiscover.xml", xml -> xml.replace("<Port>993</Port>", "<Port>994</Port>"));

        CliRun run = installation.doctor("--insecure-tls");

        assertThat(lines(run, "FAIL")).hasSize(2)
                .allMatch(line -> line.startsWith("FAIL consistency  Autodiscover POX")
                        && line.contains("sets up imap imap.example.com:994 SSL as postmaster@example.com, where Autoconfig (Thunderbird) has "
                        + "imap imap.example.com:993 SSL"));
    }

    @Test
    void answersThatDifferFromTheTableFail() {
        installation.rewrite("/mail/config-v1.1.xml", xml -> xml.replace("smtp.example.com", "smtp.example.net"));

        CliRun run = installation.doctor("--insecure-tls");

        assertThat(lines(run, "FAIL")).anyMatch(line -> line.startsWith("FAIL consistency  the table (table mailconfig in DynamoDB Local")
                && line.contains("Autoconfig (Thunderbird) sets up smtp smtp.example.net:465 SSL as postmaster@example.com; smtp smtp.example.net:587 "
                + "STARTTLS as postmaster@example.com, where the table has smtp smtp.example.com:465 SSL"));
    }

    @Test
    void aProfileWhoseSignerExpiredFails() {
        installation.signWith(installation.pki.leaf("CN=profiles.example.com", List.of(), Instant.now().minus(Duration.ofDays(400)),
                Instant.now().minus(Duration.ofDays(3))));

        CliRun run = installation.doctor("--insecure-tls");

        assertThat(lines(run, "FAIL")).singleElement().asString().contains("FAIL profile", "signer: expired on");
        assertThat(fixes(run)).anyMatch(fix -> fix.contains("devices show the profile as Unverified"));
    }

    @Test
    void aProfileWithoutItsRequiredKeysFails() {
        installation.tamper((event, response) -> {
            if (event.getRawPath().equals("/mobileconfig")) {
                response.setBody("<?xml version=\"1.0\"?><plist version=\"1.0\"><dict><key>PayloadType</key><string>Configuration</string>"
                        + "<key>PayloadVersion</key><string>1</string><key>PayloadContent</key><array/></dict></plist>");
                response.setIsBase64Encoded(false);
            }
            return response;
        });

        CliRun run = installation.doctor("--insecure-tls");

        assertThat(lines(run, "FAIL")).anyMatch(line -> line.contains("devices refuse or mistrust it: the profile: PayloadIdentifier is missing; "
                + "the profile: PayloadUUID is missing; the profile: PayloadVersion is a string, not a number"));
        assertThat(lines(run, "WARN")).anyMatch(line -> line.contains("unsigned: devices show it in red as Unsigned"));
    }

    @Test
    void overPlainHttpTheAnswersAreCheckedAndTlsIsNot() {
        CliRun run = installation.doctorOf(TestInstallation.DOMAIN, installation.httpUrl(), "--insecure-tls");

        assertThat(lines(run, "WARN")).singleElement().asString().contains("not checked: --base-url is plain HTTP");
        assertThat(lines(run, "FAIL")).isEmpty();
        assertThat(run.out()).contains("PASS autoconfig", "PASS consistency  the table");
    }

    @Test
    void aSilentNameServerAndASilentHostCostSecondsNotAHang() throws Exception {
        try (DatagramSocket silentDns = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                ServerSocket silentHost = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            long start = System.nanoTime();
            CliRun run = CliRun.of("doctor", "example.com", "--installation", installation.installationFile().toString(),
                    "--resolver", "127.0.0.1:" + silentDns.getLocalPort(), "--base-url", "https://127.0.0.1:" + silentHost.getLocalPort(),
                    "--timeout", "0.5", "--no-table");
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(run.exitCode()).isEqualTo(DoctorCommand.FAILED_CHECK);
            assertThat(lines(run, "FAIL")).anyMatch(line -> line.startsWith("FAIL dns") && line.contains("no answer within 500 ms"))
                    .anyMatch(line -> line.startsWith("FAIL tls") && line.contains("autoconfig.example.com: no answer within 500 ms"));
            assertThat(took).as("a correctness bound, not a benchmark").isLessThan(Duration.ofSeconds(60));
        }
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(CliRun.of("doctor", "not_a_domain").exitCode()).isEqualTo(DoctorCommand.USAGE);
        assertThat(CliRun.of("doctor", "example.com", "--address", "alice@example.org").err()).contains("is not an address of example.com");
        assertThat(CliRun.of("doctor", "example.com", "--base-url", "https://127.0.0.1:8443/mail").exitCode()).isEqualTo(DoctorCommand.USAGE);
        assertThat(CliRun.of("doctor", "example.com", "--resolver", "127.0.0.1:dns").exitCode()).isEqualTo(DoctorCommand.USAGE);
        assertThat(CliRun.of("doctor", "example.com", "--timeout", "0").exitCode()).isEqualTo(DoctorCommand.USAGE);
        assertThat(CliRun.of("doctor").exitCode()).isEqualTo(DoctorCommand.USAGE);
    }

    @Test
    void aDomainTheInstallationDoesNotListFails() {
        CliRun run = installation.doctorOf("example.org", installation.httpsUrl(), "--insecure-tls", "--no-table");

        assertThat(lines(run, "FAIL")).first().asString().contains("FAIL installation example.org: not among the domains of");
    }

    /** A hosting provider's installation: example.org is a customer domain of the shared hosts of {@code shared}. */
    private static void hostingProvider(String shared) throws Exception {
        installation.installation("""
                {"account": "123456789012", "region": "eu-central-1", "dns": "external",
                 "sharedHosts": {"domain": "%s", "dns": "external"},
                 "domains": [{"name": "example.org", "srv": {"imaps": "imap.example.com", "submissions": "smtp.example.com"}}]}
                """.formatted(shared));
        List<String> hosts = List.of("autoconfig." + shared, "autodiscover." + shared);
        installation.certificate(hosts, Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(90)));
        hosts.forEach(host -> installation.dns.add(host, "A", "127.0.0.1").add(host, "AAAA", "::1"));
        installation.dns.add("_imaps._tcp.example.org", "SRV", "0 1 993 imap.example.com.")
                .add("_submissions._tcp.example.org", "SRV", "0 1 465 smtp.example.com.")
                .add("_autodiscover._tcp.example.org", "SRV", "0 1 443 autodiscover." + shared + ".")
                .add("example.org", "MX", "10 mx." + shared + ".").add("mx." + shared, "A", "192.0.2.25");
    }

    @Test
    void aCustomerDomainOfTheSharedHostsPassesThroughItsMxAndSrvRecords() throws Exception {
        hostingProvider("example.net");

        CliRun run = installation.doctorOf("example.org", installation.httpsUrl(), "--insecure-tls");

        assertThat(lines(run, "WARN")).as(run.out()).isEmpty();
        assertThat(lines(run, "FAIL")).as(run.out()).isEmpty();
        assertThat(run.out()).contains("a customer domain of the shared hosts autoconfig.example.net and autodiscover.example.net",
                "MX example.org: 10 mx.example.net: clients find autoconfig.example.net",
                "SRV _autodiscover._tcp.example.org: SRV 0 1 443 autodiscover.example.net.",
                "GET https://autoconfig.example.net/mail/config-v1.1.xml?emailaddress=postmaster%40example.org: 200",
                "POST https://autodiscover.example.net/autodiscover/autodiscover.xml: 200")
                .doesNotContain("autodiscover.json");
    }

    @Test
    void aCustomerDomainWhoseMxIsNotUnderTheSharedDomainFails() throws Exception {
        hostingProvider("example.net");
        installation.dns.remove("example.org", "MX").add("example.org", "MX", "10 mail.example.com.");

        CliRun run = installation.doctorOf("example.org", installation.httpsUrl(), "--insecure-tls");

        assertThat(lines(run, "FAIL")).singleElement().asString().contains("MX example.org: 10 mail.example.com: the most preferred host "
                + "mail.example.com leads clients to autoconfig.example.com, not the shared host autoconfig.example.net");
    }

    @Test
    void aSharedDomainMissingFromTheTableFailsForThunderbirdForAndroid() throws Exception {
        hostingProvider("provider.example");

        CliRun run = installation.doctorOf("example.org", installation.httpsUrl(), "--insecure-tls");

        assertThat(lines(run, "FAIL")).hasSize(2).allMatch(line -> line.contains("Autoconfig without address (Thunderbird for Android)")
                && line.contains("HTTP 404 no configuration for this domain"));
        assertThat(fixes(run)).contains("fix: put the shared domain provider.example into the table, in the provider whose servers the "
                + "customers use");
    }

    /**
     * example.com publishing every record that follows the table, with the values the table gives
     * now (the same computation as the DNS updater), its own PACC and MTA-STS hosts, and the MX
     * hosts the sample's MTA-STS policy names.
     */
    private static void publishingEverything() throws Exception {
        installation.installation(TestInstallation.INSTALLATION.replace("\"hostedZoneName\": \"example.com\",",
                "\"hostedZoneName\": \"example.com\", \"publish\": [\"pacc\", \"mta-sts\", \"tls-rpt\", \"dav\"],"));
        List<String> hosts = List.of("autoconfig.example.com", "autodiscover.example.com", "ua-auto-config.example.com", "mta-sts.example.com");
        installation.certificate(hosts, Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(90)));
        hosts.subList(2, 4).forEach(host -> installation.dns.add(host, "A", "127.0.0.1").add(host, "AAAA", "::1"));
        List<String> mx = List.of("mx1.example.com", "mx2.example.com");
        installation.dns.remove("example.com", "MX");
        for (int i = 0; i < mx.size(); i++) {
            installation.dns.add("example.com", "MX", (10 * (i + 1)) + " " + mx.get(i) + ".").add(mx.get(i), "A", "192.0.2.2" + i);
        }
        TableRecords.Result expected = TableRecords.of(SampleProvider.store().find("example.com").orElseThrow(),
                EnumSet.allOf(TableRecords.Kind.class), domain -> Optional.of(mx));
        assertThat(expected.problems()).isEmpty();
        for (TableRecords.Record record : expected.records()) {
            for (String value : record.values()) {
                installation.dns.add(record.key().name(), record.key().type(), record.key().type().equals("TXT") ? "\"" + value + "\"" : value);
            }
        }
    }

    @Test
    void recordsThatFollowTheTablePassWhenTheyHoldWhatTheTableSays() throws Exception {
        publishingEverything();

        CliRun run = installation.doctor("--insecure-tls");

        assertThat(lines(run, "WARN")).as(run.out()).isEmpty();
        assertThat(lines(run, "FAIL")).as(run.out()).isEmpty();
        assertThat(lines(run, "PASS")).as(run.out())
                .anyMatch(line -> line.contains("TXT _mta-sts.example.com") && line.contains("what the table says"))
                .anyMatch(line -> line.contains("TXT _smtp._tls.example.com") && line.contains("rua=mailto:tls-reports@example.com"))
                .anyMatch(line -> line.contains("SRV _caldavs._tcp.example.com") && line.contains("what the table says"))
                .anyMatch(line -> line.contains("TXT _ua-auto-config.example.com") && line.contains("what the table says"))
                .anyMatch(line -> line.startsWith("PASS pacc") && line.contains("GET https://ua-auto-config.example.com/.well-known/"
                        + "user-agent-configuration.json: 200") && line.contains("PACC clients accept it"))
                .anyMatch(line -> line.startsWith("PASS mta-sts") && line.contains("mode testing, mx mx1.example.com mx2.example.com, "
                        + "max_age 604800: every MX host matches (mx1.example.com, mx2.example.com)"));
    }

    @Test
    void aPaccDocumentWhoseDigestIsNotPublishedFails() throws Exception {
        publishingEverything();
        installation.rewrite("/.well-known/user-agent-configuration.json", json -> json.replace("Example Mail", "Example Mail Ltd"));

        CliRun run = installation.doctor("--insecure-tls");

        assertThat(lines(run, "FAIL")).as(run.out()).singleElement().asString()
                .startsWith("FAIL pacc").contains("is in no TXT record of _ua-auto-config.example.com (v=UAAC1; a=sha256; d=",
                        "PACC clients refuse the document");
        assertThat(fixes(run)).anyMatch(fix -> fix.contains("the DNS updater writes it"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "mode: testing | mode: enforce | mx9.example.org | FAIL | the MX host mx9.example.org matches no mx pattern: senders refuse to deliver there",
            "mode: testing | mode: testing | mx9.example.org | WARN | under mode enforce senders would refuse to deliver there",
            "\\r\\n | \\n | mx1.example.com | FAIL | senders ignore it: a line ends in LF, not CRLF",
            "version: STSv1 | version: STSv2 | mx1.example.com | FAIL | senders ignore it: version is STSv2, not STSv1"})
    void anMtaStsPolicyIsReadAsSendersReadItAgainstTheMxHosts(String from, String to, String extraMx, String status, String reason)
            throws Exception {
        publishingEverything();
        installation.rewrite("/.well-known/mta-sts.txt", policy -> policy.replace(unescape(from), unescape(to)));
        installation.dns.add("example.com", "MX", "30 " + extraMx + ".");

        CliRun run = installation.doctor("--insecure-tls");

        assertThat(lines(run, status)).as(run.out()).anyMatch(line -> line.startsWith(status + " mta-sts") && line.contains(reason));
    }

    private static String unescape(String text) {
        return text.replace("\\r", "\r").replace("\\n", "\n");
    }

    @Test
    void aRecordTheTableNoLongerGivesIsStaleAndAMissingOneFails() throws Exception {
        publishingEverything();
        installation.dns.remove("_mta-sts.example.com", "TXT").add("_mta-sts.example.com", "TXT", "\"v=STSv1; id=20250101000000\"")
                .remove("_smtp._tls.example.com", "TXT");

        CliRun run = installation.doctor("--insecure-tls");

        assertThat(run.exitCode()).isEqualTo(DoctorCommand.FAILED_CHECK);
        assertThat(lines(run, "FAIL")).as(run.out()).hasSize(2)
                .anyMatch(line -> line.contains("TXT _mta-sts.example.com: stale: ") && line.contains("id=20250101000000"))
                .anyMatch(line -> line.contains("TXT _smtp._tls.example.com: missing: "));
        assertThat(fixes(run)).anyMatch(fix -> fix.contains("the DNS updater writes it as the table changes"));
    }

    static List<String> lines(CliRun run, String status) {
        return run.out().lines().filter(line -> line.startsWith(status + " ")).toList();
    }

    static List<String> fixes(CliRun run) {
        return run.out().lines().map(String::strip).filter(line -> line.startsWith("fix: ")).toList();
    }
}
