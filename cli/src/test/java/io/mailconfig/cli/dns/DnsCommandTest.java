package io.mailconfig.cli.dns;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailconfig.cli.CliRun;
import io.mailconfig.cli.MailconfigCli;
import io.mailconfig.cli.TestCredentials;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Master;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/**
 * {@code ./dev cli dns} on an installation with every DNS mode: a domain in Route 53, one whose DNS
 * is elsewhere, and a hosting provider's shared hosts with a customer domain. The deployed names
 * come from a loopback stand-in of ACM, API Gateway and CloudFront, read by the real SDK clients.
 */
class DnsCommandTest {

    private static final String INSTALLATION = """
            {"account": "123456789012", "region": "eu-central-1",
             "sharedHosts": {"domain": "provider.example", "dns": "external"},
             "domains": [
               {"name": "example.com", "hostedZoneId": "Z0123456789EXAMPLECOM", "hostedZoneName": "example.com", "hosts": "own",
                "srv": {"imaps": "imap.example.com"}},
               {"name": "example.org", "dns": "external", "hosts": "own", "srv": {"submission": "smtp.example.org"}},
               {"name": "customer.example", "dns": "external", "srv": {"imaps": "imap.provider.example"}}]}
            """;
    private static final String WITH_EDGE = INSTALLATION.replace("\"region\": \"eu-central-1\",", "\"region\": \"eu-central-1\", \"edge\": {},");

    @TempDir
    Path directory;

    private Path installation(String json) throws Exception {
        Path file = directory.resolve("mailconfig.json");
        Files.writeString(file, json);
        return file;
    }

    @Test
    void withoutAwsEveryRecordIsListedAndTheOnesTheDeploymentNamesSaySo() throws Exception {
        CliRun run = CliRun.of("dns", "--installation", installation(INSTALLATION).toString(), "--offline");

        assertThat(run.exitCode()).isZero();
        assertThat(table(run)).contains(
                "example.com: in the Route 53 zone example.com (Z0123456789EXAMPLECOM); the stacks create these records",
                "example.org: DNS outside Route 53; create these records there",
                " _imaps._tcp.example.com. SRV 3600 0 1 993 imap.example.com.",
                " _submission._tcp.example.org. SRV 3600 10 1 587 smtp.example.org.",
                " _autodiscover._tcp.customer.example. SRV 3600 0 1 443 autodiscover.provider.example.",
                " autoconfig.example.org. CNAME 300 " + DnsListing.ENDPOINT_UNKNOWN,
                " autoconfig.example.com. A alias " + DnsListing.ENDPOINT_BY_STACK,
                " _<named by ACM>.autodiscover.example.com. CNAME 3600 " + DnsListing.VALIDATION_BY_STACK,
                " _<named by ACM>.autodiscover.provider.example. CNAME 3600 " + DnsListing.VALIDATION_UNKNOWN,
                "must be <one label>.provider.example");
        assertThat(run.out()).doesNotContain("autoconfig.customer.example");
        // Outside Route 53: 4 hosts' CNAMEs and their 4 validation records.
        assertThat(run.err()).startsWith("8 records to create wait for the deployment");
    }

