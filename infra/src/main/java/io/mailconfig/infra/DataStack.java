package io.mailconfig.infra;

import io.mailconfig.installation.ServiceSettings;
import io.mailconfig.store.dynamodb.Table;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.constructs.Construct;

/**
 * The table, alone in its stack, with the key schema the function's {@link Table#KEY_SCHEMA}
 * defines: the service can be redeployed or destroyed without touching the data. Deletion protection and a RETAIN policy keep it even when this stack is deleted.
 */
public final class DataStack extends Stack {

    private final software.amazon.awscdk.services.dynamodb.Table table;

    public DataStack(Construct scope, String id, StackProps props, ServiceSettings settings) {
        super(scope, id, props);
        Table.KeySchema keys = Table.KEY_SCHEMA;
        software.amazon.awscdk.services.dynamodb.Table table = software.amazon.awscdk.services.dynamodb.Table.Builder.create(this, "Table")
                .tableName(settings.tableName())
                .partitionKey(stringKey(keys.partitionKey()))
                .sortKey(stringKey(keys.sortKey()))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder().pointInTimeRecoveryEnabled(true).build())
                .deletionProtection(true)
                // Read by the DNS updater, so the records that follow the table follow it.
                .stream(software.amazon.awscdk.services.dynamodb.StreamViewType.valueOf(Table.STREAM_VIEW_TYPE.toString()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        for (Table.Index index : keys.indexes()) {
            table.addGlobalSecondaryIndex(GlobalSecondaryIndexProps.builder()
                    .indexName(index.name())
                    .partitionKey(stringKey(index.partitionKey()))
                    .sortKey(stringKey(index.sortKey()))
                    .projectionType(ProjectionType.KEYS_ONLY)
                    .build());
        }
        this.table = table;
    }

    private static Attribute stringKey(String name) {
        return Attribute.builder().name(name).type(AttributeType.STRING).build();
    }

    public software.amazon.awscdk.services.dynamodb.Table table() {
        return table;
    }
}
