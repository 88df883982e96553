package io.mailconfig.installation;

import static io.mailconfig.installation.Configurations.ACCOUNT;
import static io.mailconfig.installation.Configurations.ROUTE53_DOMAIN;
import static io.mailconfig.installation.Configurations.parse;
import static org.assertj.core.api.Assertions.assertThat;

import io.mailconfig.installation.RecordValue.ServingEndpoint;
import io.mailconfig.installation.RecordValue.Text;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordsTest {

    @Test
    void aRoute53DomainWithItsOwnHostsGetsAliasesForBothAndItsSrvRecords() {
        List<DomainRecords> records = parse("{" + ACCOUNT + ", \"domains\": ["
                + ROUTE53_DOMAIN.replace("}", ", \"srv\": {\"imaps\": \"imap.example.com\", \"submission\": \"smtp.example.com\"}}") + "]}").records();

        assertThat(records).singleElement().satisfies(domain -> {
            assertThat(domain.domain()).isEqualTo("example.com");
            assertThat(domain.dns()).isEqualTo(new Dns.Route53("Z0123456789EXAMPLECOM", "example.com"));
            assertThat(domain.certificateHosts()).containsExactly("autoconfig.example.com", "autodiscover.example.com");
            assertThat(domain.records()).containsExactly(
                    new DnsRecord("autoconfig.example.com", "A", new ServingEndpoint("autoconfig.example.com"), 300, true),
                    new DnsRecord("autoconfig.example.com", "AAAA", new ServingEndpoint("autoconfig.example.com"), 300, true),
                    new DnsRecord("autodiscover.example.com", "A", new ServingEndpoint("autodiscover.example.com"), 300, true),
                    new DnsRecord("autodiscover.example.com", "AAAA", new ServingEndpoint("autodiscover.example.com"), 300, true),
                    new DnsRecord("_imaps._tcp.example.com", "SRV", new Text("0 1 993 imap.example.com."), 3600, false),
                    new DnsRecord("_submission._tcp.example.com", "SRV", new Text("10 1 587 smtp.example.com."), 3600, false),
                    new DnsRecord("_autodiscover._tcp.example.com", "SRV", new Text("0 1 443 autodiscover.example.com."), 3600, false));
        });
    }

    @Test
    void aDomainElsewhereGetsCnamesTheAdministratorCreates() {
        List<DomainRecords> records = parse("{" + ACCOUNT + ", \"domains\": [{\"name\": \"example.org\", \"dns\": \"external\"}]}").records();

        assertThat(records.getFirst().records()).containsExactly(
                new DnsRecord("autoconfig.example.org", "CNAME", new ServingEndpoint("autoconfig.example.org"), 300, false),
                new DnsRecord("autodiscover.example.org", "CNAME", new ServingEndpoint("autodiscover.example.org"), 300, false),
                new DnsRecord("_autodiscover._tcp.example.org", "SRV", new Text("0 1 443 autodiscover.example.org."), 3600, false));
    }

    @Test
    void customerDomainsOfAHostingProviderGetOnlySrvRecordsAndTheSharedDomainItsHosts() {
        Installation installation = parse("{" + ACCOUNT + ", \"sharedHosts\": {\"domain\": \"mail.provider.example\","
                + " \"hostedZoneId\": \"Z0123456789PROVIDER\", \"hostedZoneName\": \"provider.example\"}, \"domains\": ["
                + "{\"name\": \"customer.example\", \"dns\": \"external\", \"srv\": {\"imaps\": \"imap.provider.example\"}},"
                + "{\"name\": \"mail.provider.example\", \"hostedZoneId\": \"Z0123456789PROVIDER\", \"hostedZoneName\": \"provider.example\"}]}");

        List<DomainRecords> records = installation.records();
        assertThat(records).extracting(DomainRecords::domain).containsExactly("customer.example", "mail.provider.example");
        assertThat(records.getFirst().certificateHosts()).isEmpty();
        assertThat(records.getFirst().records()).extracting(r -> r.name() + " " + r.type() + " " + ((Text) r.value()).data()).containsExactly(
                "_imaps._tcp.customer.example SRV 0 1 993 imap.provider.example.",
                "_autodiscover._tcp.customer.example SRV 0 1 443 autodiscover.mail.provider.example.");
        DomainRecords shared = records.get(1);
        assertThat(shared.certificateHosts()).containsExactly("autoconfig.mail.provider.example", "autodiscover.mail.provider.example");
        assertThat(shared.records()).extracting(r -> r.name() + " " + r.type()).containsExactly(
                "_autodiscover._tcp.mail.provider.example SRV",
                "autoconfig.mail.provider.example A", "autoconfig.mail.provider.example AAAA",
                "autodiscover.mail.provider.example A", "autodiscover.mail.provider.example AAAA");
    }
}
