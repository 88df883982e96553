package io.mailconfig.infra;

import io.mailconfig.Settings;
import io.mailconfig.dnsrecords.TableRecords;
import io.mailconfig.dnsupdater.DnsUpdateHandler;
import io.mailconfig.dnsupdater.ManagedDomain;
import io.mailconfig.installation.Dns;
import io.mailconfig.installation.Installation;
import io.mailconfig.installation.MailDomain;
import io.mailconfig.store.dynamodb.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import software.amazon.awscdk.CustomResource;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.StartingPosition;
import software.amazon.awscdk.services.lambda.eventsources.DynamoEventSource;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSource;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * The DNS updater, for the domains in Route 53 that publish records whose values follow the table
 * (PACC digest, MTA-STS id, TLS-RPT, DAV discovery): a function triggered by the table's stream,
 * its queue of old PACC digests to remove later, and a custom resource that brings every record up
 * to date on each deploy. Its role may change only those record names, only TXT and SRV, only in
 * the declared hosted zones.
 */
public final class DnsUpdaterStack extends Stack {

    public static final String HANDLER = DnsUpdateHandler.class.getName() + "::handleRequest";
    /** Lambda's limit on all environment variables together is 4 KB; the domain list must leave room for the rest. */
    static final int MAX_DOMAIN_LIST = 3500;
    /** The role's inline policies may hold 10,240 characters; beyond this the names are given by their prefixes. */
    static final int MAX_EXACT_NAMES = 150;

    private final Role role;
    private final Queue deadLetters;

    public DnsUpdaterStack(Construct scope, String id, StackProps props, Installation installation,
            software.amazon.awscdk.services.dynamodb.Table table, String jar) {
        super(scope, id, props);
        List<ManagedDomain> managed = managed(installation);
        String domainList = ManagedDomain.format(managed);
        if (domainList.length() > MAX_DOMAIN_LIST) {
            throw new IllegalArgumentException("the DNS updater's list of " + managed.size() + " domains in Route 53 that publish records"
                    + " is " + domainList.length() + " characters, over the " + MAX_DOMAIN_LIST + " a Lambda environment leaves for it;"
                    + " publish from fewer domains in Route 53, or from those with DNS elsewhere (./dev cli dns prints their records)");
        }
        LogGroup logs = LogGroup.Builder.create(this, "Logs")
                .retention(ServiceStack.retention(installation.service().logRetentionDays()))
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        deadLetters = Queue.Builder.create(this, "RetirementDeadLetters")
                .encryption(QueueEncryption.SQS_MANAGED).enforceSsl(true).retentionPeriod(Duration.days(14)).build();
        Queue queue = Queue.Builder.create(this, "Retirements")
                .encryption(QueueEncryption.SQS_MANAGED).enforceSsl(true)
                .visibilityTimeout(Duration.minutes(2))
                .deadLetterQueue(DeadLetterQueue.builder().queue(deadLetters).maxReceiveCount(5).build())
                .build();
        role = Role.Builder.create(this, "Role")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description("mailconfig DNS updater: read the table and its stream, change only the records that follow the table")
                .inlinePolicies(Map.of("mailconfig-dns", policy(installation, managed, table, logs)))
                .build();
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put(Settings.TABLE_NAME, table.getTableName());
        environment.put(Settings.CACHE_TTL_SECONDS, Integer.toString(installation.service().cacheTtlSeconds()));
        environment.put(ManagedDomain.ENVIRONMENT, domainList);
        environment.put(DnsUpdateHandler.QUEUE_URL, queue.getQueueUrl());
        environment.put("POWERTOOLS_SERVICE_NAME", "mailconfig-dns");
        Function function = Function.Builder.create(this, "Function")
                .description("mailconfig: the DNS records that follow the table (PACC, MTA-STS, TLS-RPT, DAV discovery)")
                .runtime(Runtime.JAVA_25)
                .architecture(Architecture.ARM_64)
                .handler(HANDLER)
                .code(Code.fromAsset(jar))
                .memorySize(512)
                .timeout(Duration.seconds(60))
                .role(role)
                .logGroup(logs)
                .environment(environment)
                .build();
        function.addEventSource(DynamoEventSource.Builder.create(table)
                .startingPosition(StartingPosition.LATEST)
                .batchSize(100)
                .maxBatchingWindow(Duration.seconds(5))
                .retryAttempts(10)
                .bisectBatchOnError(true)
                .build());
        function.addEventSource(SqsEventSource.Builder.create(queue).batchSize(10).build());
        // The event sources grant the role what reading the stream and the queue takes, and sending to the queue:
        queue.grantSendMessages(role);
        // Runs on every deploy that changes the list: the records exist before anyone edits the table.
        CustomResource.Builder.create(this, "TableRecords")
                .serviceToken(function.getFunctionArn())
                .resourceType("Custom::MailconfigTableRecords")
                .properties(Map.of("ManagedDomains", domainList))
                .build();
    }

