package io.mailconfig.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailconfig.dnsupdater.DnsUpdateHandler;
import io.mailconfig.dnsupdater.ManagedDomain;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * PACC, MTA-STS, TLS-RPT and DAV discovery in the stacks: the domains' extra hosts and their
 * certificate, the table's stream, and the DNS updater with a role that may change nothing but
 * the records that follow the table, in the declared zones.
 */
class PublishingTest {

    private final Synthesized app = Fixtures.publishing();
    private final Template domains = app.template(app.stacks().domains().getFirst());
    private final Template updater = app.template(app.stacks().dnsUpdater().orElseThrow());

    @Test
    void paccAndMtaStsHostsJoinTheDomainsCertificateAndCustomDomainNames() {
        domains.hasResourceProperties("AWS::CertificateManager::Certificate", Map.of(
                "DomainName", "autoconfig.example.com",
                "SubjectAlternativeNames", List.of("autodiscover.example.com", "ua-auto-config.example.com", "mta-sts.example.com")));
        domains.hasResourceProperties("AWS::CertificateManager::Certificate", Map.of(
                "DomainName", "autoconfig.example.org",
                "SubjectAlternativeNames", List.of("autodiscover.example.org", "ua-auto-config.example.org", "mta-sts.example.org")));
        domains.hasResourceProperties("AWS::CertificateManager::Certificate", Map.of(
                "DomainName", "autoconfig.example.net", "SubjectAlternativeNames", List.of("autodiscover.example.net")));
        for (String host : List.of("ua-auto-config.example.com", "mta-sts.example.com", "ua-auto-config.example.org", "mta-sts.example.org")) {
            domains.hasResourceProperties("AWS::ApiGatewayV2::DomainName", Map.of("DomainName", host,
                    "DomainNameConfigurations", List.of(Match.objectLike(Map.of("SecurityPolicy", "TLS_1_2")))));
        }
        domains.resourceCountIs("AWS::ApiGatewayV2::DomainName", 10);
        domains.hasResourceProperties("AWS::Route53::RecordSetGroup", Map.of("RecordSets", Match.arrayWith(List.of(
                Match.objectLike(Map.of("Name", "ua-auto-config.example.com.", "Type", "A")),
                Match.objectLike(Map.of("Name", "mta-sts.example.com.", "Type", "AAAA"))))));
        // The records whose values follow the table are the updater's, never CloudFormation's.
        domains.hasResourceProperties("AWS::Route53::RecordSetGroup", Map.of("RecordSets",
                Match.not(Match.arrayWith(List.of(Match.objectLike(Map.of("Type", "TXT")))))));
    }

    @Test
    void theTableHasAStreamOfKeys() {
        app.template(app.stacks().data()).hasResourceProperties("AWS::DynamoDB::Table", Map.of(
                "StreamSpecification", Map.of("StreamViewType", "KEYS_ONLY")));
    }

    @Test
    void theUpdaterFollowsTheStreamAndItsQueueAndRunsOnEveryDeploy() {
        updater.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "Handler", DnsUpdateHandler.class.getName() + "::handleRequest",
                "Runtime", "java25",
                "Environment", Map.of("Variables", Match.objectLike(Map.of(
                        ManagedDomain.ENVIRONMENT, "example.com Z0123456789EXAMPLECOM pacc,mta-sts,tls-rpt,dav")))));
        updater.hasResourceProperties("AWS::Lambda::EventSourceMapping", Map.of(
                "EventSourceArn", Map.of("Fn::ImportValue", Match.stringLikeRegexp("MailconfigData:.*Table.*StreamArn.*")),
                "StartingPosition", "LATEST", "BisectBatchOnFunctionError", true));
        updater.hasResourceProperties("AWS::Lambda::EventSourceMapping", Map.of(
                "EventSourceArn", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("Retirements.*"), "Arn"))));
        updater.hasResourceProperties("AWS::SQS::Queue", Map.of("RedrivePolicy", Match.objectLike(Map.of("maxReceiveCount", 5))));
        updater.hasResourceProperties("Custom::MailconfigTableRecords", Map.of(
                "ManagedDomains", "example.com Z0123456789EXAMPLECOM pacc,mta-sts,tls-rpt,dav"));
    }

    @Test
    void theRoleMayChangeOnlyTheseRecordNamesAndTypesInTheDeclaredZones() {
        updater.hasResourceProperties("AWS::IAM::Role", Map.of("Policies", List.of(Map.of("PolicyDocument", Map.of(
                "Statement", Match.arrayWith(List.of(Map.of(
                        "Sid", "ChangeOnlyTheRecordsThatFollowTheTable",
                        "Effect", "Allow",
                        "Action", "route53:ChangeResourceRecordSets",
                        "Resource", "arn:aws:route53:::hostedzone/Z0123456789EXAMPLECOM",
                        "Condition", Map.of("ForAllValues:StringEquals", Map.of(
                                "route53:ChangeResourceRecordSetsRecordTypes", List.of("SRV", "TXT"),
                                "route53:ChangeResourceRecordSetsActions", List.of("UPSERT", "DELETE"),
                                "route53:ChangeResourceRecordSetsNormalizedRecordNames", List.of(
                                        "_caldavs._tcp.example.com", "_carddavs._tcp.example.com", "_mta-sts.example.com",
                                        "_smtp._tls.example.com", "_ua-auto-config.example.com"))))))),
                "PolicyName", "mailconfig-dns"))));
        String role = updater.toJSON().toString();
        assertThat(role).as("example.net publishes nothing, example.org's DNS is elsewhere").doesNotContain("Z0123456789EXAMPLENET", "example.org");
    }
}