    @Test
    void theHostsTargetsAndTheValidationRecordsComeFromTheDeployedStacks() throws Exception {
        try (LoopbackDeployment aws = deployed(); TestCredentials credentials = TestCredentials.example()) {
            CliRun run = CliRun.of("dns", "--installation", installation(INSTALLATION).toString(),
                    "--acm-endpoint", aws.endpoint().toString(), "--apigateway-endpoint", aws.endpoint().toString());

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.err()).isEmpty();
            assertThat(table(run)).contains(
                    " autoconfig.example.org. CNAME 300 d-org1.execute-api.eu-central-1.amazonaws.com.",
                    " _a1.autodiscover.example.org. CNAME 3600 _v2.acm-validations.aws.",
                    " autodiscover.example.com. AAAA alias d-com2.execute-api.eu-central-1.amazonaws.com.",
                    " _c1.autoconfig.example.com. CNAME 3600 _w1.acm-validations.aws.");
            assertThat(aws.calls()).extracting(LoopbackDeployment.Call::operation).contains(
                    "CertificateManager.ListCertificates", "CertificateManager.DescribeCertificate", "GET /v2/domainnames");
            assertThat(aws.calls()).allSatisfy(call -> assertThat(call.region()).isEqualTo("eu-central-1"));
            // One certificate and one custom domain name a page: every page was asked for.
            assertThat(aws.calls()).filteredOn(call -> call.operation().equals("CertificateManager.ListCertificates")).hasSize(3);
            assertThat(aws.calls()).filteredOn(call -> call.operation().equals("GET /v2/domainnames")).hasSize(6);
            assertThat(aws.calls()).filteredOn(call -> call.operation().equals("CertificateManager.ListCertificates")).first()
                    .satisfies(call -> assertThat(call.body()).contains("\"CertificateStatuses\":[\"PENDING_VALIDATION\",\"ISSUED\"]",
                            "\"keyTypes\":[\"RSA_2048\""));
        }
    }

    @Test
    void theZoneFragmentIsWhatANameServerReadsWithRoute53sRecordsLeftAsComments() throws Exception {
        try (LoopbackDeployment aws = deployed(); TestCredentials credentials = TestCredentials.example()) {
            CliRun run = CliRun.of("dns", "--installation", installation(INSTALLATION).toString(), "--format", "zone",
                    "--acm-endpoint", aws.endpoint().toString(), "--apigateway-endpoint", aws.endpoint().toString());

            assertThat(run.exitCode()).isZero();
            List<String> records = new ArrayList<>();
            try (Master zone = new Master(new ByteArrayInputStream(run.out().getBytes(StandardCharsets.UTF_8)), Name.root)) {
                for (Record record = zone.nextRecord(); record != null; record = zone.nextRecord()) {
                    records.add(record.toString().replace('\t', ' '));
                }
            }
            assertThat(records).containsExactlyInAnyOrder(
                    "autoconfig.example.org. 300 IN CNAME d-org1.execute-api.eu-central-1.amazonaws.com.",
                    "autodiscover.example.org. 300 IN CNAME d-org2.execute-api.eu-central-1.amazonaws.com.",
                    "_submission._tcp.example.org. 3600 IN SRV 10 1 587 smtp.example.org.",
                    "_autodiscover._tcp.example.org. 3600 IN SRV 0 1 443 autodiscover.example.org.",
                    "_a0.autoconfig.example.org. 3600 IN CNAME _v1.acm-validations.aws.",
                    "_a1.autodiscover.example.org. 3600 IN CNAME _v2.acm-validations.aws.",
                    "_imaps._tcp.customer.example. 3600 IN SRV 0 1 993 imap.provider.example.",
                    "_autodiscover._tcp.customer.example. 3600 IN SRV 0 1 443 autodiscover.provider.example.",
                    "autoconfig.provider.example. 300 IN CNAME d-pro1.execute-api.eu-central-1.amazonaws.com.",
                    "autodiscover.provider.example. 300 IN CNAME d-pro2.execute-api.eu-central-1.amazonaws.com.",
                    "_p0.autoconfig.provider.example. 3600 IN CNAME _u1.acm-validations.aws.",
                    "_p1.autodiscover.provider.example. 3600 IN CNAME _u2.acm-validations.aws.");
            assertThat(run.out()).contains("; autoconfig.example.com.\t\tIN\tA (Route 53 alias)\td-com1.execute-api.eu-central-1.amazonaws.com.",
                    "; _imaps._tcp.example.com.\t3600\tIN\tSRV\t0 1 993 imap.example.com.");
        }
    }

    @Test
    void withTheEdgeTheHostsPointAtTheirDistributionsAndUsEast1sCertificatesAreReadToo() throws Exception {
        try (LoopbackDeployment aws = deployed(); TestCredentials credentials = TestCredentials.example()) {
            aws.certificate("us-east-1", "PENDING_VALIDATION", Map.of("autoconfig.example.org", new String[] {"_e0.autoconfig.example.org.",
                    "_x1.acm-validations.aws."}, "autodiscover.example.org", new String[] {"_a1.autodiscover.example.org.", "_v2.acm-validations.aws."}));
            aws.distribution("autoconfig.example.org", "d111.cloudfront.net").distribution("autodiscover.example.org", "d222.cloudfront.net");
            CliRun run = CliRun.of("dns", "--installation", installation(WITH_EDGE).toString(), "--domain", "example.org",
                    "--acm-endpoint", aws.endpoint().toString(), "--cloudfront-endpoint", aws.endpoint().toString());

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(table(run)).contains(
                    " autoconfig.example.org. CNAME 300 d111.cloudfront.net.",
                    " autodiscover.example.org. CNAME 300 d222.cloudfront.net.",
                    " _e0.autoconfig.example.org. CNAME 3600 _x1.acm-validations.aws.",
                    " _a0.autoconfig.example.org. CNAME 3600 _v1.acm-validations.aws.")
                    .doesNotContain("example.com", "provider.example:");
            // The same record for both certificates of a name is printed once.
            assertThat(run.out().lines().filter(line -> line.contains("_a1.autodiscover.example.org."))).hasSize(1);
            assertThat(aws.calls()).extracting(LoopbackDeployment.Call::operation).doesNotContain("GET /v2/domainnames")
                    .contains("GET /2020-05-31/distribution");
            assertThat(aws.calls().stream().filter(call -> call.operation().startsWith("CertificateManager."))
                    .map(LoopbackDeployment.Call::region).collect(Collectors.toSet())).isEqualTo(Set.of("eu-central-1", "us-east-1"));
            assertThat(aws.calls()).filteredOn(call -> call.operation().startsWith("GET /2020-05-31/"))
                    .allSatisfy(call -> assertThat(call.region()).isEqualTo("us-east-1"));
        }
    }

    @Test
    void aServiceThatCannotBeReadLeavesItsNamesUnknownAndSaysWhy() throws Exception {
        try (LoopbackDeployment aws = deployed().acmFails("AccessDeniedException"); TestCredentials credentials = TestCredentials.example()) {
            CliRun run = CliRun.of("dns", "--installation", installation(INSTALLATION).toString(), "--domain", "example.org",
                    "--acm-endpoint", aws.endpoint().toString(), "--apigateway-endpoint", aws.endpoint().toString());

            assertThat(run.exitCode()).isZero();
            assertThat(run.err()).contains("warning: the certificates in eu-central-1 cannot be read (ACM): User is not authorized to perform"
                    + " CertificateManager.ListCertificates", "2 records to create wait for the deployment");
            assertThat(run.out()).contains("d-org1.execute-api.eu-central-1.amazonaws.com.", DnsListing.VALIDATION_UNKNOWN);
        }
    }

    @Test
    void withoutCredentialsItPrintsWhatTheConfigurationSays() throws Exception {
        try (TestCredentials none = TestCredentials.none(directory)) {
            CliRun run = CliRun.of("dns", "--installation", installation(INSTALLATION).toString());

            assertThat(run.exitCode()).isZero();
            assertThat(run.err()).startsWith("no AWS credentials (set AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY):"
                    + " printing what the configuration says\n8 records to create wait");
            assertThat(run.out()).contains("_autodiscover._tcp.example.org.");
        }
    }

    @Test
    void aDomainTheInstallationDoesNotHaveOrAnUnknownFormatIsRefused() throws Exception {
        Path file = installation(INSTALLATION);

        CliRun unknown = CliRun.of("dns", "--installation", file.toString(), "--offline", "--domain", "nowhere.example");
        assertThat(unknown.exitCode()).isEqualTo(MailconfigCli.INVALID);
        assertThat(unknown.err()).contains("not in the installation (" + file + "): [nowhere.example]");
        CliRun format = CliRun.of("dns", "--installation", file.toString(), "--offline", "--format", "yaml");
        assertThat(format.exitCode()).isEqualTo(MailconfigCli.FAILED);
        assertThat(format.err()).isEqualTo("error: --format must be table or zone, not yaml\n");
        Files.writeString(file, "{\"account\": \"1\"}");
        CliRun broken = CliRun.of("dns", "--installation", file.toString(), "--offline");
        assertThat(broken.exitCode()).isEqualTo(MailconfigCli.FAILED);
        assertThat(broken.err()).startsWith("error: mailconfig configuration is not usable:").contains("mailconfig.region: missing");
    }

    /** The table with each run of spaces as one: the columns' widths follow the longest name. */
    private static String table(CliRun run) {
        return run.out().replaceAll(" +", " ");
    }

    /** Every pair's certificate in the region, one already issued; every host a custom domain name. */
    private static LoopbackDeployment deployed() throws Exception {
        return new LoopbackDeployment()
                .certificate("eu-central-1", "PENDING_VALIDATION", Map.of(
                        "autoconfig.example.org", new String[] {"_a0.autoconfig.example.org.", "_v1.acm-validations.aws."},
                        "autodiscover.example.org", new String[] {"_a1.autodiscover.example.org.", "_v2.acm-validations.aws."}))
                .certificate("eu-central-1", "ISSUED", Map.of(
                        "autoconfig.example.com", new String[] {"_c1.autoconfig.example.com.", "_w1.acm-validations.aws."},
                        "autodiscover.example.com", new String[] {"_c2.autodiscover.example.com.", "_w2.acm-validations.aws."}))
                .certificate("eu-central-1", "ISSUED", Map.of(
                        "autoconfig.provider.example", new String[] {"_p0.autoconfig.provider.example.", "_u1.acm-validations.aws."},
                        "autodiscover.provider.example", new String[] {"_p1.autodiscover.provider.example.", "_u2.acm-validations.aws."}))
                .customDomainName("autoconfig.example.org", "d-org1.execute-api.eu-central-1.amazonaws.com")
                .customDomainName("autodiscover.example.org", "d-org2.execute-api.eu-central-1.amazonaws.com")
                .customDomainName("autoconfig.example.com", "d-com1.execute-api.eu-central-1.amazonaws.com")
                .customDomainName("autodiscover.example.com", "d-com2.execute-api.eu-central-1.amazonaws.com")
                .customDomainName("autoconfig.provider.example", "d-pro1.execute-api.eu-central-1.amazonaws.com")
                .customDomainName("autodiscover.provider.example", "d-pro2.execute-api.eu-central-1.amazonaws.com");
    }
}
