package io.mailconfig.infra;

import io.mailconfig.store.dynamodb.Table;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.constructs.Construct;

/**
 * The table, alone in its stack: the service can be redeployed or destroyed without touching the
 * data. Deletion protection and a RETAIN policy keep it even when this stack is deleted.
 */
public final class DataStack extends Stack {

    private final ITable table;

    public DataStack(Construct scope, String id, StackProps props, InfraConfig config) {
        super(scope, id, props);
        software.amazon.awscdk.services.dynamodb.Table table = software.amazon.awscdk.services.dynamodb.Table.Builder.create(this, "Table")
                .tableName(config.tableName())
                .partitionKey(Attribute.builder().name(Table.PARTITION_KEY).type(AttributeType.STRING).build())
                .sortKey(Attribute.builder().name(Table.SORT_KEY).type(AttributeType.STRING).build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder().pointInTimeRecoveryEnabled(true).build())
                .deletionProtection(true)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        table.addGlobalSecondaryIndex(GlobalSecondaryIndexProps.builder()
                .indexName(Table.INVERTED_INDEX)
                .partitionKey(Attribute.builder().name(Table.SORT_KEY).type(AttributeType.STRING).build())
                .sortKey(Attribute.builder().name(Table.PARTITION_KEY).type(AttributeType.STRING).build())
                .projectionType(ProjectionType.KEYS_ONLY)
                .build());
        this.table = table;
    }

    public ITable table() {
        return table;
    }
}
