package io.mailconfig.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailconfig.installation.Dns;
import io.mailconfig.installation.DomainRecords;
import io.mailconfig.installation.DomainStacks;
import io.mailconfig.installation.RecordValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** Hosts and records of a domain in Route 53 and of one whose DNS is elsewhere, each with its own hosts. */
class DomainsStackTest {

    private final Synthesized app = Fixtures.route53();
    private final Template domains = app.template(app.stacks().domains().getFirst());

    @Test
    void eachPairOfHostsHasOneCertificateValidatedInItsZoneOrByTheAdministrator() {
        domains.resourceCountIs("AWS::CertificateManager::Certificate", 2);
        domains.hasResourceProperties("AWS::CertificateManager::Certificate", Map.of(
                "DomainName", "autoconfig.example.com",
                "SubjectAlternativeNames", List.of("autodiscover.example.com"),
                "ValidationMethod", "DNS",
                "DomainValidationOptions", List.of(
                        Map.of("DomainName", "autoconfig.example.com", "HostedZoneId", "Z0123456789EXAMPLECOM"),
                        Map.of("DomainName", "autodiscover.example.com", "HostedZoneId", "Z0123456789EXAMPLECOM"))));
        // Outside Route 53 CloudFormation waits until the records ./dev cli dns prints are in place.
        domains.hasResourceProperties("AWS::CertificateManager::Certificate", Map.of(
                "DomainName", "autoconfig.example.org",
                "SubjectAlternativeNames", List.of("autodiscover.example.org"),
                "ValidationMethod", "DNS",
                "DomainValidationOptions", Match.absent()));
    }

    @Test
    void everyHostIsACustomDomainNameWithTls12MappedToTheApi() {
        domains.resourceCountIs("AWS::ApiGatewayV2::DomainName", 4);
        for (String host : List.of("autoconfig.example.com", "autodiscover.example.com", "autoconfig.example.org", "autodiscover.example.org")) {
            domains.hasResourceProperties("AWS::ApiGatewayV2::DomainName", Map.of(
                    "DomainName", host,
                    "DomainNameConfigurations", List.of(Map.of(
                            "CertificateArn", Map.of("Ref", Match.stringLikeRegexp(".*Certificate.*")),
                            "EndpointType", "REGIONAL",
                            "SecurityPolicy", "TLS_1_2",
                            "IpAddressType", "dualstack"))));
        }
        domains.resourceCountIs("AWS::ApiGatewayV2::ApiMapping", 4);
        domains.allResourcesProperties("AWS::ApiGatewayV2::ApiMapping", Map.of(
                "ApiId", Map.of("Fn::ImportValue", Match.stringLikeRegexp("MailconfigService:.*Api.*")),
                "Stage", "$default"));
    }

