package io.mailconfig.infra;

import io.mailconfig.Settings;
import io.mailconfig.aws.SigningKeys;
import io.mailconfig.installation.Installation;
import io.mailconfig.installation.ServiceSettings;
import io.mailconfig.lambda.MailconfigHandler;
import io.mailconfig.lambda.RequestMetrics;
import io.mailconfig.store.dynamodb.Table;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegrationProps;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigatewayv2.AddRoutesOptions;
import software.amazon.awscdk.services.apigatewayv2.CfnStage;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.apigatewayv2.HttpStage;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogDestination;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogSettings;
import software.amazon.awscdk.services.apigatewayv2.IpAddressType;
import software.amazon.awscdk.services.apigatewayv2.LogGroupLogDestination;
import software.amazon.awscdk.services.apigatewayv2.ThrottleSettings;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.constructs.Construct;

/**
 * The function, its alias, the HTTP API, the alarms and the topic they notify, and, with the edge,
 * the cache policies and viewer function every distribution shares. Holds no data: it can be
 * destroyed and deployed again at any time.
 */
public final class ServiceStack extends Stack {

    public static final String HANDLER = MailconfigHandler.class.getName() + "::handleRequest";
    public static final String ALIAS = "live";
    /** $default is both the stage name and the catch-all route key of an HTTP API. */
    static final String DEFAULT_STAGE = "$default";
    /**
     * The catch-all route carries unknown paths (scanners) and Autodiscover spelled in other letter
     * cases: it gets this share of a protocol route's throttle, so a scan cannot crowd out real clients.
     */
    static final int CATCH_ALL_THROTTLE_DIVISOR = 5;

    private final Function function;
    private final Alias alias;
    private final HttpApi api;
    private final HttpStage stage;
    private final Role role;
    private final Topic alarms;
    private final Optional<EdgeCaching> edgeCaching;

    public ServiceStack(Construct scope, String id, StackProps props, Installation installation, ITable table, String lambdaJar) {
        super(scope, id, props);
        ServiceSettings config = installation.service();

        LogGroup functionLogs = LogGroup.Builder.create(this, "FunctionLogs")
                .retention(retention(config.logRetentionDays()))
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        role = Role.Builder.create(this, "FunctionRole")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description("mailconfig function: read the table and its signing secret, write its own logs; nothing else")
                .inlinePolicies(Map.of("mailconfig", policy(config, table, functionLogs)))
                .build();

        Map<String, String> environment = new LinkedHashMap<>();
        environment.put(Settings.TABLE_NAME, table.getTableName());
        environment.put(Settings.CACHE_TTL_SECONDS, Integer.toString(config.cacheTtlSeconds()));
        environment.put("POWERTOOLS_SERVICE_NAME", "mailconfig");
        environment.put("POWERTOOLS_METRICS_NAMESPACE", RequestMetrics.NAMESPACE);
        environment.put("POWERTOOLS_LOG_LEVEL", "INFO");
        config.signingSecretArn().ifPresent(arn -> environment.put(SigningKeys.SECRET_ARN, arn));

        Function.Builder functionBuilder = Function.Builder.create(this, "Function")
                .description("mailconfig: Mozilla Autoconfig, Microsoft Autodiscover and Apple profiles from DynamoDB")
                .runtime(Runtime.JAVA_25)
                // SnapStart supports arm64 (the limits in the Lambda guide name only provisioned
                // concurrency, EFS and ephemeral storage above 512 MB); Graviton costs about 20 % less
                // per GB-second and the jar is pure Java.
                .architecture(Architecture.ARM_64)
                .handler(HANDLER)
                // The shaded jar Maven builds; no bundling, so no Docker.
                .code(Code.fromAsset(lambdaJar))
                .memorySize(config.memoryMb())
                .timeout(Duration.seconds(10))
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
                .role(role)
                .logGroup(functionLogs)
                .environment(environment);
        // Caps what a flood can cost and keeps it from taking the account's other functions' share.
        config.reservedConcurrency().ifPresent(functionBuilder::reservedConcurrentExecutions);
        function = functionBuilder.build();
        // SnapStart acts on published versions only; the API invokes the alias below, never $LATEST.
        Annotations.of(function).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
                "the API invokes the alias \"live\" on the current published version");
        alias = Alias.Builder.create(this, "Live").aliasName(ALIAS).version(function.getCurrentVersion()).build();

