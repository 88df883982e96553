package io.mailconfig.cli.dns;

import io.mailconfig.aws.AwsAccess;
import io.mailconfig.installation.Edge;
import io.mailconfig.installation.Installation;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.acm.AcmClientBuilder;
import software.amazon.awssdk.services.acm.model.CertificateDetail;
import software.amazon.awssdk.services.acm.model.CertificateStatus;
import software.amazon.awssdk.services.acm.model.CertificateSummary;
import software.amazon.awssdk.services.acm.model.DomainValidation;
import software.amazon.awssdk.services.acm.model.KeyAlgorithm;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2ClientBuilder;
import software.amazon.awssdk.services.apigatewayv2.model.DomainName;
import software.amazon.awssdk.services.apigatewayv2.model.GetDomainNamesResponse;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.CloudFrontClientBuilder;
import software.amazon.awssdk.services.cloudfront.model.DistributionList;
import software.amazon.awssdk.services.cloudfront.model.DistributionSummary;

/**
 * Reads what the deployed stacks are called in AWS: the validation records of every certificate
 * for the installation's hosts (ACM ListCertificates and DescribeCertificate, in the installation's
 * region and, with the edge, in us-east-1), the regional targets of the custom domain names
 * (API Gateway GetDomainNames) and, with the edge, the distributions' names (CloudFront
 * ListDistributions). A service that cannot be read leaves its names unknown and says why.
 */
public final class AwsDeployedNames implements DeployedNames {

    static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(3);
    static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(15);

    /** Where the clients connect instead of AWS's own endpoints, for a stand-in. */
    public record Endpoints(Optional<URI> acm, Optional<URI> apiGateway, Optional<URI> cloudFront) {
        public static final Endpoints AWS = new Endpoints(Optional.empty(), Optional.empty(), Optional.empty());
    }

    private final Map<String, String> endpoints = new HashMap<>();
    private final Map<String, Set<ValidationRecord>> validations = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();

    public AwsDeployedNames(AwsAccess aws, Endpoints overrides, Installation installation) {
        Set<String> hosts = new LinkedHashSet<>();
        installation.hostPairs().forEach(pair -> hosts.addAll(pair.hosts()));
        try (SdkHttpClient http = UrlConnectionHttpClient.builder().connectionTimeout(CONNECTION_TIMEOUT).socketTimeout(SOCKET_TIMEOUT).build()) {
            readCertificates(acm(aws, overrides, aws.region(), http), aws.region(), hosts);
            if (installation.edge().isPresent() && !aws.region().id().equals(Edge.REGION)) {
                readCertificates(acm(aws, overrides, Region.of(Edge.REGION), http), Region.of(Edge.REGION), hosts);
            }
            if (installation.edge().isPresent()) {
                readDistributions(cloudFront(aws, overrides, http), hosts);
            } else {
                readCustomDomainNames(apiGateway(aws, overrides, http), hosts);
            }
        }
    }

    @Override
    public Optional<String> endpoint(String host) {
        return Optional.ofNullable(endpoints.get(host));
    }

    @Override
    public List<ValidationRecord> validation(String host) {
        return List.copyOf(validations.getOrDefault(host, Set.of()));
    }

    /** What could not be read, one line each. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    private void readCertificates(AcmClient acm, Region region, Set<String> hosts) {
        try (acm) {
            for (CertificateSummary summary : acm.listCertificatesPaginator(request -> request
                    .certificateStatusesWithStrings(CertificateStatus.PENDING_VALIDATION.toString(), CertificateStatus.ISSUED.toString())
                    .includes(filters -> filters.keyTypes(KeyAlgorithm.RSA_2048, KeyAlgorithm.EC_PRIME256_V1, KeyAlgorithm.EC_SECP384_R1)))
                    .certificateSummaryList()) {
                if (!hosts.contains(summary.domainName())) {
                    continue;
                }
                CertificateDetail certificate = acm.describeCertificate(request -> request.certificateArn(summary.certificateArn())).certificate();
                for (DomainValidation validation : certificate.domainValidationOptions()) {
                    if (validation.resourceRecord() != null && hosts.contains(validation.domainName())) {
                        validations.computeIfAbsent(validation.domainName(), host -> new LinkedHashSet<>()).add(new ValidationRecord(
                                validation.resourceRecord().name(), validation.resourceRecord().typeAsString(), validation.resourceRecord().value()));
                    }
                }
            }
        } catch (SdkException e) {
            warnings.add("the certificates in " + region.id() + " cannot be read (ACM): " + firstLine(e));
        }
    }

    private void readCustomDomainNames(ApiGatewayV2Client apiGateway, Set<String> hosts) {
        try (apiGateway) {
            String next = null;
            do {
                String token = next;
                GetDomainNamesResponse page = apiGateway.getDomainNames(request -> request.nextToken(token));
                for (DomainName domainName : page.items()) {
                    if (hosts.contains(domainName.domainName()) && !domainName.domainNameConfigurations().isEmpty()) {
                        endpoints.put(domainName.domainName(), domainName.domainNameConfigurations().getFirst().apiGatewayDomainName());
                    }
                }
                next = page.nextToken();
            } while (next != null && !next.isEmpty());
        } catch (SdkException e) {
            warnings.add("the custom domain names cannot be read (API Gateway): " + firstLine(e));
        }
    }

    private void readDistributions(CloudFrontClient cloudFront, Set<String> hosts) {
        try (cloudFront) {
            String marker = null;
            DistributionList page;
            do {
                String from = marker;
                page = cloudFront.listDistributions(request -> request.marker(from)).distributionList();
                for (DistributionSummary distribution : page.items()) {
                    if (distribution.aliases() != null) {
                        distribution.aliases().items().stream().filter(hosts::contains)
                                .forEach(alias -> endpoints.put(alias, distribution.domainName()));
                    }
                }
                marker = page.nextMarker();
            } while (Boolean.TRUE.equals(page.isTruncated()) && marker != null);
        } catch (SdkException e) {
            warnings.add("the distributions cannot be read (CloudFront): " + firstLine(e));
        }
    }

    private static AcmClient acm(AwsAccess aws, Endpoints overrides, Region region, SdkHttpClient http) {
        AcmClientBuilder builder = AcmClient.builder().region(region).credentialsProvider(aws.credentials()).httpClient(http);
        overrides.acm().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private static ApiGatewayV2Client apiGateway(AwsAccess aws, Endpoints overrides, SdkHttpClient http) {
        ApiGatewayV2ClientBuilder builder = ApiGatewayV2Client.builder().region(aws.region()).credentialsProvider(aws.credentials()).httpClient(http);
        overrides.apiGateway().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private static CloudFrontClient cloudFront(AwsAccess aws, Endpoints overrides, SdkHttpClient http) {
        CloudFrontClientBuilder builder = CloudFrontClient.builder().region(Region.of(Edge.REGION)).credentialsProvider(aws.credentials()).httpClient(http);
        overrides.cloudFront().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private static String firstLine(SdkException e) {
        return String.valueOf(e.getMessage()).lines().findFirst().orElse(e.getClass().getSimpleName());
    }
}