    /** The Route 53 domains that publish something, with the kinds of record each publishes. */
    static List<ManagedDomain> managed(Installation installation) {
        List<ManagedDomain> managed = new ArrayList<>();
        for (MailDomain domain : installation.publishing()) {
            if (domain.dns() instanceof Dns.Route53 zone) {
                Set<TableRecords.Kind> kinds = domain.publications().stream()
                        .map(publication -> TableRecords.Kind.parse(publication.id).orElseThrow())
                        .collect(Collectors.toSet());
                managed.add(new ManagedDomain(domain.name(), zone.hostedZoneId(), kinds));
            }
        }
        return managed;
    }

    private static PolicyDocument policy(Installation installation, List<ManagedDomain> managed,
            software.amazon.awscdk.services.dynamodb.Table table, LogGroup logs) {
        PolicyDocument policy = new PolicyDocument();
        policy.addStatements(statement("ReadTheTable", List.of("dynamodb:Query"),
                List.of(table.getTableArn(), table.getTableArn() + "/index/" + Table.INVERTED_INDEX)));
        List<String> zones = managed.stream().map(domain -> "arn:aws:route53:::hostedzone/" + domain.hostedZoneId()).distinct().toList();
        policy.addStatements(statement("ReadTheRecords", List.of("route53:ListResourceRecordSets"), zones));
        Set<String> names = new TreeSet<>();
        Set<String> patterns = new TreeSet<>();
        Set<String> types = new TreeSet<>();
        for (ManagedDomain domain : managed) {
            for (TableRecords.Key key : TableRecords.keys(domain.name(), domain.kinds())) {
                names.add(key.name());
                patterns.add(key.name().substring(0, key.name().length() - domain.name().length()) + "*");
                types.add(key.type());
            }
        }
        Map<String, Object> conditions = new LinkedHashMap<>();
        Map<String, Object> exactly = new LinkedHashMap<>();
        exactly.put("route53:ChangeResourceRecordSetsRecordTypes", List.copyOf(types));
        exactly.put("route53:ChangeResourceRecordSetsActions", List.of("UPSERT", "DELETE"));
        if (names.size() <= MAX_EXACT_NAMES) {
            exactly.put("route53:ChangeResourceRecordSetsNormalizedRecordNames", List.copyOf(names));
        } else {
            conditions.put("ForAllValues:StringLike", Map.of("route53:ChangeResourceRecordSetsNormalizedRecordNames", List.copyOf(patterns)));
        }
        conditions.put("ForAllValues:StringEquals", exactly);
        policy.addStatements(PolicyStatement.Builder.create()
                .sid("ChangeOnlyTheRecordsThatFollowTheTable")
                .effect(Effect.ALLOW)
                .actions(List.of("route53:ChangeResourceRecordSets"))
                .resources(zones)
                .conditions(conditions)
                .build());
        policy.addStatements(statement("WriteOwnLogs", List.of("logs:CreateLogStream", "logs:PutLogEvents"), List.of(logs.getLogGroupArn())));
        return policy;
    }

    private static PolicyStatement statement(String sid, List<String> actions, List<String> resources) {
        return PolicyStatement.Builder.create().sid(sid).effect(Effect.ALLOW).actions(actions).resources(resources).build();
    }

    public Role role() {
        return role;
    }

    public Queue deadLetters() {
        return deadLetters;
    }
}
