package io.mailconfig.infra;

import io.mailconfig.infra.InfraConfig.MailDomain;
import io.mailconfig.infra.InfraConfig.SrvRecord;
import java.util.List;
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
import software.amazon.awscdk.services.route53.AaaaRecord;
import software.amazon.awscdk.services.route53.ARecord;
import software.amazon.awscdk.services.route53.HostedZone;
import software.amazon.awscdk.services.route53.HostedZoneAttributes;
import software.amazon.awscdk.services.route53.IHostedZone;
import software.amazon.awscdk.services.route53.RecordTarget;
import software.amazon.awscdk.services.route53.SrvRecordValue;
import software.amazon.awscdk.services.route53.targets.ApiGatewayv2DomainProperties;
import software.constructs.Construct;

/**
 * TLS and DNS for a group of mail domains. Per domain: one certificate validated through DNS for
 * {@code autoconfig.<d>} and {@code autodiscover.<d>}, a custom domain name (TLS 1.2) mapped to
 * the API for each of the two hosts, A and AAAA alias records, and the SRV records. Domains come
 * in groups of {@link #DOMAINS_PER_STACK} so no stack nears CloudFormation's 500 resources.
 */
public final class DomainsStack extends Stack {

    /** At most 13 resources a domain: 1 certificate, 2 domain names, 2 mappings, 4 alias and 4 SRV records. */
    public static final int DOMAINS_PER_STACK = 30;

    public DomainsStack(Construct scope, String id, StackProps props, List<MailDomain> domains, HttpApi api, HttpStage stage) {
        super(scope, id, props);
        for (MailDomain domain : domains) {
            Construct scopeOfDomain = new Construct(this, domain.name());
            IHostedZone zone = HostedZone.fromHostedZoneAttributes(scopeOfDomain, "Zone", HostedZoneAttributes.builder()
                    .hostedZoneId(domain.hostedZoneId())
                    .zoneName(domain.hostedZoneName())
                    .build());
            if (domain.hosts()) {
                Certificate certificate = Certificate.Builder.create(scopeOfDomain, "Certificate")
                        .domainName(domain.autoconfigHost())
                        .subjectAlternativeNames(List.of(domain.autodiscoverHost()))
                        .validation(CertificateValidation.fromDns(zone))
                        .build();
                host(scopeOfDomain, "Autoconfig", domain.autoconfigHost(), certificate, zone, api, stage);
                host(scopeOfDomain, "Autodiscover", domain.autodiscoverHost(), certificate, zone, api, stage);
            }
            for (SrvRecord srv : domain.srv()) {
                software.amazon.awscdk.services.route53.SrvRecord.Builder.create(scopeOfDomain, "Srv-" + srv.service())
                        .zone(zone)
                        .recordName(srv.recordName(domain.name()))
                        // Priority 0 and weight 1: one target per service, as in the RFC 6186 examples.
                        .values(List.of(SrvRecordValue.builder().priority(0).weight(1).port(srv.port()).hostName(srv.host()).build()))
                        .build();
            }
        }
    }

    private static void host(Construct scope, String id, String host, Certificate certificate, IHostedZone zone,
            HttpApi api, HttpStage stage) {
        DomainName domainName = DomainName.Builder.create(scope, id + "DomainName")
                .domainName(host)
                .certificate(certificate)
                .endpointType(EndpointType.REGIONAL)
                .securityPolicy(SecurityPolicy.TLS_1_2)
                .ipAddressType(IpAddressType.DUAL_STACK)
                .build();
        ApiMapping.Builder.create(scope, id + "Mapping").api(api).domainName(domainName).stage(stage).build();
        RecordTarget target = RecordTarget.fromAlias(
                new ApiGatewayv2DomainProperties(domainName.getRegionalDomainName(), domainName.getRegionalHostedZoneId()));
        ARecord.Builder.create(scope, id + "A").zone(zone).recordName(host).target(target).build();
        AaaaRecord.Builder.create(scope, id + "Aaaa").zone(zone).recordName(host).target(target).build();
    }
}
