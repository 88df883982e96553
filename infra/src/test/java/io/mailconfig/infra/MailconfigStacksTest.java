package io.mailconfig.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailconfig.infra.ApiRoutes.RouteKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * The table and the service, synthesised twice: one mail domain with every default, and one with
 * every optional setting. Each mode of hosts and DNS has its own test class.
 */
class MailconfigStacksTest {

    private static final String SECRET = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:mailconfig-signing-AbCdEf";

    private final Template data = Fixtures.route53().template(Fixtures.route53().stacks().data());
    private final Template service = Fixtures.route53().template(Fixtures.route53().stacks().service());
    private final Template manyData = Fixtures.options().template(Fixtures.options().stacks().data());
    private final Template manyService = Fixtures.options().template(Fixtures.options().stacks().service());

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
        manyData.hasResourceProperties("AWS::DynamoDB::Table", Map.of("TableName", "mail-settings"));
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
    void everyRouteHasAThrottleOfItsOwnAndTheCatchAllRouteLess() {
        Map<String, Object> routes = new LinkedHashMap<>();
        Map<String, Object> manyRoutes = new LinkedHashMap<>();
        for (RouteKey key : ApiRoutes.keys(ApiRoutes.fromRouter())) {
            routes.put(key.toString(), Map.of("ThrottlingRateLimit", 100, "ThrottlingBurstLimit", 200));
            manyRoutes.put(key.toString(), Map.of("ThrottlingRateLimit", 50, "ThrottlingBurstLimit", 80));
        }
        routes.put("$default", Map.of("ThrottlingRateLimit", 20, "ThrottlingBurstLimit", 40));
        manyRoutes.put("$default", Map.of("ThrottlingRateLimit", 10, "ThrottlingBurstLimit", 16));

        service.hasResourceProperties("AWS::ApiGatewayV2::Stage", Map.of("RouteSettings", routes));
        manyService.hasResourceProperties("AWS::ApiGatewayV2::Stage", Map.of("RouteSettings", manyRoutes));
    }

    @Test
    void theFunctionHasItsOwnShareOfConcurrencyUnlessTheConfigurationSaysNone() {
        service.hasResourceProperties("AWS::Lambda::Function", Map.of("ReservedConcurrentExecutions", 50));
        manyService.hasResourceProperties("AWS::Lambda::Function", Map.of("ReservedConcurrentExecutions", Match.absent()));
    }

    @Test
    void clientsReachTheApiOnlyThroughItsCustomDomainNames() {
        service.hasResourceProperties("AWS::ApiGatewayV2::Api", Map.of("DisableExecuteApiEndpoint", true));
        assertThat(service.findOutputs("ApiEndpoint")).isEmpty();
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
    void errorsRaiseAlarmsThatNotifyATopic() {
        service.resourceCountIs("AWS::CloudWatch::Alarm", 2);
        Object topic = Map.of("Ref", Match.stringLikeRegexp("Alarms.*"));
        service.allResourcesProperties("AWS::CloudWatch::Alarm", Map.of("AlarmActions", List.of(topic), "OKActions", List.of(topic)));
        service.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "Namespace", "AWS/ApiGateway", "MetricName", "5xx", "Statistic", "Sum", "Period", 300,
                "Threshold", 5, "ComparisonOperator", "GreaterThanOrEqualToThreshold", "TreatMissingData", "notBreaching"));
        service.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "Namespace", "AWS/Lambda", "MetricName", "Errors", "Statistic", "Sum", "Threshold", 1,
                "Dimensions", Match.arrayWith(List.of(Map.of("Name", "Resource", "Value", Match.anyValue())))));
    }

    @Test
    void theTopicTakesOnlyEncryptedPublishesAndMailsTheAddressGiven() {
        service.resourceCountIs("AWS::SNS::Topic", 1);
        service.hasResourceProperties("AWS::SNS::TopicPolicy", Map.of("PolicyDocument", Match.objectLike(Map.of("Statement", List.of(Map.of(
                "Action", "sns:Publish", "Effect", "Deny", "Principal", "*", "Resource", Match.anyValue(),
                "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")), "Sid", Match.anyValue()))))));
        service.resourceCountIs("AWS::SNS::Subscription", 0);
        manyService.hasResourceProperties("AWS::SNS::Subscription", Map.of(
                "Protocol", "email", "Endpoint", "ops@example.com", "TopicArn", Map.of("Ref", Match.stringLikeRegexp("Alarms.*"))));
        assertThat(service.findOutputs("AlarmTopic")).isNotEmpty();
    }
}
