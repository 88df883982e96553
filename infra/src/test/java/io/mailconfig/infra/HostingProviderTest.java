package io.mailconfig.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailconfig.installation.Dns;
import io.mailconfig.installation.DomainRecords;
import io.mailconfig.installation.DomainStacks;
import io.mailconfig.installation.Installation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * A hosting provider with 10,000 customer domains: one shared pair of hosts and one certificate,
 * whatever the number of domains; the customers only get DNS records.
 */
class HostingProviderTest {

    /** CloudFormation's limit on a template uploaded through S3, as CDK's deployments do. */
    private static final long MAX_TEMPLATE_BYTES = 1_000_000;

    @Test
    void tenThousandCustomersCostTheSameCertificatesHostsAndDistributionsAsNone() {
        Synthesized app = Fixtures.hostingWithEdge();
        assertThat(app.installation().domains()).hasSize(Fixtures.CUSTOMERS + 2);
        Template domains = app.template(app.stacks().domains().getFirst());
        Template edge = app.template(app.stacks().edge().orElseThrow());

        // The shared pair and the one customer with hosts of its own: two pairs of hosts.
        assertThat(app.stacks().domains()).hasSize(1);
        domains.resourceCountIs("AWS::CertificateManager::Certificate", 2);
        domains.resourceCountIs("AWS::ApiGatewayV2::DomainName", 4);
        domains.resourceCountIs("AWS::CloudFront::Distribution", 4);
        edge.resourceCountIs("AWS::CertificateManager::Certificate", 2);
        assertThat(domains.toJSON().toString()).doesNotContain("customer1.example", "customer9999.example");
    }

    @Test
    void everyStackStaysWithinCloudFormationsLimits() {
        for (Synthesized app : List.of(Fixtures.hostingWithEdge(), Fixtures.hostingInRoute53())) {
            for (Stack stack : app.stacks().all()) {
                assertThat(app.resourceCount(stack)).as(stack.getStackName()).isLessThanOrEqualTo(DomainStacks.MAX_RESOURCES);
                assertThat(app.templateBytes(stack)).as(stack.getStackName()).isLessThan(MAX_TEMPLATE_BYTES);
            }
        }
    }

    @Test
    void tenThousandCustomerDomainsInRoute53SpreadOverStacksThatEachFit() {
        Installation installation = Fixtures.hostingInRoute53Installation();

        assertThat(installation.stacks().all()).hasSize(Fixtures.CUSTOMER_STACKS).allSatisfy(stack ->
                assertThat(stack.resources()).isLessThanOrEqualTo(DomainStacks.MAX_RESOURCES - DomainStacks.RESERVED_RESOURCES));
        assertThat(installation.hostPairs()).hasSize(1);
        // The one stack built holds what the plan says, plus what CDK adds itself.
        Synthesized app = Fixtures.hostingInRoute53();
        DomainsStack built = app.stacks().domains().getFirst();
        DomainStacks.Stack plan = installation.stacks().of("provider.example");
        assertThat(app.resourceCount(built)).isBetween(plan.resources(), plan.resources() + DomainStacks.RESERVED_RESOURCES);
        app.template(built).resourceCountIs("AWS::Route53::RecordSetGroup", plan.route53Records().size());
    }

    @Test
    void aCustomerDomainInRoute53GetsItsSrvRecordsPointingOutlookAtTheSharedHost() {
        Synthesized app = Fixtures.hostingInRoute53();
        DomainRecords customer = app.installation().stacks().of("provider.example").route53Records().stream()
                .filter(records -> records.domain().startsWith("customer")).findFirst().orElseThrow();
        String name = customer.domain();
        Template domains = app.template(app.stacks().domains().getFirst());

        domains.hasResourceProperties("AWS::Route53::RecordSetGroup", Map.of(
                "HostedZoneId", ((Dns.Route53) customer.dns()).hostedZoneId(),
                "RecordSets", List.of(
                        Map.of("Name", "_imaps._tcp." + name + ".", "Type", "SRV", "TTL", "3600", "ResourceRecords", List.of("0 1 993 imap.provider.example.")),
                        Map.of("Name", "_submission._tcp." + name + ".", "Type", "SRV", "TTL", "3600",
                                "ResourceRecords", List.of("10 1 587 smtp.provider.example.")),
                        Map.of("Name", "_autodiscover._tcp." + name + ".", "Type", "SRV", "TTL", "3600",
                                "ResourceRecords", List.of("0 1 443 autodiscover.provider.example.")))));
        assertThat(domains.toJSON().toString()).doesNotContain("autoconfig." + name);
    }

    @Test
    void theSharedHostsAreAliasesToTheirCustomDomainNamesWithoutTheEdge() {
        Template domains = Fixtures.hostingInRoute53().template(Fixtures.hostingInRoute53().stacks().domains().getFirst());

        domains.resourceCountIs("AWS::CertificateManager::Certificate", 1);
        domains.hasResourceProperties("AWS::CertificateManager::Certificate", Map.of(
                "DomainName", "autoconfig.provider.example", "SubjectAlternativeNames", List.of("autodiscover.provider.example")));
        domains.hasResourceProperties("AWS::Route53::RecordSetGroup", Map.of("HostedZoneId", "Z0123456789PROVIDER",
                "RecordSets", Match.arrayWith(List.of(Map.of("Name", "autodiscover.provider.example.", "Type", "AAAA", "AliasTarget", Map.of(
                        "DNSName", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("providerexampleAutodiscoverDomainName.*"), "RegionalDomainName")),
                        "HostedZoneId", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("providerexampleAutodiscoverDomainName.*"),
                                "RegionalHostedZoneId")),
                        "EvaluateTargetHealth", false))))));
    }
}
