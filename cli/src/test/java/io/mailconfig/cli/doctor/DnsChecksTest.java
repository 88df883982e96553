package io.mailconfig.cli.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailconfig.installation.Dns;
import io.mailconfig.installation.DnsRecord;
import io.mailconfig.installation.HostPair;
import io.mailconfig.installation.RecordValue;
import io.mailconfig.model.EmailAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/** The DNS checks of kinds the sample installation does not publish, and the name server's TCP path. */
class DnsChecksTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private static List<Finding> check(LoopbackDns dns, DnsRecord record) {
        Target target = new Target("example.com", new EmailAddress("postmaster", "example.com"), new HostPair("example.com", Dns.EXTERNAL),
                false, List.of(record), List.of(), false, Set.of());
        try (Deadline deadline = new Deadline(TIMEOUT)) {
            return new DnsChecks(DnsClient.at(address(dns), TIMEOUT), target, deadline).run().findings().stream()
                    .filter(finding -> finding.asked().startsWith("TXT")).toList();
        }
    }

    private static InetSocketAddress address(LoopbackDns dns) {
        String[] parts = dns.address().split(":");
        return new InetSocketAddress(parts[0], Integer.parseInt(parts[1]));
    }

    private static DnsRecord txt(String value) {
        return new DnsRecord("_ua-auto-config.example.com", "TXT", new RecordValue.Text("\"" + value + "\""), 3600, false);
    }

    @Test
    void aTxtRecordTheInstallationPublishesMustBeThere() throws Exception {
        try (LoopbackDns dns = new LoopbackDns()) {
            dns.add("_ua-auto-config.example.com", "TXT", "\"v=UAAC1; a=sha256; d=old\"")
                    .add("_ua-auto-config.example.com", "TXT", "\"v=UAAC1; a=sha256; d=new\"");

            assertThat(check(dns, txt("v=UAAC1; a=sha256; d=new"))).singleElement()
                    .satisfies(finding -> assertThat(finding.status()).isEqualTo(Finding.Status.PASS));
            assertThat(check(dns, txt("v=UAAC1; a=sha256; d=other"))).singleElement().satisfies(finding -> {
                assertThat(finding.status()).isEqualTo(Finding.Status.FAIL);
                assertThat(finding.got()).endsWith(", not \"v=UAAC1; a=sha256; d=other\"");
                assertThat(finding.fix()).get().asString().contains("create _ua-auto-config.example.com. TXT");
            });
        }
    }

    @Test
    void anAnswerTooLargeForUdpComesOverTcp() throws Exception {
        try (LoopbackDns dns = new LoopbackDns()) {
            for (int i = 0; i < 40; i++) {
                dns.add("big.example.com", "TXT", "\"" + "record " + i + " " + "x".repeat(60) + "\"");
            }

            DnsClient.Answer answer = DnsClient.at(address(dns), TIMEOUT).query("big.example.com", Type.TXT);

            assertThat(answer.records()).hasSize(40);
        }
    }
}
