package io.mailconfig.dnsupdater;

import io.mailconfig.testing.TestTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The test table's DynamoDB stream, read with the Streams API from DynamoDB Local, and its
 * records handed over in the shape of the event Lambda delivers to a stream-triggered function.
 */
final class TableStream {

    private final DynamoDbStreamsClient streams;
    private final String streamArn;
    private final Map<String, String> iterators = new HashMap<>();

    TableStream(TestTable table) {
        this.streams = table.streams();
        this.streamArn = table.client().describeTable(request -> request.tableName(TestTable.NAME)).table().latestStreamArn();
    }

    /** The stream's records since the last call, as one Lambda event ({@code Records}). */
    Map<String, Object> event() {
        List<Map<String, Object>> records = new ArrayList<>();
        for (Shard shard : streams.describeStream(request -> request.streamArn(streamArn)).streamDescription().shards()) {
            String iterator = iterators.computeIfAbsent(shard.shardId(), id -> streams.getShardIterator(request -> request
                    .streamArn(streamArn).shardId(id).shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator());
            while (iterator != null) {
                String from = iterator;
                GetRecordsResponse page = streams.getRecords(request -> request.shardIterator(from));
                page.records().forEach(record -> records.add(lambdaRecord(record)));
                iterator = page.nextShardIterator();
                if (page.records().isEmpty()) {
                    break;
                }
            }
            iterators.put(shard.shardId(), iterator);
        }
        return Map.of("Records", records);
    }

    /** One record as Lambda's event carries it: DynamoDB JSON for the keys. */
    private static Map<String, Object> lambdaRecord(Record record) {
        Map<String, Object> keys = new LinkedHashMap<>();
        record.dynamodb().keys().forEach((name, value) -> keys.put(name, json(value)));
        Map<String, Object> dynamodb = new LinkedHashMap<>();
        dynamodb.put("Keys", keys);
        dynamodb.put("SequenceNumber", record.dynamodb().sequenceNumber());
        dynamodb.put("StreamViewType", record.dynamodb().streamViewTypeAsString());
        Map<String, Object> lambda = new LinkedHashMap<>();
        lambda.put("eventID", record.eventID());
        lambda.put("eventName", record.eventNameAsString());
        lambda.put("eventSource", "aws:dynamodb");
        lambda.put("awsRegion", record.awsRegion());
        lambda.put("dynamodb", dynamodb);
        return lambda;
    }

    private static Map<String, Object> json(AttributeValue value) {
        return Map.of("S", value.s());
    }
}
