package io.mailconfig.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The edge switched on: CloudFront in front of every host, a web ACL that holds abusive clients, caching by exact keys. */
class EdgeTest {

    /** CloudFront's managed policies: CachingDisabled and AllViewer. */
    private static final String CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";
    private static final String ALL_VIEWER = "216adef6-5c7f-47e4-b989-5492eafa07d3";
    private static final String HOST_HEADER_ONLY = "bf0718e1-ba1e-49d1-88b1-f726733018ae";

    private final Synthesized app = Fixtures.hostingWithEdge();
    private final Template edge = app.template(app.stacks().edge().orElseThrow());
    private final Template service = app.template(app.stacks().service());
    private final Template domains = app.template(app.stacks().domains().getFirst());

    @Test
    void theWebAclAndCloudFrontsCertificatesLiveInUsEast1() {
        assertThat(app.stacks().edge().orElseThrow().getRegion()).isEqualTo("us-east-1");
        assertThat(app.stacks().service().getRegion()).isEqualTo("eu-central-1");
        edge.hasResourceProperties("AWS::CertificateManager::Certificate", Map.of(
                "DomainName", "autoconfig.provider.example", "SubjectAlternativeNames", List.of("autodiscover.provider.example"),
                "DomainValidationOptions", Match.arrayWith(List.of(Map.of("DomainName", "autoconfig.provider.example", "HostedZoneId", "Z0123456789PROVIDER")))));
        edge.hasResourceProperties("AWS::CertificateManager::Certificate", Map.of(
                "DomainName", "autoconfig.own.example", "ValidationMethod", "DNS", "DomainValidationOptions", Match.absent()));
    }

    @Test
    void aClientAskingTooOftenFromOneAddressIsAnswered429ForAWhile() {
        edge.resourceCountIs("AWS::WAFv2::WebACL", 1);
        edge.hasResourceProperties("AWS::WAFv2::WebACL", Map.of(
                "Scope", "CLOUDFRONT",
                "DefaultAction", Map.of("Allow", Map.of()),
                "Rules", List.of(Match.objectLike(Map.of(
                        "Statement", Map.of("RateBasedStatement", Map.of("AggregateKeyType", "IP", "Limit", 300, "EvaluationWindowSec", 300)),
                        "Action", Map.of("Block", Map.of("CustomResponse", Map.of("ResponseCode", 429,
                                "CustomResponseBodyKey", "too-many-requests",
                                "ResponseHeaders", List.of(Map.of("Name", "Retry-After", "Value", "300"))))))))));
    }

