package io.mailconfig.installation;

import static io.mailconfig.installation.Configurations.ACCOUNT;
import static io.mailconfig.installation.Configurations.ROUTE53_DOMAIN;
import static io.mailconfig.installation.Configurations.parse;
import static io.mailconfig.installation.Configurations.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailconfig.installation.MailDomain.Hosts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallationReaderTest {

    private static final Dns.Route53 ZONE = new Dns.Route53("Z0123456789EXAMPLECOM", "example.com");

    @Test
    void aMinimalConfigurationGetsTheDefaults() {
        Installation installation = parse("{" + ACCOUNT + ", \"domains\": [" + ROUTE53_DOMAIN + "]}");

        assertThat(installation.service()).isEqualTo(new ServiceSettings("mailconfig", 1024, 30, 60, Optional.empty(), 100, 200,
                OptionalInt.of(50), Optional.empty()));
        assertThat(installation.edge()).isEmpty();
        assertThat(installation.sharedHosts()).isEmpty();
        assertThat(installation.quotas()).isEqualTo(new Quotas(120, 2500, 500));
        assertThat(installation.domainStacks()).isEqualTo(1);
        assertThat(installation.domains()).containsExactly(new MailDomain("example.com", ZONE, Hosts.OWN,
                List.of(new SrvRecord(SrvService.AUTODISCOVER, "autodiscover.example.com", 443))));
        assertThat(installation.hostPairs()).containsExactly(new HostPair("example.com", ZONE));
    }

    @Test
    void everySrvServiceOfRfc6186And8314CanBePublishedInAFixedOrder() {
        MailDomain domain = parse("{" + ACCOUNT + ", \"domains\": [{\"name\": \"Mail.Example.COM.\", \"hostedZoneId\": \"Z0123456789EXAMPLECOM\","
                + " \"hostedZoneName\": \"example.com.\", \"srv\": {\"pop3\": \".\", \"submission\": \"smtp.example.com\","
                + " \"pop3s\": \"pop.example.com\", \"submissions\": \"smtp.example.com:1465\", \"imap\": \"imap.example.com\","
                + " \"imaps\": \"IMAP.example.com\"}}]}").domains().getFirst();

        assertThat(domain.name()).isEqualTo("mail.example.com");
        assertThat(domain.dns()).isEqualTo(new Dns.Route53("Z0123456789EXAMPLECOM", "example.com"));
        assertThat(domain.srv()).extracting(srv -> srv.recordName(domain.name()) + " " + srv.data()).containsExactly(
                "_imaps._tcp.mail.example.com 0 1 993 imap.example.com.",
                "_imap._tcp.mail.example.com 10 1 143 imap.example.com.",
                "_pop3s._tcp.mail.example.com 20 1 995 pop.example.com.",
                "_pop3._tcp.mail.example.com 0 0 0 .",
                "_submissions._tcp.mail.example.com 0 1 1465 smtp.example.com.",
                "_submission._tcp.mail.example.com 10 1 587 smtp.example.com.",
                "_autodiscover._tcp.mail.example.com 0 1 443 autodiscover.mail.example.com.");
    }

    @Test
    void aDomainOutsideRoute53SaysSo() {
        Installation installation = parse("{" + ACCOUNT + ", \"domains\": [" + ROUTE53_DOMAIN + ", {\"name\": \"example.org\", \"dns\": \"external\"}]}");

        assertThat(installation.domains().get(1)).isEqualTo(new MailDomain("example.org", Dns.EXTERNAL, Hosts.OWN,
                List.of(new SrvRecord(SrvService.AUTODISCOVER, "autodiscover.example.org", 443))));
        assertThat(installation.hostPairs()).extracting(HostPair::dns).containsExactly(ZONE, Dns.EXTERNAL);
    }

    @Test
    void theInstallationMaySayEveryDomainWithoutAZoneIsExternal() {
        Installation installation = parse("{" + ACCOUNT + ", \"dns\": \"external\", \"domains\": [" + ROUTE53_DOMAIN + ", {\"name\": \"example.org\"}]}");

        assertThat(installation.domains()).extracting(MailDomain::dns).containsExactly(ZONE, Dns.EXTERNAL);
    }

    @Test
    void withSharedHostsDomainsUseThemUnlessTheyHaveTheirOwn() {
        Installation installation = parse("{" + ACCOUNT + ", \"sharedHosts\": {\"domain\": \"provider.example\", \"dns\": \"external\"},"
                + " \"domains\": [{\"name\": \"customer.example\", \"dns\": \"external\", \"srv\": {\"imaps\": \"imap.provider.example\"}},"
                + ROUTE53_DOMAIN.replace("}", ", \"hosts\": \"own\"}") + "]}");

        HostPair shared = new HostPair("provider.example", Dns.EXTERNAL);
        assertThat(installation.sharedHosts()).contains(shared);
        assertThat(installation.domains().getFirst()).isEqualTo(new MailDomain("customer.example", Dns.EXTERNAL, Hosts.SHARED, List.of(
                new SrvRecord(SrvService.IMAPS, "imap.provider.example", 993),
                new SrvRecord(SrvService.AUTODISCOVER, "autodiscover.provider.example", 443))));
        assertThat(installation.domains().get(1).hosts()).isEqualTo(Hosts.OWN);
        assertThat(installation.hostPairs()).containsExactly(new HostPair("example.com", ZONE), shared);
    }

    @Test
    void optionalSettingsAreRead() {
        Installation installation = parse("{" + ACCOUNT + ", \"tableName\": \"mail-settings\", \"memoryMb\": 2048, \"logRetentionDays\": 90,"
                + " \"cacheTtlSeconds\": 300, \"throttleRateLimit\": 50, \"throttleBurstLimit\": 80, \"reservedConcurrency\": false,"
                + " \"alarmEmail\": \"ops@example.com\", \"domainStacks\": 4,"
                + " \"signingSecretArn\": \"arn:aws:secretsmanager:eu-central-1:123456789012:secret:mailconfig-signing-AbCdEf\","
                + " \"edge\": {\"enabled\": true, \"requestsPerIpPer5Minutes\": 300, \"priceClass\": \"PriceClass_All\"},"
                + " \"quotas\": {\"customDomainNames\": 300, \"certificates\": 3000, \"distributions\": 600},"
                + " \"domains\": [" + ROUTE53_DOMAIN + "]}");

        assertThat(installation.service()).isEqualTo(new ServiceSettings("mail-settings", 2048, 90, 300,
                Optional.of("arn:aws:secretsmanager:eu-central-1:123456789012:secret:mailconfig-signing-AbCdEf"), 50, 80,
                OptionalInt.empty(), Optional.of("ops@example.com")));
        assertThat(installation.edge()).contains(new Edge(300, "PriceClass_All"));
        assertThat(installation.quotas()).isEqualTo(new Quotas(300, 3000, 600));
        assertThat(installation.domainStacks()).isEqualTo(4);
        assertThat(parse("{" + ACCOUNT + ", \"reservedConcurrency\": 5, \"edge\": {\"enabled\": false}, \"domains\": [" + ROUTE53_DOMAIN + "]}"))
                .satisfies(other -> {
                    assertThat(other.service().reservedConcurrency()).hasValue(5);
                    assertThat(other.edge()).isEmpty();
                });
        assertThat(parse("{" + ACCOUNT + ", \"edge\": {}, \"domains\": [" + ROUTE53_DOMAIN + "]}").edge()).contains(new Edge(600, "PriceClass_100"));
    }

    @Test
    void everyMistakeIsReportedAtOnceNamingTheSetting() {
        assertThat(problems("{\"account\": \"12345\", \"memoryMb\": 64, \"logRetentionDays\": 10, \"colour\": \"blue\","
                + "\"signingSecretArn\": \"my-secret\", \"cacheTtlSeconds\": \"sixty\", \"reservedConcurrency\": true, \"alarmEmail\": \"ops\","
                + "\"dns\": \"bind\", \"domainStacks\": 3, \"edge\": {\"enabled\": \"yes\", \"priceClass\": \"cheap\", \"requestsPerIpPer5Minutes\": 5},"
                + "\"quotas\": {\"certificates\": 0, \"lambdas\": 3}}")).containsExactlyInAnyOrder(
                "mailconfig.colour: unknown setting; known are [account, alarmEmail, cacheTtlSeconds, dns, domainStacks, domains, edge,"
                        + " logRetentionDays, memoryMb, publish, quotas, region, reservedConcurrency, sharedHosts, signingSecretArn, tableName,"
                        + " throttleBurstLimit, throttleRateLimit]",
                "mailconfig.account: \"12345\" is not a 12-digit AWS account id, e.g. 123456789012",
                "mailconfig.region: missing; expected an AWS region, e.g. eu-central-1",
                "mailconfig.memoryMb: 64 must be a whole number from 128 to 10240",
                "mailconfig.logRetentionDays: 10 is not a period CloudWatch Logs offers; use one of [1, 3, 5, 7, 14, 30, 60, 90, 120,"
                        + " 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653]",
                "mailconfig.cacheTtlSeconds: \"sixty\" must be a whole number from 0 to 86400",
                "mailconfig.signingSecretArn: \"my-secret\" is not a Secrets Manager secret ARN,"
                        + " e.g. arn:aws:secretsmanager:eu-central-1:123456789012:secret:mailconfig-signing-AbCdEf",
                "mailconfig.reservedConcurrency: true must be a whole number from 1 to 1000, or false to reserve none",
                "mailconfig.alarmEmail: \"ops\" is not an e-mail address, e.g. ops@example.com",
                "mailconfig.dns: \"bind\" is not \"route53\" or \"external\"",
                "mailconfig.domainStacks: 3 is not a power of two (1, 2, 4, ... 256): doubling moves each domain to at most one other stack",
                "mailconfig.edge.enabled: must be true or false",
                "mailconfig.edge.priceClass: \"cheap\" is not one of [PriceClass_100, PriceClass_200, PriceClass_All]",
                "mailconfig.edge.requestsPerIpPer5Minutes: 5 must be a whole number from 10 to 2000000000",
                "mailconfig.quotas.lambdas: unknown setting; known are [certificates, customDomainNames, distributions]",
                "mailconfig.quotas.certificates: 0 must be a whole number from 1 to 1000000",
                "mailconfig.domains: missing; list the mail domains, e.g. [{\"name\": \"example.com\", \"hostedZoneId\":"
                        + " \"Z0123456789ABCDEFGHIJ\", \"hostedZoneName\": \"example.com\"}]");
    }

    @Test
    void domainMistakesSayWhichDomain() {
        assertThat(problems("{" + ACCOUNT + ", \"domains\": ["
                + "{\"name\": \"example.com\", \"hostedZoneId\": \"zone-1\", \"hostedZoneName\": \"example.com\"},"
                + "{\"name\": \"mail.example.net\", \"hostedZoneId\": \"Z0123456789ABCDEFGHIJ\", \"hostedZoneName\": \"example.org\"},"
                + "{\"name\": \"example.org\", \"hostedZoneId\": \"Z0123456789ABCDEFGHIJ\", \"hostedZoneName\": \"example.org\","
                + " \"srv\": {\"smtp\": \"smtp.example.org\", \"submissions\": \"smtp example org\", \"imaps\": 993}},"
                + "{\"name\": \"example.org\", \"dns\": \"external\"},"
                + "{\"name\": \"example.info\"},"
                + "{\"name\": \"example.eu\", \"hostedZoneId\": \"Z0123456789ABCDEFGHIJ\"},"
                + "{\"name\": \"example.de\", \"hostedZoneId\": \"Z0123456789ABCDEFGHIJ\", \"hostedZoneName\": \"example.de\", \"dns\": \"external\"},"
                + "{\"hostedZoneId\": \"Z0123456789ABCDEFGHIJ\", \"hostedZoneName\": \"example.biz\", \"hosts\": true},"
                + "{\"name\": \"example.at\", \"dns\": \"external\", \"hosts\": \"shared\"},"
                + "{\"name\": \"example.ch\", \"dns\": \"external\", \"hosts\": \"mine\"},"
                + "\"example.fr\"]}")).containsExactlyInAnyOrder(
                "mailconfig.domains[0].hostedZoneId: \"zone-1\" is not a Route 53 hosted zone id, e.g. Z0123456789ABCDEFGHIJ",
                "mailconfig.domains[1]: mail.example.net is not inside the hosted zone example.org; give the zone that holds its records",
                "mailconfig.domains[2].srv.smtp: unknown SRV service; use one of [imaps, imap, pop3s, pop3, submissions, submission, autodiscover]",
                "mailconfig.domains[2].srv.submissions: must be a host name, optionally with :port, e.g. \"mail.example.com\" or"
                        + " \"mail.example.com:465\", or \".\" for a service the domain does not offer",
                "mailconfig.domains[2].srv.imaps: must be a host name, optionally with :port, e.g. \"mail.example.com\" or"
                        + " \"mail.example.com:993\", or \".\" for a service the domain does not offer",
                "mailconfig.domains[3]: example.org is listed twice",
                "mailconfig.domains[4]: no DNS given; name the Route 53 zone (\"hostedZoneId\" and \"hostedZoneName\"), or say"
                        + " \"dns\": \"external\" when the domain's DNS is elsewhere (./dev cli dns prints the records to create)",
                "mailconfig.domains[5].hostedZoneName: missing; expected the hosted zone's domain name, e.g. example.com",
                "mailconfig.domains[6]: a hosted zone and \"dns\": \"external\" contradict each other; give one of them",
                "mailconfig.domains[7].name: missing; expected a domain name in lower case (punycode for international names), e.g. example.com",
                "mailconfig.domains[7].hosts: must be \"own\" or \"shared\" (true is now \"own\"; false is now \"shared\", with"
                        + " \"sharedHosts\" naming the shared hosts)",
                "mailconfig.domains[8].hosts: \"shared\" needs \"sharedHosts\" in the configuration, naming the domain of the shared hosts,"
                        + " e.g. \"sharedHosts\": {\"domain\": \"provider.example\", \"dns\": \"external\"}",
                "mailconfig.domains[9].hosts: \"mine\" is not \"own\" or \"shared\"",
                "mailconfig.domains[10]: must be an object with name and either hostedZoneId and hostedZoneName, or \"dns\": \"external\"");
    }

    @Test
    void theSharedHostsDomainIsCheckedToo() {
        assertThat(problems("{" + ACCOUNT + ", \"sharedHosts\": {\"domain\": \"provider.example\", \"dns\": \"external\"}, \"domains\": ["
                + "{\"name\": \"provider.example\", \"dns\": \"external\", \"hosts\": \"own\"},"
                + "{\"name\": \"other.example\", \"dns\": \"external\"}]}")).containsExactly(
                "mailconfig.domains[0]: provider.example is the shared hosts' domain; its hosts are the shared ones: give it \"hosts\": \"shared\"");
        assertThat(problems("{" + ACCOUNT + ", \"sharedHosts\": {\"domain\": \"provider.example\", \"hostedZoneId\": \"Z0123456789ABCDEFGHIJ\","
                + " \"hostedZoneName\": \"provider.example\"}, \"domains\": [{\"name\": \"provider.example\", \"dns\": \"external\"}]}"))
                .containsExactly("mailconfig.domains[0]: provider.example is also sharedHosts.domain, with other DNS settings; give both the same");
        assertThat(problems("{" + ACCOUNT + ", \"sharedHosts\": {\"zone\": \"x\"}, \"domains\": [" + ROUTE53_DOMAIN + "]}")).containsExactlyInAnyOrder(
                "mailconfig.sharedHosts.zone: unknown setting; known are [dns, domain, hostedZoneId, hostedZoneName]",
                "mailconfig.sharedHosts.domain: missing; expected a domain name in lower case (punycode for international names), e.g."
                        + " example.com (the hosts are autoconfig.<domain> and autodiscover.<domain>)",
                "mailconfig.sharedHosts: no DNS given; name the Route 53 zone (\"hostedZoneId\" and \"hostedZoneName\"), or say"
                        + " \"dns\": \"external\" when the domain's DNS is elsewhere (./dev cli dns prints the records to create)");
    }

    @Test
    void aDomainPublishesWhatItNamesOrTheInstallationsDefaultAndPaccAndMtaStsBringTheirHosts() {
        Installation installation = parse("{" + ACCOUNT + ", \"publish\": [\"tls-rpt\"], \"domains\": [" + ROUTE53_DOMAIN + ","
                + " {\"name\": \"example.org\", \"dns\": \"external\", \"publish\": [\"pacc\", \"mta-sts\", \"dav\"]}]}");

        assertThat(installation.domains().get(0).publications()).containsExactly(Publication.TLS_RPT);
        assertThat(installation.domains().get(1).publications())
                .containsExactlyInAnyOrder(Publication.PACC, Publication.MTA_STS, Publication.DAV);
        assertThat(installation.hostPairs().get(0).hosts()).containsExactly("autoconfig.example.com", "autodiscover.example.com");
        assertThat(installation.hostPairs().get(1).hosts()).containsExactly("autoconfig.example.org", "autodiscover.example.org",
                "ua-auto-config.example.org", "mta-sts.example.org");
        assertThat(installation.records().get(1).records()).extracting(DnsRecord::name).contains("ua-auto-config.example.org", "mta-sts.example.org");
        assertThat(installation.publishing()).hasSize(2);
        assertThat(HostPair.constructId("mta-sts.example.org")).isEqualTo("MtaSts");
        assertThat(HostPair.constructId("ua-auto-config.example.org")).isEqualTo("UaAutoConfig");
    }

    @Test
    void sharedHostsCannotServePaccOrMtaStsAndSayWhy() {
        assertThat(problems("{" + ACCOUNT + ", \"sharedHosts\": {\"domain\": \"provider.example\", \"dns\": \"external\"}, \"domains\": ["
                + "{\"name\": \"customer.example\", \"dns\": \"external\", \"publish\": [\"pacc\", \"tls-rpt\"]},"
                + "{\"name\": \"other.example\", \"dns\": \"external\", \"publish\": [\"ptr\"]}]}"))
                .anySatisfy(problem -> assertThat(problem).startsWith("mailconfig.domains[0].publish: pacc and mta-sts need hosts of the domain's own")
                        .contains("\"hosts\": \"own\""))
                .anySatisfy(problem -> assertThat(problem).startsWith("mailconfig.domains[1].publish: \"ptr\" is not one of"));
        Installation defaults = parse("{" + ACCOUNT + ", \"publish\": [\"pacc\", \"dav\"], \"sharedHosts\": {\"domain\": \"provider.example\","
                + " \"dns\": \"external\"}, \"domains\": [{\"name\": \"customer.example\", \"dns\": \"external\"}]}");
        assertThat(defaults.domains().getFirst().publications()).as("the default's PACC is left out for a shared domain")
                .containsExactly(Publication.DAV);
    }

    @Test
    void everyHostCountsAgainstTheCustomDomainNameQuota() {
        StringBuilder domains = new StringBuilder();
        for (int i = 0; i < 31; i++) {
            domains.append(i == 0 ? "" : ",").append("{\"name\": \"d").append(i).append(".example\", \"dns\": \"external\"}");
        }
        assertThat(parse("{" + ACCOUNT + ", \"domains\": [" + domains + "]}").hostPairs()).hasSize(31);
        assertThat(problems("{" + ACCOUNT + ", \"publish\": [\"pacc\", \"mta-sts\"], \"domains\": [" + domains + "]}"))
                .anySatisfy(problem -> assertThat(problem).contains("31 pairs of hosts need 124 API Gateway custom domain names"));
    }

    @Test
    void anEmptyDomainListIsRefused() {
        assertThat(problems("{" + ACCOUNT + ", \"domains\": []}")).containsExactly("mailconfig.domains: must be a non-empty list of mail domains");
    }

    @Test
    void theContextValueMayNameAFileOrBeTheSettingsThemselves(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("mail.json"), "{" + ACCOUNT + ", \"domains\": [" + ROUTE53_DOMAIN + "]}");

        assertThat(Installation.fromContext("mail.json", dir).domains()).extracting(MailDomain::name).containsExactly("example.com");
        assertThat(Installation.fromContext(Map.of("account", "123456789012", "region", "eu-central-1", "domains",
                List.of(Map.of("name", "example.org", "dns", "external"))), dir).domains()).extracting(MailDomain::dns).containsExactly(Dns.EXTERNAL);
    }

    @Test
    void aMissingOrBrokenConfigurationSaysWhatToDo(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> Installation.fromContext(null, dir)).isInstanceOf(InvalidInstallationException.class)
                .hasMessageContaining("no \"mailconfig\" in the cdk.json context: set it to the name of a JSON file");
        assertThatThrownBy(() -> Installation.fromContext("absent.json", dir)).isInstanceOf(InvalidInstallationException.class)
                .hasMessageContaining("absent.json cannot be read as JSON");
        Files.writeString(dir.resolve("broken.json"), "{\"account\": ");
        assertThatThrownBy(() -> Installation.fromContext("broken.json", dir)).isInstanceOf(InvalidInstallationException.class)
                .hasMessageContaining("broken.json cannot be read as JSON");
        Files.writeString(dir.resolve("list.json"), "[]");
        assertThatThrownBy(() -> Installation.fromContext("list.json", dir)).isInstanceOf(InvalidInstallationException.class)
                .hasMessageContaining("the configuration must be a JSON object");
    }
}
