package io.mailconfig.infra;

import io.mailconfig.installation.Dns;
import io.mailconfig.installation.DnsRecord;
import io.mailconfig.installation.DomainRecords;
import io.mailconfig.installation.DomainStacks;
import io.mailconfig.installation.Edge;
import io.mailconfig.installation.HostPair;
import io.mailconfig.installation.RecordValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.CfnWaitConditionHandle;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.apigatewayv2.ApiMapping;
import software.amazon.awscdk.services.apigatewayv2.DomainName;
import software.amazon.awscdk.services.apigatewayv2.EndpointType;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpStage;
import software.amazon.awscdk.services.apigatewayv2.IpAddressType;
import software.amazon.awscdk.services.apigatewayv2.SecurityPolicy;
import software.amazon.awscdk.services.certificatemanager.Certificate;
import software.amazon.awscdk.services.certificatemanager.CertificateValidation;
import software.amazon.awscdk.services.cloudfront.Distribution;
import software.amazon.awscdk.services.cloudfront.HttpVersion;
import software.amazon.awscdk.services.cloudfront.OriginProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.OriginSslPolicy;
import software.amazon.awscdk.services.cloudfront.PriceClass;
import software.amazon.awscdk.services.cloudfront.SecurityPolicyProtocol;
import software.amazon.awscdk.services.cloudfront.origins.HttpOrigin;
import software.amazon.awscdk.services.route53.CfnRecordSetGroup;
import software.amazon.awscdk.services.route53.HostedZone;
import software.amazon.awscdk.services.route53.HostedZoneAttributes;
import software.amazon.awscdk.services.route53.targets.CloudFrontTarget;
import software.constructs.Construct;

/**
 * The hosts and Route 53 records of the domains {@link DomainStacks} puts in one stack. Per pair of
 * hosts: one certificate for both names, validated through DNS (in Route 53 by the certificate
 * itself; elsewhere by the records {@code ./dev cli dns} prints), a custom domain name (TLS 1.2)
 * mapped to the API for each host and, with the edge, a CloudFront distribution per host in front
 * of it. Per domain in Route 53: one record set group holding the records the installation lists
 * for it, the hosts' aliases pointing at what serves them.
 */
public final class DomainsStack extends Stack {

    /** What a host's alias points at: a name and the Route 53 zone AWS keeps it in. */
    private record AliasTarget(String dnsName, String hostedZoneId) {
    }

    private final List<Distribution> distributions = new ArrayList<>();

    public DomainsStack(Construct scope, String id, StackProps props, DomainStacks.Stack plan, HttpApi api, HttpStage stage,
            Optional<Edge> edge, Optional<EdgeCaching> caching, Optional<EdgeStack> edgeStack) {
        super(scope, id, props);
        Map<String, AliasTarget> targets = new HashMap<>();
        Map<String, Construct> scopes = new HashMap<>();
        for (HostPair pair : plan.hostPairs()) {
            Construct scopeOfPair = scopes.computeIfAbsent(pair.domain(), name -> new Construct(this, name));
            Certificate certificate = certificate(scopeOfPair, pair);
            for (String host : pair.hosts()) {
                String hostId = HostPair.constructId(host);
                DomainName domainName = DomainName.Builder.create(scopeOfPair, hostId + "DomainName")
                        .domainName(host)
                        .certificate(certificate)
                        .endpointType(EndpointType.REGIONAL)
                        .securityPolicy(SecurityPolicy.TLS_1_2)
                        .ipAddressType(IpAddressType.DUAL_STACK)
                        .build();
                ApiMapping.Builder.create(scopeOfPair, hostId + "Mapping").api(api).domainName(domainName).stage(stage).build();
                AliasTarget target = new AliasTarget(domainName.getRegionalDomainName(), domainName.getRegionalHostedZoneId());
                if (edge.isPresent()) {
                    Distribution distribution = distribution(scopeOfPair, hostId + "Distribution", host, domainName, edge.get(),
                            caching.orElseThrow(), edgeStack.orElseThrow(), pair);
                    distributions.add(distribution);
                    target = new AliasTarget(distribution.getDistributionDomainName(), CloudFrontTarget.CLOUDFRONT_ZONE_ID);
                }
                targets.put(host, target);
            }
        }
        for (DomainRecords records : plan.route53Records()) {
            Construct scopeOfDomain = scopes.computeIfAbsent(records.domain(), name -> new Construct(this, name));
            recordSetGroup(scopeOfDomain, records, targets);
        }
        if (plan.hostPairs().isEmpty() && plan.route53Records().isEmpty()) {
            // CloudFormation refuses a stack without resources; the stack stays so that its old
            // records are deleted when its last domain leaves it.
            new CfnWaitConditionHandle(this, "NoDomainsHere");
        }
    }

