package io.mailconfig.installation;

import static io.mailconfig.installation.Configurations.ACCOUNT;
import static io.mailconfig.installation.Configurations.domains;
import static io.mailconfig.installation.Configurations.parse;
import static io.mailconfig.installation.Configurations.problems;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuotasTest {

    @Test
    void sixtyDomainsWithTheirOwnHostsFitTheDefaultQuotaOfCustomDomainNames() {
        Installation installation = parse("{" + ACCOUNT + ", \"domainStacks\": 2, \"domains\": [" + domains(60, Configurations::ownRoute53) + "]}");

        assertThat(installation.hostPairs()).hasSize(60);
    }

    @Test
    void theSixtyFirstIsRefusedNamingTheQuotaAndTheHostingProviderMode() {
        assertThat(problems("{" + ACCOUNT + ", \"domainStacks\": 2, \"domains\": [" + domains(61, Configurations::ownRoute53) + "]}")).containsExactly(
                "mailconfig.domains: 61 pairs of hosts need 122 API Gateway custom domain names, over the default quota of 120 per account"
                        + " and region (Service Quotas, Amazon API Gateway, \"Custom domain names per account per Region\"). For many domains"
                        + " use the hosting-provider mode: one shared pair of hosts (\"sharedHosts\") serves every domain with \"hosts\":"
                        + " \"shared\", which needs no custom domain name, certificate or distribution of its own (docs/deploy.md). Or have"
                        + " the quota raised and state it: \"quotas\": {\"customDomainNames\": 122}");
    }

    @Test
    void aStatedQuotaIsUsedInstead() {
        String domains = domains(200, Configurations::ownRoute53);

        assertThat(parse("{" + ACCOUNT + ", \"domainStacks\": 8, \"quotas\": {\"customDomainNames\": 400}, \"domains\": [" + domains + "]}")
                .hostPairs()).hasSize(200);
        assertThat(problems("{" + ACCOUNT + ", \"domainStacks\": 8, \"quotas\": {\"customDomainNames\": 300}, \"domains\": [" + domains + "]}"))
                .singleElement().asString().contains("over the stated quota of 300 per account and region");
    }

    @Test
    void certificatesBeyondTheQuotaAreRefused() {
        assertThat(problems("{" + ACCOUNT + ", \"domainStacks\": 2, \"quotas\": {\"certificates\": 40}, \"domains\": ["
                + domains(41, Configurations::ownRoute53) + "]}")).singleElement().asString().startsWith(
                "mailconfig.domains: 41 ACM certificates in eu-central-1 are over the stated quota of 40 per account and region"
                        + " (Service Quotas, AWS Certificate Manager, \"ACM certificates\"). For many domains use the hosting-provider mode");
    }

    @Test
    void withTheEdgeEachHostIsADistributionAndUsEast1HoldsTheCertificates() {
        String domains = domains(251, Configurations::ownRoute53);

        assertThat(problems("{" + ACCOUNT + ", \"domainStacks\": 8, \"edge\": {}, \"quotas\": {\"customDomainNames\": 502}, \"domains\": ["
                + domains + "]}")).singleElement().asString().startsWith(
                "mailconfig.edge: 502 CloudFront distributions (one per host) are over the default quota of 500 per account");
        assertThat(problems("{\"account\": \"123456789012\", \"region\": \"us-east-1\", \"domainStacks\": 2, \"edge\": {},"
                + " \"quotas\": {\"certificates\": 100}, \"domains\": [" + domains(51, Configurations::ownRoute53) + "]}"))
                .singleElement().asString().startsWith("mailconfig.domains: 102 ACM certificates in us-east-1 are over the stated quota of 100");
    }

    @Test
    void tenThousandCustomerDomainsNeedOnePairOfHostsWhateverTheirNumber() {
        Installation installation = parse("{" + ACCOUNT + ", \"edge\": {}, \"sharedHosts\": {\"domain\": \"provider.example\","
                + " \"hostedZoneId\": \"Z0123456789PROVIDER\", \"hostedZoneName\": \"provider.example\"}, \"domains\": ["
                + domains(10_000, (name, i) -> "{\"name\": \"" + name + "\", \"dns\": \"external\"}") + "]}");

        assertThat(installation.domains()).hasSize(10_000);
        assertThat(installation.hostPairs()).containsExactly(installation.sharedHosts().orElseThrow());
    }
}
