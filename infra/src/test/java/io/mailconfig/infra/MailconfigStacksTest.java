package io.mailconfig.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mailconfig.infra.ApiRoutes.RouteKey;
import io.mailconfig.infra.MailconfigApp.Stacks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * Synthesises two deployments once each: one mail domain with defaults, and many domains (two
 * domain stacks, some domains without hosts) with every optional setting. The first synth unpacks
 * aws-cdk-lib through jsii and takes a while.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailconfigStacksTest {

    private static final String SECRET = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:mailconfig-signing-AbCdEf";
    private static final int MANY = DomainsStack.DOMAINS_PER_STACK + 2;

    private Stacks one;
    private Stacks many;
    private Template data;
    private Template service;
    private Template domains;
    private Template manyService;
    private Template manyDomains1;
    private Template manyDomains2;

    @BeforeAll
    void synthesise() throws Exception {
        String jar = MailconfigApp.lambdaJar(Path.of("../function/target")).orElseThrow(
                () -> new IllegalStateException("build the function jar first: mvn -pl function,infra verify")).toString();
        one = MailconfigApp.build(new App(), config("""
                {"account": "123456789012", "region": "eu-central-1", "domains": [
                  {"name": "example.com", "hostedZoneId": "Z0123456789EXAMPLECOM", "hostedZoneName": "example.com",
                   "srv": {"imaps": "imap.example.com", "submissions": "smtp.example.com", "pop3s": "pop.example.com"}}]}
                """), jar);
        List<String> domainsJson = new ArrayList<>();
        domainsJson.add("{\"name\": \"example.com\", \"hostedZoneId\": \"Z0123456789EXAMPLECOM\", \"hostedZoneName\": \"example.com\","
                + " \"srv\": {\"imaps\": \"imap.example.com\"}}");
        domainsJson.add("{\"name\": \"mail.example.net\", \"hostedZoneId\": \"Z0123456789EXAMPLENET\", \"hostedZoneName\": \"example.net\"}");
        for (int i = 2; i < MANY; i++) {
            domainsJson.add("{\"name\": \"customer" + i + ".example\", \"hostedZoneId\": \"Z0000000000CUSTOMER" + i + "\","
                    + " \"hostedZoneName\": \"customer" + i + ".example\", \"hosts\": " + (i == MANY - 1) + ","
                    + " \"srv\": {\"imaps\": \"imap.example.com\", \"autodiscover\": \"autodiscover.example.com\"}}");
        }
        many = MailconfigApp.build(new App(), config("{\"account\": \"123456789012\", \"region\": \"eu-west-1\", \"memoryMb\": 2048,"
                + " \"logRetentionDays\": 90, \"cacheTtlSeconds\": 300, \"throttleRateLimit\": 50, \"throttleBurstLimit\": 80,"
                + " \"tableName\": \"mail-settings\", \"signingSecretArn\": \"" + SECRET + "\", \"domains\": [" + String.join(",", domainsJson) + "]}"), jar);
        data = Template.fromStack(one.data());
        service = Template.fromStack(one.service());
        domains = Template.fromStack(one.domains().getFirst());
        manyService = Template.fromStack(many.service());
        manyDomains1 = Template.fromStack(many.domains().get(0));
        manyDomains2 = Template.fromStack(many.domains().get(1));
    }

    // --- data ---

    @Test
    void theTableIsOnDemandRecoverableProtectedAndRetained() {
        data.resourceCountIs("AWS::DynamoDB::Table", 1);
        data.hasResource("AWS::DynamoDB::Table", Map.of(
                "DeletionPolicy", "Retain",
                "UpdateReplacePolicy", "Retain",
                "Properties", Match.objectLike(Map.of(
                        "TableName", "mailconfig",
                        "BillingMode", "PAY_PER_REQUEST",
                        "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true),
                        "DeletionProtectionEnabled", true,
                        "KeySchema", List.of(Map.of("AttributeName", "pk", "KeyType", "HASH"), Map.of("AttributeName", "sk", "KeyType", "RANGE")),
                        "GlobalSecondaryIndexes", List.of(Map.of(
                                "IndexName", "inverted",
                                "KeySchema", List.of(Map.of("AttributeName", "sk", "KeyType", "HASH"), Map.of("AttributeName", "pk", "KeyType", "RANGE")),
                                "Projection", Map.of("ProjectionType", "KEYS_ONLY")))))));
    }

    @Test
    void theTableLivesAloneInItsStack() {
        assertThat(data.toJSON().get("Resources").toString()).doesNotContain("AWS::Lambda", "AWS::ApiGatewayV2", "AWS::Route53");
        service.resourceCountIs("AWS::DynamoDB::Table", 0);
        Template.fromStack(many.data()).hasResourceProperties("AWS::DynamoDB::Table", Map.of("TableName", "mail-settings"));
    }

    // --- service ---

    @Test
    void theFunctionRunsTheJarOnJava25WithSnapStart() {
        service.resourceCountIs("AWS::Lambda::Function", 1);
        service.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "Runtime", "java25",
                "Architectures", List.of("arm64"),
                "Handler", "io.mailconfig.lambda.MailconfigHandler::handleRequest",
                "SnapStart", Map.of("ApplyOn", "PublishedVersions"),
                "MemorySize", 1024,
                "Timeout", 10,
                "Code", Map.of("S3Bucket", Match.anyValue(), "S3Key", Match.stringLikeRegexp(".*\\.jar")),
                "LoggingConfig", Map.of("LogGroup", Map.of("Ref", Match.stringLikeRegexp("FunctionLogs.*")))));
        manyService.hasResourceProperties("AWS::Lambda::Function", Map.of("MemorySize", 2048));
    }

    @Test
    void theFunctionGetsTheSettingsItReads() {
        service.hasResourceProperties("AWS::Lambda::Function", Map.of("Environment", Map.of("Variables", Map.of(
                "TABLE_NAME", Map.of("Fn::ImportValue", Match.stringLikeRegexp("MailconfigData:.*Table.*")),
                "CACHE_TTL_SECONDS", "60",
                "POWERTOOLS_SERVICE_NAME", "mailconfig",
                "POWERTOOLS_METRICS_NAMESPACE", "mailconfig",
                "POWERTOOLS_LOG_LEVEL", "INFO"))));
        manyService.hasResourceProperties("AWS::Lambda::Function", Map.of("Environment", Map.of("Variables", Match.objectLike(Map.of(
                "CACHE_TTL_SECONDS", "300",
                "SIGNING_SECRET_ARN", SECRET)))));
    }

    @Test
    void theApiInvokesThePublishedVersionThroughTheLiveAlias() {
        service.resourceCountIs("AWS::Lambda::Version", 1);
        service.hasResourceProperties("AWS::Lambda::Alias", Map.of(
                "Name", "live",
                "FunctionVersion", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("FunctionCurrentVersion.*"), "Version"))));
        service.resourceCountIs("AWS::ApiGatewayV2::Integration", 1);
        service.hasResourceProperties("AWS::ApiGatewayV2::Integration", Map.of(
                "IntegrationType", "AWS_PROXY",
                "PayloadFormatVersion", "2.0",
                "IntegrationUri", Map.of("Ref", Match.stringLikeRegexp("Live.*"))));
        service.resourceCountIs("AWS::Lambda::Permission", 1);
        service.hasResourceProperties("AWS::Lambda::Permission", Map.of(
                "Action", "lambda:InvokeFunction",
                "Principal", "apigateway.amazonaws.com",
                "FunctionName", Map.of("Ref", Match.stringLikeRegexp("Live.*")),
                "SourceArn", Map.of("Fn::Join", List.of("", Match.arrayWith(List.of(Map.of("Ref", Match.stringLikeRegexp("Api.*")), "/*/*/*"))))));
    }

    @Test
    void everyRouteOfTheRouterIsAnApiRouteAndTheRestGoesToTheFunctionToo() {
        service.hasResourceProperties("AWS::ApiGatewayV2::Api", Map.of("ProtocolType", "HTTP", "IpAddressType", "dualstack"));
        List<RouteKey> keys = ApiRoutes.keys(ApiRoutes.fromRouter());
        service.resourceCountIs("AWS::ApiGatewayV2::Route", keys.size() + 1);
        for (RouteKey key : keys) {
            service.hasResourceProperties("AWS::ApiGatewayV2::Route", Map.of(
                    "RouteKey", key.toString(),
                    "AuthorizationType", "NONE",
                    "Target", Match.anyValue()));
        }
        service.hasResourceProperties("AWS::ApiGatewayV2::Route", Map.of("RouteKey", "$default", "Target", Match.anyValue()));
    }

    @Test
    void theStageIsThrottledAndLogsEveryRequest() {
        service.resourceCountIs("AWS::ApiGatewayV2::Stage", 1);
        service.hasResourceProperties("AWS::ApiGatewayV2::Stage", Map.of(
                "StageName", "$default",
                "AutoDeploy", true,
                "DefaultRouteSettings", Map.of("ThrottlingRateLimit", 100, "ThrottlingBurstLimit", 200),
                "AccessLogSettings", Map.of(
                        "DestinationArn", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("AccessLogs.*"), "Arn")),
                        "Format", Match.stringLikeRegexp(".*\\$context.requestId.*\\$context.status.*"))));
        manyService.hasResourceProperties("AWS::ApiGatewayV2::Stage", Map.of(
                "DefaultRouteSettings", Map.of("ThrottlingRateLimit", 50, "ThrottlingBurstLimit", 80)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theAccessLogRecordsNeitherPathNorQueryWhereAMailAddressTravels() {
        Map<String, Map<String, Object>> stages = service.findResources("AWS::ApiGatewayV2::Stage");
        String format = (String) ((Map<String, Object>) ((Map<String, Object>) stages.values().iterator().next()
                .get("Properties")).get("AccessLogSettings")).get("Format");
        List<String> variables = java.util.regex.Pattern.compile("\\$context\\.[A-Za-z.]+").matcher(format).results()
                .map(java.util.regex.MatchResult::group).toList();

        assertThat(variables).containsExactlyInAnyOrder("$context.requestId", "$context.requestTime", "$context.domainName",
                "$context.httpMethod", "$context.routeKey", "$context.status", "$context.responseLength",
                "$context.responseLatency", "$context.integrationErrorMessage");
        assertThat(format).doesNotContain("$context.path", "$request", "$input");
    }

    @Test
    void logsAreKeptForTheConfiguredTime() {
        service.resourceCountIs("AWS::Logs::LogGroup", 2);
        service.allResourcesProperties("AWS::Logs::LogGroup", Map.of("RetentionInDays", 30));
        manyService.allResourcesProperties("AWS::Logs::LogGroup", Map.of("RetentionInDays", 90));
    }

    @Test
    void theFunctionMayOnlyReadTheTableAndWriteItsLogs() {
        service.resourceCountIs("AWS::IAM::Role", 1);
        service.resourceCountIs("AWS::IAM::Policy", 0);
        Object tableArn = Map.of("Fn::ImportValue", Match.stringLikeRegexp("MailconfigData:.*Table.*Arn.*"));
        service.hasResourceProperties("AWS::IAM::Role", Map.of(
                "AssumeRolePolicyDocument", Match.objectLike(Map.of("Statement", List.of(Map.of(
                        "Action", "sts:AssumeRole", "Effect", "Allow", "Principal", Map.of("Service", "lambda.amazonaws.com"))))),
                "ManagedPolicyArns", Match.absent(),
                "Policies", List.of(Map.of("PolicyName", "mailconfig", "PolicyDocument", Map.of("Version", "2012-10-17", "Statement", List.of(
                        Map.of("Sid", "ReadTheTable", "Effect", "Allow",
                                "Action", "dynamodb:Query",
                                "Resource", List.of(tableArn, Map.of("Fn::Join", List.of("", List.of(tableArn, "/index/inverted"))))),
                        Map.of("Sid", "WriteOwnLogs", "Effect", "Allow",
                                "Action", List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                                "Resource", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("FunctionLogs.*"), "Arn")))))))));
    }

    @Test
    void withASigningSecretTheFunctionMayReadThatSecretAlone() {
        manyService.hasResourceProperties("AWS::IAM::Role", Map.of("Policies", List.of(Map.of("PolicyName", "mailconfig",
                "PolicyDocument", Map.of("Version", "2012-10-17", "Statement", Match.arrayWith(List.of(Map.of(
                        "Sid", "ReadSigningSecret", "Effect", "Allow", "Action", "secretsmanager:GetSecretValue", "Resource", SECRET))))))));
        assertThat(service.toJSON().toString()).doesNotContain("secretsmanager");
    }

    @Test
    void errorsRaiseAlarms() {
        service.resourceCountIs("AWS::CloudWatch::Alarm", 2);
        service.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "Namespace", "AWS/ApiGateway", "MetricName", "5xx", "Statistic", "Sum", "Period", 300,
                "Threshold", 5, "ComparisonOperator", "GreaterThanOrEqualToThreshold", "TreatMissingData", "notBreaching"));
        service.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "Namespace", "AWS/Lambda", "MetricName", "Errors", "Statistic", "Sum", "Threshold", 1,
                "Dimensions", Match.arrayWith(List.of(Map.of("Name", "Resource", "Value", Match.anyValue())))));
    }

    // --- domains ---

    @Test
    void eachDomainGetsOneCertificateForBothHostsValidatedInItsZone() {
        domains.resourceCountIs("AWS::CertificateManager::Certificate", 1);
        domains.hasResourceProperties("AWS::CertificateManager::Certificate", Map.of(
                "DomainName", "autoconfig.example.com",
                "SubjectAlternativeNames", List.of("autodiscover.example.com"),
                "ValidationMethod", "DNS",
                "DomainValidationOptions", List.of(
                        Map.of("DomainName", "autoconfig.example.com", "HostedZoneId", "Z0123456789EXAMPLECOM"),
                        Map.of("DomainName", "autodiscover.example.com", "HostedZoneId", "Z0123456789EXAMPLECOM"))));
    }

    @Test
    void bothHostsAreCustomDomainNamesWithTls12MappedToTheApi() {
        domains.resourceCountIs("AWS::ApiGatewayV2::DomainName", 2);
        for (String host : List.of("autoconfig.example.com", "autodiscover.example.com")) {
            domains.hasResourceProperties("AWS::ApiGatewayV2::DomainName", Map.of(
                    "DomainName", host,
                    "DomainNameConfigurations", List.of(Map.of(
                            "CertificateArn", Map.of("Ref", Match.stringLikeRegexp(".*Certificate.*")),
                            "EndpointType", "REGIONAL",
                            "SecurityPolicy", "TLS_1_2",
                            "IpAddressType", "dualstack"))));
        }
        domains.resourceCountIs("AWS::ApiGatewayV2::ApiMapping", 2);
        domains.allResourcesProperties("AWS::ApiGatewayV2::ApiMapping", Map.of(
                "ApiId", Map.of("Fn::ImportValue", Match.stringLikeRegexp("MailconfigService:.*Api.*")),
                "Stage", "$default"));
    }

    @Test
    void bothHostsHaveAAndAaaaAliasRecords() {
        for (String type : List.of("A", "AAAA")) {
            for (String host : List.of("autoconfig.example.com.", "autodiscover.example.com.")) {
                domains.hasResourceProperties("AWS::Route53::RecordSet", Map.of(
                        "Name", host,
                        "Type", type,
                        "HostedZoneId", "Z0123456789EXAMPLECOM",
                        "AliasTarget", Map.of(
                                "DNSName", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp(".*DomainName.*"), "RegionalDomainName")),
                                "HostedZoneId", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp(".*DomainName.*"), "RegionalHostedZoneId")))));
            }
        }
    }

    @Test
    void srvRecordsFollowRfc6186And8314() {
        Map<String, String> expected = Map.of(
                "_imaps._tcp.example.com.", "0 1 993 imap.example.com",
                "_submissions._tcp.example.com.", "0 1 465 smtp.example.com",
                "_pop3s._tcp.example.com.", "0 1 995 pop.example.com",
                "_autodiscover._tcp.example.com.", "0 1 443 autodiscover.example.com");
        expected.forEach((name, value) -> domains.hasResourceProperties("AWS::Route53::RecordSet", Map.of(
                "Name", name, "Type", "SRV", "HostedZoneId", "Z0123456789EXAMPLECOM", "ResourceRecords", List.of(value))));
        assertThat(domains.findResources("AWS::Route53::RecordSet", Map.of("Properties", Map.of("Type", "SRV")))).hasSize(4);
    }

    @Test
    void manyDomainsAreSplitIntoStacksOfAtMostThirty() {
        assertThat(many.domains()).hasSize(2);
        // example.com: 4 alias + 2 SRV; mail.example.net: 4 alias + 1 SRV; 28 domains without hosts: 2 SRV each.
        manyDomains1.resourceCountIs("AWS::Route53::RecordSet", 6 + 5 + (DomainsStack.DOMAINS_PER_STACK - 2) * 2);
        manyDomains2.hasResourceProperties("AWS::Route53::RecordSet", Map.of("Name", "_imaps._tcp.customer" + (MANY - 2) + ".example.", "Type", "SRV"));
    }

    @Test
    void severalDomainsEachGetTheirCertificateHostsAndRecordsInTheirOwnZone() {
        manyDomains1.resourceCountIs("AWS::CertificateManager::Certificate", 2);
        manyDomains1.resourceCountIs("AWS::ApiGatewayV2::DomainName", 4);
        manyDomains1.resourceCountIs("AWS::ApiGatewayV2::ApiMapping", 4);
        manyDomains1.hasResourceProperties("AWS::CertificateManager::Certificate", Map.of(
                "DomainName", "autoconfig.mail.example.net",
                "SubjectAlternativeNames", List.of("autodiscover.mail.example.net"),
                "DomainValidationOptions", Match.arrayWith(List.of(Map.of("DomainName", "autoconfig.mail.example.net", "HostedZoneId", "Z0123456789EXAMPLENET")))));
        manyDomains1.hasResourceProperties("AWS::Route53::RecordSet", Map.of(
                "Name", "autodiscover.mail.example.net.", "Type", "AAAA", "HostedZoneId", "Z0123456789EXAMPLENET"));
        manyDomains1.hasResourceProperties("AWS::Route53::RecordSet", Map.of(
                "Name", "_autodiscover._tcp.mail.example.net.", "ResourceRecords", List.of("0 1 443 autodiscover.mail.example.net")));
        // The last domain serves its own hosts, in the second stack.
        manyDomains2.resourceCountIs("AWS::CertificateManager::Certificate", 1);
        manyDomains2.resourceCountIs("AWS::ApiGatewayV2::DomainName", 2);
        manyDomains2.hasResourceProperties("AWS::CertificateManager::Certificate", Map.of("DomainName", "autoconfig.customer" + (MANY - 1) + ".example"));
    }

    @Test
    void aDomainWithoutHostsGetsOnlySrvRecordsPointingToTheSharedHost() {
        String name = "customer2.example.";
        manyDomains1.hasResourceProperties("AWS::Route53::RecordSet", Map.of(
                "Name", "_autodiscover._tcp." + name, "Type", "SRV", "HostedZoneId", "Z0000000000CUSTOMER2",
                "ResourceRecords", List.of("0 1 443 autodiscover.example.com")));
        assertThat(manyDomains1.findResources("AWS::Route53::RecordSet", Map.of("Properties", Map.of("Name", "autoconfig." + name)))).isEmpty();
        assertThat(manyDomains1.findResources("AWS::ApiGatewayV2::DomainName", Map.of("Properties", Map.of("DomainName", "autoconfig." + name)))).isEmpty();
    }

    // --- cdk-nag ---

    @Test
    void cdkNagFindsNothingUnsuppressedInAnyStack() {
        List<Stack> stacks = Stream.of(one, many)
                .flatMap(s -> Stream.concat(Stream.of(s.data(), s.service()), s.domains().stream()).map(Stack.class::cast))
                .toList();
        assertThat(stacks).hasSize(7);
        for (Stack stack : stacks) {
            Annotations annotations = Annotations.fromStack(stack);
            assertThat(annotations.findError("*", Match.stringLikeRegexp("AwsSolutions-.*"))).as(stack.getStackName()).isEmpty();
            assertThat(annotations.findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*"))).as(stack.getStackName()).isEmpty();
        }
    }

    @Test
    void everySuppressionGivesItsReason() {
        String template = service.toJSON().toString();
        assertThat(template).contains("AwsSolutions-APIG4", "public by protocol");
        List<Object> suppressions = new ArrayList<>();
        service.toJSON().values().forEach(section -> collectSuppressions(section, suppressions));
        assertThat(suppressions).isNotEmpty().allSatisfy(s -> assertThat(((Map<?, ?>) s).get("reason").toString()).hasSizeGreaterThan(20));
    }

    private static void collectSuppressions(Object node, List<Object> out) {
        if (node instanceof Map<?, ?> map) {
            Object rules = map.get("rules_to_suppress");
            if (rules instanceof List<?> list) {
                out.addAll(list);
            }
            map.values().forEach(value -> collectSuppressions(value, out));
        } else if (node instanceof List<?> list) {
            list.forEach(value -> collectSuppressions(value, out));
        }
    }

    private static InfraConfig config(String json) throws Exception {
        return InfraConfig.parse(new ObjectMapper().readTree(json));
    }
}
