package io.mailconfig.store.dynamodb;

import static io.mailconfig.store.dynamodb.Table.DOMAIN_PREFIX;
import static io.mailconfig.store.dynamodb.Table.PARTITION_KEY;
import static io.mailconfig.store.dynamodb.Table.PROVIDER_PREFIX;

import io.mailconfig.model.DomainConfig;
import io.mailconfig.store.ConfigStore;
import io.mailconfig.store.StoreUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Reads a domain's configuration in two round trips: the inverted index names the provider
 * partition that holds {@code DOMAIN#<name>}, then one query reads that whole partition (more
 * pages only for a provider beyond 1 MB of items).
 */
public final class DynamoDbConfigStore implements ConfigStore {

    private static final Logger LOG = LoggerFactory.getLogger(DynamoDbConfigStore.class);

    private final DynamoDbClient client;
    private final String tableName;

    public DynamoDbConfigStore(DynamoDbClient client, String tableName) {
        this.client = client;
        this.tableName = tableName;
    }

    @Override
    public Optional<DomainConfig> find(String domain) {
        try {
            Optional<String> partition = providerPartitionOf(domain);
            if (partition.isEmpty()) {
                return Optional.empty();
            }
            String providerId = partition.get().substring(PROVIDER_PREFIX.length());
            ItemReader.Result result = ItemReader.read(providerId, partitionItems(partition.get()));
            result.problems().forEach(problem -> LOG.warn("skipped malformed {}", problem));
            return result.config().domain(domain).map(found -> new DomainConfig(found, result.config()));
        } catch (SdkException e) {
            throw new StoreUnavailableException("DynamoDB did not answer for " + domain, e);
        }
    }

    private Optional<String> providerPartitionOf(String domain) {
        QueryResponse response = client.query(Queries.partitionsHolding(tableName, DOMAIN_PREFIX + domain));
        return response.items().stream()
                .map(item -> item.get(PARTITION_KEY))
                .filter(value -> value != null && value.s() != null && value.s().startsWith(PROVIDER_PREFIX))
                .map(AttributeValue::s)
                .findFirst();
    }

    private List<Map<String, AttributeValue>> partitionItems(String partition) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        do {
            QueryResponse page = client.query(Queries.partition(tableName, partition).toBuilder()
                    .exclusiveStartKey(startKey)
                    .build());
            items.addAll(page.items());
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null);
        return items;
    }
}