    @Test
    void eachHostIsADistributionInFrontOfItsOwnCustomDomainNameAnsweringHttpAndHttps() {
        domains.resourceCountIs("AWS::CloudFront::Distribution", 4);
        domains.hasResourceProperties("AWS::CloudFront::Distribution", Map.of("DistributionConfig", Match.objectLike(Map.of(
                "Aliases", List.of("autodiscover.provider.example"),
                "Enabled", true,
                "IPV6Enabled", true,
                "PriceClass", "PriceClass_100",
                "WebACLId", Match.anyValue(),
                "ViewerCertificate", Match.objectLike(Map.of("MinimumProtocolVersion", "TLSv1.2_2021", "SslSupportMethod", "sni-only")),
                "Origins", List.of(Match.objectLike(Map.of(
                        "DomainName", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("providerexampleAutodiscoverDomainName.*"), "RegionalDomainName")),
                        "CustomOriginConfig", Map.of("OriginProtocolPolicy", "https-only", "OriginSSLProtocols", List.of("TLSv1.2"))))),
                "DefaultCacheBehavior", Match.objectLike(Map.of(
                        "ViewerProtocolPolicy", "allow-all",
                        "CachePolicyId", CACHING_DISABLED,
                        "OriginRequestPolicyId", ALL_VIEWER,
                        "FunctionAssociations", List.of(Map.of("EventType", "viewer-request", "FunctionARN", Match.anyValue())))),
                "CacheBehaviors", List.of(
                        Match.objectLike(Map.of("PathPattern", "/mail/config-v1.1.xml", "ViewerProtocolPolicy", "allow-all",
                                "OriginRequestPolicyId", Match.absent())),
                        Match.objectLike(Map.of("PathPattern", "/.well-known/autoconfig/mail/config-v1.1.xml", "ViewerProtocolPolicy", "allow-all")),
                        Match.objectLike(Map.of("PathPattern", "/.well-known/mail-v1.xml", "ViewerProtocolPolicy", "allow-all")),
                        Match.objectLike(Map.of("PathPattern", "/.well-known/user-agent-configuration.json", "OriginRequestPolicyId", Match.absent())),
                        Match.objectLike(Map.of("PathPattern", "/.well-known/mta-sts.txt", "OriginRequestPolicyId", Match.absent())),
                        Match.objectLike(Map.of("PathPattern", "/autodiscover/autodiscover.json*", "ViewerProtocolPolicy", "allow-all",
                                "OriginRequestPolicyId", HOST_HEADER_ONLY)))))));
    }

    @Test
    void theCachedPathsAreKeyedByExactlyWhatTheirProtocolReadsAndKeptOnlyAsLongAsTheAnswerSays() {
        service.resourceCountIs("AWS::CloudFront::CachePolicy", 6);
        for (String path : List.of("/mail/config-v1.1.xml", "/.well-known/autoconfig/mail/config-v1.1.xml", "/.well-known/mail-v1.xml")) {
            service.hasResourceProperties("AWS::CloudFront::CachePolicy", Map.of("CachePolicyConfig", Match.objectLike(Map.of(
                    "Comment", Match.stringLikeRegexp("mailconfig " + path.replace(".", "\\.") + ":.*"),
                    "DefaultTTL", 0, "MinTTL", 0, "MaxTTL", 86400,
                    "ParametersInCacheKeyAndForwardedToOrigin", Map.of(
                            "CookiesConfig", Map.of("CookieBehavior", "none"),
                            "HeadersConfig", Map.of("HeaderBehavior", "whitelist", "Headers", List.of("Host")),
                            "QueryStringsConfig", Map.of("QueryStringBehavior", "whitelist", "QueryStrings", List.of("emailaddress")),
                            "EnableAcceptEncodingGzip", true, "EnableAcceptEncodingBrotli", true)))));
        }
        service.hasResourceProperties("AWS::CloudFront::CachePolicy", Map.of("CachePolicyConfig", Match.objectLike(Map.of(
                "DefaultTTL", 0, "MinTTL", 0,
                "ParametersInCacheKeyAndForwardedToOrigin", Match.objectLike(Map.of(
                        "HeadersConfig", Map.of("HeaderBehavior", "none"),
                        "QueryStringsConfig", Map.of("QueryStringBehavior", "whitelist", "QueryStrings", List.of("email", "protocol"))))))));
        for (String path : List.of("/.well-known/user-agent-configuration.json", "/.well-known/mta-sts.txt")) {
            service.hasResourceProperties("AWS::CloudFront::CachePolicy", Map.of("CachePolicyConfig", Match.objectLike(Map.of(
                    "Comment", "mailconfig " + path + ": keyed by Host",
                    "ParametersInCacheKeyAndForwardedToOrigin", Match.objectLike(Map.of(
                            "HeadersConfig", Map.of("HeaderBehavior", "whitelist", "Headers", List.of("Host")),
                            "QueryStringsConfig", Map.of("QueryStringBehavior", "none")))))));
        }
        service.resourceCountIs("AWS::CloudFront::Function", 1);
        service.hasResourceProperties("AWS::CloudFront::Function", Map.of(
                "FunctionConfig", Match.objectLike(Map.of("Runtime", "cloudfront-js-2.0")),
                "FunctionCode", EdgeCaching.viewerRequestCode()));
    }

    @Test
    void theHostsPointAtTheirDistributions() {
        domains.hasResourceProperties("AWS::Route53::RecordSetGroup", Map.of("HostedZoneId", "Z0123456789PROVIDER",
                "RecordSets", Match.arrayWith(List.of(Map.of("Name", "autoconfig.provider.example.", "Type", "A", "AliasTarget", Map.of(
                        "DNSName", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("providerexampleAutoconfigDistribution.*"), "DomainName")),
                        "HostedZoneId", "Z2FDTNDATAQYW2",
                        "EvaluateTargetHealth", false))))));
    }

    @Test
    void theWafCannotBeBypassedThroughTheExecuteApiAddress() {
        service.hasResourceProperties("AWS::ApiGatewayV2::Api", Map.of("DisableExecuteApiEndpoint", true));
    }

    @Test
    void withoutTheEdgeThereIsNoCloudFrontAndNoStackInUsEast1() {
        for (Synthesized off : List.of(Fixtures.route53(), Fixtures.hostingInRoute53())) {
            assertThat(off.stacks().edge()).isEmpty();
            off.stacks().all().forEach(stack -> assertThat(off.templateJson(stack).toString()).as(stack.getStackName())
                    .doesNotContain("AWS::CloudFront::", "AWS::WAFv2::", "us-east-1"));
        }
    }
}