        // One invoke permission for the whole API rather than one per route: the function's resource
        // policy (20 KB at most) stays small however many routes the protocols add.
        HttpLambdaIntegration integration = new HttpLambdaIntegration("Function", alias,
                HttpLambdaIntegrationProps.builder().scopePermissionToRoute(false).build());
        api = HttpApi.Builder.create(this, "Api")
                .apiName("mailconfig")
                .description("mailconfig: every route the function's router serves")
                .ipAddressType(IpAddressType.DUAL_STACK)
                .createDefaultStage(false)
                // $default: Autodiscover paths arrive in any letter case, which API Gateway cannot
                // list as routes; unmatched requests go to the function, whose router answers them
                // (or says 404 itself).
                .defaultIntegration(integration)
                // Every installation serves its hosts as custom domain names (behind the edge, when
                // it is on); the execute-api address would let clients past both.
                .disableExecuteApiEndpoint(true)
                .build();
        List<ApiRoutes.RouteKey> routeKeys = ApiRoutes.keys(ApiRoutes.fromRouter());
        for (ApiRoutes.RouteKey key : routeKeys) {
            api.addRoutes(AddRoutesOptions.builder()
                    .path(key.path())
                    .methods(List.of(HttpMethod.valueOf(key.method())))
                    .integration(integration)
                    .build());
        }

        LogGroup accessLogs = LogGroup.Builder.create(this, "AccessLogs")
                .retention(retention(config.logRetentionDays()))
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        stage = HttpStage.Builder.create(this, "Stage")
                .httpApi(api)
                .stageName(DEFAULT_STAGE)
                .autoDeploy(true)
                .throttle(ThrottleSettings.builder()
                        .rateLimit(config.throttleRateLimit())
                        .burstLimit(config.throttleBurstLimit())
                        .build())
                .accessLogSettings(new IAccessLogSettings() {
                    @Override
                    public IAccessLogDestination getDestination() {
                        return new LogGroupLogDestination(accessLogs);
                    }

                    @Override
                    public AccessLogFormat getFormat() {
                        return AccessLogFormat.custom(ACCESS_LOG_FORMAT);
                    }
                })
                .build();
        ((CfnStage) stage.getNode().getDefaultChild()).setRouteSettings(routeThrottles(routeKeys, config));

        alarms = Topic.Builder.create(this, "Alarms").displayName("mailconfig alarms").enforceSsl(true).build();
        config.alarmEmail().ifPresent(address -> alarms.addSubscription(EmailSubscription.Builder.create(address).build()));
        MetricOptions fiveMinuteSum = MetricOptions.builder().period(Duration.minutes(5)).statistic("Sum").build();
        alarm("ServerErrorsAlarm", "mailconfig answered with 5xx (an error or the table unreachable): see the function's logs",
                api.metricServerError(fiveMinuteSum), 5);
        alarm("FunctionErrorsAlarm", "the mailconfig function failed outside the router (init, restore or timeout)",
                alias.metricErrors(fiveMinuteSum), 1);

        CfnOutput.Builder.create(this, "FunctionLogGroup").value(functionLogs.getLogGroupName()).build();
        CfnOutput.Builder.create(this, "AlarmTopic").value(alarms.getTopicArn())
                .description("the alarms notify this SNS topic; subscribe to it, or set alarmEmail").build();