    public List<Distribution> distributions() {
        return List.copyOf(distributions);
    }

    /** One certificate for every host of the pair, validated in its DNS; the edge's in us-east-1 is built the same. */
    static Certificate certificate(Construct scope, HostPair pair) {
        return Certificate.Builder.create(scope, "Certificate")
                .domainName(pair.autoconfig())
                .subjectAlternativeNames(pair.hosts().subList(1, pair.hosts().size()))
                .validation(validation(scope, pair.dns()))
                .build();
    }

    /** Through DNS: in Route 53 the certificate writes its records into the zone; elsewhere the administrator does. */
    static CertificateValidation validation(Construct scope, Dns dns) {
        if (dns instanceof Dns.Route53 zone) {
            return CertificateValidation.fromDns(HostedZone.fromHostedZoneAttributes(scope, "Zone", HostedZoneAttributes.builder()
                    .hostedZoneId(zone.hostedZoneId()).zoneName(zone.zoneName()).build()));
        }
        return CertificateValidation.fromDns();
    }

    /**
     * One host behind CloudFront: its origin is the host's own custom domain name, asked with the
     * Host the client sent (CloudFront then also names it in TLS), so API Gateway finds the API.
     */
    private static Distribution distribution(Construct scope, String id, String host, DomainName domainName, Edge edge,
            EdgeCaching caching, EdgeStack edgeStack, HostPair pair) {
        HttpOrigin origin = HttpOrigin.Builder.create(domainName.getRegionalDomainName())
                .protocolPolicy(OriginProtocolPolicy.HTTPS_ONLY)
                .originSslProtocols(List.of(OriginSslPolicy.TLS_V1_2))
                .build();
        return Distribution.Builder.create(scope, id)
                .comment("mailconfig: " + host)
                .domainNames(List.of(host))
                .certificate(edgeStack.certificate(pair))
                .minimumProtocolVersion(SecurityPolicyProtocol.TLS_V1_2_2021)
                .httpVersion(HttpVersion.HTTP2_AND_3)
                .enableIpv6(true)
                .priceClass(priceClass(edge.priceClass()))
                .webAclId(edgeStack.webAcl().getAttrArn())
                .defaultBehavior(caching.defaultBehavior(origin))
                .additionalBehaviors(caching.cachedBehaviors(origin))
                .build();
    }

    private static PriceClass priceClass(String name) {
        return switch (name) {
            case "PriceClass_200" -> PriceClass.PRICE_CLASS_200;
            case "PriceClass_All" -> PriceClass.PRICE_CLASS_ALL;
            default -> PriceClass.PRICE_CLASS_100;
        };
    }

    /** Every record of one domain in one change: an alias for each host, the SRV records as the installation lists them. */
    private static void recordSetGroup(Construct scope, DomainRecords records, Map<String, AliasTarget> targets) {
        Dns.Route53 zone = (Dns.Route53) records.dns();
        List<CfnRecordSetGroup.RecordSetProperty> sets = new ArrayList<>();
        for (DnsRecord record : records.records()) {
            CfnRecordSetGroup.RecordSetProperty.Builder set = CfnRecordSetGroup.RecordSetProperty.builder()
                    .name(record.name() + ".")
                    .type(record.type());
            switch (record.value()) {
                case RecordValue.Text text -> set.ttl(Integer.toString(record.ttl())).resourceRecords(List.of(text.data()));
                case RecordValue.ServingEndpoint endpoint -> {
                    AliasTarget target = targets.get(endpoint.host());
                    set.aliasTarget(CfnRecordSetGroup.AliasTargetProperty.builder()
                            .dnsName(target.dnsName()).hostedZoneId(target.hostedZoneId()).evaluateTargetHealth(false).build());
                }
            }
            sets.add(set.build());
        }
        CfnRecordSetGroup.Builder.create(scope, "Records")
                .hostedZoneId(zone.hostedZoneId())
                .comment("mailconfig: the records of " + records.domain())
                .recordSets(sets)
                .build();
    }
}