    @Test
    void theRoute53DomainsRecordsAreOneGroupWithAliasesToItsHostsAndEverySrvRecord() {
        domains.resourceCountIs("AWS::Route53::RecordSetGroup", 1);
        List<Object> sets = new ArrayList<>();
        for (String host : List.of("autoconfig.example.com", "autodiscover.example.com")) {
            String id = host.startsWith("autoconfig") ? "Autoconfig" : "Autodiscover";
            for (String type : List.of("A", "AAAA")) {
                sets.add(Map.of("Name", host + ".", "Type", type, "AliasTarget", Map.of(
                        "DNSName", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("examplecom" + id + "DomainName.*"), "RegionalDomainName")),
                        "HostedZoneId", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("examplecom" + id + "DomainName.*"), "RegionalHostedZoneId")),
                        "EvaluateTargetHealth", false)));
            }
        }
        for (String[] srv : new String[][] {
                {"_imaps._tcp", "0 1 993 imap.example.com."},
                {"_pop3s._tcp", "20 1 995 pop.example.com."},
                {"_pop3._tcp", "0 0 0 ."},
                {"_submissions._tcp", "0 1 465 smtp.example.com."},
                {"_submission._tcp", "10 1 587 smtp.example.com."},
                {"_autodiscover._tcp", "0 1 443 autodiscover.example.com."}}) {
            sets.add(Map.of("Name", srv[0] + ".example.com.", "Type", "SRV", "TTL", "3600", "ResourceRecords", List.of(srv[1])));
        }
        domains.hasResourceProperties("AWS::Route53::RecordSetGroup", Map.of("HostedZoneId", "Z0123456789EXAMPLECOM", "RecordSets", sets));
    }

    @Test
    void aDomainWhoseDnsIsElsewhereGetsNoRecordsFromTheStacks() {
        assertThat(domains.toJSON().toString()).doesNotContain("_autodiscover._tcp.example.org", "autoconfig.example.org.");
    }

    @Test
    void aStackThatHoldsNoDomainStaysWithAPlaceholderAndIsDeployedAfterTheOneItSplitFrom() {
        Synthesized options = Fixtures.options();
        List<DomainsStack> stacks = options.stacks().domains();
        assertThat(stacks).extracting(DomainsStack::getStackName).containsExactly("MailconfigDomains1", "MailconfigDomains2");
        DomainsStack holding = options.stackOf("example.com");
        DomainsStack empty = stacks.stream().filter(stack -> stack != holding).findFirst().orElseThrow();

        assertThat(options.templateJson(empty).get("Resources").toString()).contains("AWS::CloudFormation::WaitConditionHandle")
                .doesNotContain("AWS::CertificateManager", "AWS::Route53");
        assertThat(stacks.get(1).getDependencies()).contains(stacks.get(0));
    }

    @Test
    void eachStackHoldsWhatThePlanCountsAndNoMoreThanItLeavesRoomFor() {
        for (Synthesized synthesized : List.of(app, Fixtures.options())) {
            for (DomainsStack stack : synthesized.stacks().domains()) {
                int planned = synthesized.installation().stacks().all().get(index(stack)).resources();
                assertThat(synthesized.resourceCount(stack)).as(stack.getStackName())
                        .isBetween(planned, planned + DomainStacks.RESERVED_RESOURCES);
            }
        }
    }

    @Test
    void theStacksCreateExactlyTheRecordsTheInstallationListsForItsDomainsInRoute53() {
        for (Synthesized synthesized : List.of(app, Fixtures.options(), Fixtures.hostingWithEdge(), Fixtures.hostingInRoute53())) {
            for (DomainsStack stack : synthesized.stacks().domains()) {
                List<String> expected = new ArrayList<>();
                for (DomainRecords records : synthesized.installation().stacks().all().get(index(stack)).route53Records()) {
                    String zone = ((Dns.Route53) records.dns()).hostedZoneId();
                    expected.add(zone + ": " + records.records().stream().map(record -> record.name() + ". " + record.type() + " "
                            + (record.value() instanceof RecordValue.Text text ? record.ttl() + " " + text.data() : "alias"))
                            .collect(Collectors.joining(", ")));
                }
                List<String> actual = new ArrayList<>();
                synthesized.template(stack).findResources("AWS::Route53::RecordSetGroup").values().forEach(resource -> {
                    Map<?, ?> properties = (Map<?, ?>) ((Map<?, ?>) resource).get("Properties");
                    actual.add(properties.get("HostedZoneId") + ": " + ((List<?>) properties.get("RecordSets")).stream().map(set -> {
                        Map<?, ?> record = (Map<?, ?>) set;
                        return record.get("Name") + " " + record.get("Type") + " " + (record.containsKey("AliasTarget") ? "alias"
                                : record.get("TTL") + " " + String.join(" ", ((List<?>) record.get("ResourceRecords")).stream().map(String::valueOf).toList()));
                    }).collect(Collectors.joining(", ")));
                });
                assertThat(actual).as(stack.getStackName()).containsExactlyInAnyOrderElementsOf(expected);
            }
        }
    }

    static int index(DomainsStack stack) {
        return Integer.parseInt(stack.getStackName().substring("MailconfigDomains".length())) - 1;
    }
}