        edgeCaching = installation.edge().map(edge -> new EdgeCaching(this, "EdgeCaching"));
    }

    /**
     * A throttle of its own for every route, so a flood on one route is refused there and never
     * takes the others' share; the catch-all route gets less.
     */
    static Map<String, Map<String, Integer>> routeThrottles(List<ApiRoutes.RouteKey> keys, ServiceSettings settings) {
        Map<String, Map<String, Integer>> routes = new LinkedHashMap<>();
        for (ApiRoutes.RouteKey key : keys) {
            routes.put(key.toString(), throttle(settings.throttleRateLimit(), settings.throttleBurstLimit()));
        }
        routes.put(DEFAULT_STAGE, throttle(Math.max(1, settings.throttleRateLimit() / CATCH_ALL_THROTTLE_DIVISOR),
                Math.max(1, settings.throttleBurstLimit() / CATCH_ALL_THROTTLE_DIVISOR)));
        return routes;
    }

    /** RouteSettings is free-form JSON to CDK, so it takes CloudFormation's own property names. */
    private static Map<String, Integer> throttle(int rate, int burst) {
        Map<String, Integer> throttle = new LinkedHashMap<>();
        throttle.put("ThrottlingRateLimit", rate);
        throttle.put("ThrottlingBurstLimit", burst);
        return throttle;
    }

    /**
     * One JSON object per request. No path and no query string: both can hold a mail address
     * ({@code /autodiscover/autodiscover.json/v1.0/<address>}, {@code ?emailaddress=}); the route
     * key names the route by its template ({@code {proxy+}}) instead.
     */
    static final String ACCESS_LOG_FORMAT = "{\"requestId\":\"$context.requestId\",\"time\":\"$context.requestTime\","
            + "\"domain\":\"$context.domainName\",\"method\":\"$context.httpMethod\","
            + "\"routeKey\":\"$context.routeKey\",\"status\":\"$context.status\",\"bytes\":\"$context.responseLength\","
            + "\"latencyMs\":\"$context.responseLatency\",\"integrationError\":\"$context.integrationErrorMessage\"}";

    private void alarm(String id, String description, Metric metric, int threshold) {
        Alarm alarm = Alarm.Builder.create(this, id)
                .alarmDescription(description)
                .metric(metric)
                .threshold(threshold)
                .evaluationPeriods(1)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        // A person hears of the trouble and of its end.
        alarm.addAlarmAction(new SnsAction(alarms));
        alarm.addOkAction(new SnsAction(alarms));
    }

    private static PolicyDocument policy(ServiceSettings config, ITable table, LogGroup logs) {
        PolicyDocument policy = new PolicyDocument();
        policy.addStatements(PolicyStatement.Builder.create()
                .sid("ReadTheTable")
                .effect(Effect.ALLOW)
                // Every read of the function is a Query (DynamoDbConfigStore, Queries): nothing else is granted.
                .actions(List.of("dynamodb:Query"))
                .resources(List.of(table.getTableArn(), table.getTableArn() + "/index/" + Table.INVERTED_INDEX))
                .build());
        policy.addStatements(PolicyStatement.Builder.create()
                .sid("WriteOwnLogs")
                .effect(Effect.ALLOW)
                .actions(List.of("logs:CreateLogStream", "logs:PutLogEvents"))
                .resources(List.of(logs.getLogGroupArn()))
                .build());
        config.signingSecretArn().ifPresent(arn -> policy.addStatements(PolicyStatement.Builder.create()
                .sid("ReadSigningSecret")
                .effect(Effect.ALLOW)
                .actions(List.of("secretsmanager:GetSecretValue"))
                .resources(List.of(arn))
                .build()));
        return policy;
    }

    /** CloudWatch's retention for a number of days InfraConfig has already checked. */
    static RetentionDays retention(int days) {
        return LogRetention.of(days).orElseThrow(() -> new IllegalArgumentException("no log retention of " + days + " days"));
    }

    public Function function() {
        return function;
    }

    public Alias alias() {
        return alias;
    }

    public HttpApi api() {
        return api;
    }

    public HttpStage stage() {
        return stage;
    }

    public Role role() {
        return role;
    }

    /** The cache policies and viewer function of the distributions, when the edge is on. */
    public Optional<EdgeCaching> edgeCaching() {
        return edgeCaching;
    }
}
